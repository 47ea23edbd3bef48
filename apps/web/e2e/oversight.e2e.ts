import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, signIn, typeDate, watchPage } from './support';

const CASE_NUMBER = /^TZA-[A-Z]{3}-\d{4}-\d{6}$/;

test('a supervisor follows dashboard numbers to the lists behind them and links a possible previous encounter', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  await signIn(page, 'border.supervisor');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Supervision dashboard', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Each chart is a table; the number of cases with details missing opens the case list filtered so.
  const byStatus = page.getByRole('table', { name: 'Caseload by status' });
  const missing = byStatus.getByRole('row', { name: /Details missing/ }).getByRole('link');
  const count = Number((await missing.innerText()).match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await expect(missing).toHaveAccessibleName(`${count} Details missing`);
  await missing.click();
  await expect(page).toHaveURL(/[?&]status=INCOMPLETE/);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(count + 1);
  for (let row = 1; row <= count; row += 1) await expect(rows.nth(row)).toContainText('Details missing');

  // "Open cases without a lead agency": the case list with that filter on, as many rows as the number says.
  await page.goBack();
  const withoutLead = page.getByRole('link', { name: /Open cases without a lead agency$/ });
  const leadless = Number((await withoutLead.innerText()).match(/\d+/)?.[0]);
  await withoutLead.click();
  await expect(page).toHaveURL(/withoutLead=true/);
  await expect(page.getByRole('checkbox', { name: 'No lead agency yet' })).toBeChecked();
  if (leadless > 0) await expect(page.getByRole('table').getByRole('row')).toHaveCount(leadless + 1);
  else await expect(page.getByText('No case matches these filters.')).toBeVisible();

  // The possible previous encounter of the demo: the two records side by side, differences named in words.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Possible encounters' }).click();
  await expect(page.getByRole('heading', { name: 'Possible previous encounters', level: 1 })).toBeVisible();
  const card = page.getByRole('article');
  await expect(card).toHaveCount(1);
  const table = card.getByRole('table');
  await expect(table.getByRole('columnheader', { name: /^New arrival TZA-NMG-/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /^Earlier record TZA-DAR-/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Border point/ })).toContainText('Differs, as two arrivals do');
  // The demo's names are spelling variants the matcher reads alike: "similar", never "different" beside "similar names".
  await expect(table.getByRole('row', { name: /^Name/ }).getByRole('cell').nth(2)).toHaveText('Similar (spelling variant)');
  await expect(card.getByRole('listitem').filter({ hasText: 'Names that sound the same, spelled differently' })).toContainText('/');
  await expect(card.getByRole('heading', { name: 'Why they were matched' })).toBeVisible();
  await expectAccessible(page);

  // Dismissing asks why: an empty reason is refused, going back keeps the encounter to review.
  await card.getByRole('button', { name: 'Dismiss: a different person' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Dismiss this match?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Dismiss the match' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole('button', { name: 'Link: the same person' })).toBeVisible();

  const numbers = (await card.getByRole('heading', { level: 2 }).innerText()).match(/TZA-[A-Z]{3}-\d{4}-\d{6}/g) ?? [];
  expect(numbers).toHaveLength(2);
  // Linking asks first; going back links nothing.
  await card.getByRole('button', { name: 'Link: the same person' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Link these two records?' });
  await expect(confirm).toContainText(`${numbers[0]} and ${numbers[1]} will be recorded as the same person.`);
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Go back' }).click();
  await expect(confirm).toBeHidden();
  await expect(card.getByRole('button', { name: 'Link: the same person' })).toBeVisible();
  await card.getByRole('button', { name: 'Link: the same person' }).click();
  await confirm.getByRole('button', { name: 'Link the records' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is linked to' })).toHaveText(`${numbers[0]} is linked to ${numbers[1]}: the same person.`);
  await expect(page.getByText('No possible encounter here.')).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Linked' });
  await expect(page).toHaveURL(/status=LINKED/);
  const linked = page.getByRole('article');
  await expect(linked).toHaveCount(1);
  await expect(linked.getByText('Linked', { exact: true })).toBeVisible();
  await expect(linked.getByRole('button', { name: 'Link: the same person' })).toHaveCount(0);

  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});

test('the monitor filters the safeguard report, downloads it as CSV and prints it for a period', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  await signIn(page, 'monitor');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Safeguard reports' }).click();
  await expect(page.getByRole('heading', { name: 'Safeguard reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Detentions of protected persons' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Blocked attempts and overrides' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('status').filter({ hasText: /row/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Blocked attempts and overrides' }).click();
  await expect(page).toHaveURL(/report=safeguard-events/);
  const table = page.getByRole('table', { name: 'Blocked attempts and overrides' });
  // The demo's refused detention of a presumed trafficking victim.
  const row = table.getByRole('row').filter({ hasText: 'Detention guard' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Blocked');
  // Codes in words, the code kept as a second line; the border point by its name.
  await expect(row).toContainText('Open a detention');
  await expect(row).toContainText('OPEN_DETENTION');
  await expect(row).toContainText('a presumed or identified victim of trafficking');
  await expect(row.getByRole('cell').nth(2)).toContainText(/[a-z]{4,}/);
  const caseNumber = (await row.getByRole('cell').nth(1).innerText()).trim();
  expect(caseNumber).toMatch(CASE_NUMBER);

  // Filters narrow the api's answer and stay in the URL.
  await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Overridden' });
  await expect(page).toHaveURL(/outcome=OVERRIDDEN/);
  await expect(page.getByText('Nothing to report for these filters.')).toBeVisible();
  await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Blocked' });
  await page.getByLabel('Safeguard', { exact: true }).selectOption({ label: 'Detention guard' });
  const today = new Date().toISOString().slice(0, 10);
  await typeDate(page, 'From (UTC)', today);
  await typeDate(page, 'To (UTC)', today);
  await expect(page).toHaveURL(new RegExp(`from=${today}.*to=${today}|to=${today}.*from=${today}`));
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: /row/ })).toHaveText('1 row');
  await page.reload();
  await expect(page.getByLabel('Safeguard', { exact: true })).toHaveValue('DETENTION_GUARD');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectAccessible(page);

  // The CSV comes from the api for the same filters: its header, one line per row, codes and no name.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`kivuko-safeguard-events-${today}_to_${today}.csv`);
  const lines = readFileSync((await download.path()) ?? '', 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('event_id,at,case_number,border_point,safeguard,outcome,attempted,reasons,agency,justification');
  expect(lines).toHaveLength(2);
  const cells = (lines[1] ?? '').split(',');
  expect(cells[2]).toBe(caseNumber);
  expect(cells.slice(4, 7)).toEqual(['DETENTION_GUARD', 'BLOCKED', expect.stringMatching(/^[A-Z_]+$/)]);
  expect(lines[1] ?? '').not.toContain('Esperance');

  // A period that ends before it starts is not asked for.
  await typeDate(page, 'From (UTC)', '2026-12-31');
  await typeDate(page, 'To (UTC)', '2026-01-01');
  await expect(page.getByText('The period ends before it starts.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  await typeDate(page, 'From (UTC)', today);
  await typeDate(page, 'To (UTC)', today);

  // The printed report: the report, its period and who printed it; no tabs, filters or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/^Blocked attempts and overrides\. From .* to .*\. Printed .* by monitor\.$/)).toBeVisible();
  await expect(page.getByText('Outcome: Blocked · Safeguard: Detention guard')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Reports' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeHidden();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.emulateMedia({ media: 'screen' });

  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});

test("an agency manager's dashboard sends its overdue referrals to the agency's inbox, filtered to the overdue ones", async ({ page }) => {
  const watch = await watchPage(page);
  await signIn(page, 'shelter.manager');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Supervision dashboard', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: /Referrals overdue$/ }).click();
  await expect(page).toHaveURL(/\/referrals\/inbox\?.*overdue=true/);
  await expect(page.getByRole('heading', { name: 'Referral inbox', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
  await expectAccessible(page);
  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});
