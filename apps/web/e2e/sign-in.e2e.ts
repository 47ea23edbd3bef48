import { expect, test } from '@playwright/test';
import { expectAccessible, watchPage } from './support';

const CASE_NUMBER = /^TZA-[A-Z]{3}-\d{4}-\d{6}$/;

test('a border official signs in from the demo list, sees their cases, works in Arabic and signs out', async ({ page }) => {
  const watch = await watchPage(page);

  // Signed out, the app sends every page to sign-in.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  // Demo mode: a strip says so on every page; on a laptop the demo accounts are open under the form.
  await expect(page.getByText('Demo — invented data')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Use a demo account \(\d+\)$/ })).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);

  // One press on a demo account fills its username.
  await page.getByRole('button', { name: /^border\.official/ }).click();
  await expect(page.getByLabel('Username')).toHaveValue('border.official');
  await page.getByLabel('Password').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The home page: their border points' cases, from GET /api/v1/cases.
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Signed in as Border official (Namanga, Kigoma) · border.official');
  await expect(page.getByText('Demo — invented data')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Border Management Service');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const count = (await rows.count()) - 1;
  expect(count).toBeGreaterThan(1);
  const firstNumber = (await rows.nth(1).getByRole('cell').first().innerText()).trim();
  expect(firstNumber).toMatch(CASE_NUMBER);
  await expectAccessible(page);

  // Shared screens: sensitive profiles are one neutral chip per case until "Show profiles" is on.
  const table = page.getByRole('table');
  const sensitive = /Victim of trafficking|Unaccompanied child|Separated child|Child at risk|SGBV survivor|Torture survivor|Asylum-seeker/;
  await expect(table.getByText(/^Protection needs \(\d+\)$/).first()).toBeVisible();
  await expect(table.getByText(sensitive)).toHaveCount(0);
  const showProfiles = page.getByRole('switch', { name: 'Show profiles' });
  await expect(showProfiles).not.toBeChecked();
  // The switch's input is visually hidden: a user presses its label.
  const showProfilesLabel = page.locator('label', { hasText: 'Show profiles' });
  await showProfilesLabel.click();
  await expect(showProfiles).toBeChecked();
  await expect(table.getByText(sensitive).first()).toBeVisible();
  await expect(table.getByText(/^Protection needs/)).toHaveCount(0);
  await showProfilesLabel.click();
  await expect(table.getByText(sensitive)).toHaveCount(0);

  // Search by case number, then by a name shown in the list.
  const search = page.getByRole('searchbox', { name: 'Search by name or case number' });
  await search.fill(firstNumber.toLowerCase());
  await expect(rows).toHaveCount(2);
  const name = (await rows.nth(1).getByRole('cell').nth(1).locator('bdi').innerText()).trim();
  await search.fill(name.split(' ')[0] ?? name);
  await expect(rows.nth(1)).toContainText(name);
  await search.fill('zzzz-nobody');
  await expect(page.getByRole('status')).toHaveText('No case matches');
  await search.fill('');
  await expect(rows).toHaveCount(count + 1);

  // Arabic: right to left, translated, and still accessible.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'العربية' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { name: 'الحالات', level: 1 })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'رقم الحالة' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('موظف حدود');
  // Border points each isolated in <bdi>, joined by Arabic's list format (no "و" glued to a Latin name).
  await expect(page.locator('h1 + p bdi')).toHaveCount(2);
  expect((await page.locator('h1 + p bdi').allInnerTexts()).sort()).toEqual(['Kigoma lake port', 'Namanga land crossing']);
  await expect(page.locator('h1 + p')).toContainText(/(port|crossing) و (Kigoma|Namanga)/);
  await expectAccessible(page);

  // Sign out: the token is gone from the browser, and the app is back at sign-in (still in Arabic).
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'تسجيل الدخول', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.sessionStorage.getItem('kivuko.session'))).toBeNull();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectAccessible(page);

  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('the language chosen before sign-in is remembered for that user on the device', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Kiswahili' });
  await expect(page.getByRole('heading', { name: 'Ingia', level: 1 })).toBeVisible();
  await page.getByLabel('Jina la mtumiaji').fill('airport.official');
  await page.getByLabel('Nenosiri').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Ingia' }).click();
  await expect(page.getByRole('heading', { name: 'Mashauri', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('kivuko.locale.user.airport.official'))).toBe('sw');

  // The api no longer accepts the session (revoked elsewhere, or expired): back to sign-in, saying why.
  await page.evaluate(() => window.sessionStorage.setItem('kivuko.session', JSON.stringify({ username: 'airport.official', refreshToken: 'revoked' })));
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('alert')).toHaveText('Muda wa kipindi chako umekwisha. Ingia tena ili kuendelea.');
  expect(await page.evaluate(() => window.sessionStorage.getItem('kivuko.session'))).toBeNull();
});

