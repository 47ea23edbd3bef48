import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectAccessible, typeDateTime, watchPage } from './support';

/**
 * The follow-up steps of the protection records, each by the agency the api allows: a removal carried out
 * (refused in words while a safeguard stands) or cancelled; an assisted voluntary return's steps up to
 * departure; an asylum claim and an asylum wish withdrawn; flags raised, overridden on a supervisor's
 * finding and closed. Every test makes its own case, so the order of the specs on the shared api is free.
 */
const PASSWORD = 'kivuko-demo';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
}

async function as(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const check = async (response: Awaited<ReturnType<APIRequestContext['get']>>, what: string) => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    get: async (path: string) => check(await request.get(`/api/v1/${path}`, { headers }), path),
    post: async (path: string, data: object) => check(await request.post(`/api/v1/${path}`, { headers, data }), path),
    put: async (path: string, data: object) => check(await request.put(`/api/v1/${path}`, { headers, data }), path),
  };
}

type Api = Awaited<ReturnType<typeof as>>;

async function consentToAll(official: Api, caseId: string): Promise<void> {
  const { items } = (await official.get(`referrals?view=SENT&caseId=${caseId}&limit=100`)) as { items: { status: string; agency: { kind: string }; basis: { requirements?: { purpose: string }[] } | null }[] };
  const asked = new Set<string>();
  for (const referral of items.filter((r) => r.status === 'AWAITING_CONSENT')) {
    for (const { purpose } of referral.basis?.requirements ?? []) {
      const key = `${referral.agency.kind}/${purpose}`;
      if (asked.has(key)) continue;
      asked.add(key);
      await official.post(`cases/${caseId}/consents`, { purpose, recipientAgencyKind: referral.agency.kind, decision: 'GIVEN', language: 'en' });
    }
  }
}

