import { eventually } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DemoApi, DEMO_PASSWORD, startDemoApi } from './demo-api';

type Document = Record<string, unknown> & { routing: Record<string, { firstContact: Record<string, string> }> };

interface Version {
  id: string;
  jurisdiction: string;
  label: string;
  status: 'DRAFT' | 'ACTIVE' | 'RETIRED';
  effectiveFrom: string | null;
  createdBy: string | null;
  activatedAt: string | null;
  retiredAt: string | null;
  signatories: { id: string; name: string }[];
  approvals: { complete: boolean; approved: { agency: { id: string; name: string }; approvedBy: string }[]; missing: { id: string; name: string }[] };
  document?: Document;
  superseded?: { id: string; status: string } | null;
}

interface Problem {
  path: string;
  problem: string;
}

const DAY = 86_400_000;
const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The default SOP of the domain guide, as the demo runs it (read from the api before the tests). */
let DEFAULT_SOP: Document;
let SIGNATORIES: string[];

/** The default SOP under another label, in effect since yesterday, changed as the test needs. */
function sopDocument(label: string, change: (doc: Document) => void = () => undefined): Document {
  const doc = JSON.parse(JSON.stringify(DEFAULT_SOP)) as Document;
  doc['version'] = label;
  doc['effectiveFrom'] = isoDate(Date.now() - DAY);
  change(doc);
  return doc;
}

/** Trafficking victims are contacted within 12 hours instead of 24. */
const fasterTrafficking = (doc: Document): void => {
  doc.routing['TRAFFICKING_VICTIM'].firstContact = { IMMEDIATE: 'PT12H', HIGH: 'PT12H', NORMAL: 'PT12H' };
};

/** A woman with two control indicators: a presumed trafficking victim, urgent, so routed at once. */
const traffickedWoman = (givenName: string) => ({
  givenName,
  familyName: 'Mukamana',
  sex: 'FEMALE',
  statedAge: 25,
  nationalities: ['RWA'],
  languages: ['rw', 'sw'],
  documentsHeldByOther: true,
  screening: { answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } },
});

const paths = (body: { details: { fields: Problem[] } }): string[] => body.details.fields.map((f) => f.path);

