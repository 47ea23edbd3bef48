import { expect, Page, test } from '@playwright/test';
import { as, detainedMigrant, PASSWORD, unaccompaniedBoy } from './protection-children-cases';
import { expectAccessible, typeDate, watchPage } from './support';

// Each flow registers its own case and walks several dialogs, with axe on each: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const today = (): string => new Date().toISOString().slice(0, 10);
/** Only the api's answers to a refused step (shown in the dialogs) may reach the console. */
const unexpected = (errors: string[]) => errors.filter((e) => !/\b(400|409)\b/.test(e));

test('a child-protection officer records the result of an age assessment, refused field by field until it is consistent', async ({ page, request }) => {
  const watch = await watchPage(page);
  const child = await unaccompaniedBoy(request, 'Amani');
  await signIn(page, 'child.protection');
  await page.goto(`/cases/${child.id}/protection`);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Protection records of ${child.caseNumber}`,
    }),
  ).toBeVisible();
  const card = page.getByRole('region', { name: 'Child protection' });
  // Detention is not child protection's mandate: none of its steps is offered.
  await expect(page.getByRole('button', { name: 'Record a review' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'End the detention' })).toHaveCount(0);

  // Age assessment: requested on a serious doubt, then its result — refused field by field until it is consistent.
  await card.getByLabel('The serious doubt about the stated age').fill('He says 15; his school card from Uvira gives 2007 as his year of birth');
  await card.getByRole('button', { name: 'Request an age assessment' }).click();
  const assessment = card.getByRole('listitem').filter({ hasText: 'his school card from Uvira' });
  await assessment.getByRole('button', { name: 'Record the age result' }).click();
  const age = page.getByRole('dialog', {
    name: 'Record the result of the age assessment',
  });
  await expect(age).toContainText('Benefit of the doubt: the lowest age of the range is the age recorded.');
  await age.getByLabel('Method').selectOption('MULTIDISCIPLINARY');
  await age.getByLabel('Lowest age found (years)').fill('17');
  await age.getByLabel('Highest age found (years)').fill('16');
  await age.getByRole('button', { name: 'Record the result' }).click();
  await expect(age.getByLabel('Highest age found (years)')).toHaveAttribute('aria-invalid', 'true');
  await expect(age.getByLabel('Highest age found (years)')).toHaveAccessibleDescription('Enter a whole number of years from 0 to 120, not below the lowest age.');
  await expect(age.getByRole('alert')).toContainText('One field needs correcting');
  await expectAccessible(page);
  await age.getByLabel('Lowest age found (years)').fill('15');
  await age.getByLabel('Highest age found (years)').fill('17');
  await age.getByRole('button', { name: 'Record the result' }).click();
  await expect(age).toBeHidden();
  await expect(assessment).toContainText('Found 15 to 17 years');
  await expect(assessment).toContainText('Method: Multidisciplinary assessment. The age recorded is 15.');
  await expect(assessment.getByRole('button', { name: 'Record the age result' })).toHaveCount(0);

  const records = (await (await as(request, 'child.protection')).get(`cases/${child.id}/protection`)) as {
    ageAssessments: { ageRange: unknown; method: string }[];
  };
  expect(records.ageAssessments).toEqual([
    expect.objectContaining({
      ageRange: { minimum: 15, maximum: 17 },
      method: 'MULTIDISCIPLINARY',
    }),
  ]);
  expect(unexpected(watch.consoleErrors)).toEqual([]);
});

test('a child-protection officer records that tracing located the mother, and stops a tracing that could endanger the child', async ({ page, request }) => {
  const watch = await watchPage(page);
  const child = await unaccompaniedBoy(request, 'Imani');
  await signIn(page, 'child.protection');
  await page.goto(`/cases/${child.id}/protection`);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Protection records of ${child.caseNumber}`,
    }),
  ).toBeVisible();
  const card = page.getByRole('region', { name: 'Child protection' });

  // Family tracing: the mother is located.
  const tracingBlock = card
    .locator('div')
    .filter({ has: page.getByRole('heading', { name: 'Family tracing' }) })
    .last();
  // Nothing is sought until the officer chooses whom.
  await expect(tracingBlock.getByLabel('Relative sought')).toHaveValue('');
  await expect(tracingBlock.getByRole('button', { name: 'Start tracing' })).toBeDisabled();
  await tracingBlock.getByLabel('Relative sought').selectOption('MOTHER');
  await tracingBlock.getByLabel('Name (optional)').fill('Furaha Bahati');
  await tracingBlock.getByRole('button', { name: 'Start tracing' }).click();
  const mother = tracingBlock.getByRole('listitem').filter({ hasText: 'Furaha Bahati' });
  await expect(mother).toContainText('Tracing');
  await mother.getByRole('button', { name: 'Record the tracing outcome' }).click();
  const outcome = page.getByRole('dialog', {
    name: 'Record the outcome of the tracing',
  });
  // The dialog names the relative sought, and no result is chosen for the officer.
  await expect(outcome).toContainText('The tracing for: Mother (Furaha Bahati).');
  await expect(outcome.getByLabel('The relative was located')).not.toBeChecked();
  await expect(outcome.getByLabel('The relative was not found')).not.toBeChecked();
  await expect(outcome.getByRole('button', { name: 'Record the outcome' })).toBeDisabled();
  await outcome.getByLabel('The relative was located').check();
  await typeDate(page, 'Date of the outcome', today(), outcome);
  await expect(outcome.getByRole('group', { name: 'Date of the outcome' })).toHaveText(/\d\d\/\d\d\/\d{4}/);
  await expectAccessible(page);
  await outcome.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(outcome).toBeHidden();
  await expect(mother).toContainText('Located');
  await expect(mother).toContainText('Concluded on');
  await expect(mother.getByRole('button')).toHaveCount(0);

  // A second tracing, for an uncle, is stopped: it could endanger the child. No new tracing can start after it.
  await tracingBlock.getByLabel('Relative sought').selectOption('AUNT_OR_UNCLE');
  await tracingBlock.getByLabel('Name (optional)').fill('Jean Bahati');
  await tracingBlock.getByRole('button', { name: 'Start tracing' }).click();
  const uncle = tracingBlock.getByRole('listitem').filter({ hasText: 'Jean Bahati' });
  await uncle.getByRole('button', { name: 'Stop the tracing' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop the tracing?' });
  await expect(stop).toContainText('no new tracing can start for this child');
  await stop.getByLabel('How tracing could endanger the child or the family').fill('The uncle sought is the suspected recruiter');
  await expectAccessible(page);
  await stop.getByRole('button', { name: 'Stop the tracing' }).click();
  await expect(stop).toBeHidden();
  await expect(uncle).toContainText('Stopped: it could endanger the child');
  await expect(uncle).toContainText('Stopped: The uncle sought is the suspected recruiter');
  await expect(tracingBlock.getByRole('button', { name: 'Start tracing' })).toHaveCount(0);
  await expect(tracingBlock).toContainText('no new tracing can start');

  const records = (await (await as(request, 'child.protection')).get(`cases/${child.id}/protection`)) as {
    familyTracing: { status: string }[];
  };
  expect(records.familyTracing.map((t) => t.status).sort()).toEqual(['LOCATED', 'STOPPED']);
  expect(unexpected(watch.consoleErrors)).toEqual([]);
});

