import { Browser, expect, Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signIn, watchPage } from './support';

const NEW_USER = 'e2e.officer';
const NEW_PASSWORD = 'first-password-2026';

/** A sign-in attempt in a browser of its own (another person at another desk); the alert it ends with, if any. */
async function signInElsewhere(browser: Browser, username: string, password: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return { page, close: () => context.close() };
}

test('the system administrator creates a user who signs in, resets their password, deactivates them, and edits an agency', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const watch = await watchPage(page);
  await signIn(page, 'sysadmin', DEMO_PASSWORD);

  // The navigation's "Administration" opens the users.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'border.official' })).toContainText('Border official');
  await expectAccessible(page);

  // A new caseworker of Tumaini Shelter: the form says what is missing before anything is sent.
  await page.getByRole('button', { name: 'New user' }).click();
  const create = page.getByRole('dialog', { name: 'New user' });
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(create.getByText('Choose at least one role.')).toBeVisible();
  await expectAccessible(page);
  await create.getByLabel('Username', { exact: true }).fill(NEW_USER);
  await create.getByLabel('Full name', { exact: true }).fill('E2E caseworker');
  await create.getByLabel('Agency', { exact: true }).selectOption({ label: 'Tumaini Shelter' });
  await create.getByRole('checkbox', { name: 'Caseworker' }).check();
  await create.getByLabel('First password', { exact: true }).fill(NEW_PASSWORD);
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(`User ${NEW_USER} created. They can sign in now.`);
  const row = page.getByRole('row').filter({ hasText: NEW_USER });
  await expect(row).toContainText('Tumaini Shelter');
  await expect(row).toContainText('Caseworker');
  await expect(row).toContainText('Active');

  // The new user signs in at another desk (and is asked to choose a password of their own first).
  const first = await signInElsewhere(browser, NEW_USER, NEW_PASSWORD);
  await expect(first.page.getByRole('banner')).toContainText(`E2E caseworker · ${NEW_USER}`);
  await expect(first.page.getByRole('heading', { name: 'Choose your own password', level: 1 })).toBeVisible();
  await first.close();

  // Reset: a temporary password, shown once; the old one stops working and the temporary one signs in.
  await page.getByRole('button', { name: `Reset password of ${NEW_USER}` }).click();
  const confirmReset = page.getByRole('alertdialog', { name: `Reset the password of ${NEW_USER}?` });
  await expectAccessible(page);
  await confirmReset.getByRole('button', { name: 'Reset password' }).click();
  const shown = page.getByRole('alertdialog', { name: `Temporary password for ${NEW_USER}` });
  const temporary = (await shown.getByTestId('temporary-password').innerText()).trim();
  expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await expectAccessible(page);
  await shown.getByRole('button', { name: 'Close' }).click();
  await expect(shown).toBeHidden();
  await expect(page.getByText(temporary)).toHaveCount(0);

  const old = await signInElsewhere(browser, NEW_USER, NEW_PASSWORD);
  await expect(old.page.getByRole('alert')).toContainText('The username or password is wrong.');
  await old.close();
  const again = await signInElsewhere(browser, NEW_USER, temporary);
  await expect(again.page.getByRole('banner')).toContainText(`· ${NEW_USER}`);
  await again.close();

  // Deactivate: the row says so, and the right password is refused with the reason.
  await page.getByRole('button', { name: `Deactivate ${NEW_USER}` }).click();
  const confirmDeactivate = page.getByRole('alertdialog', { name: `Deactivate ${NEW_USER}?` });
  await expect(confirmDeactivate).toContainText('signed out at once');
  await confirmDeactivate.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('status')).toHaveText(`${NEW_USER} is deactivated and signed out.`);
  await expect(row).toContainText('Deactivated');
  await expect(row.getByRole('button')).toHaveText(['Reactivate']);
  const refused = await signInElsewhere(browser, NEW_USER, temporary);
  await expect(refused.page.getByRole('alert')).toContainText('This account has been deactivated. Ask your system administrator');
  await expect(refused.page.getByRole('banner')).not.toContainText(NEW_USER);
  await refused.close();

  // Agencies: the legal-aid NGO takes 15 new referrals a day and works in French too.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Agencies' }).click();
  await expect(page.getByRole('heading', { name: 'Agencies', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const haki = page.getByRole('row').filter({ hasText: 'Haki Legal Aid' });
  await haki.getByRole('button', { name: 'Edit Haki Legal Aid' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Haki Legal Aid' });
  await edit.getByLabel('New referrals per day', { exact: true }).fill('abc');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('A whole number, or empty for no limit.')).toBeVisible();
  await edit.getByLabel('New referrals per day', { exact: true }).fill('15');
  const languages = edit.getByLabel('Working languages', { exact: true });
  await languages.fill(`${await languages.inputValue()}, fr`);
  await edit.getByRole('checkbox', { name: 'Family tracing' }).check();
  await expectAccessible(page);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Haki Legal Aid saved.');
  await expect(haki.getByRole('cell').nth(4)).toHaveText('15');
  await expect(haki).toContainText('French');
  await expect(haki).toContainText('Family tracing');

  // Its webhook: set (the secret shown once), a test event queued, then removed.
  await haki.getByRole('button', { name: 'Webhook of Haki Legal Aid' }).click();
  const hook = page.getByRole('dialog', { name: 'Webhook of Haki Legal Aid' });
  await expect(hook.getByTestId('webhook-status')).toHaveText('No webhook: the agency works from its referral inbox only.');
  await hook.getByLabel('Address (https)', { exact: true }).fill('https://hooks.example.org/kivuko');
  await hook.getByRole('button', { name: 'Set address and new secret' }).click();
  await expect(hook.getByTestId('webhook-status')).toContainText('Events go to https://hooks.example.org/kivuko');
  await expect(hook.locator('output')).toHaveText(/^[A-Za-z0-9_-]{40,}$/);
  await hook.getByRole('button', { name: 'Send test event' }).click();
  await expect(hook.getByText(/^Test event queued \(id [0-9a-f]{8}\)\. Ask the agency whether it arrived\.$/)).toBeVisible();
  await expectAccessible(page);
  await hook.getByRole('button', { name: 'Remove webhook' }).click();
  await expect(hook.getByTestId('webhook-status')).toHaveText('No webhook: the agency works from its referral inbox only.');
  await hook.getByRole('button', { name: 'Close' }).click();

  // Border points: a new one, then renamed (its code stays).
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Border points' }).click();
  await expect(page.getByRole('heading', { name: 'Border points', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'New border point' }).click();
  const point = page.getByRole('dialog', { name: 'New border point' });
  await point.getByLabel('Code', { exact: true }).fill('HLL');
  await point.getByLabel('Name', { exact: true }).fill('Holili land crossing');
  await point.getByLabel('Country code', { exact: true }).fill('TZA');
  await point.getByLabel('Kind', { exact: true }).selectOption('LAND');
  await point.getByRole('button', { name: 'Create border point' }).click();
  await expect(point).toBeHidden();
  await page.getByRole('button', { name: 'Edit Holili land crossing' }).click();
  const rename = page.getByRole('dialog', { name: 'Edit Holili land crossing' });
  await expect(rename.getByLabel('Code', { exact: true })).toHaveCount(0);
  await rename.getByLabel('Name', { exact: true }).fill('Holili one-stop border post');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'HLL' })).toContainText('Holili one-stop border post');

  // The audit trail, every change above in it, still verifies.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-status')).toContainText('Intact: every chain recomputes to its stored hashes.');
  await expectAccessible(page);

  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});
