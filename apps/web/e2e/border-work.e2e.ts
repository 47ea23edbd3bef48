import { expect, Page, test } from '@playwright/test';
import { expectAccessible, signIn, watchPage } from './support';

const CASE_NUMBER = /TZA-[A-Z]{3}-\d{4}-\d{6}/;
const SHOTS = process.env.KIVUKO_E2E_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/${name}-top.png` });
}

/** Nothing wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('a border official filters the case list, opens a case, its referrals and timeline, the tasks, and the referrals sent with what each agency did', async ({ page }) => {
  const watch = await watchPage(page);
  await signIn(page, 'border.official');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const all = (await rows.count()) - 1;

  // Filters: the api filters, the URL keeps them (a reload or a shared link shows the same list).
  await page.getByLabel('Status').selectOption({ label: 'Details missing' });
  await expect(page).toHaveURL(/[?&]status=INCOMPLETE/);
  await expect(page.getByRole('checkbox', { name: 'Records to complete' })).toBeChecked();
  await expect(rows.nth(1)).toBeVisible();
  const incomplete = (await rows.count()) - 1;
  expect(incomplete).toBeLessThan(all);
  for (let row = 1; row <= incomplete; row += 1) await expect(rows.nth(row)).toContainText('Details missing');
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('INCOMPLETE');
  await expect(rows).toHaveCount(incomplete + 1);
  await page.getByRole('checkbox', { name: 'Urgent only' }).check();
  await expect(page).toHaveURL(/urgent=true/);
  await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeHidden();
  await expectAccessible(page);
  await shot(page, 'cases-filtered');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(all + 1);
  await expect(page).not.toHaveURL(/status=/);

  // A case: the mother registered at Namanga, whose referrals the agencies accepted.
  await page.getByRole('searchbox', { name: 'Search by name or case number' }).fill('Faadumo');
  await expect(rows).toHaveCount(2);
  const caseLink = rows.nth(1).getByRole('link', { name: CASE_NUMBER });
  const caseNumber = (await caseLink.innerText()).trim();
  // The case number is a link: reached and followed by keyboard.
  await caseLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Case ${caseNumber}`, level: 1 })).toBeVisible();
  const person = page.getByRole('region', { name: 'Person' });
  await expect(person).toContainText('Faadumo Cali Warsame');
  await expect(person).toContainText('Female');
  // Her son, travelling with her, names her as his mother: a link to his own case.
  const arrival = page.getByRole('region', { name: 'Arrival' });
  await expect(arrival.getByRole('link', { name: /^Case TZA-NMG-\d{4}-\d{6}, who names this person as: Mother$/ })).toBeVisible();
  // A shared screen: the asylum-seeker profile is counted, not named, until asked for.
  const profiles = page.getByRole('region', { name: 'Profiles' });
  await expect(profiles).toContainText(/protection profiles?, hidden on a shared screen/);
  await expect(profiles.getByText('Asylum-seeker')).toHaveCount(0);
  // What the SOP keeps from the border point is named as withheld, with why — never a blank.
  const withheld = page.getByRole('region', { name: 'Not shared with your agency' });
  await expect(withheld).toContainText(/sections? of this case (is|are) not shared with your agency/);
  await expect(withheld).toContainText('The joint SOP shares these sections only with the agencies that act on them');
  await expect(withheld.getByText('Asylum', { exact: true })).toHaveCount(0);
  // Her screening answers read as the questions were asked, under the questionnaire's group titles: no raw ids.
  const shared = page.getByRole('region', { name: 'Other sections shared with your agency' });
  await expect(shared.getByRole('heading', { name: 'Needs', level: 3 })).toBeVisible();
  await expect(shared.getByRole('term').filter({ hasText: 'Single parent or caregiver' })).toBeVisible();
  await expect(shared.getByRole('term').filter({ hasText: 'Why did you leave your country?' })).toBeVisible();
  await expect(shared).toContainText('No health need seen');
  await expect(shared).not.toContainText('single_parent');
  await expect(shared).not.toContainText('reasons_for_leaving');
  await expect(shared).not.toContainText('NONE');
  // The consents on record, and the way to the consent page.
  const consentSummary = page.getByRole('region', { name: 'Consent and legal bases' });
  await expect(consentSummary.getByRole('listitem').first()).toHaveText(/^Referral \(Any agency: .+\): Given$/);
  await expect(consentSummary.getByRole('link', { name: 'Record or review consent' })).toHaveAttribute('href', /\/cases\/[0-9a-f-]{36}\/consent$/);
  // The referrals sent for her and what each agency did.
  const referrals = page.getByRole('region', { name: 'Referrals' });
  await expect(referrals.getByRole('article').first()).toBeVisible();
  await expect(referrals.getByText('Accepted: the agency is acting on it.').first()).toBeVisible();
  // Her timeline, newest first: the arrival is the earliest event, at the end once all are shown.
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  const allEvents = timeline.getByRole('button', { name: 'Show all events' });
  if (await allEvents.isVisible()) await allEvents.click();
  const earlier = timeline.getByRole('button', { name: 'Show earlier events' });
  while (await earlier.isVisible()) {
    const shown = await timeline.getByRole('listitem').count();
    await earlier.click();
    await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThan(shown);
  }
  await expect(timeline.getByRole('listitem').last()).toContainText('Arrival registered');
  await expect(timeline).toContainText('Consent given');
  await expect(timeline).toContainText(/Referral accepted: /);
  await expect(page.getByRole('link', { name: 'Correct the record' })).toHaveAttribute('href', /\/cases\/[0-9a-f-]{36}\/complete$/);
  await expect(page.getByRole('link', { name: 'Record consent' })).toHaveAttribute('href', /\/cases\/[0-9a-f-]{36}\/consent$/);
  await expectAccessible(page);
  await shot(page, 'case-page');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  // "Show protection details" names the profiles and the withheld sections.
  await page.locator('label', { hasText: 'Show protection details' }).click();
  await expect(profiles.getByText('Asylum-seeker')).toBeVisible();
  await expect(withheld.getByText('Asylum', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Tasks: the navigation counts them; each links to where it is done, soonest due first.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  // The badge is for the eye; the link says "Tasks 3 open tasks" to a screen reader.
  const tasksLink = nav.getByRole('link', { name: /^Tasks \d+ open tasks?( or more)?$/ });
  await expect(tasksLink).toBeVisible();
  await tasksLink.click();
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible();
  const tasks = page.getByRole('main').getByRole('listitem');
  await expect(tasks.first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { name: 'Complete the record (mass arrival)' }).first()).toBeVisible();
  const completeTask = tasks.filter({ hasText: 'Complete the record (mass arrival)' }).first();
  await expect(completeTask.getByRole('link', { name: 'Complete the record' })).toHaveAttribute('href', /\/cases\/[0-9a-f-]{36}\/complete$/);
  await expect(completeTask.getByRole('link', { name: CASE_NUMBER })).toBeVisible();
  await expect(completeTask.locator('time')).toHaveText(/\(.*\d{2}:\d{2}\)$/);
  await expectAccessible(page);
  await shot(page, 'tasks');
  // Records to complete close themselves when completed (no "Mark done"); a task can be cancelled, saying why.
  await expect(completeTask.getByRole('button', { name: /^Mark done/ })).toHaveCount(0);
  const before = await tasks.count();
  const taskCase = (await completeTask.getByRole('link', { name: CASE_NUMBER }).innerText()).trim();
  await completeTask.getByRole('button', { name: `Cancel task: Complete the record (mass arrival), case ${taskCase.replace(/^Case /, '')}` }).click();
  const cancelDialog = page.getByRole('alertdialog', { name: 'Cancel this task?' });
  await cancelDialog.getByLabel('Reason').fill('Person moved on to the reception centre before completion');
  await cancelDialog.getByRole('button', { name: 'Cancel the task' }).click();
  await expect(cancelDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Task cancelled' })).toHaveText('Task cancelled: Complete the record (mass arrival).');
  await expect(tasks).toHaveCount(before - 1);
  await expect(tasksLink).toHaveAccessibleName(new RegExp(`^Tasks ${before - 1} open tasks?$`));

  // Sent referrals: every status, filtered by one, with the agency's answer.
  await nav.getByRole('link', { name: 'Sent referrals' }).click();
  await expect(page.getByRole('heading', { name: 'Sent referrals', level: 1 })).toBeVisible();
  const cards = page.getByRole('main').getByRole('article');
  await expect(cards.first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Accepted' });
  await expect(page).toHaveURL(/status=ACCEPTED/);
  await expect(cards.first()).toContainText('Accepted: the agency is acting on it.');
  const accepted = await cards.count();
  for (let card = 0; card < accepted; card += 1) await expect(cards.nth(card)).toContainText('Accepted');
  await expectAccessible(page);
  await shot(page, 'sent-referrals');

  // Withdrawing asks why, and confirms.
  const first = cards.first();
  const agency = (await first.getByRole('heading').innerText()).trim();
  const withdrawButton = first.getByRole('button', { name: `Withdraw referral to ${agency}` });
  const dialog = page.getByRole('alertdialog', { name: `Withdraw the referral to ${agency}?` });
  // By keyboard: Enter opens the confirmation with the focus inside, Escape closes it and nothing changes.
  await withdrawButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(withdrawButton).toBeFocused();
  await withdrawButton.click();
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Withdraw the referral' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Say why in at least 5 characters.');
  await dialog.getByLabel('Reason').fill('Registered twice by mistake');
  await dialog.getByRole('button', { name: 'Withdraw the referral' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'was withdrawn' })).toHaveText(`The referral to ${agency} was withdrawn.`);
  await expect(cards).toHaveCount(accepted - 1);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Withdrawn' });
  await expect(cards.filter({ hasText: 'Withdrawn. Reason: Registered twice by mistake' })).toHaveCount(1);

  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('at 360 px in Arabic: the navigation fits, the filters fold behind one button, and the case page reads right to left', async ({ page }) => {
  const watch = await watchPage(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'border.official');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'العربية' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'الحالات', level: 1 })).toBeVisible();

  // Every entry keeps its whole label on one row that scrolls sideways inside the navigation; the page itself does not.
  const nav = page.getByRole('navigation', { name: 'التنقل الرئيسي' });
  const links = nav.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(6);
  for (const link of await links.all()) expect(await link.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  await expectNoSidewaysScroll(page);
  // The current page's entry is in view; the last one can be scrolled to.
  await expect(nav.getByRole('link', { name: 'الحالات' })).toBeInViewport();
  await links.last().scrollIntoViewIfNeeded();
  await expect(links.last()).toBeInViewport();

  // The filters wait behind "التصفية (n)" (the count in the language's digits).
  const toggle = page.getByRole('button', { name: /^التصفية \((0|٠)\)$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('الوضع')).toBeHidden();
  await toggle.click();
  await page.getByLabel('الوضع').selectOption('INCOMPLETE');
  await expect(page.getByRole('button', { name: /^التصفية \((1|١)\)$/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'cases-360-ar');

  await page.getByRole('table').getByRole('row').nth(1).getByRole('link', { name: CASE_NUMBER }).click();
  await expect(page.getByRole('heading', { name: /^الحالة TZA-/, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'الشخص' })).toBeVisible();
  // Newest first: the arrival is the earliest event, at the end.
  const timelineAr = page.getByRole('region', { name: 'التسلسل الزمني' });
  await expect(timelineAr.getByRole('listitem').first()).toBeVisible();
  const allAr = timelineAr.getByRole('button', { name: 'إظهار كل الأحداث' });
  if (await allAr.isVisible()) await allAr.click();
  await expect(timelineAr.getByRole('listitem').last()).toContainText('سُجِّل الوصول');
  await expect(page.getByRole('link', { name: 'استكمال السجل' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'case-360-ar');

  await nav.getByRole('link', { name: /المهام/ }).click();
  await expect(page.getByRole('heading', { name: 'المهام', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'tasks-360-ar');

  await nav.getByRole('link', { name: 'الإحالات المرسلة' }).click();
  await expect(page.getByRole('heading', { name: 'الإحالات المرسلة', level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shot(page, 'sent-360-ar');

  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});
