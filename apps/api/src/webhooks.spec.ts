import { eventually } from '@kivuko/platform/testing';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DemoApi, startDemoApi } from './demo-api';

interface Received {
  body: string;
  signature: string;
  eventId: string;
}

/** An agency's receiving end: answers the first delivery with 500, the rest with 200. */
async function receiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const read = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      received.push({ body, signature: String(req.headers['x-kivuko-signature']), eventId: String(req.headers['x-kivuko-event-id']) });
      res.statusCode = received.length === 1 ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/kivuko/events`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('webhooks: referral events to the agencies, signed, retried', () => {
  let api: DemoApi;
  let KGM: string;
  let TUMAINI: string;
  let HAKI: string;

  beforeAll(async () => {
    api = await startDemoApi('webhooks');
    KGM = await api.borderPointId('KGM');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    HAKI = await api.agencyId('Haki Legal Aid');
  }, 60_000);
  afterAll(() => api.close());

  it("lets an agency's manager register its own webhook only, and shows the secret once", async () => {
    const other = await api.http().put(`/api/v1/agencies/${HAKI}/webhook`).set(await api.as('shelter.manager')).send({ url: 'https://example.org/hook' }).expect(403);
    expect(other.body.code).toBe('WEBHOOK.OTHER_AGENCY');
    await api.http().put(`/api/v1/agencies/${TUMAINI}/webhook`).set(await api.as('shelter.caseworker')).send({ url: 'https://example.org/hook' }).expect(403);
    const bad = await api.http().put(`/api/v1/agencies/${TUMAINI}/webhook`).set(await api.as('shelter.manager')).send({ url: 'ftp://nowhere' }).expect(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['url']);
    const stored = await api.owner<{ secret_ciphertext: string }>(`SELECT secret_ciphertext FROM agency_webhook`);
    expect(stored).toEqual([]);
  });

  it('POSTs a signed event carrying ids and status only when a referral reaches the agency, and retries after a 500', async () => {
    const hook = await receiver();
    try {
      const registered = await api.http().put(`/api/v1/agencies/${TUMAINI}/webhook`).set(await api.as('shelter.manager')).send({ url: hook.url }).expect(200);
      const secret = registered.body.secret as string;
      expect(secret.length).toBeGreaterThanOrEqual(40);
      const [row] = await api.owner<{ secret_ciphertext: string }>(`SELECT secret_ciphertext FROM agency_webhook WHERE agency_id = $1`, [TUMAINI]);
      expect(row.secret_ciphertext).not.toContain(secret);

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
      // Held for consent: nothing is sent to the shelter yet.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hook.received).toEqual([]);
      const [ngo] = await api.owner<{ id: string; purposes: string[] }>(
        `SELECT r.id, ARRAY(SELECT req->>'purpose' FROM jsonb_array_elements(r.basis->'requirements') req) AS purposes
         FROM referral r WHERE r.case_id = $1 AND r.agency_id = $2`,
        [caseId, TUMAINI],
      );
      for (const purpose of ngo.purposes) {
        await api.http()
          .post(`/api/v1/cases/${caseId}/consents`)
          .set(await api.as('border.official'))
          .send({ purpose, recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'rw' })
          .expect(201);
      }

      // Refused with a 500 the first time, delivered again after the backoff.
      await eventually(() => {
        if (hook.received.length < 2) throw new Error(`${hook.received.length} deliveries so far`);
      }, 15_000);
      const [first, second] = hook.received;
      expect(second.eventId).toBe(first.eventId);
      expect(second.body).toBe(first.body);
      const event = JSON.parse(second.body);
      expect(event).toEqual({ id: first.eventId, event: 'referral.created', occurredAt: expect.any(String), referral: { id: ngo.id, status: 'PENDING' } });
      expect(second.body).not.toMatch(/Solange|Ingabire|RWA/);

      // The signature verifies with the secret the manager was given, over "<t>.<body>".
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(second.signature);
      expect(match).not.toBeNull();
      const [, t, mac] = match as RegExpExecArray;
      expect(createHmac('sha256', secret).update(`${t}.${second.body}`).digest('hex')).toBe(mac);
      expect(createHmac('sha256', 'another-secret').update(`${t}.${second.body}`).digest('hex')).not.toBe(mac);
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    } finally {
      await hook.close();
    }
  }, 30_000);
});
