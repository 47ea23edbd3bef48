import { BackupManifest, migrateDatabase } from '@kivuko/platform';
import { adminClient, createTestDatabase, databaseUrl, TEST_APP_DB_PASSWORD, TEST_ENCRYPTION_KEYS, TestDatabase, testRunId } from '@kivuko/platform/testing';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DEMO_PASSWORD, startDemoApi } from './demo-api';

/**
 * `npm run backup` and `npm run restore` as an operator runs them (the built commands, as child processes),
 * on a real embedded PostgreSQL in temporary data folders and on the shared server for DATABASE_URL.
 */
const ROOT = join(__dirname, '..', '..', '..');
const DEMO_ENV = { KIVUKO_DEMO: 'true', KIVUKO_DEMO_CASES: 'false', KIVUKO_DEMO_PASSWORD: DEMO_PASSWORD };

/** The api: its address when run as a process, the application in-process. */
type App = string | NestFastifyApplication;
const server = (app: App) => (typeof app === 'string' ? app : app.getHttpServer());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function command(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  const base: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env };
  for (const name of ['DATABASE_URL', 'KIVUKO_ENCRYPTION_KEYS', 'REDIS_URL']) if (!(name in env)) delete base[name];
  return new Promise((resolve) => {
    execFile('node', [join(ROOT, 'dist', 'apps', 'api', 'src', `${script}.js`), ...args], { env: base, cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const backupFolderOf = (run: Run): string => {
  if (run.code !== 0) throw new Error(`backup failed (${run.code}): ${run.stderr}`);
  return run.stdout.trim().split('\n').pop() as string;
};

/** The built api (`npm start`) on a data folder: embedded database, kept secrets, demo users; its own process group. */
async function startApiOn(dataDir: string): Promise<{ app: string; owner(sql: string, params?: unknown[]): Promise<unknown[]>; close(): Promise<void> }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', KIVUKO_DATA_DIR: dataDir, KIVUKO_API_RUNS_JOBS: 'false', LOG_LEVEL: 'warn', ...DEMO_ENV };
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = /api ready at http:\/\/localhost:(\d+)/.exec(output);
    const db = /embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(output);
    if (ready && db) {
      /** SQL as the embedded server's superuser (fixtures). */
      const owner = async (sql: string, params: unknown[] = []): Promise<unknown[]> => {
        const password = (await readFile(join(dataDir, 'pg-superuser-password'), 'utf8')).trim();
        const client = new Client({ host: '127.0.0.1', port: Number(db[1]), user: 'postgres', password, database: 'kivuko' });
        await client.connect();
        try {
          return (await client.query(sql, params)).rows;
        } finally {
          await client.end();
        }
      };
      return { app: `http://127.0.0.1:${ready[1]}`, owner, close };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      throw new Error(`the api did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(app: App, username: string): Promise<{ authorization: string }> {
  const res = await request(server(app)).post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  return { authorization: `Bearer ${res.body.accessToken as string}` };
}

async function registerCase(app: App, givenName: string, statement: string): Promise<string> {
  const official = await signIn(app, 'border.official');
  const points = await request(server(app)).get('/api/v1/border-points').set(official).expect(200);
  const borderPointId = (points.body as { id: string; code: string }[]).find((p) => p.code === 'NMG')?.id;
  const res = await request(server(app))
    .post('/api/v1/intakes')
    .set(official)
    .send({
      intakeId: randomUUID(),
      arrival: { borderPointId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [
        {
          givenName,
          familyName: 'Achieng',
          sex: 'FEMALE',
          dateOfBirth: '1999-04-04',
          nationalities: ['SSD'],
          screening: { answers: { fear_of_return: true, asylum_statement: statement, health_triage: 'NEEDS_CARE', health_need: 'Malaria symptoms' } },
        },
      ],
    })
    .expect(201);
  return res.body.cases[0].id as string;
}

describe('backup and restore of the embedded database', () => {
  let work: string;
  let source: string;
  let backups: string;
  let onlineBackup: string;
  let offlineBackup: string;
  const cases: string[] = [];
  /** What the two backups said. */
  const said: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kivuko-backup-'));
    source = join(work, 'source');
    backups = join(work, 'backups');
    const api = await startApiOn(source);
    try {
      cases.push(await registerCase(api.app, 'Grace', 'Soldiers burned our house in Yei.'));
      cases.push(await registerCase(api.app, 'Amani', 'They took my brother at the market.'));
      // The referral to the asylum authority (the SOP's jobs write these; here the share stands in for it).
      await api.owner(`INSERT INTO case_share (case_id, agency_id, source) SELECT $1, id, 'REFERRAL' FROM agency WHERE name = 'Refugee Status Authority'`, [cases[0]]);
      // The api holds the data folder: the backup is taken from its running server, while arrivals keep coming.
      let writing = true;
      const during = (async () => {
        for (let n = 0; writing; n++) await registerCase(api.app, `During${n}`, 'Registered while the backup ran.');
      })();
      const run = await command('backup', ['--out', backups], { KIVUKO_DATA_DIR: source });
      writing = false;
      await during;
      onlineBackup = backupFolderOf(run);
      said.push(run.stderr);
      // Written after the backup: must not be in the restored database.
      cases.push(await registerCase(api.app, 'Later', 'After the backup.'));
    } finally {
      await api.close();
    }
    // Stopped now: the backup starts the server for its own time.
    const run = await command('backup', ['--out', backups], { KIVUKO_DATA_DIR: source });
    offlineBackup = backupFolderOf(run);
    said.push(run.stderr);
  }, 180_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('backs up the database the running api holds, and one that is stopped by starting it for the time of the backup', () => {
    expect(said[0]).toContain('backing it up while it runs');
    expect(said[1]).toContain('started it for the time of the backup');
  });

  it('writes a manifest with time, schema version, checksums and the Kivuko version, and warns about the keyring', async () => {
    const manifest = JSON.parse(await readFile(join(onlineBackup, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'kivuko-backup/1', kind: 'embedded-cluster', kivukoVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(manifest.schemaVersion).toBe(ALL_MIGRATIONS[ALL_MIGRATIONS.length - 1].name);
    expect(Date.parse(manifest.createdAt)).toBeGreaterThan(Date.now() - 600_000);
    expect(manifest.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.files.length).toBeGreaterThan(10);
    expect(onlineBackup).toMatch(/kivuko-backup-\d{8}T\d{6}Z/);
    const again = await command('backup', ['--out', backups], { KIVUKO_DATA_DIR: source });
    backupFolderOf(again);
    expect(again.stderr).toContain('WARNING: this backup does NOT contain the encryption keyring');
    expect(again.stderr).toContain(join(source, 'encryption-keys'));
  }, 120_000);

  it('restores the running api’s backup into a fresh folder: the cases read, their encrypted sections decrypt, the audit trail verifies', async () => {
    const target = join(work, 'restored');
    await mkdir(target);
    // As the README says: the keyring, backed up apart, goes into the new data folder first.
    await cp(join(source, 'encryption-keys'), join(target, 'encryption-keys'));
    const run = await command('restore', [onlineBackup], { KIVUKO_DATA_DIR: target });
    expect(run.stderr).toContain('audit trail verified');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').pop() as string)).toMatchObject({ audit: { ok: true, events: expect.any(Number) } });

    const api = await startApiOn(target);
    try {
      const reviewer = await signIn(api.app, 'asylum.reviewer');
      const found = await request(server(api.app)).get(`/api/v1/cases/${cases[0]}`).set(reviewer).expect(200);
      expect(found.body.sections.ASYLUM.answers).toEqual({ fear_of_return: true, asylum_statement: 'Soldiers burned our house in Yei.' });
      const supervisor = await signIn(api.app, 'border.official');
      await request(server(api.app)).get(`/api/v1/cases/${cases[1]}`).set(supervisor).expect(200);
      // Registered after the backup was taken.
      await request(server(api.app)).get(`/api/v1/cases/${cases[2]}`).set(supervisor).expect(404);
      const verify = await request(server(api.app)).get('/api/v1/audit/verify').set(await signIn(api.app, 'monitor')).expect(200);
      expect(verify.body).toMatchObject({ ok: true });
      expect(verify.body.events).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  }, 180_000);

  it('restores a backup taken while stopped, and refuses a folder that is not empty', async () => {
    const target = join(work, 'restored-offline');
    await mkdir(target);
    await cp(join(source, 'encryption-keys'), join(target, 'encryption-keys'));
    const first = await command('restore', [offlineBackup], { KIVUKO_DATA_DIR: target });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n').pop() as string).audit.ok).toBe(true);
    const second = await command('restore', [offlineBackup], { KIVUKO_DATA_DIR: target });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`the data folder ${target} is not empty`);
  }, 180_000);

  it('refuses a backup whose files do not match their checksums', async () => {
    const tampered = join(work, 'tampered');
    await cp(onlineBackup, tampered, { recursive: true });
    const manifest = JSON.parse(await readFile(join(tampered, 'manifest.json'), 'utf8')) as BackupManifest;
    const victim = manifest.files.find((f) => f.path.startsWith('cluster/base/') && f.bytes > 0)!;
    const bytes = await readFile(join(tampered, victim.path));
    bytes[0] ^= 0xff;
    await writeFile(join(tampered, victim.path), bytes);
    const target = join(work, 'restored-tampered');
    await mkdir(target);
    await cp(join(source, 'encryption-keys'), join(target, 'encryption-keys'));
    const run = await command('restore', [tampered], { KIVUKO_DATA_DIR: target });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`checksum mismatch: ${victim.path}`);
    expect(await readFile(join(target, 'encryption-keys'), 'utf8')).toBeTruthy();
  }, 60_000);

  it('refuses a backup from a newer schema than this code knows', async () => {
    const newer = join(work, 'newer');
    await cp(onlineBackup, newer, { recursive: true });
    const manifest = JSON.parse(await readFile(join(newer, 'manifest.json'), 'utf8')) as BackupManifest;
    await writeFile(join(newer, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: 'SomethingToCome1799999999999', kivukoVersion: '9.0.0' }));
    const target = join(work, 'restored-newer');
    await mkdir(target);
    await cp(join(source, 'encryption-keys'), join(target, 'encryption-keys'));
    const run = await command('restore', [newer], { KIVUKO_DATA_DIR: target });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the backup's schema (SomethingToCome1799999999999, Kivuko 9.0.0) is newer than this Kivuko knows");
  }, 60_000);

  it('says so, and exits 3, when the audit trail does not verify under the keyring put in place (another keyring)', async () => {
    const target = join(work, 'restored-wrong-key');
    await mkdir(target);
    await writeFile(join(target, 'encryption-keys'), `other:${randomBytes(32).toString('base64')}\n`);
    const run = await command('restore', [onlineBackup], { KIVUKO_DATA_DIR: target });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AUDIT TRAIL DOES NOT VERIFY');
    expect(JSON.parse(run.stdout.trim().split('\n').pop() as string).audit.ok).toBe(false);
  }, 60_000);

  it('refuses to restore without the keyring at hand', async () => {
    const target = join(work, 'restored-keyless');
    const run = await command('restore', [onlineBackup], { KIVUKO_DATA_DIR: target });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no encryption keyring at hand');
  }, 60_000);
});

describe('backup and restore of a configured database (DATABASE_URL, pg_dump custom format)', () => {
  let work: string;
  const targets: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kivuko-backup-'));
    await writeFile(join(work, 'encryption-keys'), `${TEST_ENCRYPTION_KEYS}\n`);
  });

  afterAll(async () => {
    const admin = await adminClient();
    try {
      for (const name of targets) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await rm(work, { recursive: true, force: true });
  });

  async function emptyDatabase(suffix: string): Promise<string> {
    const name = `kivuko_test_${testRunId()}_w${process.env.JEST_WORKER_ID ?? '0'}_${suffix}`;
    targets.push(name);
    const admin = await adminClient();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    return databaseUrl(name);
  }

  it('dumps, restores into an empty database with the audit trail verified, and refuses a database that is not empty', async () => {
    const api = await startDemoApi('bkcfg', DEMO_ENV);
    let db: TestDatabase;
    try {
      db = api.db;
      await registerCase(api.app, 'Grace', 'Soldiers burned our house in Yei.');
      const run = await command('backup', ['--out', join(work, 'backups')], { DATABASE_URL: db.url, KIVUKO_DATA_DIR: work });
      const folder = backupFolderOf(run);
      const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as BackupManifest;
      expect(manifest).toMatchObject({ kind: 'pg_dump', files: [{ path: 'database.dump' }] });
      expect((await readFile(join(folder, 'database.dump'))).subarray(0, 5).toString()).toBe('PGDMP');

      const target = await emptyDatabase('bkcfg_to');
      const restored = await command('restore', [folder], { DATABASE_URL: target, KIVUKO_DATA_DIR: work, KIVUKO_APP_DB_PASSWORD: TEST_APP_DB_PASSWORD });
      expect(restored.stderr).toContain('audit trail verified');
      expect(restored.code).toBe(0);
      const audit = JSON.parse(restored.stdout.trim().split('\n').pop() as string).audit;
      expect(audit.ok).toBe(true);
      expect(audit.events).toBeGreaterThan(0);

      const again = await command('restore', [folder], { DATABASE_URL: target, KIVUKO_DATA_DIR: work, KIVUKO_APP_DB_PASSWORD: TEST_APP_DB_PASSWORD });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/the database kivuko_test_\S+ is not empty/);
    } finally {
      await api.close();
    }
  }, 180_000);

  it('migrates an older backup forward on restore', async () => {
    const older = await createTestDatabase('bkold');
    try {
      // A database at the schema before the newest migration, as an older Kivuko left it.
      const admin = await adminClient();
      try {
        await admin.query(`DROP DATABASE ${admin.escapeIdentifier(older.name)} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(older.name)}`);
      } finally {
        await admin.end();
      }
      await migrateDatabase({ url: older.url, entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS.slice(0, -1), queueSchema: true });
      const folder = backupFolderOf(await command('backup', ['--out', join(work, 'backups')], { DATABASE_URL: older.url, KIVUKO_DATA_DIR: work }));
      const target = await emptyDatabase('bkold_to');
      const restored = await command('restore', [folder], { DATABASE_URL: target, KIVUKO_DATA_DIR: work, KIVUKO_APP_DB_PASSWORD: TEST_APP_DB_PASSWORD });
      expect(restored.code).toBe(0);
      expect(restored.stderr).toContain(`migrated forward: ${ALL_MIGRATIONS[ALL_MIGRATIONS.length - 1].name}`);
    } finally {
      await older.drop();
    }
  }, 180_000);
});
