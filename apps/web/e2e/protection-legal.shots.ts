import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * Screenshots of the protection follow-up steps for review, in English and Arabic, at 360 px and 1280 px: an
 * assisted return's steps and a step's dialog, a removal refused in its dialog, a prosecution flag refused and the
 * supervisor's override dialog, and the withdrawal of an asylum wish. Written to KIVUKO_SHOTS_DIR (default tmp/web-shots).
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
  await page.evaluate(() => window.sessionStorage.clear()).catch(() => undefined);
  await page.context().clearCookies();
  await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
  await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
  await page.goto('/sign-in');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
}

const cases = { removal: '', avr: '', victim: '', wish: '' };

test.beforeAll(async ({ request }) => {
  const official = await token(request, 'border.official');
  const points = (await (await request.get('/api/v1/border-points', { headers: official })).json()) as { id: string; code: string }[];
  const post = (path: string, headers: Record<string, string>, data: object) => request.post(`/api/v1/${path}`, { headers, data });
  const register = async (givenName: string, answers: Record<string, unknown>, profile: string): Promise<string> => {
    const created = await post('intakes', official, {
      intakeId: randomUUID(),
      arrival: { borderPointId: points.find((p) => p.code === 'NMG')?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
      persons: [{ givenName, familyName: 'Haile', sex: 'MALE', statedAge: 29, nationalities: ['ETH'], languages: ['am'], screening: { answers } }],
    });
    const id = ((await created.json()) as { cases: { id: string }[] }).cases[0]?.id ?? '';
    const view = (await (await request.get(`/api/v1/cases/${id}`, { headers: official })).json()) as { profiles: { code: string; status: string }[] };
    if (view.profiles.find((p) => p.code === profile)?.status !== 'CONFIRMED') await post(`cases/${id}/profiles/${profile}/confirm`, official, {});
    await consentAll(id);
    return id;
  };
  const consentAll = async (id: string) => {
    const { items } = (await (await request.get(`/api/v1/referrals?view=SENT&caseId=${id}&limit=100`, { headers: official })).json()) as {
      items: { status: string; agency: { kind: string }; basis: { requirements?: { purpose: string }[] } | null }[];
    };
    for (const referral of items.filter((r) => r.status === 'AWAITING_CONSENT')) {
      for (const { purpose } of referral.basis?.requirements ?? []) {
        await post(`cases/${id}/consents`, official, { purpose, recipientAgencyKind: referral.agency.kind, decision: 'GIVEN', language: 'en' });
      }
    }
  };
  const today = new Date().toISOString().slice(0, 10);

  cases.removal = await register('Dawit', { reasons_for_leaving: ['WORK'] }, 'MIGRANT');
  await post(`cases/${cases.removal}/removal-orders`, await token(request, 'immigration.officer'), { decidedOn: today, legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
  await post(`cases/${cases.removal}/flags`, official, { kind: 'REFOULEMENT_RISK', reason: 'Reports of persecution of returnees at the destination' });

  cases.avr = await register('Abdi', { reasons_for_leaving: ['WORK'], wants_to_return_home: true, has_means_to_return: false }, 'STRANDED_MIGRANT_RETURN');
  const counsellor = await token(request, 'return.counsellor');
  const requested = (await (await post(`cases/${cases.avr}/voluntary-returns`, counsellor, { requestedOn: today, destinationCountry: 'ETH' })).json()) as { id: string; version: number };
  await post(`cases/${cases.avr}/voluntary-returns/${requested.id}/counselling`, counsellor, { heldOn: today, counsellor: 'Return counsellor, Migration Agency', interpreter: true, version: requested.version });

  cases.victim = await register('Tesfaye', { reasons_for_leaving: ['WORK'] }, 'MIGRANT');
  await post(`cases/${cases.victim}/profiles`, official, { profile: 'TRAFFICKING_VICTIM', reason: 'His employer keeps his passport until the debt is paid' });
  await consentAll(cases.victim);

  cases.wish = await register('Selam', { asylum_wish_expressed: true }, 'ASYLUM_SEEKER');
});

for (const locale of ['en', 'ar'] as const) {
  for (const width of [360, 1280] as const) {
    test(`protection follow-ups ${locale} ${width}px`, async ({ page }) => {
      // The return counsellor: the return's steps, then the vulnerability assessment's dialog.
      await signIn(page, 'return.counsellor', locale, width);
      await page.goto(`/cases/${cases.avr}/protection`);
      await expect(page.getByTestId('step-counselling')).toBeVisible();
      await shot(page, `legal-return-steps-${locale}-${width}`);
      await page.getByTestId('step-vulnerability').locator('button').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `legal-return-dialog-${locale}-${width}`);

      // The immigration officer: carrying the removal out is refused, in words, in the dialog.
      await signIn(page, 'immigration.officer', locale, width);
      await page.goto(`/cases/${cases.removal}/protection`);
      await page.getByTestId('execute-removal').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('button[type=submit]').click();
      await expect(dialog.getByTestId('safeguard-refusal')).toBeVisible();
      await shot(page, `legal-removal-refused-${locale}-${width}`);

      // The border supervisor: a prosecution flag for another offence refused, then the override dialog.
      await signIn(page, 'border.supervisor', locale, width);
      await page.goto(`/cases/${cases.victim}/protection`);
      const form = page.locator('form[aria-labelledby=raise-flag-title]');
      await form.locator('select[name=kind]').selectOption('PROSECUTION');
      await form.locator('select[name=offence]').selectOption('OTHER');
      await form.locator('textarea[name=reason]').fill('Assaulted an officer at the post');
      await form.locator('button[type=submit]').click();
      await expect(page.getByTestId('flag-override')).toBeVisible();
      await shot(page, `legal-flag-refused-${locale}-${width}`);
      await page.getByTestId('flag-override').click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await shot(page, `legal-flag-override-${locale}-${width}`);

      // The asylum authority: the withdrawal of a wish to seek asylum.
      await signIn(page, 'asylum.reviewer', locale, width);
      await page.goto(`/cases/${cases.wish}/protection`);
      await page.getByTestId('withdraw-wish').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `legal-asylum-wish-${locale}-${width}`);
    });
  }
}
