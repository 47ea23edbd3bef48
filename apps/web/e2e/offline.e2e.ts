import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signIn, watchPage } from './support';

/**
 * Offline work on a shared browser. The first test registers through the registration form with no
 * network; the others put records in directly through the test hook (`window.kivukoTestHooks = true`
 * before the app starts makes it expose its outbox as `window.kivukoOutbox`; nothing else sets that flag).
 */

const NAMANGA = '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a01';

function person(givenName: string, familyName: string) {
  return {
    givenName,
    familyName,
    sex: 'FEMALE',
    dateOfBirth: '1995-04-12',
    nationalities: ['SOM'],
    languages: ['so'],
    screening: { answers: { reasons_for_leaving: ['CONFLICT'], fear_of_return: false, health_triage: 'NONE' } },
  };
}

function intake(id: string, givenName: string, familyName: string) {
  return {
    intakeId: id,
    mode: 'FULL',
    arrival: { borderPointId: NAMANGA, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND', how: 'SELF_PRESENTED' },
    persons: [{ ref: 'p1', ...person(givenName, familyName) }],
  };
}

async function enqueue(page: Page, item: { kind: 'intake' | 'completion'; id: string; body: unknown }): Promise<void> {
  await page.evaluate(async (record) => {
    if (!window.kivukoOutbox) throw new Error('no outbox hook');
    await window.kivukoOutbox.enqueue(record);
  }, item);
}

async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.kivukoTestHooks = true;
  });
});

test('signed in once, the app opens without a network, keeps what is registered and sends it when the network is back', async ({ page, context }) => {
  const watch = await watchPage(page);
  await signIn(page, 'border.official');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  // The service worker has installed and controls the page (it claims it on first install).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // While online the app has the service worker keep what registering needs: the questionnaire and the leaflets.
  const kept = (path: string) =>
    page.evaluate(async (wanted) => {
      for (const name of await caches.keys()) if (await (await caches.open(name)).match(wanted, { ignoreVary: true })) return true;
      return false;
    }, path);
  await expect.poll(() => kept('/api/v1/questionnaire'), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => kept('/api/v1/leaflets/ti'), { timeout: 20_000 }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  // Opened from the service worker; the records' key is not in memory after a reload: the password opens it.
  const unlock = page.getByRole('dialog', { name: 'Unlock your records' });
  await expect(unlock).toBeVisible();
  await expectAccessible(page);
  await unlock.getByLabel('Password').fill('not-the-password');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toHaveText('This password does not open the records kept on this device for this account.');
  await unlock.getByLabel('Password').fill(DEMO_PASSWORD);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock).toBeHidden();
  // Who is signed in comes from the copy of /me sealed on the device.
  await expect(page.getByRole('banner')).toContainText('Signed in as Border official (Namanga, Kigoma) · border.official');
  await expect(page.getByRole('alert').filter({ hasText: 'No connection.' })).toBeVisible();

  // The registration form works with no network: its questionnaire was kept by the service worker while online.
  const family = `Offline${Date.now().toString(36)}`;
  await page.getByRole('link', { name: 'Register arrival' }).click();
  await expect(page.getByRole('heading', { name: 'Register an arrival', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Border point$/ }).click();
  await page.getByRole('option', { name: /Namanga/ }).click();
  const person = page.locator('section[aria-labelledby="person-p1"]');
  await person.getByRole('textbox', { name: 'Given name' }).fill('Amina');
  await person.getByRole('textbox', { name: 'Family name' }).fill(family);
  await person.getByRole('radiogroup', { name: 'Sex' }).getByText('Female', { exact: true }).click();
  await person.getByRole('textbox', { name: 'Age as stated (years)' }).fill('29');
  await person.getByRole('combobox', { name: 'Nationalities' }).fill('Somal');
  await page.getByRole('option', { name: 'Somalia', exact: true }).click();
  await person.getByRole('radiogroup', { name: 'Are you afraid to go back?' }).getByText('No', { exact: true }).click();
  await page.getByRole('button', { name: 'Register 1 person' }).click();
  // No answer from the server: kept on the device, encrypted, and a fresh form for the next arrival.
  await expect(page.getByText(/^The registration of 1 person is kept on this device, encrypted/)).toBeVisible({ timeout: 20_000 });
  await expect(person.getByRole('textbox', { name: 'Given name' })).toHaveValue('');
  await expect(page.getByRole('link', { name: 'Outbox', exact: true })).toHaveAccessibleDescription('1 record waiting');
  await page.getByRole('link', { name: 'Outbox', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Pending (1)' })).toHaveAttribute('aria-selected', 'true');
  const entry = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: family });
  await expect(entry).toContainText('Registration');
  await expect(entry).toContainText(/1 try|Not tried yet/);
  await expectAccessible(page);

  // Back online: sent by itself, with the case number the api gave.
  await context.setOffline(false);
  await expect(page.getByRole('tab', { name: 'Sent (1)' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Sent (1)' }).click();
  await expect(page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: family })).toContainText(/Case number: TZA-NMG-\d{4}-\d{6}/);
  await expect(page.getByRole('link', { name: 'Outbox', exact: true })).toHaveAccessibleDescription('Nothing waiting');

  // The case is in the case list.
  await page.getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('searchbox', { name: 'Search by name or case number' }).fill(family);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: family })).toHaveCount(1);
  expect(await watch.cspViolations()).toEqual([]);
});

