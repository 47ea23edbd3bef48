import { APIRequestContext, expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { registerArrival } from './inbox-arrivals';
import { authHeaders, expectAccessible, signIn, watchPage } from './support';

/**
 * The sent e-mails of an agency, for its manager: listed, filtered, and one sent again. The e2e api runs without
 * an SMTP server, so every e-mail is recorded as not sent (one attempt), and a resend records a second attempt.
 * Order-independent: the test sets a duty address of its own (and removes it after), registers its own arrival,
 * and finds its e-mail by that address and the case number.
 */
async function setDutyAddress(request: APIRequestContext, address: string | null): Promise<void> {
  const headers = await authHeaders(request, 'shelter.manager');
  const settings = (await (await request.get('/api/v1/notifications/settings', { headers })).json()) as { agency: { id: string } };
  const url = `/api/v1/agencies/${settings.agency.id}/duty-email`;
  if (address) expect((await request.put(url, { headers, data: { address, language: 'en' } })).status()).toBe(200);
  else expect([204, 404]).toContain((await request.delete(url, { headers })).status());
}

test('an agency manager lists the sent e-mails, filters them, and sends one that was not sent again', async ({ page, request }) => {
  const address = `duty-${randomUUID().slice(0, 8)}@tumaini.example.org`;
  await setDutyAddress(request, address);
  try {
    const caseNumber = await registerArrival(request, 'Bahati');
    const watch = await watchPage(page);
    await signIn(page, 'shelter.manager');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'E-mail notifications' }).click();
    await page.getByRole('region', { name: 'Sent e-mails' }).getByRole('link', { name: 'Open the sent e-mails' }).click();
    await expect(page).toHaveURL(/\/settings\/notifications\/deliveries$/);
    await expect(page.getByRole('heading', { name: 'Sent e-mails', level: 1 })).toBeVisible();
    await expect(page.getByText('The e-mails about Tumaini Shelter’s referrals, newest first', { exact: false })).toBeVisible();

    // The new-referral e-mail to this test's duty address: not sent (no server), one attempt, and why in words.
    const ours = page.getByTestId('delivery').filter({ hasText: address }).filter({ hasText: caseNumber });
    await expect(ours).toHaveCount(1, { timeout: 20_000 });
    await expect(ours.getByRole('heading', { name: 'New referral' })).toBeVisible();
    await expect(ours).toHaveAttribute('data-status', 'NOT_SENT');
    await expect(ours.getByText('Not sent', { exact: true })).toBeVisible();
    await expect(ours.getByTestId('delivery-attempts')).toHaveText('1');
    await expect(ours.getByText('Not sent: no e-mail server was set up when it was due.')).toBeVisible();
    await expectAccessible(page);

    // Filters: sent ones only leave it out; not-sent ones, new referrals and the last 24 hours keep it. Kept in the URL.
    const filters = page.getByRole('group', { name: 'Filter the e-mails' });
    await filters.getByLabel('Status').selectOption('SENT');
    await expect(page).toHaveURL(/status=SENT/);
    await expect(page.getByText(/e-mails? shown/)).toBeVisible();
    await expect(ours).toHaveCount(0);
    await filters.getByLabel('Status').selectOption('NOT_SENT');
    await expect(ours).toHaveCount(1);
    for (const card of await page.getByTestId('delivery').all()) await expect(card).toHaveAttribute('data-status', 'NOT_SENT');
    await filters.getByLabel('E-mail', { exact: true }).selectOption('ESCALATION');
    await expect(page).toHaveURL(/kind=ESCALATION/);
    await expect(ours).toHaveCount(0);
    await filters.getByLabel('E-mail', { exact: true }).selectOption('NEW_REFERRAL');
    await filters.getByLabel('Period').selectOption('DAY');
    await expect(page).toHaveURL(/period=DAY/);
    await expect(ours).toHaveCount(1);
    // A reload keeps the filters.
    await page.reload();
    await expect(filters.getByLabel('Status')).toHaveValue('NOT_SENT');
    await expect(ours).toHaveCount(1);

    // No e-mail server is set up (the e2e api has none): the page says so, and "Send again" is disabled with the reason.
    await expect(page.getByTestId('email-server-status')).toHaveText(/^No e-mail server is set up: e-mails are recorded but not sent\./);
    const again = ours.getByRole('button', { name: 'Send again' });
    await expect(again).toBeDisabled();
    await expect(ours.getByText('Sending again needs an e-mail server.')).toBeVisible();
    await expect(again).toHaveAccessibleDescription(/Sending again needs an e-mail server\./);
    // The api still takes a resend (an operator's script may): it records a second attempt, not sent either.
    const headers = await authHeaders(request, 'shelter.manager');
    const id = await ours.getAttribute('data-delivery-id');
    expect((await request.post(`/api/v1/notifications/deliveries/${id}/resend`, { headers })).status()).toBe(202);
    await expect(async () => {
      await page.reload();
      await expect(ours.getByTestId('delivery-attempts')).toHaveText('2', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(ours).toHaveAttribute('data-status', 'NOT_SENT');
    await expectAccessible(page);

    expect(watch.consoleErrors).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
  } finally {
    await setDutyAddress(request, null);
  }
});

test('a caseworker has no link to the sent e-mails, and the api refuses them the list', async ({ page, request }) => {
  await signIn(page, 'shelter.caseworker');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'E-mail notifications' }).click();
  await expect(page.getByRole('heading', { name: 'E-mail notifications', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your e-mails' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the sent e-mails' })).toHaveCount(0);
  const headers = await authHeaders(request, 'shelter.caseworker');
  expect((await request.get('/api/v1/notifications/deliveries', { headers })).status()).toBe(403);
  await page.goto('/settings/notifications/deliveries');
  await expect(page.getByRole('alert')).toContainText('Your role does not allow this.');
});
