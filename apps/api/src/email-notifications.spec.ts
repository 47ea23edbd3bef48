import { Clock, JobName, OutboxService, systemScope, UnitOfWork } from '@kivuko/platform';
import { eventually } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DemoApi, startDemoApi } from './demo-api';

interface Mail {
  to: string[];
  raw: string;
}

/** An SMTP server for the test: refuses the first `refuse` messages with a 451 (try again later), takes the rest. */
async function smtpServer(refuse: number): Promise<{ url: string; accepted: Mail[]; refused: Mail[]; close(): Promise<void> }> {
  const accepted: Mail[] = [];
  const refused: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') };
        if (refused.length < refuse) {
          refused.push(mail);
          callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        accepted.push(mail);
        callback(null, 'queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, accepted, refused, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The message as a person reads it: headers unfolded, encoded words, quoted-printable and base64 parts decoded. */
function readable(raw: string): string {
  const qp = (s: string): string => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const headers = raw
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/).map((part) => {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const content = body.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return qp(content);
    return content;
  });
  return [headers, ...parts].join('\n');
}

const header = (raw: string, name: string): string | undefined => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw.replace(/\r\n[ \t]+/g, ' '))?.[1]?.trim();

describe('e-mail notifications: referral events to duty addresses and to the users who chose them', () => {
  let api: DemoApi;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let KGM: string;
  let TUMAINI: string;
  let HAKI: string;

  beforeAll(async () => {
    smtp = await smtpServer(1);
    api = await startDemoApi('email', { KIVUKO_SMTP_URL: smtp.url, KIVUKO_PUBLIC_URL: 'https://kivuko.example.org/' });
    KGM = await api.borderPointId('KGM');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    HAKI = await api.agencyId('Haki Legal Aid');
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  it("lets an agency's manager set its own duty address only, and refuses bad input field by field", async () => {
    const other = await api.http().put(`/api/v1/agencies/${HAKI}/duty-email`).set(await api.as('shelter.manager')).send({ address: 'duty@haki.example.org', language: 'en' }).expect(403);
    expect(other.body.code).toBe('DUTY_EMAIL.OTHER_AGENCY');
    await api.http().put(`/api/v1/agencies/${TUMAINI}/duty-email`).set(await api.as('shelter.caseworker')).send({ address: 'duty@tumaini.example.org', language: 'en' }).expect(403);
    const bad = await api.http().put(`/api/v1/agencies/${TUMAINI}/duty-email`).set(await api.as('shelter.manager')).send({ address: 'not an address', language: 'de' }).expect(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['address', 'language']);
    const badChoice = await api.http().put('/api/v1/notifications/mine').set(await api.as('shelter.caseworker')).send({ kinds: ['NEW_REFERRAL', 'EVERYTHING'], language: 'sw' }).expect(400);
    expect(badChoice.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['address', 'kinds']);
    expect(await api.owner(`SELECT * FROM agency_duty_email`)).toEqual([]);
    expect(await api.owner(`SELECT * FROM user_email_preference`)).toEqual([]);
  });

  it('e-mails a new referral once to the duty address and once to each user who chose it, in their languages, retrying after a refusal', async () => {
    await api.http().put(`/api/v1/agencies/${TUMAINI}/duty-email`).set(await api.as('shelter.manager')).send({ address: 'duty@tumaini.example.org', language: 'fr' }).expect(200);
    await api.http().put('/api/v1/notifications/mine').set(await api.as('shelter.caseworker')).send({ kinds: ['NEW_REFERRAL'], address: 'amani@tumaini.example.org', language: 'sw' }).expect(200);
    // The manager wants escalations only: a new referral is not e-mailed to them.
    await api.http().put('/api/v1/notifications/mine').set(await api.as('shelter.manager')).send({ kinds: ['ESCALATION'], address: 'manager@tumaini.example.org', language: 'en' }).expect(200);
    const settings = await api.http().get('/api/v1/notifications/settings').set(await api.as('shelter.caseworker')).expect(200);
    expect(settings.body).toEqual({
      agency: { id: TUMAINI, name: 'Tumaini Shelter', dutyEmail: { address: 'duty@tumaini.example.org', language: 'fr' }, canManage: false },
      mine: { address: 'amani@tumaini.example.org', kinds: ['NEW_REFERRAL'], language: 'sw' },
      smtpConfigured: true,
    });

    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
        persons: [
          {
            givenName: 'Solange',
            familyName: 'Ingabire',
            sex: 'FEMALE',
            statedAge: 22,
            nationalities: ['RWA'],
            languages: ['rw'],
            documentsHeldByOther: true,
            screening: { answers: { movement_controlled: true, debt_bondage: true } },
          },
        ],
      })
      .expect(201);
    const caseId = res.body.cases[0].id as string;
    const caseNumber = res.body.cases[0].caseNumber as string;
    expect(caseNumber).toEqual(expect.any(String));
    const [ngo] = await api.owner<{ id: string; purposes: string[] }>(
      `SELECT r.id, ARRAY(SELECT req->>'purpose' FROM jsonb_array_elements(r.basis->'requirements') req) AS purposes
         FROM referral r WHERE r.case_id = $1 AND r.agency_id = $2`,
      [caseId, TUMAINI],
    );
    // Held for consent: nobody is e-mailed yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([smtp.accepted, smtp.refused]).toEqual([[], []]);
    for (const purpose of ngo.purposes) {
      await api.http()
        .post(`/api/v1/cases/${caseId}/consents`)
        .set(await api.as('border.official'))
        .send({ purpose, recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'rw' })
        .expect(201);
    }

    await eventually(() => {
      if (smtp.accepted.length < 2) throw new Error(`${smtp.accepted.length} e-mails taken so far`);
    }, 20_000);
    // Time for a duplicate to show up, if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.refused).toHaveLength(1);
    expect(smtp.accepted.map((m) => m.to).sort()).toEqual([['amani@tumaini.example.org'], ['duty@tumaini.example.org']]);
    // The refused e-mail came again: the same message (same id), not a new one.
    const retried = smtp.accepted.find((m) => m.to[0] === smtp.refused[0].to[0]) as Mail;
    expect(header(retried.raw, 'Message-ID')).toBe(header(smtp.refused[0].raw, 'Message-ID'));

    const duty = readable((smtp.accepted.find((m) => m.to[0] === 'duty@tumaini.example.org') as Mail).raw);
    const worker = readable((smtp.accepted.find((m) => m.to[0] === 'amani@tumaini.example.org') as Mail).raw);
    expect(duty).toContain(`Nouvelle référence : cas ${caseNumber}`);
    expect(duty).toContain('TRAFFICKING_VICTIM');
    expect(duty).toContain(`https://kivuko.example.org/cases/${caseId}`);
    expect(worker).toContain(`Rufaa mpya: shauri ${caseNumber}`);
    expect(worker).toContain('Mawasiliano ya kwanza kabla ya');
    for (const text of [duty, worker]) expect(text).not.toMatch(/Solange|Ingabire|RWA/);

    const deliveries = await api.owner<{ address: string; kind: string; status: string; attempts: number }>(
      `SELECT address, kind, status, attempts FROM email_delivery WHERE referral_id = $1 ORDER BY address`,
      [ngo.id],
    );
    expect(deliveries.map((d) => [d.address, d.kind, d.status])).toEqual([
      ['amani@tumaini.example.org', 'NEW_REFERRAL', 'SENT'],
      ['duty@tumaini.example.org', 'NEW_REFERRAL', 'SENT'],
    ]);
    expect(deliveries.map((d) => d.attempts).sort()).toEqual([1, 2]);
  }, 40_000);

  it('e-mails an unacknowledged referral an hour before its deadline (not once acknowledged), and each escalation step once', async () => {
    const clock = api.app.get(Clock);
    const start = new Date(Date.now() - 60_000);
    clock.fixAt(start);
    try {
      await api.http().put('/api/v1/notifications/mine').set(await api.as('shelter.caseworker')).send({ kinds: ['DEADLINE_SOON'], address: 'amani@tumaini.example.org', language: 'en' }).expect(200);
      const res = await api.http()
        .post('/api/v1/intakes')
        .set(await api.as('border.official'))
        .send({
          intakeId: randomUUID(),
          arrival: { borderPointId: KGM, arrivedAt: new Date(start.getTime() - 3_600_000).toISOString(), mode: 'LAND' },
          persons: [{ givenName: 'Immaculee', familyName: 'Mukamana', sex: 'FEMALE', statedAge: 26, nationalities: ['RWA'], languages: ['rw'], documentsHeldByOther: true, screening: { answers: { movement_controlled: true, debt_bondage: true } } }],
        })
        .expect(201);
      const caseId = res.body.cases[0].id as string;
      const [ngo] = await api.owner<{ id: string; purposes: string[]; due_at: Date }>(
        `SELECT r.id, r.due_at, ARRAY(SELECT req->>'purpose' FROM jsonb_array_elements(r.basis->'requirements') req) AS purposes FROM referral r WHERE r.case_id = $1 AND r.agency_id = $2`,
        [caseId, TUMAINI],
      );
      for (const purpose of ngo.purposes) {
        await api.http().post(`/api/v1/cases/${caseId}/consents`).set(await api.as('border.official')).send({ purpose, recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'rw' }).expect(201);
      }
      const [due] = await api.owner<{ due_at: Date }>(`SELECT due_at FROM referral WHERE id = $1`, [ngo.id]);
      // The deadline-soon check waits in the outbox for an hour before the due time.
      const timers = await api.owner<{ payload: { referralId: string; dueAt: string }; run_at: Date }>(
        `SELECT payload, run_at FROM outbox_message WHERE job_name = $1 AND payload->>'referralId' = $2`,
        [JobName.EmailDeadlineSoon, ngo.id],
      );
      expect(timers).toEqual([{ payload: { referralId: ngo.id, dueAt: due.due_at.toISOString() }, run_at: new Date(due.due_at.getTime() - 3_600_000) }]);

      const deliveries = (kind: string) => api.owner<{ address: string; step: number | null; status: string }>(`SELECT address, step, status FROM email_delivery WHERE referral_id = $1 AND kind = $2 ORDER BY address, step`, [ngo.id, kind]);
      /** Runs the deadline-soon check now, as its timer would, and waits for it. */
      async function deadlineSoon(): Promise<void> {
        const key = randomUUID();
        await api.app.get(UnitOfWork).run(systemScope('test: deadline soon now'), (m) => api.app.get(OutboxService).enqueue(m, JobName.EmailDeadlineSoon, timers[0].payload, { key }));
        await eventually(async () => {
          const [row] = await api.owner<{ completed_at: Date | null }>(`SELECT completed_at FROM outbox_message WHERE job_id = $1`, [`${JobName.EmailDeadlineSoon}-${key}`]);
          if (!row?.completed_at) throw new Error('not run yet');
        });
      }
      await deadlineSoon();
      await deadlineSoon();
      await eventually(async () => {
        if ((await deliveries('DEADLINE_SOON')).some((d) => d.status !== 'SENT')) throw new Error('not sent yet');
      }, 15_000);
      expect(await deliveries('DEADLINE_SOON')).toEqual([
        { address: 'amani@tumaini.example.org', step: null, status: 'SENT' },
        { address: 'duty@tumaini.example.org', step: null, status: 'SENT' },
      ]);
      const soon = smtp.accepted.filter((m) => readable(m.raw).includes('First-contact deadline soon: case'));
      expect(soon.map((m) => m.to[0])).toEqual(['amani@tumaini.example.org']);

      // Past the due time, unacknowledged: the sweep escalates to the shelter's manager, who chose escalations.
      clock.fixAt(new Date(due.due_at.getTime() + 60_000));
      const sweepKey = randomUUID();
      await api.app.get(UnitOfWork).run(systemScope('test: sweep now'), (m) => api.app.get(OutboxService).enqueue(m, JobName.ReferralSweep, { at: clock.now().toISOString() }, { key: sweepKey }));
      await eventually(async () => {
        const sent = await deliveries('ESCALATION');
        if (sent.length === 0 || sent.some((d) => d.status !== 'SENT')) throw new Error('no escalation e-mailed yet');
      }, 15_000);
      expect(await deliveries('ESCALATION')).toEqual([
        { address: 'duty@tumaini.example.org', step: 0, status: 'SENT' },
        { address: 'manager@tumaini.example.org', step: 0, status: 'SENT' },
      ]);
      const escalation = readable((smtp.accepted.find((m) => m.to[0] === 'manager@tumaini.example.org' && readable(m.raw).includes(res.body.cases[0].caseNumber as string)) as Mail).raw);
      expect(escalation).toContain('Escalation step: 0');
      expect(escalation).not.toMatch(/Immaculee|Mukamana/);

      // Acknowledged now: a late deadline-soon check sends nothing more.
      // (Other referrals of this file may be escalated by the same sweep: count this case's e-mails only.)
      const caseNumber = res.body.cases[0].caseNumber as string;
      const aboutThisCase = (): number => smtp.accepted.filter((m) => readable(m.raw).includes(caseNumber)).length;
      const before = aboutThisCase();
      await api.http().post(`/api/v1/referrals/${ngo.id}/acknowledge`).set(await api.as('shelter.caseworker')).send({}).expect(200);
      await api.owner(`DELETE FROM email_delivery WHERE referral_id = $1 AND kind = 'DEADLINE_SOON'`, [ngo.id]);
      await deadlineSoon();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await deliveries('DEADLINE_SOON')).toEqual([]);
      expect(aboutThisCase()).toBe(before);
    } finally {
      clock.fixAt(null);
    }
  }, 60_000);
});