test('on a shared browser another user sees nothing of the first one, whose record is sent when they sign in again', async ({ page, context }) => {
  await signIn(page, 'border.official');
  await context.setOffline(true);
  const family = `Shared${Date.now().toString(36)}`;
  const id = crypto.randomUUID();
  await enqueue(page, { kind: 'intake', id, body: intake(id, 'Halima', family) });
  await expect(page.getByRole('link', { name: 'Outbox', exact: true })).toHaveAccessibleDescription('1 record waiting');

  // Signing out with a record not sent warns first.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Records not sent yet' });
  await expect(warning).toContainText('1 record has not reached the server. It stays encrypted on this device and is sent when you sign in again.');
  await expectAccessible(page);
  await warning.getByRole('button', { name: 'Sign out anyway' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('alert')).toContainText('1 record was not sent before the sign-out.');

  // No network and never signed in here: refused; the IndexedDB rows hold no name in clear.
  await page.getByLabel('Username').fill('airport.official');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('No connection, and this account has not signed in on this device before. Connect to sign in.');
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kivuko-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result.map((row: { owner: string; status: string }) => [row.owner, row.status])));
        };
      }),
  );
  expect(stored).toBe(JSON.stringify([['border.official', 'pending']]));

  await context.setOffline(false);
  await signIn(page, 'airport.official');
  await expect(page.getByRole('link', { name: 'Outbox', exact: true })).toHaveAccessibleDescription('Nothing waiting');
  await page.getByRole('link', { name: 'Outbox', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Pending (0)' })).toBeVisible();
  await expect(page.getByText(family)).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, 'border.official');
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByRole('tab', { name: 'Sent (1)' })).toBeVisible({ timeout: 20_000 });
});

test('a version conflict is shown side by side, and "Send mine" sends it again on the new version', async ({ page, request }) => {
  const token = await apiToken(request, 'border.official');
  const headers = { authorization: `Bearer ${token}` };
  const family = `Conflict${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/intakes', { headers, data: intake(crypto.randomUUID(), 'Zahra', family) });
  expect(created.status()).toBe(201);
  const caseId = ((await created.json()) as { cases: { id: string }[] }).cases[0]?.id as string;
  const read = async () => ((await (await request.get(`/api/v1/cases/${caseId}`, { headers })).json()) as { version: number }).version;
  const version = await read();
  // Someone else corrects the case first.
  const other = await request.put(`/api/v1/cases/${caseId}/intake`, { headers, data: { version, person: person('Zahra', family) } });
  expect(other.status(), await other.text()).toBe(200);

  await signIn(page, 'border.official');
  await enqueue(page, { kind: 'completion', id: `${caseId}@${version}`, body: { version, person: person('Zahara', family) } });
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await expect(page.getByRole('tab', { name: 'Failed (1)' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Failed (1)' }).click();
  await page.getByRole('button', { name: 'Review the conflict' }).click();
  const review = page.getByRole('region', { name: 'The server has another version' });
  const table = review.getByRole('table', { name: 'The two versions, field by field' });
  await expect(table.getByRole('columnheader')).toHaveText(['Field', 'On the server', 'Yours']);
  const given = table.getByRole('row', { name: /givenName/ });
  await expect(given).toContainText('Differs');
  await expect(given.getByRole('cell')).toHaveText(['Zahra', 'Zahara']);
  await expectAccessible(page);
  await review.getByRole('button', { name: 'Send mine' }).click();
  await expect(page.getByRole('tab', { name: 'Sent (1)' })).toBeVisible({ timeout: 20_000 });
  expect(await read()).toBeGreaterThan(version + 1 - 1);
});

test('the idle sign-out keeps the records not sent, encrypted, and the sign-in page says so', async ({ page, context }) => {
  await page.addInitScript(() => {
    window.kivukoIdleTimings = { idleMs: 2500, warnMs: 1000 };
  });
  await signIn(page, 'border.official');
  await context.setOffline(true);
  const id = crypto.randomUUID();
  await enqueue(page, { kind: 'intake', id, body: intake(id, 'Idle', `Idle${Date.now().toString(36)}`) });
  await expect(page).toHaveURL(/\/sign-in$/, { timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Signed out after 5 minutes without activity.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '1 record was not sent before the sign-out.' })).toBeVisible();

  // Its owner signs in again (offline: the password opens their key) and finds it waiting.
  await page.getByLabel('Username').fill('border.official');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Outbox', exact: true })).toHaveAccessibleDescription('1 record waiting');
});