test('a wrong password and then too many attempts are told clearly (checked in the dark theme)', async ({ page }) => {
  const watch = await watchPage(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/sign-in');
  await expectAccessible(page);
  await page.getByLabel('Username').fill('analyst');
  await page.getByLabel('Password').fill('not-the-password');
  await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The username or password is wrong. Check both and try again.');
  await expectAccessible(page);

  // After three failures on an account the api makes the next attempt wait (429 with Retry-After).
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    if (/Too many/.test(await page.getByRole('alert').innerText())) break;
  }
  await expect(page.getByRole('alert')).toHaveText(/^Too many sign-in attempts\. Wait \d+ seconds?, then try again\.$/);
  // The failed requests are the only console errors the browser reports (it logs every 4xx).
  expect(watch.consoleErrors.filter((text) => !/status of (401|429)/.test(text))).toEqual([]);
});

test('the role decides the home page: a monitor, who sees no cases, gets their account and the referral network', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('monitor');
  await page.getByLabel('Password').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  // The monitor's entries: the account and the safeguard reports (the oversight pages), no cases.
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText(['My account', 'Safeguard reports']);
  await expect(page.getByText('Independent Protection Monitor').first()).toBeVisible();
  // The referral network from GET /api/v1/agencies: each agency with its kind, services and languages.
  const agencies = page.getByRole('table', { name: 'Agencies in the referral network' });
  await expect(agencies.getByRole('row', { name: /Haki Legal Aid/ })).toContainText('Legal aid');
  await expect(agencies.getByRole('row', { name: /Haki Legal Aid/ })).toContainText('NGO');
  await expect(agencies.getByRole('row', { name: /Anti-Trafficking Secretariat/ })).toContainText('Swahili');
  await expectAccessible(page);
});

test('a session left open on a shared device warns, then signs out (timings shortened through the test hook)', async ({ page }) => {
  const watch = await watchPage(page);
  // The warning lasts long enough for the accessibility scan of the open dialog on a busy machine.
  await page.addInitScript(() => {
    window.kivukoIdleTimings = { idleMs: 1500, warnMs: 8000 };
  });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('border.official');
  await page.getByLabel('Password').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/You will be signed out in \d s/);
  // The modal holds the focus.
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();
  // Nothing more happens: signed out, and told why.
  await expect(page).toHaveURL(/\/sign-in$/, { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveText('Signed out after 5 minutes without activity.');
  expect(await page.evaluate(() => window.sessionStorage.getItem('kivuko.session'))).toBeNull();
  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('at 360 px the sign-in page is the form first, and the header keeps who is signed in next to sign-out', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/sign-in');
  const demo = page.getByRole('button', { name: /^Use a demo account \(\d+\)$/ });
  await expect(demo).toHaveAttribute('aria-expanded', 'false');
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1100);
  await demo.click();
  await page.getByRole('button', { name: /^border\.official/ }).click();
  await page.getByLabel('Password').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Narrow: a small label and the whole username under it (the display name would wrap the header into a column).
  const signedInAs = page.getByRole('banner').getByText(/^Signed in as /).filter({ visible: true });
  await expect(signedInAs).toHaveText('Signed in as border.official');
  const username = signedInAs.locator('bdi');
  expect(await username.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const who = await signedInAs.boundingBox();
  expect(who && who.height < 56).toBe(true);
  const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
  // The same first row: the two boxes overlap vertically.
  expect(who && signOut && who.y < signOut.y + signOut.height && signOut.y < who.y + who.height).toBe(true);
  // Each case card: the status badge hugs its text, and nothing touches the card's border.
  const card = page.getByRole('table').getByRole('row').nth(1);
  const status = await card.getByRole('cell').nth(3).locator('span').last().boundingBox();
  const box = await card.boundingBox();
  expect(status && box && status.width < box.width / 2).toBe(true);
  expect(status && box && status.x - box.x >= 8 && box.x + box.width - (status.x + status.width) >= 8).toBe(true);
});
