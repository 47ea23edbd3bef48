import { Browser, expect, Page, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, watchPage } from './support';

/** Signs a demo user in, in a browser context of their own, and opens the notification settings from the navigation. */
async function openSettings(browser: Browser, baseURL: string | undefined, username: string): Promise<{ page: Page; watch: Awaited<ReturnType<typeof watchPage>> }> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  const watch = await watchPage(page);
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'E-mail notifications' }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('heading', { name: 'E-mail notifications', level: 1 })).toBeVisible();
  return { page, watch };
}

test('a shelter manager sets the duty address, and a caseworker chooses their own e-mails and language', async ({ browser, baseURL }) => {
  // Three users' sessions one after the other: longer than the default on a busy machine.
  test.setTimeout(120_000);
  const manager = await openSettings(browser, baseURL, 'shelter.manager');
  let page = manager.page;
  // The demo runs without an SMTP server: the page says e-mails are recorded, not sent.
  await expect(page.getByRole('alert').filter({ hasText: 'No e-mail server is set up yet' })).toBeVisible();
  const duty = page.getByRole('region', { name: 'Duty address of Tumaini Shelter' });
  await expect(duty).toBeVisible();
  await expectAccessible(page);

  // A half address is refused on the field, and nothing is saved.
  await duty.getByRole('textbox', { name: 'Duty e-mail address' }).fill('duty@');
  await duty.getByRole('button', { name: 'Save duty address' }).click();
  await expect(duty.getByText('Enter a whole e-mail address, such as \u2066name@example.org\u2069.')).toBeVisible();
  await expect(duty.getByRole('textbox', { name: 'Duty e-mail address' })).toHaveAttribute('aria-invalid', 'true');
  await expect(duty.getByRole('button', { name: 'Remove duty address' })).toHaveCount(0);
  await expectAccessible(page);

  await duty.getByRole('textbox', { name: 'Duty e-mail address' }).fill('duty@tumaini.example.org');
  // Corrected: the message goes while typing (not on the way to the button, which would move under the pointer).
  await expect(duty.getByText('Enter a whole e-mail address, such as \u2066name@example.org\u2069.')).toHaveCount(0);
  await duty.getByLabel('Agency’s language').selectOption('fr');
  await duty.getByRole('button', { name: 'Save duty address' }).click();
  await expect(duty.getByText('The duty address is saved.')).toBeVisible();

  // The manager wants escalations only.
  const mine = page.getByRole('region', { name: 'Your e-mails' });
  await mine.getByRole('checkbox', { name: 'A late referral is escalated to my agency' }).check();
  await mine.getByRole('textbox', { name: 'My e-mail address' }).fill('manager@tumaini.example.org');
  await mine.getByRole('button', { name: 'Save my choices' }).click();
  await expect(mine.getByText('Your choices are saved.')).toBeVisible();

  // Stored by the api: a reload reads it all back.
  await page.reload();
  await expect(duty.getByRole('textbox', { name: 'Duty e-mail address' })).toHaveValue('duty@tumaini.example.org');
  await expect(duty.getByLabel('Agency’s language')).toHaveValue('fr');
  await expect(mine.getByRole('checkbox', { name: 'A late referral is escalated to my agency' })).toBeChecked();
  await expect(mine.getByRole('checkbox', { name: 'A new referral reaches my agency' })).not.toBeChecked();
  await expect(mine.getByRole('textbox', { name: 'My e-mail address' })).toHaveValue('manager@tumaini.example.org');
  expect(manager.watch.consoleErrors).toEqual([]);
  expect(await manager.watch.cspViolations()).toEqual([]);

  // A caseworker of the shelter reads the duty address but cannot change it, and makes their own choice.
  const worker = await openSettings(browser, baseURL, 'shelter.caseworker');
  page = worker.page;
  const seen = page.getByRole('region', { name: 'Duty address of Tumaini Shelter' });
  await expect(seen.getByTestId('duty-current')).toHaveText('E-mails go to duty@tumaini.example.org, in Français.');
  await expect(seen.getByText('Your agency’s manager sets the duty address.')).toBeVisible();
  await expect(seen.getByRole('textbox')).toHaveCount(0);
  const own = page.getByRole('region', { name: 'Your e-mails' });
  // Nothing chosen yet.
  for (const box of await own.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  await own.getByRole('checkbox', { name: 'A new referral reaches my agency' }).check();
  await own.getByRole('checkbox', { name: /one hour from its first-contact deadline/ }).check();
  // An e-mail chosen needs an address: said on the field before anything is sent.
  await own.getByRole('button', { name: 'Save my choices' }).click();
  await expect(own.getByText('Enter the e-mail address the e-mails should go to.')).toBeVisible();
  await own.getByRole('textbox', { name: 'My e-mail address' }).fill('amani@tumaini.example.org');
  await own.getByLabel('Language of my e-mails').selectOption('sw');
  await own.getByRole('button', { name: 'Save my choices' }).click();
  await expect(own.getByText('Your choices are saved.')).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(own.getByRole('checkbox', { name: 'A new referral reaches my agency' })).toBeChecked();
  await expect(own.getByRole('checkbox', { name: /one hour from its first-contact deadline/ })).toBeChecked();
  await expect(own.getByRole('checkbox', { name: 'A late referral is escalated to my agency' })).not.toBeChecked();
  await expect(own.getByLabel('Language of my e-mails')).toHaveValue('sw');

  // Unticking everything stops the e-mails.
  await own.getByRole('checkbox', { name: 'A new referral reaches my agency' }).uncheck();
  await own.getByRole('checkbox', { name: /one hour from its first-contact deadline/ }).uncheck();
  await own.getByRole('button', { name: 'Save my choices' }).click();
  await expect(own.getByText('You get no e-mails.')).toBeVisible();
  await page.reload();
  await expect(own.getByRole('textbox', { name: 'My e-mail address' })).toHaveValue('');
  expect(worker.watch.consoleErrors).toEqual([]);

  // The manager removes the duty address; the caseworker then reads that none is set.
  await manager.page.reload();
  await duty.getByRole('button', { name: 'Remove duty address' }).click();
  await expect(duty.getByText('The duty address is removed.')).toBeVisible();
  await page.reload();
  await expect(seen.getByTestId('duty-current')).toHaveText('No duty address is set.');

  // A border official works no referrals: no link to the page.
  const official = await (await browser.newContext({ baseURL })).newPage();
  await official.goto('/sign-in');
  await official.getByLabel('Username').fill('border.official');
  await official.getByLabel('Password').fill(DEMO_PASSWORD);
  await official.getByRole('button', { name: 'Sign in' }).click();
  await expect(official.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(official.getByRole('link', { name: 'E-mail notifications' })).toHaveCount(0);
});
