import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots for review: the password change a first or temporary password leads to (with a refused field),
 * the voluntary change once done, and the reactivation of a deactivated user, in English and Arabic at 360 px
 * and 1280 px.
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = ['en', 'ar'] as const;
const WIDTHS = [360, 1280] as const;
const RUN = Date.now().toString(36);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function bearer(request: APIRequestContext, username: string, password: string): Promise<Record<string, string>> {
  const res = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[autocomplete=username]').fill(username);
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

for (const locale of LOCALES) {
  for (const width of WIDTHS) {
    test(`accounts ${locale} ${width}px`, async ({ page, request }) => {
      test.setTimeout(120_000);
      const tag = `${locale}-${width}`;
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);

      // A user the system administrator has just made: her first sign-in leads to the password change.
      const sysadmin = await bearer(request, 'sysadmin', 'kivuko-demo');
      const agencies = (await (await request.get('/api/v1/agencies', { headers: sysadmin })).json()) as { id: string; name: string }[];
      const username = `shots.${tag}.${RUN}`.replace(/[^a-z0-9.]/g, '');
      const first = `first-password-${RUN}`;
      const made = await request.post('/api/v1/users', {
        headers: sysadmin,
        data: { username, displayName: 'Neema Mushi', agencyId: agencies.find((a) => a.name === 'Tumaini Shelter')?.id, roles: ['CASEWORKER'], password: first },
      });
      expect(made.status(), await made.text()).toBe(201);
      const id = ((await made.json()) as { id: string }).id;

      await signIn(page, username, first);
      await expect(page).toHaveURL(/\/password/);
      await expect(page.locator('h1')).toBeVisible();
      await shot(page, `accounts-password-required-${tag}`);
      await page.locator('input[name=currentPassword]').fill(first);
      await page.locator('input[name=newPassword]').fill('short');
      await page.locator('button[type=submit]').click();
      await expect(page.locator('[data-rac][slot=errorMessage], [slot=errorMessage]').first()).toBeVisible();
      await shot(page, `accounts-password-refused-${tag}`);

      // Her own password set, she changes it again by choice: the page once done.
      const own = `own-password-${RUN}`;
      await page.locator('input[name=newPassword]').fill(own);
      await page.locator('input[name=repeat]').fill(own);
      await page.locator('button[type=submit]').click();
      await expect(page).not.toHaveURL(/\/password/);
      await page.goto('/password');
      await page.locator('input[name=currentPassword]').fill(own);
      await page.locator('input[name=newPassword]').fill(`${own}-2`);
      await page.locator('input[name=repeat]').fill(`${own}-2`);
      await page.locator('button[type=submit]').click();
      await expect(page.getByRole('status')).toBeVisible();
      await shot(page, `accounts-password-changed-${tag}`);
      await page.goto('/');
      await expect(page.getByRole('banner')).toContainText(username);
      await shot(page, `accounts-header-${tag}`);

      // Deactivated, then reactivated by the system administrator.
      expect((await request.post(`/api/v1/users/${id}/deactivate`, { headers: sysadmin })).status()).toBe(200);
      await page.context().clearCookies();
      await page.evaluate(() => window.sessionStorage.clear());
      await signIn(page, 'sysadmin', 'kivuko-demo');
      await expect(page.getByRole('banner')).toContainText('sysadmin');
      await page.goto('/admin/users');
      await page.locator('input[type=search]').fill(username);
      const row = page.locator(`tr[data-username="${username}"]`);
      await expect(row).toBeVisible();
      await shot(page, `accounts-deactivated-row-${tag}`);
      await row.locator('button').click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await shot(page, `accounts-reactivate-${tag}`);
      await page.getByRole('alertdialog').locator('button[type=submit]').click();
      await expect(page.getByRole('alertdialog')).toBeHidden();
      await expect(row.locator('button')).toHaveCount(3);
      await shot(page, `accounts-reactivated-${tag}`);
    });
  }
}
