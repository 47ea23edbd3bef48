import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BackupError, ConfigError, createBackup, keyringWhereabouts, loadConfig } from '@kivuko/platform';

/** The version in Kivuko's package.json, found upwards from this file (source or dist). */
export function kivukoVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'kivuko' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

const say = (message: string): void => {
  process.stderr.write(`[kivuko-backup] ${message}\n`);
};

const USAGE = 'usage: npm run backup [-- --out <folder>]   (default folder: KIVUKO_BACKUP_DIR, else ./backups)';

/**
 * `npm run backup`: a consistent backup of the database this configuration uses (DATABASE_URL, or the
 * embedded one of KIVUKO_DATA_DIR, running or not) into a new folder named by the time, with its manifest.
 */
async function main(args: string[]): Promise<void> {
  let outDir = process.env.KIVUKO_BACKUP_DIR || 'backups';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1]) outDir = args[++i];
    else {
      say(USAGE);
      process.exitCode = 2;
      return;
    }
  }
  const config = loadConfig({ ...process.env, KIVUKO_API_RUNS_JOBS: 'false' }, 'api');
  const { folder, manifest } = await createBackup({ config, outDir, kivukoVersion: kivukoVersion(), log: say });
  say(`backup written: ${folder}`);
  say(`  ${manifest.kind}, schema ${manifest.schemaVersion}, PostgreSQL ${manifest.postgresVersion}, Kivuko ${manifest.kivukoVersion}`);
  say(`  checksum (sha-256) ${manifest.checksum}`);
  say('');
  say('WARNING: this backup does NOT contain the encryption keyring. Without it the encrypted sections of every case');
  say('cannot be read and the audit trail cannot be verified. Back the keyring up separately, and keep it apart from');
  say('the database backups (whoever holds both holds the data):');
  say(`  ${keyringWhereabouts(config)}`);
  process.stdout.write(`${folder}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  say(error instanceof ConfigError || error instanceof BackupError ? `refused: ${error.message}` : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