test('a child-protection officer proposes a reunification with the located mother, records the reunion, and ends the care placement', async ({ page, request }) => {
  const watch = await watchPage(page);
  const child = await unaccompaniedBoy(request, 'Neema');
  // The mother, located by tracing (recorded on the tracing's own form, as the flow above shows).
  const officer = await as(request, 'child.protection');
  const tracing = (await officer.post(`cases/${child.id}/family-tracing`, {
    soughtRelatives: [{ relationship: 'MOTHER', name: 'Furaha Bahati' }],
  })) as { id: string; version: number };
  await officer.post(`cases/${child.id}/family-tracing/${tracing.id}/outcome`, {
    status: 'LOCATED',
    on: today(),
    version: tracing.version,
  });
  await signIn(page, 'child.protection');
  await page.goto(`/cases/${child.id}/protection`);
  const card = page.getByRole('region', { name: 'Child protection' });

  // Reunification with the located mother, in the country, verified and agreed by the boy.
  const reunion = card
    .locator('div')
    .filter({
      has: page.getByRole('heading', { name: 'Family reunification' }),
    })
    .last();
  await reunion.getByRole('button', { name: 'Propose a reunification' }).click();
  const propose = page.getByRole('dialog', {
    name: 'Propose a family reunification',
  });
  // The located mother fills in the relative, her name and the tracing that found her.
  await propose
    .getByRole('button', {
      name: 'Use the located relative: Mother (Furaha Bahati)',
    })
    .click();
  await expect(propose.getByLabel('Relative', { exact: true })).toHaveValue('MOTHER');
  await expect(propose.getByLabel('Name of the relative')).toHaveValue('Furaha Bahati');
  await expect(propose.getByLabel('Found by the tracing (optional)')).toHaveValue(tracing.id);
  await propose.getByLabel('Name of the relative').fill('');
  await propose.getByRole('button', { name: 'Propose the reunification' }).click();
  // The api names what is missing, under each field.
  await expect(propose.getByLabel('Name of the relative')).toHaveAccessibleDescription('Write the relative’s name (up to 200 characters).');
  await expect(propose.getByLabel('Country where the relative lives')).toHaveAccessibleDescription('Choose the country where the relative lives.');
  await expectAccessible(page);
  await propose.getByLabel('Name of the relative').fill('Furaha Bahati');
  await propose.getByLabel('Country where the relative lives').selectOption('TZA');
  await propose.getByLabel('The relationship is verified').check();
  await propose.getByRole('button', { name: 'Propose the reunification' }).click();
  await expect(propose).toBeHidden();
  const proposed = reunion.getByRole('listitem').filter({ hasText: 'Furaha Bahati' });
  await expect(proposed).toContainText('Proposed');
  // The boy has not been heard yet: the reunion waits for his agreement, which the outcome dialog leads to.
  await proposed.getByRole('button', { name: 'Record the reunification outcome' }).click();
  const concluded = page.getByRole('dialog', {
    name: 'Record the outcome of the reunification',
  });
  await expect(concluded.getByLabel('Reunified')).toHaveCount(0);
  await expect(concluded.getByLabel('Not in the child’s best interests')).not.toBeChecked();
  await expect(concluded.getByRole('button', { name: 'Record the outcome' })).toBeDisabled();
  await concluded.getByRole('button', { name: 'Record the child’s views first' }).click();
  const views = page.getByRole('dialog', {
    name: 'Record the child’s views on the reunification',
  });
  await expect(views).toContainText('Furaha Bahati');
  await expect(views.getByRole('button', { name: 'Record the child’s views' })).toBeDisabled();
  await views.getByLabel('Yes, the child agrees').check();
  await expectAccessible(page);
  await views.getByRole('button', { name: 'Record the child’s views' }).click();
  await expect(views).toBeHidden();
  await expect(proposed).toContainText('In Tanzania. Relationship verified; the child agrees.');
  await proposed.getByRole('button', { name: 'Record the reunification outcome' }).click();
  await expect(concluded.getByRole('button', { name: 'Record the outcome' })).toBeDisabled();
  await concluded.getByLabel('Reunified').check();
  await expectAccessible(page);
  await concluded.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(concluded).toBeHidden();
  await expect(proposed).toContainText('Reunified');
  await expect(proposed.getByRole('button')).toHaveCount(0);

  // Interim care until the reunion, then ended.
  const care = card
    .locator('div')
    .filter({ has: page.getByRole('heading', { name: 'Interim care' }) })
    .last();
  await care.getByLabel('Kind of care').selectOption('SAFE_SHELTER');
  await care.getByLabel('Provided by').fill('Tumaini children’s shelter');
  await care.getByRole('button', { name: 'Record the placement' }).click();
  const placement = care.getByRole('listitem').filter({ hasText: 'Tumaini children’s shelter' });
  await expect(care.getByRole('button', { name: 'Record the placement' })).toHaveCount(0);
  await placement.getByRole('button', { name: 'End the placement' }).click();
  const end = page.getByRole('dialog', { name: 'End the care placement?' });
  await end.getByLabel('Why it ended').fill('Reunified with his mother in Kigoma');
  await expectAccessible(page);
  await end.getByRole('button', { name: 'End the placement' }).click();
  await expect(end).toBeHidden();
  await expect(placement).toContainText(/Ended on .+: Reunified with his mother in Kigoma/);
  await expect(placement.getByRole('button')).toHaveCount(0);
  await expect(care.getByRole('button', { name: 'Record the placement' })).toBeVisible();

  const records = (await officer.get(`cases/${child.id}/protection`)) as {
    reunifications: { status: string; tracingId: string | null }[];
    carePlacements: { endedOn: string | null; endReason: string }[];
  };
  expect(records.reunifications).toEqual([expect.objectContaining({ status: 'REUNIFIED', tracingId: tracing.id })]);
  expect(records.carePlacements).toEqual([
    expect.objectContaining({
      endedOn: today(),
      endReason: 'Reunified with his mother in Kigoma',
    }),
  ]);
  expect(unexpected(watch.consoleErrors)).toEqual([]);
});

