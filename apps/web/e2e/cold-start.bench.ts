import { expect, test } from '@playwright/test';

/**
 * Cold start on a slow link (`npx playwright test -c apps/web/playwright.config.ts --project=bench`): a fresh
 * browser context (empty cache, no service worker) throttled to 400 kbit/s each way with 400 ms round
 * trips through the Chrome DevTools Protocol, timed from navigation until the sign-in button can be
 * pressed. Issue 13 asks for 5 s or less.
 */
test('the sign-in page is usable within 5 s from a cold cache at 400 kbit/s and 400 ms round trips', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
  let bytes = 0;
  page.on('response', (response) => {
    void response
      .headerValue('content-length')
      .then((length) => {
        bytes += Number(length ?? 0);
      })
      .catch(() => undefined);
  });
  const started = Date.now();
  await page.goto('/sign-in', { waitUntil: 'commit' });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled({ timeout: 30_000 });
  const elapsed = Date.now() - started;
  console.log(`sign-in usable after ${elapsed} ms (${Math.round(bytes / 1024)} KB on the wire by content-length)`);
  expect(elapsed).toBeLessThan(5_000);
  await context.close();
});
