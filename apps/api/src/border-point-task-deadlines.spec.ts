import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const HOUR = 3_600_000;

/**
 * The border point's own deadlines come from the joint SOP in force: completing a mass-arrival record
 * (COMPLETE_INTAKE) and recording the consent a held referral waits for (OBTAIN_CONSENT).
 */
describe('border-point tasks: due as the SOP in force says', () => {
  let api: DemoApi;
  let KGM: string;

  beforeAll(async () => {
    api = await startDemoApi('bp_tasks');
    KGM = await api.borderPointId('KGM');
  }, 60_000);
  afterAll(() => api.close());

  /** An unaccompanied child in a mass arrival: a record to complete, and a referral held for consent. */
  async function registerChild(): Promise<{ due: Record<string, number>; before: number; after: number }> {
    const body = {
      intakeId: randomUUID(),
      mode: 'MASS_ARRIVAL',
      arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - HOUR).toISOString(), mode: 'SEA' },
      persons: [{ description: 'girl, about 10, red scarf', sex: 'FEMALE', statedAge: 10, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] }],
    };
    const before = Date.now();
    const reg = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body).expect(201);
    const after = Date.now();
    const tasks = await api.owner<{ kind: string; due_at: Date }>(
      `SELECT kind, due_at FROM case_task WHERE case_id = $1 AND kind IN ('COMPLETE_INTAKE', 'OBTAIN_CONSENT') AND status = 'OPEN'`,
      [reg.body.cases[0].id],
    );
    return { due: Object.fromEntries(tasks.map((t) => [t.kind, new Date(t.due_at).getTime()])), before, after };
  }

  /** How far a due time lies from `span` after the request: 0 when between its start and end, NaN when there is no task. */
  function offBy(due: number | undefined, span: number, { before, after }: { before: number; after: number }): number {
    if (due === undefined) return Number.NaN;
    if (due < before + span) return before + span - due;
    return due > after + span ? due - (after + span) : 0;
  }

  it('gives 72 hours to complete the record and 1 day to record consent under the default SOP', async () => {
    const run = await registerChild();
    // A second of slack for the api's and the database's clocks.
    expect(offBy(run.due['COMPLETE_INTAKE'], 72 * HOUR, run)).toBeLessThanOrEqual(1_000);
    expect(offBy(run.due['OBTAIN_CONSENT'], 24 * HOUR, run)).toBeLessThanOrEqual(1_000);
  });

  it('gives what another SOP version says once it is the active one', async () => {
    const [active] = await api.owner<{ id: string; document: Record<string, unknown>; signatory_agency_ids: string[] }>(
      `SELECT id, document, signatory_agency_ids FROM sop_version WHERE jurisdiction = 'TZA' AND status = 'ACTIVE'`,
    );
    const document = { ...active.document, version: 'tza-short-tasks', borderPointTasks: { completeIntake: 'PT10H', obtainConsent: 'PT5H' } };
    await api.owner(`UPDATE sop_version SET status = 'RETIRED', retired_at = now() WHERE id = $1`, [active.id]);
    await api.owner(
      `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at)
       VALUES ($1, 'TZA', 'tza-short-tasks', $2::jsonb, 'ACTIVE', $3::uuid[], now() - interval '1 day', now())`,
      [randomUUID(), JSON.stringify(document), active.signatory_agency_ids],
    );
    const run = await registerChild();
    expect(offBy(run.due['COMPLETE_INTAKE'], 10 * HOUR, run)).toBeLessThanOrEqual(1_000);
    expect(offBy(run.due['OBTAIN_CONSENT'], 5 * HOUR, run)).toBeLessThanOrEqual(1_000);
  });
});
