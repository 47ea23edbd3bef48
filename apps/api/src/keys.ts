import 'reflect-metadata';
import { addKeptEncryptionKey, bootRuntime, ConfigError, loadConfig } from '@kivuko/platform';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES, rotateEncryptionKeys } from '@kivuko/runtime';

const say = (message: string): void => {
  process.stderr.write(`[kivuko-keys] ${message}\n`);
};

const USAGE = `usage: npm run keys -- <command>
  add     outside production: put a new active key first in the keyring kept in the data folder
  rotate  re-encrypt every stored ciphertext under the active key (the first of the keyring);
          afterwards the older keys can be removed from KIVUKO_ENCRYPTION_KEYS`;

/** Encryption-key upkeep. Run it with the same configuration as the api (and, embedded, with the api stopped). */
async function main(command: string | undefined): Promise<void> {
  // A one-off command: it must not take queued jobs from the running services.
  const config = loadConfig({ ...process.env, KIVUKO_API_RUNS_JOBS: 'false' }, 'api');
  if (command === 'add') {
    const id = await addKeptEncryptionKey(config);
    say(`key "${id}" is now the active key; run "npm run keys -- rotate" to re-encrypt what is stored`);
    return;
  }
  if (command !== 'rotate') {
    say(USAGE);
    process.exitCode = 2;
    return;
  }
  const booted = await bootRuntime(config, { entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS, log: say });
  try {
    const result = await rotateEncryptionKeys(booted.runtime);
    say(`${result.before} ciphertext(s) named an older key; ${result.rotated} re-encrypted under "${result.activeKeyId}"`);
  } finally {
    await booted.stopDatabase();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  say(error instanceof ConfigError ? error.message : `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
