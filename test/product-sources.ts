import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The product's TypeScript files under `dir`: no specs, no declarations, and none that `skip` names. */
export function* productSources(dir: string, skip: (name: string) => boolean = () => false): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* productSources(path, skip);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') && !skip(entry.name)) yield path;
  }
}
