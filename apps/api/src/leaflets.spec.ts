import { DemoApi, startDemoApi } from './demo-api';

describe('GET /api/v1/leaflets', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('leaflets');
  });
  afterAll(() => api.close());

  it('lists every leaflet with its language, version, title, direction and review status, for anyone signed in', async () => {
    const res = await api.http().get('/api/v1/leaflets').set(await api.as('analyst')).expect(200);
    expect(res.body.leaflets.map((l: { language: string }) => l.language)).toEqual(['en', 'fr', 'pt', 'sw', 'ar', 'am', 'so', 'ti']);
    expect(res.body.leaflets[4]).toEqual({ language: 'ar', version: '2026.1', title: 'حقوقك عند الحدود', direction: 'rtl', reviewStatus: 'GLOSSARY_CHECKED' });
    expect(res.body.leaflets[7]).toMatchObject({ language: 'ti', direction: 'ltr', reviewStatus: 'NATIVE_REVIEW_PENDING' });
  });

  it('gives one leaflet with its six sections', async () => {
    const res = await api.http().get('/api/v1/leaflets/sw').set(await api.as('border.official')).expect(200);
    expect(res.body).toMatchObject({ language: 'sw', version: '2026.1', direction: 'ltr', title: 'Haki zako mpakani' });
    expect(res.body.sections.map((s: { topic: string }) => s.topic)).toEqual(['ASYLUM', 'NGO_ACCESS', 'LEGAL_AID', 'COUNSELLING', 'VOLUNTARY_RETURN', 'DATA_USE']);
    expect(Object.keys(res.body.sections[0]).sort()).toEqual(['body', 'heading', 'topic']);
  });

  it.each(['xx', 'EN', 'english', '..', 'a%20b'])('answers 404 LEAFLET.NOT_FOUND for the unknown language %s', async (language) => {
    const res = await api.http().get(`/api/v1/leaflets/${language}`).set(await api.as('border.official'));
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'LEAFLET.NOT_FOUND' });
  });

  it('needs a token', async () => {
    const statuses = [(await api.http().get('/api/v1/leaflets')).status, (await api.http().get('/api/v1/leaflets/en')).status];
    expect(statuses).toEqual([401, 401]);
  });
});
