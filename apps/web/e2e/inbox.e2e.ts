import { expect, test } from '@playwright/test';
import { KIGOMA, registerArrival } from './inbox-arrivals';
import { expectAccessible, signIn, watchPage } from './support';

test('a shelter caseworker sees new referrals arrive, acknowledges, accepts, starts and completes one, declines another and sees where it went', async ({ page, request }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  await signIn(page, 'shelter.caseworker');
  // The inbox is one click away from the landing page.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Referral inbox' }).click();
  await expect(page.getByRole('heading', { name: 'Referral inbox', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByText(/^\d[\d,]* referrals?|^No referral matches/)).toBeVisible();
  await expectAccessible(page);

  // Two arrivals registered at the border while the inbox is open: they appear without a reload, marked new
  // and announced politely.
  const first = await registerArrival(request, 'Diane');
  const second = await registerArrival(request, 'Esther');
  const list = page.getByRole('list', { name: 'Referrals to your agency' });
  const rowOf = (caseNumber: string) => list.getByRole('listitem').filter({ hasText: caseNumber });
  await expect(rowOf(first)).toBeVisible({ timeout: 45_000 });
  await expect(rowOf(second)).toBeVisible();
  await expect(rowOf(first).getByText('New', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /new referrals? arrived/ })).toHaveCount(1);
  await expect(rowOf(first)).toContainText('Victim of trafficking');
  await expect(rowOf(first)).toContainText('From Kigoma lake port');
  await expect(rowOf(first).locator('time')).toHaveText(/^First contact (due in|overdue by) /);
  // Only a reached escalation is printed; the edge's colour says where the first contact stands.
  await expect(rowOf(first)).not.toContainText('escalat');
  await expect(rowOf(first).locator('article')).toHaveAttribute('data-deadline', /^(later|soon|late)$/);
  // Accept is the one primary action; Decline sits beside it.
  await expect(rowOf(first).getByRole('button')).toHaveText(['Accept', 'Decline', 'Acknowledge']);
  // One line under the actions says how Acknowledge differs from Accept, and both buttons point to it.
  await expect(rowOf(first).getByText(/^Acknowledge: you have it and will answer/)).toBeVisible();
  await expect(rowOf(first).getByRole('button', { name: `Accept the referral of case ${first}` })).toHaveAccessibleDescription(/Accept: your agency takes the case on\./);
  await expectAccessible(page);

  // Acknowledge, then accept: the result is said, and the row follows.
  await rowOf(first).getByRole('button', { name: `Acknowledge the referral of case ${first}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Case ${first}: acknowledged.` })).toBeVisible();
  await expect(rowOf(first)).toContainText('First contact made');
  await expect(rowOf(first).locator('article')).toHaveAttribute('data-deadline', 'made');
  await expect(rowOf(first).getByRole('button', { name: `Acknowledge the referral of case ${first}` })).toHaveCount(0);
  await rowOf(first).getByRole('button', { name: `Accept the referral of case ${first}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Case ${first}: accepted.` })).toBeVisible();
  await rowOf(first).getByRole('button', { name: `Start work on the referral of case ${first}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Case ${first}: work started.` })).toBeVisible();
  await expect(rowOf(first)).toContainText('In progress');

  // Decline the other with a reason: the dialog asks why, then the page says where the case went.
  await rowOf(second).getByRole('button', { name: `Decline the referral of case ${second}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Decline the referral of case ${second}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Decline the referral' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('No bed free in the safe house this week');
  await dialog.getByRole('button', { name: 'Decline the referral' }).click();
  await expect(dialog).toBeHidden();
  const moved = page.getByRole('status').filter({ hasText: `Case ${second}: declined.` });
  await expect(moved).toBeVisible();
  // Tumaini is the only safe shelter at Kigoma: the SOP's coordinating body is alerted to find another.
  await expect(moved).toHaveText(/It went on to .+\.|No other agency was left, so .+ \(the coordinating body\) was alerted to find one\./);
  await expect(rowOf(second)).toHaveCount(0);

  // Filters live in the URL: the one in progress under "In progress", a reload keeps it.
  await page.getByLabel('Status').selectOption({ label: 'In progress' });
  await expect(page).toHaveURL(/status=IN_PROGRESS/);
  await expect(rowOf(first)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Overdue only' }).check();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(rowOf(first)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
  await expect(page.getByLabel('Status')).toHaveValue('IN_PROGRESS');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expectAccessible(page);

  // Complete with an outcome the border point sees: the referral leaves the open queue.
  await rowOf(first).getByRole('button', { name: `Complete the referral of case ${first}` }).click();
  const complete = page.getByRole('dialog', { name: `Complete the referral of case ${first}` });
  await complete.getByLabel('Outcome').selectOption({ label: 'Sheltered and assisted' });
  await complete.getByLabel('Note for the sender (optional)').fill('Placed in the safe house.');
  await expectAccessible(page);
  await complete.getByRole('button', { name: 'Complete the referral' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Case ${first}: completed.` })).toBeVisible();
  await expect(rowOf(first)).toHaveCount(0);

  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});

