import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the administrators' pages for review: users, a user form, a temporary password, agencies,
 * an agency form, a webhook, border points and the audit trail, in English and Arabic at 360 px and 1280 px.
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = ['en', 'ar'] as const;
const WIDTHS = [360, 1280] as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  // What a phone shows first, at its own size (a full page of a long table is too tall to read).
  if ((page.viewportSize()?.width ?? 0) < 600) await page.screenshot({ path: join(OUT, `${name}-top.png`) });
}

for (const locale of LOCALES) {
  for (const width of WIDTHS) {
    test(`admin ${locale} ${width}px`, async ({ page }) => {
      test.setTimeout(90_000);
      const tag = `${locale}-${width}`;
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
      await page.goto('/sign-in');
      await page.locator('input[autocomplete=username]').fill('sysadmin');
      await page.locator('input[type=password]').fill('kivuko-demo');
      await page.locator('button[type=submit]').click();
      await expect(page.getByRole('banner')).toContainText('sysadmin');

      await page.goto('/admin/users');
      await expect(page.locator('table tbody tr').nth(5)).toBeVisible();
      await shot(page, `admin-users-${tag}`);
      await page.locator('tr[data-username="border.official"] button').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `admin-user-edit-${tag}`);
      await page.keyboard.press('Escape');
      await page.locator('tr[data-username="analyst"] button').nth(1).click();
      await page.getByRole('alertdialog').locator('button[type=submit]').click();
      await expect(page.getByTestId('temporary-password')).toBeVisible();
      await shot(page, `admin-temporary-${tag}`);
      await page.getByRole('alertdialog').getByRole('button').click();

      await page.goto('/admin/agencies');
      await expect(page.locator('table tbody tr').nth(3)).toBeVisible();
      await shot(page, `admin-agencies-${tag}`);
      await page.locator('tr[data-agency="Tumaini Shelter"] button').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `admin-agency-edit-${tag}`);
      await page.keyboard.press('Escape');
      await page.locator('tr[data-agency="Tumaini Shelter"] button').nth(1).click();
      await page.getByRole('dialog').locator('input[type=url]').fill(`https://hooks.example.org/${tag}`);
      await page.getByRole('dialog').getByRole('button').first().click();
      await expect(page.getByRole('dialog').locator('output')).toBeVisible();
      await shot(page, `admin-webhook-${tag}`);
      await page.keyboard.press('Escape');

      await page.goto('/admin/border-points');
      await expect(page.locator('table tbody tr').nth(2)).toBeVisible();
      await shot(page, `admin-border-points-${tag}`);

      await page.goto('/admin/audit');
      await expect(page.getByTestId('audit-status')).toBeVisible();
      await shot(page, `admin-audit-${tag}`);
    });
  }
}