describe('joint SOP versions: upload, validate, list, diff, simulate, approve, activate, retire', () => {
  let api: DemoApi;
  /** A manager (AGENCY_MANAGER) of each signatory agency of the default SOP, by agency name. */
  const managers = new Map<string, string>();

  const admin = () => api.as('sop.admin');
  const sopCount = async (): Promise<number> => Number((await api.owner<{ n: string }>(`SELECT count(*) AS n FROM sop_version`))[0].n);
  const activeOf = async (jurisdiction = 'TZA'): Promise<string[]> =>
    (await api.owner<{ id: string }>(`SELECT id FROM sop_version WHERE jurisdiction = $1 AND status = 'ACTIVE'`, [jurisdiction])).map((r) => r.id);
  const statusOf = async (id: string): Promise<string> => (await api.owner<{ status: string }>(`SELECT status FROM sop_version WHERE id = $1`, [id]))[0].status;
  const auditsOf = async (id: string) =>
    api.owner<{ action: string; actor_username: string | null; details: Record<string, unknown> }>(
      `SELECT action, actor_username, details FROM audit_event WHERE details->>'sopVersionId' = $1 ORDER BY id`,
      [id],
    );

  async function upload(doc: unknown): Promise<Version> {
    const res = await api.http().post('/api/v1/sops').set(await admin()).send(doc as object);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Version;
  }
  async function approveAll(id: string): Promise<void> {
    for (const agency of SIGNATORIES) {
      await api.http().post(`/api/v1/sops/${id}/approve`).set(await api.as(managers.get(agency) as string)).expect(200);
    }
  }
  async function register(person: Record<string, unknown>): Promise<string> {
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({ intakeId: randomUUID(), arrival: { borderPointId: await api.borderPointId('KGM'), arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' }, persons: [person] });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.cases[0].id as string;
  }
  /** The anti-trafficking lead referral of a case, as its sending border point reads it. */
  async function leadReferral(caseId: string): Promise<{ id: string; sopVersionId: string; dueAt: string; createdAt: string }> {
    const [row] = await api.owner<{ id: string }>(`SELECT id FROM referral WHERE case_id = $1 AND role = 'LEAD'`, [caseId]);
    return (await api.http().get(`/api/v1/referrals/${row.id}`).set(await api.as('border.official')).expect(200)).body;
  }

  beforeAll(async () => {
    api = await startDemoApi('sops');
    const [demo] = await activeOf();
    DEFAULT_SOP = (await api.http().get(`/api/v1/sops/${demo}`).set(await admin()).expect(200)).body.document as Document;
    SIGNATORIES = DEFAULT_SOP['signatories'] as string[];
    if (!SIGNATORIES.includes('Tumaini Shelter')) throw new Error('the demo SOP is expected to have the shelter NGO among its signatories');
    const sysadmin = await api.as('sysadmin');
    managers.set('Tumaini Shelter', 'shelter.manager');
    for (const agency of SIGNATORIES.filter((a) => !managers.has(a))) {
      const username = `manager.${agency.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      await api.http()
        .post('/api/v1/users')
        .set(sysadmin)
        .send({ username, displayName: `Manager, ${agency}`, agencyId: await api.agencyId(agency), roles: ['AGENCY_MANAGER'], password: DEMO_PASSWORD })
        .expect(201);
      managers.set(agency, username);
    }
    // A manager of an agency that did not sign the SOP.
    await api.http()
      .post('/api/v1/users')
      .set(sysadmin)
      .send({ username: 'monitor.manager', displayName: 'Manager, monitor', agencyId: await api.agencyId('Independent Protection Monitor'), roles: ['AGENCY_MANAGER'], password: DEMO_PASSWORD })
      .expect(201);
  }, 60_000);
  afterAll(() => api.close());

  describe('upload and validation', () => {
    it('stores a valid document as a DRAFT with its signatories resolved to agencies, none approved yet, and audits it', async () => {
      const draft = await upload(sopDocument('tza-upload-1'));
      expect(draft).toMatchObject({ jurisdiction: 'TZA', label: 'tza-upload-1', status: 'DRAFT', activatedAt: null, retiredAt: null });
      expect(draft.signatories.map((s) => s.name)).toEqual(SIGNATORIES);
      expect(draft.signatories[0].id).toBe(await api.agencyId(SIGNATORIES[0]));
      expect(draft.approvals).toEqual({ complete: false, approved: [], missing: draft.signatories });
      expect(draft.effectiveFrom).toBe(`${String(draft.document?.['effectiveFrom'])}T00:00:00.000Z`);
      expect(draft.document?.['version']).toBe('tza-upload-1');
      const [stored] = await api.owner<{ status: string; created_by: string; signatory_agency_ids: string[] }>(
        `SELECT status, created_by, signatory_agency_ids::text[] AS signatory_agency_ids FROM sop_version WHERE id = $1`,
        [draft.id],
      );
      expect(stored.status).toBe('DRAFT');
      expect(stored.signatory_agency_ids).toEqual(draft.signatories.map((s) => s.id));
      expect(stored.created_by).toBe((await api.owner<{ id: string }>(`SELECT id FROM app_user WHERE username = 'sop.admin'`))[0].id);
      expect(await auditsOf(draft.id)).toEqual([expect.objectContaining({ action: 'SOP.UPLOADED', actor_username: 'sop.admin' })]);
    });

    it('refuses an invalid document with every problem and its path, and stores nothing', async () => {
      const before = await sopCount();
      const audits = (await api.owner(`SELECT id FROM audit_event WHERE action = 'SOP.UPLOADED'`)).length;

      const broken = sopDocument('tza-broken', (doc) => {
        doc.routing['TRAFFICKING_VICTIM'].firstContact['HIGH'] = 'PT25X';
        doc['effectiveFrom'] = '2026-02-30';
        doc['colour'] = 'blue';
      });
      const schema = await api.http().post('/api/v1/sops').set(await admin()).send(broken).expect(400);
      expect(schema.body.code).toBe('SOP.INVALID');
      expect(paths(schema.body).sort()).toEqual(['colour', 'effectiveFrom', 'routing.TRAFFICKING_VICTIM.firstContact.HIGH'].sort());
      expect(schema.body.details.fields.find((f: Problem) => f.path === 'routing.TRAFFICKING_VICTIM.firstContact.HIGH').problem).toMatch(/ISO 8601 duration/);

      // Sound as a document, but naming agencies and border points the database does not have.
      const unknown = sopDocument('tza-unknown-agencies', (doc) => {
        (doc['signatories'] as string[]).push('Ministry of Everything');
        (doc['jurisdiction'] as Record<string, unknown>)['borderPoints'] = ['KGM', 'XYZ'];
      });
      (unknown['signatories'] as string[]).push(await api.agencyId('Refugee Agency'));
      const references = await api.http().post('/api/v1/sops').set(await admin()).send(unknown).expect(400);
      expect(references.body.code).toBe('SOP.INVALID');
      expect(paths(references.body)).toEqual(['signatories[10]', 'signatories[11]', 'jurisdiction.borderPoints[1]']);
      expect(references.body.details.fields[1].problem).toMatch(/same agency as signatories\[8\]/);

      const notAnObject = await api.http().post('/api/v1/sops').set(await admin()).send([1, 2]).expect(400);
      expect(paths(notAnObject.body)).toEqual(['(sop)']);

      expect(await sopCount()).toBe(before);
      expect(await api.owner(`SELECT id FROM audit_event WHERE action = 'SOP.UPLOADED'`)).toHaveLength(audits);
    });

    it('refuses a label the jurisdiction already has with 409', async () => {
      await upload(sopDocument('tza-twice'));
      const before = await sopCount();
      const again = await api.http().post('/api/v1/sops').set(await admin()).send(sopDocument('tza-twice')).expect(409);
      expect(again.body.code).toBe('SOP.LABEL_TAKEN');
      expect(await sopCount()).toBe(before);
    });

    it('validates a document without storing it: a summary when valid, every problem with its path when not', async () => {
      const before = await sopCount();
      const valid = await api.http().post('/api/v1/sops/validate').set(await admin()).send(sopDocument('tza-validate-only')).expect(200);
      expect(valid.body).toMatchObject({ valid: true, summary: { version: 'tza-validate-only', jurisdiction: { country: 'TZA', borderPoints: [] }, coordinatingBody: 'Refugee Agency', safeguardsOff: [] } });
      expect(valid.body.summary.signatories.map((s: { name: string }) => s.name)).toEqual(SIGNATORIES);

      const invalid = await api.http()
        .post('/api/v1/sops/validate')
        .set(await admin())
        .send(sopDocument('tza-validate-bad', (doc) => {
          delete doc['deadlinesFrom'];
          (doc['signatories'] as string[])[3] = 'Child Protection Services';
        }))
        .expect(400);
      expect(invalid.body.code).toBe('SOP.INVALID');
      // Schema problems come first; the agencies are only looked up in a document of sound shape.
      expect(paths(invalid.body)).toEqual(['deadlinesFrom']);
      const unknownAgency = await api.http()
        .post('/api/v1/sops/validate')
        .set(await admin())
        .send(sopDocument('tza-validate-bad', (doc) => {
          (doc['signatories'] as string[])[3] = 'Child Protection Services';
        }))
        .expect(400);
      expect(unknownAgency.body.details.fields).toEqual([
        { path: 'signatories[3]', problem: expect.stringMatching(/"Child Protection Services" is not an agency/), code: 'NOT_AN_AGENCY', params: { value: '"Child Protection Services"' } },
      ]);
      expect(await sopCount()).toBe(before);
    });
  });

  describe('reading versions', () => {
    it('lists versions newest first with their approval state, filters by jurisdiction and status, and pages', async () => {
      const draft = await upload(sopDocument('tza-list-1'));
      await api.http().post(`/api/v1/sops/${draft.id}/approve`).set(await api.as('shelter.manager')).expect(200);

      const all = (await api.http().get('/api/v1/sops').query({ jurisdiction: 'TZA' }).set(await admin()).expect(200)).body.items as Version[];
      expect(all[0].id).toBe(draft.id);
      const created = await api.owner<{ id: string }>(`SELECT id FROM sop_version WHERE jurisdiction = 'TZA' ORDER BY created_at DESC, id DESC`);
      expect(all.map((v) => v.id)).toEqual(created.map((r) => r.id));
      expect(all[0].document).toBeUndefined();
      expect(all[0].approvals.approved.map((a) => a.agency.name)).toEqual(['Tumaini Shelter']);
      expect(all[0].approvals.missing.map((a) => a.name)).toEqual(SIGNATORIES.filter((s) => s !== 'Tumaini Shelter'));
      expect(all[0].approvals.complete).toBe(false);

      const active = (await api.http().get('/api/v1/sops').query({ status: 'ACTIVE' }).set(await api.as('shelter.manager')).expect(200)).body.items as Version[];
      expect(active.map((v) => v.id)).toEqual(await activeOf());
      expect(active.every((v) => v.status === 'ACTIVE')).toBe(true);
      expect((await api.http().get('/api/v1/sops').query({ jurisdiction: 'KEN' }).set(await admin()).expect(200)).body.items).toEqual([]);

      const page1 = (await api.http().get('/api/v1/sops').query({ jurisdiction: 'TZA', limit: 2 }).set(await admin()).expect(200)).body;
      const page2 = (await api.http().get('/api/v1/sops').query({ jurisdiction: 'TZA', limit: 2, cursor: page1.nextCursor }).set(await admin()).expect(200)).body;
      expect([...page1.items, ...page2.items].map((v: Version) => v.id)).toEqual(all.slice(0, 4).map((v) => v.id));

      const bad = await api.http().get('/api/v1/sops').query({ status: 'LOST', jurisdiction: 'tz', limit: 0 }).set(await admin()).expect(400);
      expect(paths(bad.body).sort()).toEqual(['jurisdiction', 'limit', 'status']);
    });

    it('shows one version with its document and approvals; an unknown id is 404, a malformed one 400', async () => {
      const draft = await upload(sopDocument('tza-get-1'));
      await api.http().post(`/api/v1/sops/${draft.id}/approve`).set(await api.as(managers.get('Refugee Agency') as string)).expect(200);
      const got = (await api.http().get(`/api/v1/sops/${draft.id}`).set(await api.as('shelter.manager')).expect(200)).body as Version;
      expect(got.document).toEqual(draft.document);
      expect(got.document?.['version']).toBe('tza-get-1');
      expect(got.approvals.approved).toEqual([
        {
          agency: { id: await api.agencyId('Refugee Agency'), name: 'Refugee Agency' },
          approvedBy: (await api.owner<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [managers.get('Refugee Agency')]))[0].id,
          approvedAt: expect.any(String),
        },
      ]);
      expect((await api.http().get(`/api/v1/sops/${randomUUID()}`).set(await admin()).expect(404)).body.code).toBe('SOP.NOT_FOUND');
      await api.http().get('/api/v1/sops/not-an-id').set(await admin()).expect(400);
    });

    it('diffs a version against the active one by default, or against the version named', async () => {
      const draft = await upload(sopDocument('tza-diff-1', fasterTrafficking));
      const [activeId] = await activeOf();
      const diff = (await api.http().get(`/api/v1/sops/${draft.id}/diff`).set(await api.as('shelter.manager')).expect(200)).body;
      expect(diff.from.id).toBe(activeId);
      expect(diff.to).toEqual({ id: draft.id, jurisdiction: 'TZA', label: 'tza-diff-1', status: 'DRAFT' });
      const deadline = diff.changes.find((c: { path: string }) => c.path === 'routing.TRAFFICKING_VICTIM.firstContact.HIGH');
      expect(deadline).toEqual({
        section: 'routing',
        path: 'routing.TRAFFICKING_VICTIM.firstContact.HIGH',
        change: 'CHANGED',
        before: 'PT24H',
        after: 'PT12H',
        description: 'routing.TRAFFICKING_VICTIM.firstContact.HIGH: PT24H (24 hours) → PT12H (12 hours)',
      });
      expect(diff.changes.map((c: { path: string }) => c.path)).toContain('version');

      const reverse = (await api.http().get(`/api/v1/sops/${activeId}/diff`).query({ against: draft.id }).set(await admin()).expect(200)).body;
      expect(reverse.changes.find((c: { path: string }) => c.path === 'routing.TRAFFICKING_VICTIM.firstContact.HIGH')).toMatchObject({ before: 'PT12H', after: 'PT24H' });
      await api.http().get(`/api/v1/sops/${draft.id}/diff`).query({ against: randomUUID() }).set(await admin()).expect(404);
    });
  });

  describe('simulation', () => {
    it('runs the built-in samples through the draft and the active version, with the real agencies', async () => {
      const draft = await upload(sopDocument('tza-simulate-1', fasterTrafficking));
      const res = (await api.http().post(`/api/v1/sops/${draft.id}/simulate`).set(await admin()).send({}).expect(200)).body;
      expect(res.version.id).toBe(draft.id);
      expect(res.active.id).toBe((await activeOf())[0]);
      const { simulation } = res;
      expect(simulation.summary.cases).toBe(simulation.cases.length);
      expect(simulation.cases.length).toBeGreaterThan(1);
      expect(simulation.cases.every((c: { draft: { referrals: unknown[] }; active: { referrals: unknown[] } }) => c.draft.referrals.length > 0 && c.active.referrals.length > 0)).toBe(true);

      const trafficked = simulation.cases.find((c: { name: string }) => c.name.includes('trafficked'));
      const lead = (outcome: { referrals: { agencyKind: string; role: string; dueAt: string; agency: string | null }[] }) =>
        outcome.referrals.find((r) => r.agencyKind === 'ANTI_TRAFFICKING' && r.role === 'LEAD') as { dueAt: string; agency: string | null };
      const now = Date.parse(simulation.now);
      expect(Date.parse(lead(trafficked.draft).dueAt) - now).toBe(12 * 3_600_000);
      expect(Date.parse(lead(trafficked.active).dueAt) - now).toBe(24 * 3_600_000);
      expect(lead(trafficked.draft).agency).toBe('Anti-Trafficking Secretariat');
      expect(trafficked.differences.length).toBeGreaterThan(0);
      expect(simulation.summary.casesThatDiffer).toBeGreaterThan(0);
      // The body is optional.
      const bare = (await api.http().post(`/api/v1/sops/${draft.id}/simulate`).set(await admin()).expect(200)).body;
      expect(bare.simulation.cases.map((c: { name: string }) => c.name)).toEqual(simulation.cases.map((c: { name: string }) => c.name));
    });

    it('runs the samples given, and refuses samples that are not sound with their paths', async () => {
      const draft = await upload(sopDocument('tza-simulate-2'));
      const sample = {
        name: 'Woman whose documents an employer holds, at Kigoma',
        borderPointCode: 'KGM',
        languages: ['rw'],
        facts: {
          person: { sex: 'FEMALE', statedAge: 22, nationalities: ['RWA'], documentsHeldByOther: true },
          arrival: { arrivedAt: '2026-11-20T08:30:00+03:00', mode: 'LAND' },
          answers: { movement_controlled: true, debt_bondage: true },
        },
      };
      const res = (await api.http().post(`/api/v1/sops/${draft.id}/simulate`).set(await admin()).send({ samples: [sample] }).expect(200)).body;
      expect(res.simulation.cases.map((c: { name: string }) => c.name)).toEqual([sample.name]);
      expect(res.simulation.cases[0].draft.profiles.map((p: { profile: string }) => p.profile)).toContain('TRAFFICKING_VICTIM');
      // Same SOP content but the label: the outcomes agree.
      expect(res.simulation.cases[0].differences).toEqual([]);

      const shape = await api.http()
        .post(`/api/v1/sops/${draft.id}/simulate`)
        .set(await admin())
        .send({ samples: [{ ...sample, borderPointCode: 'kgm', facts: { ...sample.facts, person: { ...sample.facts.person, sex: 'F' }, arrival: { arrivedAt: '2026-11-20T08:30:00', mode: 'LAND' } } }] })
        .expect(400);
      expect(paths(shape.body).sort()).toEqual(['samples[0].borderPointCode', 'samples[0].facts.arrival.arrivedAt', 'samples[0].facts.person.sex'].sort());
      const answers = await api.http()
        .post(`/api/v1/sops/${draft.id}/simulate`)
        .set(await admin())
        .send({ samples: [{ ...sample, facts: { ...sample.facts, answers: { fear_of_return: 'yes', colour: 'blue' } } }] })
        .expect(400);
      expect(paths(answers.body).sort()).toEqual(['samples[0].facts.answers.colour', 'samples[0].facts.answers.fear_of_return']);
    });
  });

  describe('simulation on recent cases', () => {
    /** A mass arrival at Kigoma: `count` women, each a presumed trafficking victim, registered an hour ago. */
    async function registerMany(count: number, tag: string): Promise<string[]> {
      const numbers: string[] = [];
      for (let start = 0; start < count; start += 50) {
        const persons = Array.from({ length: Math.min(50, count - start) }, (_, i) => ({ ...traffickedWoman(`${tag}${start + i}`), ref: `p${start + i}` }));
        const res = await api.http()
          .post('/api/v1/intakes')
          .set(await api.as('border.official'))
          .send({ intakeId: randomUUID(), arrival: { borderPointId: await api.borderPointId('KGM'), arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' }, persons });
        if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
        numbers.push(...(res.body.cases as { caseNumber: string }[]).map((c) => c.caseNumber));
      }
      return numbers;
    }

    it('re-runs profiling and routing on the recent cases under both versions, answering no personal data, per profile first; audited', async () => {
      const ours = await registerMany(200, 'Recentia');
      // Trafficking victims led by the child protection service instead of the anti-trafficking secretariat.
      const draft = await upload(
        sopDocument('tza-simulate-recent-1', (doc) => {
          (doc.routing['TRAFFICKING_VICTIM'] as unknown as { lead: unknown }).lead = { kind: 'CHILD_PROTECTION' };
        }),
      );
      const written = async (): Promise<number> =>
        Number((await api.owner<{ n: string }>(`SELECT (SELECT count(*) FROM profiling_run) + (SELECT count(*) FROM referral) + (SELECT count(*) FROM case_profile) AS n`))[0].n);
      const before = await written();
      const started = performance.now();
      const res = (await api.http().post(`/api/v1/sops/${draft.id}/simulate`).set(await admin()).send({ source: 'RECENT', days: 30, limit: 200 }).expect(200)).body;
      const took = Math.round(performance.now() - started);
      process.stdout.write(`SOP simulation on 200 recent cases: ${took} ms\n`);
      expect(took).toBeLessThan(30_000);

      expect(res).toMatchObject({ source: 'RECENT', version: { id: draft.id }, active: { id: (await activeOf())[0] }, limit: 200, period: { days: 30 } });
      expect(res.cases).toHaveLength(200);
      // The newest 200 are the women just registered.
      expect(res.cases.map((c: { caseNumber: string }) => c.caseNumber).sort()).toEqual([...ours].sort());
      for (const c of res.cases) {
        expect(Object.keys(c).sort()).toEqual(['active', 'ageBand', 'borderPointCode', 'caseNumber', 'changed', 'changedProfiles', 'draft']);
        expect(c.borderPointCode).toBe('KGM');
        // Stated age 25: a band, not the age.
        expect(c.ageBand).toBe('FROM_18_TO_59');
      }
      const text = JSON.stringify(res);
      for (const personal of ['Recentia', 'Mukamana', 'RWA', 'dateOfBirth', 'statedAge', 'givenName', 'answers', 'movement_controlled', 'arrivedAt']) expect(text).not.toContain(personal);

      expect(res.summary).toEqual({ cases: 200, changed: 200, unchanged: 0 });
      expect(res.profiles.find((p: { profile: string }) => p.profile === 'TRAFFICKING_VICTIM')).toEqual({ profile: 'TRAFFICKING_VICTIM', cases: 200, changed: 200, unchanged: 0, agencyChanged: 200 });
      const lead = (outcome: { routes: { profile: string; role: string; agency: string | null; firstContact: string }[] }) =>
        outcome.routes.find((r) => r.profile === 'TRAFFICKING_VICTIM' && r.role === 'LEAD');
      expect(lead(res.cases[0].active)).toMatchObject({ agency: 'Anti-Trafficking Secretariat', firstContact: 'PT24H' });
      expect(lead(res.cases[0].draft)).toMatchObject({ agency: 'Child Protection Service' });

      const audits = await auditsOf(draft.id);
      expect(audits.filter((a) => a.action === 'SOP.SIMULATED')).toEqual([
        expect.objectContaining({ actor_username: 'sop.admin', details: expect.objectContaining({ source: 'RECENT', days: 30, limit: 200, cases: 200, changed: 200 }) }),
      ]);
      // Nothing was written about the cases: no profiling run, profile or referral.
      expect(await written()).toBe(before);
    }, 180_000);

    it('counts unchanged cases, keeps to its limit, and refuses bad options with their fields', async () => {
      const same = await upload(sopDocument('tza-simulate-recent-2'));
      const res = (await api.http().post(`/api/v1/sops/${same.id}/simulate`).set(await admin()).send({ source: 'RECENT', limit: 5 }).expect(200)).body;
      expect(res.cases).toHaveLength(5);
      expect(res.truncated).toBe(true);
      expect(res.period.days).toBe(30);
      expect(res.summary).toEqual({ cases: 5, changed: 0, unchanged: 5 });
      expect(res.profiles.every((p: { changed: number; unchanged: number; cases: number }) => p.changed === 0 && p.unchanged === p.cases)).toBe(true);

      const bad = await api.http().post(`/api/v1/sops/${same.id}/simulate`).set(await admin()).send({ source: 'RECENT', days: 0, limit: 1001 }).expect(400);
      expect(paths(bad.body).sort()).toEqual(['days', 'limit']);
      const source = await api.http().post(`/api/v1/sops/${same.id}/simulate`).set(await admin()).send({ source: 'EVERYTHING' }).expect(400);
      expect(paths(source.body)).toEqual(['source']);
      const mixed = await api.http().post(`/api/v1/sops/${same.id}/simulate`).set(await admin()).send({ days: 7 }).expect(400);
      expect(paths(mixed.body)).toEqual(['days']);
      await api.http().post(`/api/v1/sops/${randomUUID()}/simulate`).set(await admin()).send({ source: 'RECENT' }).expect(404);
    });
  });

  describe('approval', () => {
    it('lets a manager of each signatory approve once; refuses other agencies, other roles and versions that are not drafts', async () => {
      const draft = await upload(sopDocument('tza-approve-1'));
      const url = `/api/v1/sops/${draft.id}/approve`;
      const approved = (await api.http().post(url).set(await api.as('shelter.manager')).expect(200)).body as Version;
      expect(approved.approvals.approved.map((a) => a.agency.name)).toEqual(['Tumaini Shelter']);
      expect(approved.approvals.missing).toHaveLength(SIGNATORIES.length - 1);

      const twice = await api.http().post(url).set(await api.as('shelter.manager')).expect(409);
      expect(twice.body.code).toBe('SOP.ALREADY_APPROVED');
      const outsider = await api.http().post(url).set(await api.as('monitor.manager')).expect(403);
      expect(outsider.body.code).toBe('SOP.NOT_A_SIGNATORY');
      // A caseworker of a signatory, and the SOP administrator, may not approve at all.
      expect((await api.http().post(url).set(await api.as('shelter.caseworker')).expect(403)).body.code).toBe('ACCESS.FORBIDDEN');
      expect((await api.http().post(url).set(await admin()).expect(403)).body.code).toBe('ACCESS.FORBIDDEN');
      await api.http().post(`/api/v1/sops/${randomUUID()}/approve`).set(await api.as('shelter.manager')).expect(404);

      expect(await api.owner(`SELECT agency_id FROM sop_approval WHERE sop_version_id = $1`, [draft.id])).toEqual([{ agency_id: await api.agencyId('Tumaini Shelter') }]);
      expect((await auditsOf(draft.id)).map((a) => [a.action, a.actor_username, a.details['agencyId'] ?? null])).toEqual([
        ['SOP.UPLOADED', 'sop.admin', null],
        ['SOP.APPROVED', 'shelter.manager', await api.agencyId('Tumaini Shelter')],
      ]);

      const [activeId] = await activeOf();
      const notDraft = await api.http().post(`/api/v1/sops/${activeId}/approve`).set(await api.as(managers.get('Migration Agency') as string)).expect(409);
      expect(notDraft.body.code).toBe('SOP.NOT_A_DRAFT');
    });
  });

  describe('activation', () => {
    it('refuses to activate a draft without every signatory approval, naming the missing agencies; activates it once all approved, retiring the previous version', async () => {
      const [previous] = await activeOf();
      const draft = await upload(sopDocument('tza-activate-1'));
      await api.http().post(`/api/v1/sops/${draft.id}/approve`).set(await api.as('shelter.manager')).expect(200);
      await api.http().post(`/api/v1/sops/${draft.id}/approve`).set(await api.as(managers.get('Refugee Agency') as string)).expect(200);

      const refused = await api.http().post(`/api/v1/sops/${draft.id}/activate`).set(await admin()).expect(409);
      expect(refused.body.code).toBe('SOP.APPROVALS_MISSING');
      const missing = SIGNATORIES.filter((s) => s !== 'Tumaini Shelter' && s !== 'Refugee Agency');
      expect(refused.body.details.missing).toEqual(await Promise.all(missing.map(async (name) => ({ id: await api.agencyId(name), name }))));
      expect(await statusOf(draft.id)).toBe('DRAFT');
      expect(await activeOf()).toEqual([previous]);

      for (const agency of missing) await api.http().post(`/api/v1/sops/${draft.id}/approve`).set(await api.as(managers.get(agency) as string)).expect(200);
      const activated = (await api.http().post(`/api/v1/sops/${draft.id}/activate`).set(await admin()).expect(200)).body as Version;
      expect(activated).toMatchObject({ status: 'ACTIVE', approvals: { complete: true, missing: [] }, superseded: { id: previous, status: 'RETIRED' } });
      expect(activated.activatedAt).not.toBeNull();
      expect(await activeOf()).toEqual([draft.id]);
      const old = (await api.http().get(`/api/v1/sops/${previous}`).set(await admin()).expect(200)).body as Version;
      expect(old.status).toBe('RETIRED');
      expect(Date.parse(old.retiredAt as string)).toBe(Date.parse(activated.activatedAt as string));

      expect((await auditsOf(draft.id)).map((a) => a.action).slice(-1)).toEqual(['SOP.ACTIVATED']);
      expect((await auditsOf(draft.id)).slice(-1)[0].details['supersedes']).toBe(previous);
      expect((await auditsOf(previous)).slice(-1)[0]).toMatchObject({ action: 'SOP.RETIRED', actor_username: 'sop.admin', details: { from: 'ACTIVE', supersededBy: draft.id } });

      const again = await api.http().post(`/api/v1/sops/${draft.id}/activate`).set(await admin()).expect(409);
      expect(again.body.code).toBe('SOP.NOT_A_DRAFT');
      expect((await api.http().post(`/api/v1/sops/${previous}/activate`).set(await admin()).expect(409)).body.code).toBe('SOP.NOT_A_DRAFT');
    });

    it('refuses to activate a fully approved version before its effective date', async () => {
      const [active] = await activeOf();
      const draft = await upload(sopDocument('tza-next-year', (doc) => (doc['effectiveFrom'] = isoDate(Date.now() + 365 * DAY))));
      await approveAll(draft.id);
      const refused = await api.http().post(`/api/v1/sops/${draft.id}/activate`).set(await admin()).expect(409);
      expect(refused.body).toMatchObject({ code: 'SOP.NOT_YET_EFFECTIVE', details: { effectiveFrom: isoDate(Date.now() + 365 * DAY) } });
      expect(await statusOf(draft.id)).toBe('DRAFT');
      expect(await activeOf()).toEqual([active]);
    });

    it('keeps a referral under the SOP version it was made under after a new version is activated; new referrals follow the new version', async () => {
      const [versionA] = await activeOf();
      const before = await leadReferral(await register(traffickedWoman('Josiane')));
      expect(before.sopVersionId).toBe(versionA);
      expect(Date.parse(before.dueAt) - Date.parse(before.createdAt)).toBeGreaterThan(23 * 3_600_000);

      const versionB = await upload(sopDocument('tza-faster-trafficking', fasterTrafficking));
      await approveAll(versionB.id);
      await api.http().post(`/api/v1/sops/${versionB.id}/activate`).set(await admin()).expect(200);

      const after = await leadReferral((await api.owner<{ case_id: string }>(`SELECT case_id FROM referral WHERE id = $1`, [before.id]))[0].case_id);
      expect(after.id).toBe(before.id);
      expect(after.sopVersionId).toBe(versionA);
      expect(after.dueAt).toBe(before.dueAt);

      const next = await leadReferral(await register(traffickedWoman('Kezia')));
      expect(next.sopVersionId).toBe(versionB.id);
      expect(Math.abs(Date.parse(next.dueAt) - Date.parse(next.createdAt) - 12 * 3_600_000)).toBeLessThan(5_000);
    });

    it('lets exactly one of two concurrent activations superseding the same version succeed', async () => {
      const [previous] = await activeOf();
      const [one, two] = [await upload(sopDocument('tza-race-1')), await upload(sopDocument('tza-race-2'))];
      await approveAll(one.id);
      await approveAll(two.id);

      // Hold the active version so both activations are under way before either can supersede it.
      const holder = new Client({ connectionString: api.db.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT id FROM sop_version WHERE id = $1 FOR UPDATE`, [previous]);
        const racing = Promise.all([one, two].map(async (v) => api.http().post(`/api/v1/sops/${v.id}/activate`).set(await admin())));
        await eventually(async () => {
          const waiting = await api.owner(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE sop_version SET status = ''RETIRED''%'`);
          expect(waiting).toHaveLength(2);
        });
        await holder.query('ROLLBACK');
        const results = await racing;
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)?.body.code).toBe('SOP.ACTIVATED_CONCURRENTLY');
        const winner = results[0].status === 200 ? one : two;
        const loser = winner === one ? two : one;
        expect(await activeOf()).toEqual([winner.id]);
        expect(await statusOf(loser.id)).toBe('DRAFT');
        expect(await statusOf(previous)).toBe('RETIRED');
      } finally {
        await holder.end();
      }
    });

    it('lets exactly one of two concurrent first activations in a jurisdiction succeed', async () => {
      const inKenya = (label: string) => sopDocument(label, (doc) => (doc['jurisdiction'] = { country: 'KEN' }));
      const [one, two] = [await upload(inKenya('ken-first-1')), await upload(inKenya('ken-first-2'))];
      await approveAll(one.id);
      await approveAll(two.id);

      // An uncommitted active version of KEN: both activations wait on the one-active index, then race for it.
      const holder = new Client({ connectionString: api.db.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(
          `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at)
           VALUES ($1, 'KEN', 'ken-placeholder', '{}', 'ACTIVE', '{}', now(), now())`,
          [randomUUID()],
        );
        const racing = Promise.all([one, two].map(async (v) => api.http().post(`/api/v1/sops/${v.id}/activate`).set(await admin())));
        await eventually(async () => {
          const waiting = await api.owner(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE sop_version SET status = ''ACTIVE''%'`);
          expect(waiting).toHaveLength(2);
        });
        await holder.query('ROLLBACK');
        const results = await racing;
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)?.body.code).toBe('SOP.ACTIVATED_CONCURRENTLY');
        expect(await activeOf('KEN')).toEqual([results[0].status === 200 ? one.id : two.id]);
      } finally {
        await holder.end();
      }
    });
  });

  describe('retirement', () => {
    it('withdraws a draft, which can then be neither approved nor activated; the active version is retired only by a successor', async () => {
      const draft = await upload(sopDocument('tza-withdrawn'));
      const retired = (await api.http().post(`/api/v1/sops/${draft.id}/retire`).set(await admin()).expect(200)).body as Version;
      expect(retired).toMatchObject({ status: 'RETIRED', activatedAt: null });
      expect(retired.retiredAt).not.toBeNull();
      expect((await auditsOf(draft.id)).slice(-1)[0]).toMatchObject({ action: 'SOP.RETIRED', details: { from: 'DRAFT' } });
      expect((await api.http().post(`/api/v1/sops/${draft.id}/approve`).set(await api.as('shelter.manager')).expect(409)).body.code).toBe('SOP.NOT_A_DRAFT');
      expect((await api.http().post(`/api/v1/sops/${draft.id}/activate`).set(await admin()).expect(409)).body.code).toBe('SOP.NOT_A_DRAFT');
      expect((await api.http().post(`/api/v1/sops/${draft.id}/retire`).set(await admin()).expect(409)).body.code).toBe('SOP.ALREADY_RETIRED');

      const [active] = await activeOf();
      const refused = await api.http().post(`/api/v1/sops/${active}/retire`).set(await admin()).expect(409);
      expect(refused.body.code).toBe('SOP.ACTIVE_NEEDS_SUCCESSOR');
      expect(await activeOf()).toEqual([active]);
    });
  });

  describe('who may do what', () => {
    it('needs SOP_READ to read, SOP_MANAGE to change, and changes nothing when refused', async () => {
      const draft = await upload(sopDocument('tza-permissions'));
      const before = await sopCount();
      for (const user of ['analyst', 'border.official', 'shelter.caseworker', 'monitor']) {
        const as = await api.as(user);
        expect((await api.http().get('/api/v1/sops').set(as).expect(403)).body.code).toBe('ACCESS.FORBIDDEN');
        await api.http().get(`/api/v1/sops/${draft.id}`).set(as).expect(403);
      }
      // Managers read and approve, but do not upload, validate, simulate, activate or retire.
      const manager = await api.as('shelter.manager');
      await api.http().get(`/api/v1/sops/${draft.id}`).set(manager).expect(200);
      await api.http().post('/api/v1/sops').set(manager).send(sopDocument('tza-by-a-manager')).expect(403);
      await api.http().post('/api/v1/sops/validate').set(manager).send(sopDocument('tza-by-a-manager')).expect(403);
      await api.http().post(`/api/v1/sops/${draft.id}/simulate`).set(manager).send({}).expect(403);
      await api.http().post(`/api/v1/sops/${draft.id}/activate`).set(manager).expect(403);
      await api.http().post(`/api/v1/sops/${draft.id}/retire`).set(manager).expect(403);
      await api.http().post('/api/v1/sops').set(await api.as('analyst')).send(sopDocument('tza-by-an-analyst')).expect(403);
      await api.http().get('/api/v1/sops').expect(401);
      expect(await sopCount()).toBe(before);
      expect(await statusOf(draft.id)).toBe('DRAFT');
    });

    it('lets the application change a version only in status and dates, never in what was approved', async () => {
      const draft = await upload(sopDocument('tza-immutable'));
      const app = api.app.get(DataSource);
      await expect(app.query(`UPDATE sop_version SET document = '{}' WHERE id = $1`, [draft.id])).rejects.toThrow(/permission denied for table sop_version/);
      await expect(app.query(`UPDATE sop_version SET signatory_agency_ids = '{}' WHERE id = $1`, [draft.id])).rejects.toThrow(/permission denied for table sop_version/);
      await expect(app.query(`DELETE FROM sop_version WHERE id = $1`, [draft.id])).rejects.toThrow(/permission denied for table sop_version/);
      // A status that disagrees with the dates is refused too.
      await expect(app.query(`UPDATE sop_version SET status = 'RETIRED' WHERE id = $1`, [draft.id])).rejects.toThrow(/sop_version_lifecycle_ck/);
    });
  });
});
