import { describe, expect, it } from 'vitest';
import { createApiClient, unwrap } from './client';

describe('errors from the api client', () => {
  it("carry the api's code, correlation id and field problems (the body openapi-fetch has already read)", async () => {
    const body = { code: 'REQUEST.VALIDATION_FAILED', message: 'bad', correlationId: 'corr-7', details: { fields: [{ path: 'limit', problem: 'limit must not be greater than 100' }] } };
    const api = createApiClient('http://kivuko.test', () => Promise.resolve(new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } })));
    const error = await unwrap(api.GET('/api/v1/cases', { params: { query: { limit: 500 } } })).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION_FAILED', correlationId: 'corr-7', fields: [{ path: 'limit', problem: 'limit must not be greater than 100' }] });
  });

  it("keep the rest of the body's details (a safeguard's reasons and lead agency) for the page to explain", async () => {
    const details = { reasons: [{ code: 'REFLECTION_PERIOD_RUNNING', until: '2027-03-12' }], lead: { name: 'Anti-Trafficking Secretariat', kind: 'ANTI_TRAFFICKING' } };
    const body = { code: 'SAFEGUARD.NON_REFOULEMENT', message: 'refused', correlationId: 'corr-8', details };
    const api = createApiClient('http://kivuko.test', () => Promise.resolve(new Response(JSON.stringify(body), { status: 409, headers: { 'content-type': 'application/json' } })));
    const error = await unwrap(api.GET('/api/v1/me')).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ status: 409, code: 'SAFEGUARD.NON_REFOULEMENT', details });
  });

  it('name an answer without the error body by its status', async () => {
    const api = createApiClient('http://kivuko.test', () => Promise.resolve(new Response('<html>bad gateway</html>', { status: 502 })));
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 502, code: 'HTTP.502' });
  });
});
