import { Clock, JOB_HANDLER_METADATA, JobHandler, JobName, OutboxService, systemScope, UnitOfWork } from '@kivuko/platform';
import { eventually } from '@kivuko/platform/testing';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DemoApi, startDemoApi } from './demo-api';

interface Mail {
  to: string[];
  raw: string;
}

/**
 * An SMTP server for the test: refuses the first `refuse` messages with a 451 (try again later), takes the rest;
 * and refuses outright (550) any recipient in `bouncing` while it is there.
 */
async function smtpServer(refuse: number): Promise<{ url: string; accepted: Mail[]; refused: Mail[]; bouncing: Set<string>; close(): Promise<void> }> {
  const accepted: Mail[] = [];
  const refused: Mail[] = [];
  const bouncing = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (bouncing.has(address.address)) {
        callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 }));
        return;
      }
      callback();
    },
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
  return { url: `smtp://127.0.0.1:${port}`, accepted, refused, bouncing, close: () => new Promise((resolve) => server.close(() => resolve())) };
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
    // The profiles in words, in each recipient's language, in the subject and in both parts; never a code.
    expect(header(duty, 'Subject')).toContain('Victime de la traite');
    expect(header(worker, 'Subject')).toContain('Mwathirika wa usafirishaji haramu wa binadamu');
    expect(duty.split('Victime de la traite').length - 1).toBeGreaterThanOrEqual(3);
    expect(worker.split('Mwathirika wa usafirishaji haramu wa binadamu').length - 1).toBeGreaterThanOrEqual(3);
    const [{ profiles }] = await api.owner<{ profiles: string[] }>(`SELECT profiles FROM referral WHERE id = $1`, [ngo.id]);
    expect(profiles).toContain('TRAFFICKING_VICTIM');
    for (const text of [duty, worker]) for (const code of profiles) expect(text).not.toContain(code);
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

  it("lists deliveries to an agency's manager (their agency's only) and to a system administrator (all), and sends a failed one again exactly once", async () => {
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
        persons: [{ givenName: 'Vestine', familyName: 'Uwase', sex: 'FEMALE', statedAge: 23, nationalities: ['RWA'], languages: ['rw'], documentsHeldByOther: true, screening: { answers: { movement_controlled: true, debt_bondage: true } } }],
      })
      .expect(201);
    const caseId = res.body.cases[0].id as string;
    const caseNumber = res.body.cases[0].caseNumber as string;
    const [referral] = await api.owner<{ id: string }>(`SELECT id FROM referral WHERE case_id = $1 AND agency_id = $2`, [caseId, TUMAINI]);
    /** A delivery of this referral's event, written as the notifications write one (the queue is not asked to send it). */
    const delivery = async (agencyId: string, address: string, status: string): Promise<string> => {
      const id = randomUUID();
      await api.owner(
        `INSERT INTO email_delivery (id, event_key, recipient_key, kind, referral_id, agency_id, address, language, status, attempts, last_error)
         VALUES ($1, $2, 'duty', 'NEW_REFERRAL', $3, $4, $5, 'en', $6, $7, $8)`,
        [id, `NEW_REFERRAL:${referral.id}:${id}`, referral.id, agencyId, address, status, status === 'PENDING' ? 0 : 1, status === 'NOT_SENT' ? 'no SMTP server configured' : null],
      );
      return id;
    };
    const bounce = 'bounce@tumaini.example.org';
    const failing = await delivery(TUMAINI, bounce, 'PENDING');
    const sent = await delivery(TUMAINI, 'sent@tumaini.example.org', 'SENT');
    const haki = await delivery(HAKI, 'duty@haki.example.org', 'NOT_SENT');

    // The queue's last attempt at an address the server refuses leaves the delivery FAILED, with the server's answer.
    smtp.bouncing.add(bounce);
    // The handler the queue runs for an e-mail delivery, as the worker host finds it.
    const reflector = api.app.get(Reflector);
    const wrapper = api.app.get(DiscoveryService).getProviders().find((w) => w.metatype && w.instance && reflector.get(JOB_HANDLER_METADATA, w.metatype) === JobName.EmailDelivery);
    const job = wrapper?.instance as JobHandler<JobName.EmailDelivery>;
    await expect(job.handle({ deliveryId: failing }, { jobId: 'test', attempt: 12, lastAttempt: true, earlierRuns: 0 })).rejects.toThrow(/unavailable/);
    expect(await api.owner(`SELECT status, attempts FROM email_delivery WHERE id = $1`, [failing])).toEqual([{ status: 'FAILED', attempts: 1 }]);

    type Listed = { id: string; status: string; caseNumber: string; address: string; attempts: number; lastError: string | null; agency: { name: string }; canResend: boolean };
    const list = async (as: string, query: Record<string, string> = {}): Promise<Listed[]> => {
      const items: Listed[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.http().get('/api/v1/notifications/deliveries').query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) }).set(await api.as(as)).expect(200);
        items.push(...(page.body.items as Listed[]));
        cursor = page.body.nextCursor as string | undefined;
      } while (cursor);
      return items;
    };
    const managers = await list('shelter.manager');
    expect(managers.map((d) => d.id)).toEqual(expect.arrayContaining([failing, sent]));
    expect(managers.map((d) => d.id)).not.toContain(haki);
    expect(managers.every((d) => d.agency.name === 'Tumaini Shelter')).toBe(true);
    expect(managers.find((d) => d.id === failing)).toMatchObject({ status: 'FAILED', caseNumber, address: bounce, attempts: 1, lastError: expect.stringContaining('unavailable'), canResend: true });
    // Paged two at a time, newest first: every delivery once.
    expect(new Set(managers.map((d) => d.id)).size).toBe(managers.length);
    const everyone = await list('sysadmin', { kind: 'NEW_REFERRAL' });
    expect(everyone.map((d) => d.id)).toEqual(expect.arrayContaining([failing, sent, haki]));
    expect((await list('sysadmin', { status: 'NOT_SENT' })).map((d) => d.id)).toContain(haki);
    expect((await list('sysadmin', { status: 'NOT_SENT' })).every((d) => d.status === 'NOT_SENT')).toBe(true);
    expect(await list('sysadmin', { from: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);
    // Each page says whether a server is set up (never which) and how many e-mails in the reader's scope were not sent.
    const statusPage = await api.http().get('/api/v1/notifications/deliveries').query({ status: 'SENT', limit: 1 }).set(await api.as('shelter.manager')).expect(200);
    expect(typeof statusPage.body.emailServerConfigured).toBe('boolean');
    expect(JSON.stringify(statusPage.body)).not.toMatch(/smtp:\/\//);
    const [unsent] = await api.owner<{ n: number }>(`SELECT count(*)::int AS n FROM email_delivery d JOIN agency a ON a.id = d.agency_id WHERE a.name = 'Tumaini Shelter' AND d.status IN ('FAILED', 'NOT_SENT')`);
    expect(statusPage.body.unsent).toBe(unsent.n);
    expect(statusPage.body.unsent).toBeGreaterThanOrEqual(1);
    const bad = await api.http().get('/api/v1/notifications/deliveries').query({ status: 'LOST', kind: 'ALL', from: 'yesterday' }).set(await api.as('sysadmin')).expect(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['from', 'kind', 'status']);
    await api.http().get('/api/v1/notifications/deliveries').set(await api.as('shelter.caseworker')).expect(403);

    // Another agency's delivery is not there for a manager, as if it did not exist; a sent one is not sent again.
    const hidden = await api.http().post(`/api/v1/notifications/deliveries/${haki}/resend`).set(await api.as('shelter.manager')).expect(404);
    expect(hidden.body.code).toBe('EMAIL_DELIVERY.NOT_FOUND');
    const again = await api.http().post(`/api/v1/notifications/deliveries/${sent}/resend`).set(await api.as('shelter.manager')).expect(409);
    expect(again.body.code).toBe('EMAIL_DELIVERY.NOT_RESENDABLE');

    // The failed one, sent again twice at once: one resend is queued, the other refused; the server gets it once.
    smtp.bouncing.delete(bounce);
    const resends = await Promise.all([0, 1].map(async () => api.http().post(`/api/v1/notifications/deliveries/${failing}/resend`).set(await api.as('shelter.manager'))));
    expect(resends.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(resends.find((r) => r.status === 202)?.body).toMatchObject({ id: failing, status: 'PENDING', canResend: false });
    await eventually(async () => {
      const [row] = await api.owner<{ status: string }>(`SELECT status FROM email_delivery WHERE id = $1`, [failing]);
      if (row?.status !== 'SENT') throw new Error(`delivery is ${row?.status}`);
    }, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const received = smtp.accepted.filter((m) => m.to[0] === bounce);
    expect(received).toHaveLength(1);
    expect(readable(received[0].raw)).toContain(`New referral: case ${caseNumber}`);
    expect(await api.owner(`SELECT status, attempts, sends, last_attempt_at IS NOT NULL AS timed FROM email_delivery WHERE id = $1`, [failing])).toEqual([{ status: 'SENT', attempts: 2, sends: 2, timed: true }]);
    const audits = await api.owner<{ details: Record<string, unknown> }>(`SELECT details FROM audit_event WHERE action = 'EMAIL_DELIVERY.RESENT' AND details->>'deliveryId' = $1`, [failing]);
    expect(audits.map((a) => a.details)).toEqual([{ deliveryId: failing, agencyId: TUMAINI, send: 2 }]);
    // Sent now: a further resend is refused.
    await api.http().post(`/api/v1/notifications/deliveries/${failing}/resend`).set(await api.as('sysadmin')).expect(409);
  }, 40_000);
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
