import 'reflect-metadata';
import { BackupError, bootRuntime, ConfigError, loadConfig, restoreBackup } from '@kivuko/platform';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES, verifyAuditTrail } from '@kivuko/runtime';
import { MigrationInterface } from 'typeorm';

const say = (message: string): void => {
  process.stderr.write(`[kivuko-restore] ${message}\n`);
};

/** Exit codes: 1 refused or failed, 2 usage, 3 restored but the audit trail does not verify. */
const USAGE = 'usage: npm run restore -- <backup folder>   (into KIVUKO_DATA_DIR, empty, or the empty database of DATABASE_URL)';

/** The names TypeORM records in schema_migration, in order. */
const knownMigrations = (): string[] =>
  ALL_MIGRATIONS.map((m) => {
    const instance = new (m as new () => MigrationInterface)();
    return instance.name ?? m.name;
  });

/**
 * `npm run restore -- <backup>`: checks the backup, restores it into an empty data folder or database,
 * migrates it forward to this code's schema, and verifies the audit chains as GET /api/v1/audit/verify does.
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    say(USAGE);
    return 2;
  }
  const config = loadConfig({ ...process.env, KIVUKO_API_RUNS_JOBS: 'false' }, 'api');
  const manifest = await restoreBackup({ config, backupDir: args[0], knownMigrations: knownMigrations(), log: say });
  say(`restored the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}, Kivuko ${manifest.kivukoVersion})`);
  const booted = await bootRuntime(config, { entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS, log: say });
  let code = 0;
  try {
    say(booted.appliedMigrations.length > 0 ? `migrated forward: ${booted.appliedMigrations.join(', ')}` : 'the schema is current');
    const result = await verifyAuditTrail(booted.runtime);
    process.stdout.write(`${JSON.stringify({ audit: result })}\n`);
    if (result.ok) say(`audit trail verified: ${result.chains} chains, ${result.events} events, unbroken`);
    else {
      say(`AUDIT TRAIL DOES NOT VERIFY: ${JSON.stringify(result.firstBroken)} (is the keyring the one backed up with this database?)`);
      code = 3;
    }
  } finally {
    await booted.stopDatabase();
  }
  return code;
}

// Exits explicitly: shutting the embedded server down must not decide the exit code.
main(process.argv.slice(2)).then((code) => process.exit(code)).catch((error: unknown) => {
  say(error instanceof ConfigError || error instanceof BackupError ? `refused: ${error.message}` : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
