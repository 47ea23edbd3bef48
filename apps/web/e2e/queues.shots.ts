import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Screenshots of the job queues page and its confirmation, in English and Arabic at 360 px and 1280 px. */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = ['en', 'ar'] as const;
const WIDTHS = [360, 1280] as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  if ((page.viewportSize()?.width ?? 0) < 600) await page.screenshot({ path: join(OUT, `${name}-top.png`) });
}

test.beforeAll(async ({ request }) => {
  // A webhook delivery that keeps failing, so that the page has a failed job to show.
  const login = await request.post('/api/v1/auth/login', { data: { username: 'sysadmin', password: 'kivuko-demo' } });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken as string}` };
  const agencies = (await (await request.get('/api/v1/agencies', { headers })).json()) as { id: string; name: string }[];
  const agencyId = agencies.find((a) => a.name === 'Migration Agency')?.id;
  await request.put(`/api/v1/agencies/${agencyId}/webhook`, { headers, data: { url: 'http://127.0.0.1:9/kivuko/events' } });
  await request.post(`/api/v1/agencies/${agencyId}/webhook/test`, { headers });
});

for (const locale of LOCALES) {
  for (const width of WIDTHS) {
    test(`queues ${locale} ${width}px`, async ({ page }) => {
      test.setTimeout(150_000);
      const tag = `${locale}-${width}`;
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
      await page.goto('/sign-in');
      await page.locator('input[autocomplete=username]').fill('sysadmin');
      await page.locator('input[type=password]').fill('kivuko-demo');
      await page.locator('button[type=submit]').click();
      await expect(page.getByRole('banner')).toContainText('sysadmin');

      await page.goto('/admin/queues');
      const row = page.locator('section[data-queue="referrals"] tr[data-job-id]').first();
      await expect(async () => {
        // The page's own Refresh (a reload would spend the session's refresh token each time).
        await page.locator('section[aria-labelledby="queues-title"] button').first().click();
        await expect(row).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 90_000 });
      await shot(page, `admin-queues-${tag}`);
      await row.locator('button').first().click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await shot(page, `admin-queues-retry-${tag}`);
      await page.keyboard.press('Escape');
    });
  }
}
