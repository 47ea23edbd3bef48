import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { expectAccessible, watchPage } from './support';

const PASSWORD = 'kivuko-demo';
/** An agency the other flows leave alone: its webhook is pointed where nothing answers. */
const AGENCY = 'Migration Agency';
/** A port nothing listens on: every delivery attempt fails at once, and the queue tries it again later. */
const UNREACHABLE = 'http://127.0.0.1:9/kivuko/events';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`· ${username}`);
}

async function bearer(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status()).toBe(200);
  return { authorization: `Bearer ${(await login.json()).accessToken as string}` };
}

/** A webhook delivery that fails: the agency's webhook points nowhere, and a test event is queued to it. */
async function failingDelivery(request: APIRequestContext): Promise<{ jobId: string; agencyId: string; headers: Record<string, string> }> {
  const headers = await bearer(request, 'sysadmin');
  const agencies = (await (await request.get('/api/v1/agencies', { headers })).json()) as { id: string; name: string }[];
  const agencyId = agencies.find((a) => a.name === AGENCY)?.id;
  if (!agencyId) throw new Error(`no demo agency ${AGENCY}`);
  expect((await request.put(`/api/v1/agencies/${agencyId}/webhook`, { headers, data: { url: UNREACHABLE } })).status()).toBe(200);
  const queued = await request.post(`/api/v1/agencies/${agencyId}/webhook/test`, { headers });
  expect(queued.status()).toBe(202);
  const { eventId } = (await queued.json()) as { eventId: string };
  return { jobId: `referrals.webhook-${eventId}`, agencyId, headers };
}

test('the system administrator sees a failing webhook delivery with its error, runs it again, then removes it', async ({ page, request }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  const { jobId, agencyId, headers } = await failingDelivery(request);

  // Nobody else opens the page, and the api refuses them the queues.
  const official = await bearer(request, 'border.official');
  expect((await request.get('/api/v1/admin/queues', { headers: official })).status()).toBe(403);

  await signIn(page, 'sysadmin');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Job queues' }).click();
  await expect(page).toHaveURL(/\/admin\/queues$/);
  await expect(page.getByRole('heading', { name: 'Job queues', level: 1 })).toBeVisible();
  await expect(page.getByText('The queues are kept in the PostgreSQL database.')).toBeVisible();

  const referrals = page.getByRole('region', { name: 'Referrals, webhooks and e-mails' });
  await expect(referrals.getByRole('definition')).toHaveCount(6);
  // The e-mails recorded but not sent are counted here, with the way to the sent e-mails page.
  await expect(page.getByTestId('unsent-emails').getByRole('link', { name: 'Open the sent e-mails' })).toHaveAttribute('href', '/settings/notifications/deliveries');
  // The delivery failed at least once: the queue shows it with its error and will try again (refresh until it does).
  const row = referrals.locator(`tr[data-job-id="${jobId}"]`);
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText('Webhook to an agency');
  await expect(row).toContainText('Failed, will be tried again');
  await expect(row).toContainText(/fetch failed|ECONNREFUSED/);
  // Which agency and which host it goes to (never the address's path), and when it is tried next.
  await expect(row).toContainText(`To ${AGENCY} (127.0.0.1:9)`);
  await expect(row).not.toContainText('/kivuko/events');
  await expect(row.getByTestId('next-attempt')).toHaveText(/^Next try at \d{2}:\d{2}:\d{2}$/);
  // Waiting for its next attempt: the Retrying counter counts it, coloured.
  const retrying = referrals.locator('[data-state="retrying"]');
  await expect(retrying.getByRole('definition')).toHaveText(/^[1-9]\d*$/);
  // The job's data is never shown: only its name, id and error.
  await expect(row).not.toContainText(agencyId);
  await expectAccessible(page);

  const attemptsBefore = Number(/^(\d+)/.exec((await row.getByTestId('attempts').textContent()) ?? '')?.[1]);
  expect(attemptsBefore).toBeGreaterThanOrEqual(1);

  // Run it again now: a confirmation first, then the queue tries at once (and fails again: nothing listens).
  await row.getByRole('button', { name: `Run again: job ${jobId}` }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Run this job again?' });
  await expect(confirm).toContainText(jobId);
  // One order in the app's questions: the main answer first, then Go back.
  await expect(confirm.getByRole('button')).toHaveText(['Run again', 'Go back']);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Run again' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'runs again' })).toHaveText(`Job ${jobId} runs again.`);
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    const attempts = Number(/^(\d+)/.exec((await row.getByTestId('attempts').textContent({ timeout: 2_000 })) ?? '')?.[1]);
    expect(attempts).toBeGreaterThan(attemptsBefore);
  }).toPass({ timeout: 30_000 });

  // Remove it: asked first, then gone from the list.
  await row.getByRole('button', { name: `Remove job ${jobId}` }).click();
  const remove = page.getByRole('alertdialog', { name: 'Remove this job?' });
  await expect(remove).toContainText('will not run again');
  await remove.getByRole('button', { name: 'Remove the job' }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'removed' })).toHaveText(`Job ${jobId} removed.`);
  await expect(row).toHaveCount(0);
  await expectAccessible(page);

  // The same page in Arabic reads right to left, in Arabic.
  await page.evaluate(() => {
    window.localStorage.setItem('kivuko.locale', 'ar');
    window.localStorage.setItem('kivuko.locale.user.sysadmin', 'ar');
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'طوابير المهام', level: 1 })).toBeVisible();
  await expectAccessible(page);

  expect((await request.delete(`/api/v1/agencies/${agencyId}/webhook`, { headers })).status()).toBe(204);
  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});
