import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import { chooseOwnPassword, expectAccessible, watchPage } from './support';

const PASSWORD = 'kivuko-demo';
/** Unique per run: the api is shared with other spec files, in any order. */
const RUN = Date.now().toString(36);

async function token(request: APIRequestContext, username: string, password: string): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A caseworker of Tumaini Shelter made by the system administrator, who has already chosen her own password. */
async function caseworker(request: APIRequestContext, name: string, own: string): Promise<{ id: string; username: string }> {
  const headers = { authorization: `Bearer ${await token(request, 'sysadmin', PASSWORD)}` };
  const agencies = (await (await request.get('/api/v1/agencies', { headers })).json()) as { id: string; name: string }[];
  const username = `${name}.${RUN}`;
  const first = `first-password-${RUN}`;
  const made = await request.post('/api/v1/users', {
    headers,
    data: { username, displayName: `Accounts ${name}`, agencyId: agencies.find((a) => a.name === 'Tumaini Shelter')?.id, roles: ['CASEWORKER'], password: first },
  });
  expect(made.status(), await made.text()).toBe(201);
  await chooseOwnPassword(request, username, first, own);
  return { id: ((await made.json()) as { id: string }).id, username };
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The users page as the system administrator, filtered to one user. */
async function adminUsers(page: Page, username: string) {
  await signIn(page, 'sysadmin', PASSWORD);
  await expect(page.getByRole('banner')).toContainText('· sysadmin');
  await page.goto('/admin/users');
  await page.getByLabel('Filter by name').fill(username);
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toHaveCount(1);
  return row;
}

async function inOwnBrowser<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test('after a reset, the temporary password opens only the password change; a new one of her own opens her work', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const watch = await watchPage(page);
  const own = `own-password-${RUN}`;
  const user = await caseworker(request, 'reset', own);

  const row = await adminUsers(page, user.username);
  await expect(row).not.toContainText('Password to choose');
  await row.getByRole('button', { name: `Reset password of ${user.username}` }).click();
  await page.getByRole('alertdialog', { name: `Reset the password of ${user.username}?` }).getByRole('button', { name: 'Reset password' }).click();
  const shown = page.getByRole('alertdialog', { name: `Temporary password for ${user.username}` });
  await expect(shown).toContainText('they must first choose a password of their own');
  const temporary = (await shown.getByTestId('temporary-password').innerText()).trim();
  await shown.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText('Password to choose');

  await inOwnBrowser(browser, async (desk) => {
    const deskWatch = await watchPage(desk);
    await signIn(desk, user.username, temporary);
    await expect(desk).toHaveURL(/\/password$/);
    await expect(desk.getByRole('heading', { name: 'Choose your own password', level: 1 })).toBeVisible();
    await expect(desk.getByText('A system administrator set the password you signed in with.')).toBeVisible();
    await expect(desk.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
    await expectAccessible(desk);

    // Nowhere else opens: a page typed in the address bar comes back here, and the api refuses the rest.
    await desk.goto('/tasks');
    await expect(desk).toHaveURL(/\/password\?next=%2Ftasks$/);
    await expect(desk.getByRole('heading', { name: 'Choose your own password', level: 1 })).toBeVisible();
    const bearer = await token(request, user.username, temporary);
    const refused = await request.get('/api/v1/cases', { headers: { authorization: `Bearer ${bearer}` } });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');

    // What the form refuses, each under its field.
    await desk.getByLabel('Current password').fill(temporary);
    await desk.getByLabel('New password', { exact: true }).fill('short');
    await desk.getByRole('button', { name: 'Change password' }).click();
    await expect(desk.getByText('The new password needs at least 12 characters.')).toBeVisible();
    await desk.getByLabel('New password', { exact: true }).fill(`new-${own}`);
    await desk.getByLabel('Repeat the new password').fill(`typo-${own}`);
    await desk.getByRole('button', { name: 'Change password' }).click();
    await expect(desk.getByText('The two new passwords are not the same.')).toBeVisible();
    await desk.getByLabel('Current password').fill('not-the-temporary-one');
    await desk.getByLabel('Repeat the new password').fill(`new-${own}`);
    await desk.getByRole('button', { name: 'Change password' }).click();
    await expect(desk.getByText('This is not your current password.')).toBeVisible();
    await expectAccessible(desk);

    await desk.getByLabel('Current password').fill(temporary);
    await desk.getByRole('button', { name: 'Change password' }).click();
    // Her work: the page she asked for, with the navigation of her role.
    await expect(desk).toHaveURL(/\/tasks$/);
    await expect(desk.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' })).toBeVisible();
    await desk.reload();
    await expect(desk).toHaveURL(/\/tasks$/);
    // The one refusal the browser logs is the wrong current password's 400; nothing the page itself asked for failed.
    expect(deskWatch.consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  await expect(page.getByLabel('Filter by name')).toBeVisible();
  await page.reload();
  await page.getByLabel('Filter by name').fill(user.username);
  await expect(row).not.toContainText('Password to choose');

  // The temporary password is gone; the new one signs in without a detour.
  expect((await request.post('/api/v1/auth/login', { data: { username: user.username, password: temporary } })).status()).toBe(401);
  await inOwnBrowser(browser, async (desk) => {
    await signIn(desk, user.username, `new-${own}`);
    await expect(desk.getByRole('banner')).toContainText(`· ${user.username}`);
    await expect(desk).not.toHaveURL(/\/password/);

    // And she may change it again herself, from the header.
    await desk.getByRole('banner').getByRole('link', { name: 'Change password' }).click();
    await expect(desk.getByRole('heading', { name: 'Change your password', level: 1 })).toBeVisible();
    await desk.getByLabel('Current password').fill(`new-${own}`);
    await desk.getByLabel('New password', { exact: true }).fill(`newer-${own}`);
    await desk.getByLabel('Repeat the new password').fill(`newer-${own}`);
    await desk.getByRole('button', { name: 'Change password' }).click();
    await expect(desk.getByRole('status')).toHaveText('Password changed. Your sessions on other devices are signed out.');
    await expectAccessible(desk);
    await desk.getByRole('link', { name: 'Back to your work' }).click();
    await expect(desk.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });
  expect((await request.post('/api/v1/auth/login', { data: { username: user.username, password: `newer-${own}` } })).status()).toBe(200);
  expect(watch.consoleErrors).toEqual([]);
});

test('a deactivated user, reactivated after a confirmation, signs in again', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const own = `own-password-${RUN}`;
  const user = await caseworker(request, 'back', own);
  const headers = { authorization: `Bearer ${await token(request, 'sysadmin', PASSWORD)}` };
  expect((await request.post(`/api/v1/users/${user.id}/deactivate`, { headers })).status()).toBe(200);

  const row = await adminUsers(page, user.username);
  await expect(row).toContainText('Deactivated');
  await row.getByRole('button', { name: `Reactivate ${user.username}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Reactivate ${user.username}?` });
  await expect(confirm).toContainText('can sign in again with the password they had');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Reactivate' }).click();
  await expect(page.getByRole('status')).toHaveText(`${user.username} is active again and can sign in.`);
  await expect(row).toContainText('Active');
  await expect(row.getByRole('button', { name: `Deactivate ${user.username}` })).toBeVisible();

  await inOwnBrowser(browser, async (desk) => {
    await signIn(desk, user.username, own);
    await expect(desk.getByRole('banner')).toContainText(`Accounts back · ${user.username}`);
  });
});

test("an agency's contact e-mail and telephone are cleared by emptying them", async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = `Contacts Clinic ${RUN}`;
  const headers = { authorization: `Bearer ${await token(request, 'sysadmin', PASSWORD)}` };
  const made = await request.post('/api/v1/agencies', { headers, data: { name, kind: 'HEALTH', contactEmail: 'desk@clinic.example.org', contactPhone: '+255 22 765 4321' } });
  expect(made.status(), await made.text()).toBe(201);

  await signIn(page, 'sysadmin', PASSWORD);
  await expect(page.getByRole('banner')).toContainText('· sysadmin');
  await page.goto('/admin/agencies');
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByLabel('Contact e-mail', { exact: true })).toHaveValue('desk@clinic.example.org');
  await edit.getByLabel('Contact e-mail', { exact: true }).fill('');
  await edit.getByLabel('Contact telephone', { exact: true }).fill('');
  await expectAccessible(page);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('status')).toHaveText(`${name} saved.`);

  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(edit.getByLabel('Contact e-mail', { exact: true })).toHaveValue('');
  await expect(edit.getByLabel('Contact telephone', { exact: true })).toHaveValue('');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  const agencies = (await (await request.get('/api/v1/agencies', { headers })).json()) as { name: string; contactEmail: string | null; contactPhone: string | null }[];
  expect(agencies.find((a) => a.name === name)).toMatchObject({ contactEmail: null, contactPhone: null });
});
