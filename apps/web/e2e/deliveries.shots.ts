import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { registerArrival } from './inbox-arrivals';
import { authHeaders } from './support';

/**
 * Screenshots of the sent e-mails for review: the shelter manager's list (the e2e api has no SMTP server, so each
 * e-mail is not sent), its filters folded on a phone, and "Send again" disabled while no e-mail server is set up; and the system
 * administrator's list of every agency's. In English and Arabic, at 360 px and 1280 px, to KIVUKO_SHOTS_DIR.
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const TITLE = { en: 'Sent e-mails', ar: 'الرسائل المرسلة' } as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function openAs(page: Page, username: string, locale: 'en' | 'ar', width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[type=password]').fill('kivuko-demo');
  await page.locator('button[type=submit]').click();
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto('/settings/notifications/deliveries');
  await expect(page.getByRole('heading', { name: TITLE[locale], level: 1 })).toBeVisible();
  await expect(page.getByTestId('delivery').first()).toBeVisible({ timeout: 20_000 });
}

test.beforeAll(async ({ request }) => {
  const headers = await authHeaders(request, 'shelter.manager');
  const settings = (await (await request.get('/api/v1/notifications/settings', { headers })).json()) as { agency: { id: string } };
  expect((await request.put(`/api/v1/agencies/${settings.agency.id}/duty-email`, { headers, data: { address: 'duty@tumaini.example.org', language: 'sw' } })).status()).toBe(200);
  for (const name of ['Neema', 'Furaha']) await registerArrival(request, name);
});

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`deliveries ${locale} ${width}px`, async ({ page }) => {
      await openAs(page, 'shelter.manager', locale, width);
      await shot(page, `deliveries-manager-${locale}-${width}`);
      if (width === 360) {
        await page.getByRole('group').locator('button[aria-expanded]').click();
        await shot(page, `deliveries-filters-${locale}-${width}`);
      }
      // No e-mail server in the e2e api: "Send again" is disabled with its reason (shown in the manager's shot).
      await expect(page.getByTestId('delivery').first().getByRole('button')).toBeDisabled();

      const admin = await page.context().browser()!.newPage({ baseURL: new URL(page.url()).origin });
      await openAs(admin, 'sysadmin', locale, width);
      await shot(admin, `deliveries-sysadmin-${locale}-${width}`);
      await admin.close();
    });
  }
}
