import { TEST_APP_DB_PASSWORD, TEST_JWT_SECRET } from '@kivuko/platform/testing';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DemoApi, startDemoApi } from './demo-api';

const ROOT = join(__dirname, '../../..');
const KEYS = join(ROOT, 'dist/apps/api/src/keys.js');
const OLD = `old-key:${randomBytes(32).toString('base64')}`;
const NEW = `new-key:${randomBytes(32).toString('base64')}`;

/** `npm run keys -- rotate` as an operator runs it: its own process, the api's configuration with the new key first. */
async function rotate(databaseUrl: string, keyring: string, dataDir: string): Promise<string> {
  const { stderr } = await promisify(execFile)(process.execPath, [KEYS, 'rotate'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      KIVUKO_APP_DB_PASSWORD: TEST_APP_DB_PASSWORD,
      KIVUKO_JWT_SECRET: TEST_JWT_SECRET,
      KIVUKO_ENCRYPTION_KEYS: keyring,
      KIVUKO_DATA_DIR: dataDir,
      KIVUKO_DEMO: 'false',
    },
  });
  return stderr;
}

describe('encryption key rotation', () => {
  let before: DemoApi;
  let dataDir: string;
  let caseId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kivuko-keys-'));
    before = await startDemoApi('keys', { KIVUKO_ENCRYPTION_KEYS: OLD });
    const NMG = await before.borderPointId('NMG');
    const res = await before.http()
      .post('/api/v1/intakes')
      .set(await before.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: NMG, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
        persons: [
          {
            givenName: 'Yonas',
            familyName: 'Tekle',
            sex: 'MALE',
            statedAge: 24,
            nationalities: ['ERI'],
            screening: { answers: { fear_of_return: true, asylum_statement: 'Conscripted indefinitely and beaten after refusing.', health_need: 'Back pain from beatings' } },
          },
        ],
      })
      .expect(201);
    caseId = res.body.cases[0].id;
  }, 60_000);
  afterAll(async () => {
    await before.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('re-encrypts every ciphertext under the new key, after which the old key can go', async () => {
    const keyIds = async (): Promise<string[]> =>
      (await before.owner<{ key: string }>(`SELECT DISTINCT split_part(ciphertext, '.', 2) AS key FROM case_section WHERE ciphertext IS NOT NULL`)).map((r) => r.key);
    expect(await keyIds()).toEqual(['old-key']);
    const stored = await before.owner<{ ciphertext: string }>(`SELECT ciphertext FROM case_section WHERE case_id = $1 AND field_group = 'ASYLUM'`, [caseId]);

    const report = await rotate(before.db.url, `${NEW},${OLD}`, dataDir);
    expect(report).toContain('2 ciphertext(s) named an older key; 2 re-encrypted under "new-key"');
    expect(await keyIds()).toEqual(['new-key']);
    const [after] = await before.owner<{ ciphertext: string }>(`SELECT ciphertext FROM case_section WHERE case_id = $1 AND field_group = 'ASYLUM'`, [caseId]);
    expect(after.ciphertext).not.toEqual(stored[0].ciphertext);
    expect(after.ciphertext).not.toContain('Conscripted');
    expect(await before.owner(`SELECT details FROM audit_event WHERE action = 'KEYS.ROTATED'`)).toEqual([{ details: { rotated: 2, activeKeyId: 'new-key' } }]);

    // A second run finds nothing left to do.
    expect(await rotate(before.db.url, `${NEW},${OLD}`, dataDir)).toContain('0 ciphertext(s) named an older key; 0 re-encrypted');

    // An api holding only the new key reads the sections for an agency entitled to them.
    const asylumAuthority = await before.agencyId('Refugee Status Authority');
    await before.owner(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL')`, [caseId, asylumAuthority]);
    const onlyNew = await startDemoApi(undefined, { KIVUKO_ENCRYPTION_KEYS: NEW }, before.db);
    try {
      const res = await onlyNew.http().get(`/api/v1/cases/${caseId}`).set(await onlyNew.as('asylum.reviewer')).expect(200);
      expect(res.body.sections.ASYLUM.answers).toEqual({ fear_of_return: true, asylum_statement: 'Conscripted indefinitely and beaten after refusing.' });
      expect(res.body.withheldFieldGroups).toEqual(['HEALTH']);
    } finally {
      await onlyNew.close();
    }
  });
});