describe('e-mail notifications without an SMTP server', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('email_off');
  }, 60_000);
  afterAll(() => api.close());

  it('records each e-mail as not sent, once, and says so in the settings', async () => {
    const TUMAINI = await api.agencyId('Tumaini Shelter');
    const KGM = await api.borderPointId('KGM');
    await api.http().put(`/api/v1/agencies/${TUMAINI}/duty-email`).set(await api.as('shelter.manager')).send({ address: 'duty@tumaini.example.org', language: 'ar' }).expect(200);
    const settings = await api.http().get('/api/v1/notifications/settings').set(await api.as('shelter.manager')).expect(200);
    expect([settings.body.smtpConfigured, settings.body.agency.canManage, settings.body.mine]).toEqual([false, true, { address: null, kinds: [], language: null }]);
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
        persons: [{ givenName: 'Solange', familyName: 'Ingabire', sex: 'FEMALE', statedAge: 22, nationalities: ['RWA'], languages: ['rw'], documentsHeldByOther: true, screening: { answers: { movement_controlled: true, debt_bondage: true } } }],
      })
      .expect(201);
    const caseId = res.body.cases[0].id as string;
    const [ngo] = await api.owner<{ id: string; purposes: string[] }>(
      `SELECT r.id, ARRAY(SELECT req->>'purpose' FROM jsonb_array_elements(r.basis->'requirements') req) AS purposes FROM referral r WHERE r.case_id = $1 AND r.agency_id = $2`,
      [caseId, TUMAINI],
    );
    for (const purpose of ngo.purposes) {
      await api.http().post(`/api/v1/cases/${caseId}/consents`).set(await api.as('border.official')).send({ purpose, recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'rw' }).expect(201);
    }
    await eventually(async () => {
      const [row] = await api.owner<{ status: string }>(`SELECT status FROM email_delivery WHERE referral_id = $1`, [ngo.id]);
      if (row?.status !== 'NOT_SENT') throw new Error(`delivery is ${row?.status}`);
    }, 15_000);
    expect(await api.owner(`SELECT address, language, status, attempts, last_error FROM email_delivery WHERE referral_id = $1`, [ngo.id])).toEqual([
      { address: 'duty@tumaini.example.org', language: 'ar', status: 'NOT_SENT', attempts: 1, last_error: 'no SMTP server configured' },
    ]);
  }, 40_000);
});
