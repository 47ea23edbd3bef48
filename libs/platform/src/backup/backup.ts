import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { EMBEDDED_DATABASE_NAME } from '../boot';
import { AppConfig } from '../config/app-config';
import { claimDataFolder, DataFolderInUseError } from '../db/data-folder-lock';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { APP_ROLE } from '../db/migrate';
import { BackupError, BackupManifest, migrationTimestamp, readVerifiedManifest, writeManifest } from './backup-manifest';
import { connectionArgs, findPgTool, runTool, serverMajor } from './pg-tools';

const run = promisify(execFile);

export const DUMP_FILE = 'database.dump';
export const CLUSTER_FOLDER = 'cluster';
const PASSWORD_FILE = 'pg-superuser-password';
/** The keyring and signing secret kept in the data folder (outside production), which may be put in place before a restore. */
export const KEPT_SECRET_FILES = ['encryption-keys', 'jwt-secret'];

export interface BackupOptions {
  config: AppConfig;
  /** The folder the backup's own folder is made in. */
  outDir: string;
  kivukoVersion: string;
  log: (message: string) => void;
  now?: Date;
}

/** Where the encryption keyring this configuration uses lives, and how to keep a copy of it. */
export function keyringWhereabouts(config: AppConfig): string {
  if (config.encryptionKeys) {
    return 'The keyring is the value of KIVUKO_ENCRYPTION_KEYS in this environment: keep a copy of that value in your secret store (password manager, vault), apart from the backups.';
  }
  const file = join(resolve(config.dataDir), 'encryption-keys');
  return (
    `The keyring is the file ${file}: copy it (cp -p ${file} <a safe place>, readable by its owner only) apart from the backups, ` +
    'and again after every `npm run keys -- add`. To restore, put it into the new data folder before `npm run restore`.'
  );
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

async function makeBackupFolder(outDir: string, now: Date): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const base = join(resolve(outDir), `kivuko-backup-${stamp(now)}`);
  for (let n = 1; ; n++) {
    const folder = n === 1 ? base : `${base}-${n}`;
    try {
      await mkdir(folder, { mode: 0o700 });
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function lastMigration(client: Client): Promise<string> {
  const found = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.schema_migration') IS NOT NULL AS exists`);
  if (!found.rows[0].exists) throw new BackupError('the database has no Kivuko schema (no schema_migration table): nothing to back up');
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY timestamp DESC, id DESC LIMIT 1`);
  if (rows.length === 0) throw new BackupError('the database has no migration applied: nothing to back up');
  return rows[0].name;
}

/** A consistent backup of the database this configuration uses, in a new folder named by the time. */
export async function createBackup(options: BackupOptions): Promise<{ folder: string; manifest: BackupManifest }> {
  const now = options.now ?? new Date();
  const folder = await makeBackupFolder(options.outDir, now);
  const fields = { createdAt: now.toISOString(), kivukoVersion: options.kivukoVersion };
  if (options.config.database.url) {
    const url = options.config.database.url;
    const client = new Client({ connectionString: url });
    await client.connect();
    let schemaVersion: string;
    let version: string;
    let major: number;
    try {
      schemaVersion = await lastMigration(client);
      ({ major, version } = await serverMajor(client));
    } finally {
      await client.end();
    }
    const pgDump = await findPgTool('pg_dump', major);
    options.log(`dumping the database with ${pgDump.path} (PostgreSQL ${pgDump.major}) from a server of version ${version}`);
    const { args, env } = connectionArgs(url);
    await runTool(pgDump.path, ['--format=custom', '--compress=6', '--file', join(folder, DUMP_FILE), ...args], env);
    const manifest = await writeManifest(folder, { kind: 'pg_dump', schemaVersion, postgresVersion: version, ...fields });
    return { folder, manifest };
  }
  return backupEmbedded(options, folder, fields);
}

/** The embedded server of a data folder: the one the running api holds, or started for the time of the backup. */
async function embeddedServer(dataDir: string, log: (m: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const cluster = join(dataDir, 'pg');
  if (!existsSync(join(cluster, 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${dataDir} (no ${cluster}/PG_VERSION)`);
  try {
    const started = await startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE_NAME, log });
    log('the embedded database was stopped: started it for the time of the backup');
    return started;
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    // The api holds it: its server writes its port on the fourth line of postmaster.pid.
    const port = Number((await readFile(join(cluster, 'postmaster.pid'), 'utf8')).split('\n')[3]);
    if (!Number.isInteger(port) || port <= 0) throw new BackupError(`Kivuko (pid ${error.ownerPid}) holds ${dataDir} but its database server is not running`);
    const password = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    log(`the embedded database is in use by Kivuko (pid ${error.ownerPid}): backing it up while it runs`);
    return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`, stop: async () => undefined };
  }
}

/** What a base backup leaves out (as pg_basebackup does): runtime state the server rebuilds. Their folders stay, empty. */
const EMPTIED_FOLDERS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'pg_internal.init', 'backup_manifest']);
/** The folders a cluster must have, made again on restore should a copy of the backup have lost empty ones. */
const CLUSTER_FOLDERS = [
  'pg_wal/archive_status',
  'pg_wal/summaries',
  'pg_tblspc',
  'pg_twophase',
  'pg_commit_ts',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat',
  'pg_stat_tmp',
  'pg_subtrans',
  'pg_logical/snapshots',
  'pg_logical/mappings',
  'pg_multixact/members',
  'pg_multixact/offsets',
  'pg_xact',
];

/**
 * Copies a folder tree; files the server removes meanwhile are skipped (the WAL replay restores consistency).
 * `live`: from a running cluster, leaving out (at its top) what a base backup leaves out.
 */
async function copyTree(from: string, to: string, live: boolean, top = true): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (live && top && EMPTIED_FOLDERS.has(entry.name)) await mkdir(target, { mode: 0o700 });
      else if (live && entry.name.startsWith('pgsql_tmp')) continue;
      else await copyTree(source, target, live, false);
    } else if (entry.isFile() && !(live && SKIPPED_FILES.has(entry.name))) {
      await copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}

/**
 * A base backup of the embedded cluster while it runs: pg_backup_start, a copy of the files, pg_backup_stop,
 * then the WAL written meanwhile, which a temporary replication slot keeps from being recycled. On start
 * the restored server replays that WAL to the moment of pg_backup_stop: a consistent database.
 */
async function backupEmbedded(options: BackupOptions, folder: string, fields: { createdAt: string; kivukoVersion: string }) {
  const dataDir = resolve(options.config.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const server = await embeddedServer(dataDir, options.log);
  try {
    const client = new Client({ connectionString: server.url, application_name: 'kivuko-backup' });
    await client.connect();
    let schemaVersion: string;
    let version: string;
    try {
      schemaVersion = await lastMigration(client);
      ({ version } = await serverMajor(client));
      await client.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [`kivuko_backup_${process.pid}`]);
      await client.query(`SELECT pg_backup_start($1, true)`, [`kivuko ${fields.createdAt}`]);
      const target = join(folder, CLUSTER_FOLDER);
      await copyTree(clusterDir, target, true);
      const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null; stopfile: string }>(
        `SELECT labelfile, spcmapfile, pg_walfile_name(lsn) AS stopfile FROM pg_backup_stop(false)`,
      );
      await writeFile(join(target, 'backup_label'), rows[0].labelfile, { mode: 0o600 });
      if (rows[0].spcmapfile) await writeFile(join(target, 'tablespace_map'), rows[0].spcmapfile, { mode: 0o600 });
      // Only the WAL from the backup's start to its stop: older segments are not needed, later ones are unused.
      const startFile = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(rows[0].labelfile)?.[1];
      if (!startFile) throw new BackupError('pg_backup_stop gave no start WAL file in its backup label');
      for (const entry of await readdir(join(clusterDir, 'pg_wal'), { withFileTypes: true })) {
        const segment = entry.isFile() && /^[0-9A-F]{24}$/.test(entry.name) && entry.name >= startFile && entry.name <= rows[0].stopfile;
        if (segment || (entry.isFile() && entry.name.endsWith('.history'))) {
          await copyFile(join(clusterDir, 'pg_wal', entry.name), join(target, 'pg_wal', entry.name));
        }
      }
    } finally {
      await client.end(); // drops the temporary slot
    }
    await copyFile(join(dataDir, PASSWORD_FILE), join(folder, PASSWORD_FILE));
    const manifest = await writeManifest(folder, { kind: 'embedded-cluster', schemaVersion, postgresVersion: version, ...fields });
    return { folder, manifest };
  } finally {
    await server.stop();
  }
}

export interface RestoreOptions {
  config: AppConfig;
  backupDir: string;
  /** The migrations this code knows, by name, in order. */
  knownMigrations: string[];
  log: (message: string) => void;
}

/** Refuses a backup whose schema is newer than this code's: its last migration is not one this code knows. */
export function checkSchemaVersion(manifest: BackupManifest, knownMigrations: string[]): void {
  const newest = knownMigrations[knownMigrations.length - 1];
  const known = knownMigrations.includes(manifest.schemaVersion);
  const at = migrationTimestamp(manifest.schemaVersion);
  const newestAt = migrationTimestamp(newest);
  if (!known || (at !== null && newestAt !== null && at > newestAt)) {
    throw new BackupError(
      `the backup's schema (${manifest.schemaVersion}, Kivuko ${manifest.kivukoVersion}) is newer than this Kivuko knows ` +
        `(its newest migration is ${newest}): restore it with a Kivuko at least as new as the one that made it`,
    );
  }
}

