import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the protection records page for review, in English and Arabic, at 360 px and 1280 px: the
 * anti-trafficking coordinator's record with the reflection countdown, an immigration officer's removal refused
 * in words, and child protection's best-interests form. Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const PASSWORD = 'kivuko-demo';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function token(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

async function signIn(page: Page, username: string, locale: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
}

let refusedCase = '';

test.beforeAll(async ({ request }) => {
  // A labour migrant later found a presumed victim of trafficking, in a reflection period.
  const official = await token(request, 'border.official');
  const points = (await (await request.get('/api/v1/border-points', { headers: official })).json()) as { id: string; code: string }[];
  const created = await request.post('/api/v1/intakes', {
    headers: official,
    data: {
      intakeId: randomUUID(),
      arrival: { borderPointId: points.find((p) => p.code === 'NMG')?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [{ givenName: 'Tesfaye', familyName: 'Bekele', sex: 'MALE', statedAge: 30, nationalities: ['ETH'], languages: ['am'], screening: { answers: { reasons_for_leaving: ['WORK'] } } }],
    },
  });
  refusedCase = ((await created.json()) as { cases: { id: string }[] }).cases[0]?.id ?? '';
  await request.post(`/api/v1/cases/${refusedCase}/profiles/MIGRANT/confirm`, { headers: official, data: {} });
  const consentAll = async () => {
    const { items } = (await (await request.get(`/api/v1/referrals?view=SENT&caseId=${refusedCase}&limit=100`, { headers: official })).json()) as {
      items: { status: string; agency: { kind: string }; basis: { requirements?: { purpose: string }[] } | null }[];
    };
    for (const referral of items.filter((r) => r.status === 'AWAITING_CONSENT')) {
      for (const { purpose } of referral.basis?.requirements ?? []) {
        await request.post(`/api/v1/cases/${refusedCase}/consents`, { headers: official, data: { purpose, recipientAgencyKind: referral.agency.kind, decision: 'GIVEN', language: 'en' } });
      }
    }
  };
  await consentAll();
  await request.post(`/api/v1/cases/${refusedCase}/profiles`, { headers: official, data: { profile: 'TRAFFICKING_VICTIM', reason: 'His employer keeps his passport until the debt is paid' } });
  await consentAll();
  const coordinator = await token(request, 'trafficking.coordinator');
  await request.put(`/api/v1/cases/${refusedCase}/trafficking/identification`, { headers: coordinator, data: { status: 'PRESUMED' } });
  await request.post(`/api/v1/cases/${refusedCase}/trafficking/reflection-period`, { headers: coordinator, data: { startsOn: new Date().toISOString().slice(0, 10), days: 30 } });
});

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`protection ${locale} ${width}px`, async ({ page }) => {
      // The anti-trafficking coordinator on the same case: the reflection countdown and the forms of its mandate.
      await signIn(page, 'trafficking.coordinator', locale, width);
      await page.goto(`/cases/${refusedCase}/protection`);
      await expect(page.getByTestId('reflection-countdown')).toBeVisible();
      await shot(page, `protection-trafficking-${locale}-${width}`);

      // The immigration officer's removal, refused in words.
      await page.context().clearCookies();
      await page.evaluate(() => window.sessionStorage.clear());
      await signIn(page, 'immigration.officer', locale, width);
      await page.goto(`/cases/${refusedCase}/protection`);
      const form = page.locator('form[aria-labelledby=order-removal-title]');
      // The decision's day is the date field (its day, month and year are spin buttons); then the legal basis and the destination.
      await form.getByRole('textbox').nth(0).fill('Immigration Act s.40');
      await form.getByRole('textbox').nth(1).fill('ETH');
      await form.locator('button[type=submit]').click();
      await expect(page.getByTestId('safeguard-refusal')).toBeVisible();
      await shot(page, `protection-refusal-${locale}-${width}`);

      // Child protection's unaccompanied child: a BID being completed.
      await page.evaluate(() => window.sessionStorage.clear());
      await signIn(page, 'child.protection', locale, width);
      const headers = await token(page.request, 'child.protection');
      const { items } = (await (await page.request.get('/api/v1/cases?limit=100', { headers })).json()) as { items: { id: string; profiles: string[] }[] };
      const child = items.find((item) => item.profiles.includes('UNACCOMPANIED_CHILD'));
      await page.goto(`/cases/${child?.id}/protection`);
      const card = page.locator('section[aria-labelledby=children-title]');
      await expect(card).toBeVisible();
      if ((await card.getByTestId('best-interests').count()) === 0) {
        await card.locator('select').first().selectOption('BID');
        await card.locator('form').nth(1).locator('button[type=submit]').click();
        await expect(card.getByTestId('best-interests')).toHaveCount(1);
      }
      const complete = card.getByTestId('best-interests').locator('button');
      if ((await complete.count()) > 0) await complete.first().click();
      await shot(page, `protection-children-${locale}-${width}`);
    });
  }
}
