import { expect, Locator, Page, test } from '@playwright/test';
import { expectAccessible, signIn, watchPage } from './support';

const CASE_NUMBER = /^TZA-[A-Z]{3}-\d{4}-\d{6}$/;

/** Picks an option of a React Aria select by the label of its button. */
async function choose(scope: Page | Locator, page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Picks a code in a searchable picker: types part of the name, then presses the option. */
async function pick(scope: Page | Locator, page: Page, label: string, typed: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function radio(scope: Locator, group: string | RegExp, option: string): Promise<void> {
  await scope.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
}

test('a family of three registered in English: three case numbers, suggested profiles confirmed and removed with a reason, a record corrected and a conflicting save refused', async ({ page }) => {
  // A long form filled three times over, on a shared 2-core machine.
  test.setTimeout(180_000);
  const watch = await watchPage(page);
  await signIn(page, 'border.official');
  await page.getByRole('link', { name: 'Register arrival' }).click();
  await expect(page.getByRole('heading', { name: 'Register an arrival', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await choose(page, page, /Border point$/, 'Namanga');
  // The arrival defaults to now, on a 24-hour clock.
  await expect(page.getByRole('group', { name: 'Time of arrival (24 h)' })).not.toContainText(/AM|PM/);

  const mother = page.locator('section[aria-labelledby="person-p1"]');
  await mother.getByRole('textbox', { name: 'Given name' }).fill('Amina');
  await mother.getByRole('textbox', { name: 'Family name' }).fill('Warsame');
  await radio(mother, 'Sex', 'Female');
  await mother.getByRole('textbox', { name: 'Age as stated (years)' }).fill('34');
  await pick(mother, page, 'Nationalities', 'Somal', 'Somalia');
  await pick(mother, page, 'Languages spoken', 'Soma', 'Somali');
  await radio(mother, 'Are you afraid to go back?', 'Yes');
  // A follow-up appears once its condition holds.
  await expect(mother.getByRole('group', { name: 'What are you afraid of?' })).toBeVisible();
  await mother.getByRole('group', { name: 'What are you afraid of?' }).getByText('War or armed conflict', { exact: true }).click();
  await radio(mother, 'Wish to seek asylum expressed, in any words', 'Yes');
  await radio(mother, 'Single parent or caregiver', 'Yes');
  await expect(mother.getByText('Confidential').first()).toBeVisible();

  for (const [ref, name, age] of [
    ['p2', 'Hodan', '9'],
    ['p3', 'Yusuf', '6'],
  ] as const) {
    await page.getByRole('button', { name: 'Add a person' }).click();
    const child = page.locator(`section[aria-labelledby="person-${ref}"]`);
    await child.getByRole('textbox', { name: 'Given name' }).fill(name);
    await child.getByRole('textbox', { name: 'Family name' }).fill('Warsame');
    await radio(child, 'Sex', ref === 'p2' ? 'Female' : 'Male');
    await child.getByRole('textbox', { name: 'Age as stated (years)' }).fill(age);
    await pick(child, page, 'Nationalities', 'Somal', 'Somalia');
    // Presumed children: the child questions are asked of them, not of their mother.
    await expect(
      child.getByRole('radiogroup', {
        name: 'Is a parent or caregiver with the child?',
      }),
    ).toBeVisible();
  }
  await expect(
    mother.getByRole('radiogroup', {
      name: 'Is a parent or caregiver with the child?',
    }),
  ).toHaveCount(0);

  // One child's relationship to the mother, as stated.
  const hodan = page.locator('section[aria-labelledby="person-p2"]');
  await hodan.getByRole('button', { name: 'Add a companion' }).click();
  await choose(hodan, page, / Person$/, /Amina Warsame/);
  await choose(hodan, page, /Relationship to this person, as stated$/, 'Mother');
  await radio(hodan, 'Is a parent or caregiver with the child?', 'Yes');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Register 3 persons' }).click();
  await expect(page.getByRole('heading', { name: '3 cases registered', level: 1 })).toBeVisible();
  const cases = page.locator('article[data-case-number]');
  await expect(cases).toHaveCount(3);
  for (const number of await cases.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-case-number')))) expect(number).toMatch(CASE_NUMBER);

  // The mother's suggested profiles, with the indicators that fired.
  const amina = cases.filter({ hasText: 'Amina Warsame' });
  const suggested = amina.locator('li[data-profile]').filter({ hasText: 'Suggested' });
  await expect(suggested.first()).toBeVisible();
  await expect(amina.locator('li[data-profile="ASYLUM_SEEKER"]')).toContainText('Why');
  await expectAccessible(page);

  // Confirm the asylum-seeker profile.
  const asylum = amina.locator('li[data-profile="ASYLUM_SEEKER"]');
  await asylum.getByRole('button', { name: /^Confirm/ }).click();
  await expect(asylum).toContainText('Confirmed');

  // Remove the specific-needs profile, with a reason (refused without one).
  const specific = amina.locator('li[data-profile="SPECIFIC_NEEDS"]');
  await expect(specific).toContainText('Suggested');
  await specific.getByRole('button', { name: /^Remove/ }).click();
  await specific.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(specific.getByText('Give a reason.')).toBeVisible();
  await specific.getByRole('textbox', { name: 'Reason' }).fill('Does not fit: checked with the person.');
  await specific.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(specific).toContainText('Removed');
  await expect(asylum).toContainText('Confirmed');
  await expectAccessible(page);

  // Correcting a record: the person form prefilled from the case, saved at the case's version.
  await cases.filter({ hasText: 'Hodan Warsame' }).getByRole('link', { name: 'Complete or correct the record' }).click();
  await expect(page.getByRole('heading', { name: /^Complete or correct case TZA-/, level: 1 })).toBeVisible();
  const record = page.locator('section[aria-labelledby="complete-person"]');
  await expect(record.getByRole('textbox', { name: 'Given name' })).toHaveValue('Hodan');
  await expect(record.getByText(/^Case TZA-/)).toBeVisible();
  await record.getByRole('textbox', { name: 'Family name' }).fill('Warsame Ali');
  await expectAccessible(page);
  const completeUrl = page.url();

  // Meanwhile someone else saves the same record: this save is refused as a conflict, and says so.
  const other = await page.context().newPage();
  await signIn(other, 'border.official');
  await other.goto(completeUrl);
  await other.getByRole('button', { name: 'Save the record' }).click();
  await expect(other.getByText('The record is saved.')).toBeVisible();
  await other.close();
  await page.getByRole('button', { name: 'Save the record' }).click();
  await expect(page.getByText(/^Someone changed this case while you were editing/)).toBeVisible();
  await page.getByRole('button', { name: 'Reload the case' }).click();
  await expect(record.getByRole('textbox', { name: 'Family name' })).toHaveValue('Warsame');
  await record.getByRole('textbox', { name: 'Family name' }).fill('Warsame Ali');
  await page.getByRole('button', { name: 'Save the record' }).click();
  await expect(page.getByText('The record is saved.')).toBeVisible();

  expect(watch.consoleErrors.filter((error) => !error.includes('status of 409'))).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});

test('a server refusal lands on its field and takes the focus', async ({ page }) => {
  await signIn(page, 'border.official');
  await page.getByRole('link', { name: 'Register arrival' }).click();
  await choose(page, page, /Border point$/, 'Namanga');
  const person = page.locator('section[aria-labelledby="person-p1"]');
  await person.getByRole('textbox', { name: 'Given name' }).fill('Juma');
  await radio(person, 'Sex', 'Male');
  await pick(person, page, 'Nationalities', 'Burund', 'Burundi');
  // A date of birth and a stated age 20 years apart: only the api checks that they agree.
  await person.getByRole('spinbutton', { name: /^day, Date of birth/ }).click();
  await page.keyboard.type('15012000');
  await person.getByRole('textbox', { name: 'Age as stated (years)' }).fill('6');
  await page.getByRole('button', { name: 'Register 1 person' }).click();

  const age = person.getByRole('textbox', { name: 'Age as stated (years)' });
  await expect(age).toHaveAttribute('aria-invalid', 'true');
  await expect(age).toBeFocused();
  await expect(person.getByText(/^The server refused this value \(differs by more than 2 years/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '1 field needs correcting.' })).toBeVisible();
  await expectAccessible(page);
});

test('one person registered in Swahili', async ({ page }) => {
  await signIn(page, 'border.official');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Kiswahili' });
  await page.getByRole('link', { name: 'Sajili mwasili' }).click();
  await expect(page.getByRole('heading', { name: 'Sajili mwasili', level: 1 })).toBeVisible();
  await choose(page, page, /Kituo cha mpakani$/, 'Namanga');
  const person = page.locator('section[aria-labelledby="person-p1"]');
  await person.getByRole('textbox', { name: 'Jina la kwanza' }).fill('Neema');
  await person.getByRole('textbox', { name: 'Jina la ukoo' }).fill('Ndayishimiye');
  await radio(person, 'Jinsi', 'Mwanamke');
  await person.getByRole('textbox', { name: 'Umri alioutaja (miaka)' }).fill('27');
  // Country names in Swahili, the code the api wants behind them.
  await pick(person, page, 'Utaifa', 'Buru', 'Burundi');
  await radio(person, 'Je, unaogopa kurudi nchini kwako?', 'Ndiyo');
  await expect(person.getByText('Siri').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sajili mtu 1' }).click();
  await expect(page.getByRole('heading', { name: 'Shauri 1 limesajiliwa', level: 1 })).toBeVisible();
  await expect(page.locator('article[data-case-number]')).toHaveCount(1);
  await expectAccessible(page);
});