/** A border official registers one person at Namanga with these screening answers, confirms the profile and records consent. */
async function newCase(request: APIRequestContext, givenName: string, answers: Record<string, unknown>, profile: string): Promise<{ caseId: string; official: Api }> {
  const official = await as(request, 'border.official');
  const points = (await official.get('border-points')) as unknown as { id: string; code: string }[];
  const registered = (await official.post('intakes', {
    intakeId: randomUUID(),
    arrival: { borderPointId: points.find((p) => p.code === 'NMG')?.id, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
    persons: [{ givenName, familyName: `Legal-${randomUUID().slice(0, 6)}`, sex: 'MALE', statedAge: 31, nationalities: ['ETH'], languages: ['am', 'en'], screening: { answers } }],
  })) as { cases: { id: string }[] };
  const caseId = registered.cases[0]?.id;
  if (!caseId) throw new Error('no case registered');
  const { profiles } = (await official.get(`cases/${caseId}`)) as { profiles: { code: string; status: string }[] };
  if (profiles.find((p) => p.code === profile)?.status !== 'CONFIRMED') await official.post(`cases/${caseId}/profiles/${profile}/confirm`, {});
  await consentToAll(official, caseId);
  return { caseId, official };
}

const today = () => new Date().toISOString().slice(0, 10);

test('an immigration officer carries out a removal only when no safeguard stands, reads why in words, and cancels the order', async ({ page, request }) => {
  const watch = await watchPage(page);
  const { caseId, official } = await newCase(request, 'Dawit', { reasons_for_leaving: ['WORK'] }, 'MIGRANT');
  const immigration = await as(request, 'immigration.officer');
  await immigration.post(`cases/${caseId}/removal-orders`, { decidedOn: today(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
  // Since the order, the border official has flagged a risk of refoulement: carrying the removal out is refused now.
  await official.post(`cases/${caseId}/flags`, { kind: 'REFOULEMENT_RISK', reason: 'Reports of persecution of returnees at the destination' });

  await signIn(page, 'immigration.officer');
  await page.goto(`/cases/${caseId}/protection`);
  const removal = page.getByRole('region', { name: 'Removal' });
  const order = removal.getByRole('listitem').filter({ hasText: 'to Ethiopia' });
  await expect(order).toContainText('Ordered');
  await order.getByRole('button', { name: 'Record as carried out' }).click();
  const execute = page.getByRole('dialog', { name: 'Record that this removal was carried out?' });
  // Now, on the user's clock, in the English order: day/month/year, 24-hour time.
  await expect(execute.getByRole('group', { name: 'Carried out at' })).toHaveText(/^\W*\d\d\W+\d\d\W+\d{4}\W+\d\d\W+\d\d\W*$/);
  await execute.getByRole('button', { name: 'Record as carried out' }).click();
  const refusal = execute.getByTestId('safeguard-refusal');
  await expect(refusal).toContainText('No removal or return can be recorded');
  await expect(refusal).toContainText('A risk of refoulement has been flagged and the flag is still open.');
  // Whom to ask: the agency that opened the flag, by name, and when.
  await expect(refusal).toContainText(/Border Management Service\u2069? opened the flag on .*2\d{3} and must review and close it first/);
  // The same removal would be refused again: the button waits for a change to the form.
  await expect(execute.getByRole('button', { name: 'Record as carried out' })).toBeDisabled();
  await expect(refusal).toContainText('No one can override this protection.');
  await expect(refusal).not.toContainText('SAFEGUARD');
  await expect(refusal).not.toContainText('REFOULEMENT_RISK');
  await expectAccessible(page);
  await execute.getByRole('button', { name: 'Go back' }).click();
  await expect(execute).toBeHidden();
  await expect(order).toContainText('Ordered');

  // Cancelled instead: a reason left out is named on its field, then the order shows cancelled with the reason.
  await order.getByRole('button', { name: 'Cancel the order' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this removal order?' });
  await cancel.getByRole('button', { name: 'Cancel the order' }).click();
  await expect(cancel.getByText('This was not accepted. Check it and try again.')).toBeVisible();
  await expect(cancel.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await cancel.getByLabel('Reason').fill('Risk of refoulement flagged; the order is withdrawn pending review');
  await cancel.getByRole('button', { name: 'Cancel the order' }).click();
  await expect(cancel).toBeHidden();
  await expect(order).toContainText('Cancelled');
  await expect(order).toContainText('Risk of refoulement flagged; the order is withdrawn pending review');
  await expect(order.getByRole('button', { name: 'Record as carried out' })).toHaveCount(0);
  const records = (await immigration.get(`cases/${caseId}/protection`)) as { removalOrders: { status: string; executedAt: string | null }[] };
  expect(records.removalOrders.map((o) => [o.status, o.executedAt])).toEqual([['CANCELLED', null]]);
  expect(watch.consoleErrors.filter((e) => !/40[09]/.test(e))).toEqual([]);
});

test('a return counsellor takes an assisted voluntary return through its steps, in order, to departure', async ({ page, request }) => {
  const watch = await watchPage(page);
  const { caseId } = await newCase(request, 'Abdi', { reasons_for_leaving: ['WORK'], wants_to_return_home: true, has_means_to_return: false }, 'STRANDED_MIGRANT_RETURN');
  const counsellor = await as(request, 'return.counsellor');
  await counsellor.post(`cases/${caseId}/voluntary-returns`, { requestedOn: today(), destinationCountry: 'ETH' });

  await signIn(page, 'return.counsellor');
  await page.goto(`/cases/${caseId}/protection`);
  const card = page.getByRole('region', { name: 'Assisted voluntary return' });
  const steps = card.getByRole('list', { name: 'Steps of this return' });
  const step = (name: string) => steps.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
  await expect(step('Counsel the person')).toContainText('Next');
  await expect(step('Confirm voluntariness')).toContainText('Not yet possible');
  await expect(card).toContainText('To Ethiopia');
  await expect(card).not.toContainText('ETH');
  await expect(step('Confirm voluntariness')).toContainText('The person is counselled first.');
  await expect(step('Depart')).toContainText('The person’s voluntariness is confirmed first.');
  await expect(card.getByRole('button', { name: 'Confirm voluntariness' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Record the departure' })).toHaveCount(0);

  await step('Counsel the person').getByRole('button', { name: 'Record a counselling session' }).click();
  const counselling = page.getByRole('dialog', { name: 'Record a counselling session' });
  await counselling.getByLabel('Counsellor').fill('Return counsellor, Migration Agency');
  await counselling.getByLabel('An interpreter in the person’s language was present').check();
  await expectAccessible(page);
  await counselling.getByRole('button', { name: 'Record' }).click();
  await expect(counselling).toBeHidden();
  await expect(step('Counsel the person')).toContainText('Done');
  await expect(step('Counsel the person')).toContainText('1 session, the last on');
  await expect(step('Assess vulnerability')).toContainText('Next');

  await step('Assess vulnerability').getByRole('button', { name: 'Record the vulnerability assessment' }).click();
  const vulnerability = page.getByRole('dialog', { name: 'Record the vulnerability assessment' });
  // No outcome chosen: the api's 400 is named on the field.
  await vulnerability.getByRole('button', { name: 'Record' }).click();
  await expect(vulnerability.getByText('This was not accepted. Check it and try again.')).toBeVisible();
  await expect(vulnerability.getByLabel('Outcome')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await vulnerability.getByLabel('Outcome').selectOption('NO_CONCERN');
  await vulnerability.getByRole('button', { name: 'Record' }).click();
  await expect(vulnerability).toBeHidden();
  await expect(step('Assess vulnerability')).toContainText('No concern, on');
  await expect(step('Confirm voluntariness')).toContainText('Next');

  await step('Confirm voluntariness').getByRole('button', { name: 'Confirm voluntariness' }).click();
  const voluntariness = page.getByRole('dialog', { name: 'Confirm voluntariness' });
  await voluntariness.getByRole('button', { name: 'Confirm voluntariness' }).click();
  await expect(voluntariness.getByText('Tick this to confirm.')).toBeVisible();
  await expectAccessible(page);
  await voluntariness.getByLabel(/The person decided freely/).check();
  await voluntariness.getByRole('button', { name: 'Confirm voluntariness' }).click();
  await expect(voluntariness).toBeHidden();
  await expect(card.getByRole('listitem').filter({ hasText: 'To Ethiopia' }).first()).toContainText('Voluntariness confirmed');
  await expect(step('Depart')).toContainText('Next');

  await step('Depart').getByRole('button', { name: 'Record the departure' }).click();
  const departure = page.getByRole('dialog', { name: 'Record the departure' });
  await expectAccessible(page);
  // The bus left a few minutes ago: its day and time typed on the user's clock, day first and 24-hour as in en-GB.
  const { local, shown } = await page.evaluate(() => {
    const at = new Date(Date.now() - 7 * 60_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return {
      local: `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`,
      shown: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(at),
    };
  });
  await typeDateTime(page, 'Departed at', local, departure);
  await departure.getByRole('button', { name: 'Record the departure' }).click();
  await expect(departure).toBeHidden();
  await expect(step('Depart')).toContainText(`Departed on ${shown}`);
  await expect(card.getByRole('button', { name: 'Withdraw the return' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: /^Record / })).toHaveCount(0);
  const records = (await counsellor.get(`cases/${caseId}/protection`)) as { voluntaryReturns: { status: string }[] };
  expect(records.voluntaryReturns.map((r) => r.status)).toEqual(['DEPARTED']);
  expect(watch.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
});

test('the asylum authority records, with care, a claim withdrawn and a wish to seek asylum withdrawn by the person', async ({ page, request }) => {
  const watch = await watchPage(page);
  const claimed = await newCase(request, 'Meron', { asylum_wish_expressed: true }, 'ASYLUM_SEEKER');
  const wished = await newCase(request, 'Selam', { asylum_wish_expressed: true }, 'ASYLUM_SEEKER');
  const reviewer = await as(request, 'asylum.reviewer');
  await reviewer.post(`cases/${claimed.caseId}/asylum-claim`, { registeredOn: today(), reference: `RSA/${randomUUID().slice(0, 8)}`, procedure: 'REGULAR' });

  // The legal-aid caseworker on the same case: the asylum section is not shared with it, and no withdrawal is offered.
  await signIn(page, 'legal.caseworker');
  await page.goto(`/cases/${claimed.caseId}/protection`);
  await expect(page.getByText('Not shared with your agency: Asylum.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the claim’s withdrawal' })).toHaveCount(0);
  await page.evaluate(() => window.sessionStorage.clear());
  await page.context().clearCookies();

  await signIn(page, 'asylum.reviewer');
  await page.goto(`/cases/${claimed.caseId}/protection`);
  const card = page.getByRole('region', { name: 'Asylum' });
  await expect(card).toContainText('Not decided yet');
  await card.getByRole('button', { name: 'Record the claim’s withdrawal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record that the person withdrew the asylum claim?' });
  await expect(dialog).toContainText('Only the asylum authority records this');
  await dialog.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(dialog.getByText('Tick this to confirm.')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel(/The person withdrew the claim themselves/).check();
  await dialog.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole('listitem').first()).toContainText('Withdrawn by the person');
  await expect(card.getByRole('button', { name: 'Record the claim’s withdrawal' })).toHaveCount(0);

  // The other person said they wish to seek asylum, and has now withdrawn the wish before any claim.
  await page.goto(`/cases/${wished.caseId}/protection`);
  const wishCard = page.getByRole('region', { name: 'Asylum' });
  await expect(wishCard).toContainText('The person has said they wish to seek asylum, and no claim answers for it yet.');
  await wishCard.getByRole('button', { name: 'Record the withdrawal of the wish' }).click();
  const wish = page.getByRole('dialog', { name: 'Record that the person withdrew the wish to seek asylum?' });
  await wish.getByLabel('The person’s own words').fill('I do not want asylum here. I want to go on to my brother in Johannesburg.');
  await wish.getByLabel('An interpreter was used').check();
  // No language chosen: the api's 400 is named on the picker, which lists languages by name.
  await wish.getByLabel(/The person withdrew the wish themselves/).check();
  await wish.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(wish.getByLabel(/Language the person spoke/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await expect(wish.getByLabel('Language the person spoke').locator('option[value="am"]')).toHaveText('Amharic');
  await wish.getByLabel('Language the person spoke').selectOption('am');
  await expect(wish.getByLabel(/Language the person spoke/)).not.toHaveAttribute('aria-invalid', 'true');
  await wish.getByRole('button', { name: 'Record the withdrawal' }).click();
  await expect(wish).toBeHidden();
  await expect(wishCard).toContainText('The person withdrew the wish to seek asylum on');
  await expect(wishCard.getByRole('button', { name: 'Record the withdrawal of the wish' })).toHaveCount(0);
  const records = (await reviewer.get(`cases/${wished.caseId}/protection`)) as { asylumWishWithdrawal: { withdrawnOn: string; interpreterUsed: boolean; language: string } | null };
  expect(records.asylumWishWithdrawal).toMatchObject({ withdrawnOn: today(), interpreterUsed: true, language: 'am' });
  expect(watch.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
});

test('a presumed victim of trafficking is flagged for another offence only on a supervisor’s written finding; a status offence never', async ({ page, request }) => {
  const watch = await watchPage(page);
  const { caseId, official } = await newCase(request, 'Tesfaye', { reasons_for_leaving: ['WORK'] }, 'MIGRANT');
  await official.post(`cases/${caseId}/profiles`, { profile: 'TRAFFICKING_VICTIM', reason: 'His employer keeps his passport until the debt is paid' });
  await consentToAll(official, caseId);

  // A border official: irregular entry is refused for good, and another offence needs a supervisor.
  await signIn(page, 'border.official');
  await page.goto(`/cases/${caseId}/protection`);
  let card = page.getByRole('region', { name: 'Flags' });
  await card.getByLabel('Kind of flag').selectOption('PROSECUTION');
  // A status offence is marked in the list and cannot be chosen (the api refuses it for good as well).
  const irregularEntry = card.getByLabel('Offence').locator('option[value="IRREGULAR_ENTRY"]');
  await expect(irregularEntry).toBeDisabled();
  await expect(irregularEntry).toHaveText('Irregular entry (not for this person)');
  await card.getByLabel('Offence').selectOption('OTHER');
  await card.getByLabel('Why').fill('Crossed outside the post at night');
  await card.getByRole('button', { name: 'Raise a flag' }).click();
  let refusal = card.getByTestId('safeguard-refusal');
  await expect(refusal).toContainText('This person cannot be flagged for prosecution');
  await expect(refusal).not.toContainText('NON_CRIMINALISATION');
  await expect(refusal).toContainText('Ask a supervisor: only they may write that finding.');
  await expect(card.getByRole('button', { name: 'Raise it on a supervisor’s written finding' })).toHaveCount(0);
  await expectAccessible(page);
  await page.evaluate(() => window.sessionStorage.clear());
  await page.context().clearCookies();

  // The supervisor overrides deliberately, with a written finding, then closes the flag.
  await signIn(page, 'border.supervisor');
  await page.goto(`/cases/${caseId}/protection`);
  card = page.getByRole('region', { name: 'Flags' });
  await card.getByLabel('Kind of flag').selectOption('PROSECUTION');
  await card.getByLabel('Offence').selectOption('OTHER');
  await card.getByLabel('Why').fill('Assaulted an officer at the post');
  await card.getByRole('button', { name: 'Raise a flag' }).click();
  refusal = card.getByTestId('safeguard-refusal');
  await expect(refusal).toContainText('As a supervisor, you may write that finding.');
  await card.getByRole('button', { name: 'Raise it on a supervisor’s written finding' }).click();
  const override = page.getByRole('alertdialog', { name: 'Flag a presumed victim of trafficking for another offence?' });
  await expect(override).toContainText('shown to the independent monitor at once');
  await expect(override.getByTestId('override-summary')).toContainText('Prosecution: Another offence');
  await expect(override.getByTestId('override-summary')).toContainText('Assaulted an officer at the post');
  await override.getByLabel('Your written finding').fill('Unrelated');
  await override.getByRole('button', { name: 'Raise the flag on my finding' }).click();
  await expect(override.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  const finding = 'The assault on the officer took place at the post after he had left the exploiters; it is unrelated to the trafficking.';
  await override.getByRole('textbox').fill(finding);
  await override.getByRole('button', { name: 'Raise the flag on my finding' }).click();
  await expect(override).toBeHidden();
  const flag = card.getByTestId('flag').filter({ hasText: 'Prosecution: Another offence' });
  await expect(flag).toContainText('Open');
  await expect(flag).toContainText(`Raised on a supervisor’s finding that it is unrelated to the trafficking: ${finding}`);

  await flag.getByRole('button', { name: 'Close the flag' }).click();
  const close = page.getByRole('alertdialog', { name: 'Close this flag?' });
  await expectAccessible(page);
  await close.getByRole('textbox').fill('Charges dropped by the prosecutor');
  await close.getByRole('button', { name: 'Close the flag' }).click();
  await expect(close).toBeHidden();
  await expect(flag).toContainText('Closed on');
  await expect(flag).toContainText('Closed because: Charges dropped by the prosecutor');
  await expect(flag.getByRole('button', { name: 'Close the flag' })).toHaveCount(0);
  const supervisor = await as(request, 'border.supervisor');
  const { flags } = (await supervisor.get(`cases/${caseId}/protection`)) as { flags: { offence: string | null; open: boolean; unrelatedOffenceFinding: { text: string } | null }[] };
  expect(flags.map((f) => [f.offence, f.open, f.unrelatedOffenceFinding?.text ?? null])).toEqual([['OTHER', false, finding]]);
  expect(watch.consoleErrors.filter((e) => !/409/.test(e))).toEqual([]);
});