test('a border official reviews an overdue detention, logs a lawyer’s visit and ends the detention', async ({ page, request }) => {
  const watch = await watchPage(page);
  const detained = await detainedMigrant(request);
  await signIn(page, 'border.official');
  await page.goto(`/cases/${detained.id}/protection`);
  const card = page.getByRole('region', { name: 'Detention' });
  const episode = card.getByRole('listitem').filter({ hasText: 'Namanga holding facility' });
  await expect(episode.getByText(/^Review overdue since /)).toBeVisible();
  await expect(episode.getByTestId('review-overdue')).toContainText('has not been held. Record it now, or end the detention.');

  // The review: a next review before the review itself is refused under its field.
  await episode.getByRole('button', { name: 'Record a review' }).click();
  const review = page.getByRole('dialog', {
    name: 'Record a review of the detention',
  });
  await expect(review.getByLabel('Detention continues')).not.toBeChecked();
  await expect(review.getByLabel('The person is released')).not.toBeChecked();
  await expect(review.getByRole('button', { name: 'Record the review' })).toBeDisabled();
  await review.getByLabel('Detention continues').check();
  await typeDate(page, 'Next review on', today(), review);
  await review.getByRole('button', { name: 'Record the review' }).click();
  // The day, month and year of the refused date are each marked, and each reads the problem: both dates, in words
  // (the same day here: a next review on the review's own day).
  const nextReview = review.getByRole('group', { name: 'Next review on' });
  await expect(nextReview.getByRole('spinbutton', { name: /^day/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(nextReview.getByRole('spinbutton', { name: /^year/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(nextReview.getByRole('spinbutton', { name: /^day/ })).toHaveAccessibleDescription(/(\d{1,2} [A-Z][a-z]+ \d{4}) is not after the review on \1: choose a later date for the next review\./);
  await expectAccessible(page);
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await typeDate(page, 'Next review on', nextWeek, review);
  await review.getByRole('button', { name: 'Record the review' }).click();
  await expect(review).toBeHidden();
  await expect(episode).toContainText(/Reviewed on .+: continued/);
  await expect(episode.getByText(/^Next review /)).toBeVisible();
  await expect(episode.getByTestId('review-overdue')).toHaveCount(0);

  // A lawyer's visit, given.
  await episode.getByRole('button', { name: 'Log an access visit' }).click();
  const access = page.getByRole('dialog', { name: 'Log an access visit' });
  await access.getByLabel('Visitor', { exact: true }).selectOption('LEGAL_REPRESENTATIVE');
  await access.getByLabel('Organisation or name').fill('Haki Legal Aid');
  // Neither answer is given for the officer, and no refusal is open.
  await expect(access.getByLabel('Yes, the visitor saw the person')).not.toBeChecked();
  await expect(access.getByLabel('Why access was refused')).toHaveCount(0);
  await expect(access.getByRole('button', { name: 'Log the visit' })).toBeDisabled();
  await access.getByLabel('Yes, the visitor saw the person').check();
  await expectAccessible(page);
  await access.getByRole('button', { name: 'Log the visit' }).click();
  await expect(access).toBeHidden();
  await expect(episode).toContainText(/Lawyer or legal representative, Haki Legal Aid: access given on /);

  // The end of the episode: no review or end is offered afterwards.
  await episode.getByRole('button', { name: 'End the detention' }).click();
  const end = page.getByRole('dialog', { name: 'End the detention?' });
  await end.getByLabel('Why it ended').fill('Released to report weekly at the Namanga office');
  await expectAccessible(page);
  await end.getByRole('button', { name: 'End the detention' }).click();
  await expect(end).toBeHidden();
  await expect(episode.getByText(/^Ended on /)).toBeVisible();
  await expect(episode).toContainText('Ended: Released to report weekly at the Namanga office');
  await expect(episode.getByRole('button', { name: 'Record a review' })).toHaveCount(0);
  await expect(episode.getByRole('button', { name: 'End the detention' })).toHaveCount(0);

  const records = (await (await as(request, 'border.official')).get(`cases/${detained.id}/protection`)) as {
    detentions: {
      endedAt: string | null;
      reviews: { outcome: string; nextReviewOn: string }[];
      access: { visitorKind: string; granted: boolean }[];
    }[];
  };
  expect(records.detentions).toEqual([
    expect.objectContaining({
      endedAt: expect.any(String),
      reviews: [
        expect.objectContaining({
          outcome: 'CONTINUE',
          nextReviewOn: nextWeek,
        }),
      ],
      access: [
        expect.objectContaining({
          visitorKind: 'LEGAL_REPRESENTATIVE',
          granted: true,
        }),
      ],
    }),
  ]);
  expect(unexpected(watch.consoleErrors)).toEqual([]);
});

test('an immigration officer, the other detaining authority, releases the person on the overdue review', async ({ page, request }) => {
  const watch = await watchPage(page);
  const detained = await detainedMigrant(request, 'Mesfin');
  await signIn(page, 'immigration.officer');
  await page.goto(`/cases/${detained.id}/protection`);
  const episode = page.getByRole('region', { name: 'Detention' }).getByRole('listitem').filter({ hasText: 'Namanga holding facility' });
  await expect(episode.getByTestId('review-overdue')).toBeVisible();
  await episode.getByRole('button', { name: 'Record a review' }).click();
  const review = page.getByRole('dialog', {
    name: 'Record a review of the detention',
  });
  await review.getByLabel('The person is released').check();
  await expect(review.getByRole('group', { name: 'Next review on' })).toHaveCount(0);
  await expect(review).toContainText('A release ends the detention on the review.');
  await review.getByRole('button', { name: 'Record the review' }).click();
  await expect(review).toBeHidden();
  await expect(episode).toContainText(/Reviewed on .+: released/);
  await expect(episode.getByText(/^Ended on /)).toBeVisible();
  await expect(episode.getByTestId('review-overdue')).toHaveCount(0);
  await expect(episode.getByRole('button', { name: 'Record a review' })).toHaveCount(0);
  // Access visits are still logged after the release (a visit asked for while the person was held).
  await expect(episode.getByRole('button', { name: 'Log an access visit' })).toBeVisible();
  expect(unexpected(watch.consoleErrors)).toEqual([]);
});
