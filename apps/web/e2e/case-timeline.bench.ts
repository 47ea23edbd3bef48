import { expect, test } from '@playwright/test';

/**
 * A busy case opens fast (`npm run bench:web-case`): the shelter's demo case gets 500 timeline events
 * (notes, added through the api), then the caseworker opens it from the case list. Timed from the click
 * until the workspace is usable: the heading, the newest events of the timeline, and the newest notes listed.
 * Issue 14 asks for under 1 s on the demo machine.
 */
const EVENTS = 500;

test('a case with 500 timeline events opens in under 1 s', async ({ page, request }) => {
  test.setTimeout(180_000);
  const { password } = (await (await request.get('/api/v1/demo/accounts')).json()) as { password: string };
  const login = await request.post('/api/v1/auth/login', { data: { username: 'shelter.caseworker', password } });
  const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const { items } = (await (await request.get('/api/v1/cases?limit=10', { headers })).json()) as { items: { id: string; caseNumber: string }[] };
  const { id: caseId, caseNumber } = items[0]!;

  const timelineSize = async (): Promise<number> => {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = (await (await request.get(`/api/v1/cases/${caseId}/timeline?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers })).json()) as {
        items: unknown[];
        nextCursor?: string;
      };
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  };
  const missing = EVENTS - (await timelineSize());
  for (let sent = 0; sent < missing; sent += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, missing - sent) }, (_, i) =>
        request
          .post(`/api/v1/cases/${caseId}/notes`, { headers, data: { sensitivity: i % 3 === 0 ? 'RESTRICTED' : 'NORMAL', text: `Follow-up visit ${sent + i + 1}: all well, next visit next week.` } })
          .then((res) => expect(res.status()).toBe(201)),
      ),
    );
  }
  const events = await timelineSize();
  expect(events).toBeGreaterThanOrEqual(EVENTS);

  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('shelter.caseworker');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: caseNumber })).toBeVisible();
  // Once to load the route's code (a returning user has it cached); then the page is loaded again, so
  // that nothing of the case is in the query cache, and the timed open reads it all from the api.
  await page.getByRole('link', { name: caseNumber }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first()).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: caseNumber })).toBeVisible();

  const notes = await (await request.get(`/api/v1/cases/${caseId}/notes`, { headers })).json();
  const started = Date.now();
  await page.getByRole('link', { name: caseNumber }).click();
  await expect(page.getByRole('heading', { name: `Case ${caseNumber}`, level: 1 })).toBeVisible();
  // The newest ten events, and a button for the rest of the first page.
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Show all events' })).toBeVisible();
  // The newest notes, and a button for all of them.
  await expect(page.getByRole('region', { name: 'Notes' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('button', { name: `Show all ${(notes as { notes: unknown[] }).notes.length} notes` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add the note' })).toBeEnabled();
  const elapsed = Date.now() - started;
  console.log(`case with ${events} timeline events (${(notes as { notes: unknown[] }).notes.length} notes) usable ${elapsed} ms after the click`);
  expect(elapsed).toBeLessThan(1_000);
});
