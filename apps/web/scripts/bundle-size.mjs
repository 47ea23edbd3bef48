// The first page's weight: the JavaScript and CSS a browser needs to show the sign-in page (the entry,
// the sign-in route's chunk and what they import, and one catalog), gzipped at level 9, from Vite's manifest.
// Fails above the budget (issue 13: 250 KB). `npm run bench:web-size` builds first.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = resolve(process.argv[2] ?? 'dist/apps/web');
const BUDGET_BYTES = 250 * 1024;
const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8'));

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('index.html');
// The sign-in route is in the entry; were it split out, its chunk counts too.
const signIn = Object.keys(manifest).find((key) => key.startsWith('src/features/auth/routes/sign-in.tsx'));
if (signIn) visit(signIn);
// English is in the entry; another first language adds its own catalog chunk (a few KB).
if (manifest['lang/en.json']) visit('lang/en.json');

let total = 0;
const rows = [...files].sort().map((file) => {
  const raw = readFileSync(join(OUT, file));
  const gzipped = gzipSync(raw, { level: 9 }).length;
  total += gzipped;
  return { file, raw: raw.length, gzipped };
});
for (const row of rows) console.log(`${(row.gzipped / 1024).toFixed(1).padStart(7)} KB gz  ${(row.raw / 1024).toFixed(1).padStart(7)} KB  ${row.file}`);
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB gz  first page (sign-in): JavaScript and CSS; budget ${BUDGET_BYTES / 1024} KB`);
if (total > BUDGET_BYTES) {
  console.error('over budget');
  process.exit(1);
}