/**
 * Checks the backup (checksums, schema version, keyring at hand) and puts the database back into an
 * empty data folder (embedded) or an empty database (DATABASE_URL). Migrating forward and verifying the
 * audit trail follow, by booting as usual.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const backupDir = resolve(options.backupDir);
  const manifest = await readVerifiedManifest(backupDir);
  checkSchemaVersion(manifest, options.knownMigrations);
  const { config } = options;
  if (!config.encryptionKeys && !existsSync(join(resolve(config.dataDir), 'encryption-keys'))) {
    throw new BackupError(
      `no encryption keyring at hand: put the keyring backed up with the database into ${join(resolve(config.dataDir), 'encryption-keys')} ` +
        '(or set KIVUKO_ENCRYPTION_KEYS) first; without it the encrypted sections cannot be read and the audit trail cannot be verified',
    );
  }
  if (config.database.url) {
    if (manifest.kind !== 'pg_dump') throw new BackupError('this backup is of an embedded database: restore it without DATABASE_URL, into an empty data folder');
    await restoreDump(config.database.url, join(backupDir, DUMP_FILE), options.log);
  } else {
    if (manifest.kind !== 'embedded-cluster') throw new BackupError('this backup is a pg_dump of a configured database: restore it with DATABASE_URL set to an empty database');
    await restoreCluster(resolve(config.dataDir), backupDir, options.log);
  }
  return manifest;
}

async function restoreDump(url: string, dumpFile: string, log: (m: string) => void): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  let major: number;
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'`,
    );
    if (Number(rows[0].n) > 0) {
      throw new BackupError(`the database ${new URL(url).pathname.slice(1)} is not empty (${rows[0].n} tables, views or sequences): restore into a new, empty database`);
    }
    ({ major } = await serverMajor(client));
    // Roles belong to the server, not the database: the application role the dump grants to must exist.
    await client.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
        END IF;
      END $$`);
  } finally {
    await client.end();
  }
  const pgRestore = await findPgTool('pg_restore', major);
  log(`restoring with ${pgRestore.path} (PostgreSQL ${pgRestore.major}), in one transaction`);
  const { args, env } = connectionArgs(url);
  await runTool(pgRestore.path, ['--no-owner', '--exit-on-error', '--single-transaction', ...args, dumpFile], env);
}

async function postgresOsUser(): Promise<{ uid: number; gid: number }> {
  const ids = async () => ({ uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) });
  try {
    return await ids();
  } catch {
    // As the embedded package does when it creates a cluster as root.
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await chown(full, uid, gid);
  }
}

async function restoreCluster(dataDir: string, backupDir: string, log: (m: string) => void): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const present = (await readdir(dataDir)).filter((name) => !KEPT_SECRET_FILES.includes(name));
  if (present.length > 0) {
    throw new BackupError(`the data folder ${dataDir} is not empty (it holds ${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}): restore into a new, empty folder`);
  }
  const release = await claimDataFolder(dataDir);
  try {
    const clusterDir = join(dataDir, 'pg');
    log(`copying the cluster into ${clusterDir}`);
    await copyTree(join(backupDir, CLUSTER_FOLDER), clusterDir, false);
    for (const sub of CLUSTER_FOLDERS) await mkdir(join(clusterDir, sub), { recursive: true, mode: 0o700 });
    await copyFile(join(backupDir, PASSWORD_FILE), join(dataDir, PASSWORD_FILE));
    await chmod(join(dataDir, PASSWORD_FILE), 0o600);
    await chmod(clusterDir, 0o700);
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      const { uid, gid } = await postgresOsUser();
      await chownTree(clusterDir, uid, gid);
    }
  } finally {
    await release();
  }
}