test('a caseworker has the same navigation on every page, the inbox with its count, and at 360 px the current entry in view', async ({ page, request }) => {
  const watch = await watchPage(page);
  await registerArrival(request, 'Fatuma');
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'shelter.caseworker');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  // A new referral waits for an answer: the inbox entry counts it, for screen readers too.
  await expect(nav.getByRole('link', { name: /^Referral inbox\s*\d+ referrals? awaits? an answer/ })).toBeVisible();
  let entries: (string | null)[] | undefined;
  for (const path of ['/', '/referrals/inbox', '/tasks', '/settings/notifications']) {
    await page.goto(path);
    await expect(nav.getByRole('link', { name: 'E-mail notifications' })).toBeAttached();
    const here = await nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(here).toEqual(expect.arrayContaining(['/', '/referrals/inbox', '/tasks', '/settings/notifications']));
    if (entries) expect(here).toEqual(entries);
    entries = here;
    // The current entry is scrolled into the 360 px row, whole.
    const current = nav.locator('a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(async () => {
      const box = await current.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    }).toPass();
    // The row scrolls inside the navigation: the page itself (with the counts' hidden words) stays 360 px wide.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  // The row goes on beyond an edge on this narrow screen: that edge says so.
  await expect(nav).toHaveAttribute('data-more-start', 'true');
  expect(watch.consoleErrors).toEqual([]);
});

test('a thousand referrals scroll in a window of rows', async ({ page }) => {
  const watch = await watchPage(page);
  // The queue answers a thousand referrals (the api's own answer is at most 100 a page; this is the list's limit).
  await page.route(/\/api\/v1\/referrals\?/, async (route) => {
    const now = Date.now();
    const items = Array.from({ length: 1000 }, (_, n) => ({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      caseId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      caseNumber: `TZA-KGM-2026-${String(n).padStart(6, '0')}`,
      agency: { id: 'a', name: 'Tumaini Shelter', kind: 'NGO' },
      borderPoint: { id: KIGOMA, code: 'KGM' },
      role: 'SUPPORTING',
      profiles: ['SGBV_SURVIVOR'],
      priority: 1 + (n % 4),
      status: n % 3 === 0 ? 'ACKNOWLEDGED' : 'PENDING',
      dueAt: new Date(now + (n - 20) * 600_000).toISOString(),
      overdue: n < 20,
      escalationLevel: n < 20 ? 1 : 0,
      attempt: 1,
      previousReferralId: null,
      version: 1,
      acknowledgedAt: null,
      outcomeCode: null,
      outcomeNote: null,
      reason: null,
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
    }));
    await route.fulfill({ json: { items } });
  });
  await signIn(page, 'shelter.caseworker');
  await page.goto('/referrals/inbox');
  await expect(page.getByText('1,000 referrals, 20 overdue')).toBeVisible();
  const rows = page.getByRole('list', { name: 'Referrals to your agency' }).getByRole('listitem');
  await expect(rows.first()).toContainText('TZA-KGM-2026-000000');
  expect(await rows.count()).toBeLessThan(40);
  await expect(rows.nth(1)).toContainText(/First contact overdue by/);

  // Scrolled to the end: the last rows are in the page, the first are not, and still only a window.
  const started = Date.now();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByText('TZA-KGM-2026-000999')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(3_000);
  await expect(page.getByText('TZA-KGM-2026-000000')).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(40);
  await expect(rows.last()).toHaveAttribute('aria-posinset', '1000');
  expect(watch.consoleErrors).toEqual([]);
});
