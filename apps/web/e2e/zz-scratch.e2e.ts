import { expect, Page, test } from '@playwright/test';
import { expectAccessible } from './support';

const LEAFLETS: Record<string, unknown> = {
  ti: { language: 'ti', version: '2026.1', direction: 'ltr', title: 'ሓበሬታ ብዛዕባ መሰላትኩም', reviewPending: true, sections: [
    { topic: 'ASYLUM', heading: 'ዑቕባ', body: 'ዑቕባ ክትሓቱ መሰል ኣለኩም። እዚ ብነጻ እዩ።\n\nተርጓሚ ክትሓቱ ትኽእሉ ኢኹም።' },
    { topic: 'LEGAL_AID', heading: 'ሕጋዊ ድጋፍ', body: 'ሕጋዊ ድጋፍ ብነጻ ክትረኽቡ ትኽእሉ ኢኹም።' } ] },
  ar: { language: 'ar', version: '2026.1', direction: 'rtl', title: 'معلومات عن حقوقك', sections: [
    { topic: 'ASYLUM', heading: 'اللجوء', body: 'لك الحق في التماس اللجوء. هذا مجاناً.' },
    { topic: 'DATA_USE', heading: 'بياناتك الشخصية', body: 'تُستخدم بياناتك الشخصية لحمايتك فقط.' } ] },
};

async function signIn(page: Page) {
  if (process.env.MOCK) await page.route('**/api/v1/leaflets/*', async (route) => {
    const language = route.request().url().split('/').pop() ?? '';
    const body = LEAFLETS[language];
    await route.fulfill(body ? { json: body } : { status: 404, json: { code: 'LEAFLET.NOT_FOUND' } });
  });
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('border.official');
  await page.getByLabel('Password').fill('kivuko-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

test('scratch: leaflet and pages', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Rights leaflet' }).click();
  await page.getByLabel('Language of the leaflet').selectOption('ti');
  await expect(page.locator('article[lang="ti"]')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/a3/shots/leaflet-ti.png', fullPage: true });
  await page.getByLabel('Language of the leaflet').selectOption('ar');
  await expect(page.locator('article[lang="ar"]')).toHaveAttribute('dir', 'rtl');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/a3/shots/leaflet-ar.png', fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: '/tmp/a3/shots/leaflet-ar-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.goto('/leaflets/xx');
  await expect(page.getByText('There is no leaflet in this language. Choose another language.')).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/leaflets/am');
  await expect(page.locator('article[lang="am"]')).toBeVisible();
  await page.screenshot({ path: '/tmp/a3/shots/leaflet-am-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/mass-arrival');
  await page.getByRole('textbox', { name: 'Row 1: name' }).focus();
  await page.keyboard.type('Amina Hassan');
  await page.keyboard.press('Enter');
  await page.keyboard.press('f');
  await page.keyboard.press('Enter');
  await page.keyboard.type('34');
  await page.keyboard.press('Enter');
  await page.keyboard.type('qqq');
  await page.keyboard.press('Tab');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+KeyN');
  await page.keyboard.type('boy in red');
  await page.getByRole('button', { name: /^Register/ }).click();
  await page.screenshot({ path: '/tmp/a3/shots/mass-en.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: '/tmp/a3/shots/mass-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: '/tmp/a3/shots/mass-ar.png', fullPage: true });
  await expectAccessible(page);
});

test('scratch: consent in Arabic', async ({ page, request }) => {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'border.official', password: 'kivuko-demo' } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const held = await request.get('/api/v1/referrals?view=SENT&limit=100', { headers: { authorization: `Bearer ${accessToken}` } });
  const { items } = (await held.json()) as { items: { caseId: string; caseNumber: string; status: string }[] };
  const item = items.find((i) => i.caseNumber.endsWith('NMG-2026-000001')) ?? items[0];
  await signIn(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await page.goto(`/cases/${item?.caseId}/consent`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/a3/shots/consent-ar.png', fullPage: true });
  await expectAccessible(page);
});

test('scratch: consent 360 and results', async ({ page, request }) => {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'border.official', password: 'kivuko-demo' } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const held = await request.get('/api/v1/referrals?view=SENT&status=AWAITING_CONSENT&limit=100', { headers: { authorization: `Bearer ${accessToken}` } });
  const { items } = (await held.json()) as { items: { caseId: string }[] };
  await signIn(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/cases/${items[0]?.caseId}/consent`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/a3/shots/consent-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/mass-arrival');
  await page.getByRole('textbox', { name: 'Row 1: name' }).focus();
  await page.keyboard.type('Halima Yusuf');
  await page.keyboard.press('Enter');
  await page.keyboard.press('f');
  await page.keyboard.press('Enter');
  await page.keyboard.type('27');
  await page.keyboard.press('Enter');
  await page.keyboard.type('eri');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Register 1 person' }).click();
  await expect(page.getByRole('heading', { name: '1 case registered' })).toBeVisible();
  await page.screenshot({ path: '/tmp/a3/shots/mass-done.png', fullPage: true });
});
