import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'kivuko-backup/1';

/**
 * `pg_dump`: `database.dump`, pg_dump's custom format, of a configured database (DATABASE_URL).
 * `embedded-cluster`: `cluster/`, a base backup of the embedded server's cluster with the WAL it needs
 * (the embedded package ships no pg_dump of its own major version), and `pg-superuser-password`.
 */
export type BackupKind = 'pg_dump' | 'embedded-cluster';

export interface BackupFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  kind: BackupKind;
  createdAt: string;
  /** The last migration applied to the database when it was backed up (its name ends with its timestamp). */
  schemaVersion: string;
  kivukoVersion: string;
  postgresVersion: string;
  /** Every file of the backup but the manifest, with its SHA-256. */
  files: BackupFile[];
  /** SHA-256 of the lines `sha256  path` of `files`, in order: one figure to compare with a copy. */
  checksum: string;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function checksumOf(files: readonly BackupFile[]): string {
  return createHash('sha256')
    .update(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''))
    .digest('hex');
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)));
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Lists and hashes what the backup folder holds, and writes its manifest. */
export async function writeManifest(folder: string, fields: Omit<BackupManifest, 'format' | 'files' | 'checksum'>): Promise<BackupManifest> {
  const files: BackupFile[] = [];
  for (const path of await listFiles(folder)) {
    if (path === MANIFEST_FILE) continue;
    const full = join(folder, path);
    files.push({ path, bytes: (await stat(full)).size, sha256: await sha256File(full) });
  }
  const manifest: BackupManifest = { format: BACKUP_FORMAT, ...fields, files, checksum: checksumOf(files) };
  await writeFile(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Reads a backup's manifest and checks every file against it: a file missing, added, or changed is refused. */
export async function readVerifiedManifest(folder: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${folder} is not a Kivuko backup: its ${MANIFEST_FILE} cannot be read (${(error as Error).message})`);
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files) || typeof manifest.schemaVersion !== 'string') {
    throw new BackupError(`${folder}/${MANIFEST_FILE} is not a ${BACKUP_FORMAT} manifest`);
  }
  if (checksumOf(manifest.files) !== manifest.checksum) {
    throw new BackupError(`checksum mismatch: the file list of ${MANIFEST_FILE} does not match its checksum ${manifest.checksum}`);
  }
  const present = (await listFiles(folder)).filter((p) => p !== MANIFEST_FILE);
  const listed = new Set(manifest.files.map((f) => f.path));
  const extra = present.filter((p) => !listed.has(p));
  if (extra.length > 0) throw new BackupError(`checksum mismatch: ${extra[0]} is in the backup folder but not in its manifest`);
  for (const file of manifest.files) {
    const full = join(folder, file.path);
    const actual = await sha256File(full).catch(() => null);
    if (actual === null) throw new BackupError(`checksum mismatch: ${file.path} is missing from the backup`);
    if (actual !== file.sha256) throw new BackupError(`checksum mismatch: ${file.path} has SHA-256 ${actual}, the manifest says ${file.sha256}`);
  }
  return manifest;
}

/** The timestamp TypeORM's migration names end with (`KeyedAuditChain1765841000000`). */
export function migrationTimestamp(name: string): number | null {
  const match = /(\d{13})$/.exec(name);
  return match ? Number(match[1]) : null;
}
