import { expect, test } from '@playwright/test';
import { encounterPair, SUPERVISOR_PASSWORD } from './encounter-pair';
import { expectAccessible, watchPage } from './support';

test('a supervisor compares a new arrival with an earlier record at another border point, both in full view, and decides', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pair = await encounterPair(request);
  const watch = await watchPage(page);

  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(pair.supervisor);
  await page.getByLabel('Password').fill(SUPERVISOR_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const listed = page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === '/api/v1/encounters');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Possible encounters' }).click();
  // The earlier record's passport number never reaches the browser: the match reasons carry its last characters only.
  expect((await (await listed).text()).toUpperCase()).not.toContain(pair.earlierNumber.slice(1));
  await expect(page.getByRole('heading', { name: 'Possible previous encounters', level: 1 })).toBeVisible();

  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name: `${pair.newCase.caseNumber} and ${pair.earlierCase.caseNumber}` }) });
  await expect(card).toHaveCount(1);
  const table = card.getByRole('table');
  await expect(table.getByRole('columnheader', { name: `Earlier record ${pair.earlierCase.caseNumber}` })).toBeVisible();
  // The earlier record is outside this supervisor's border points, yet its identity is there to compare.
  await expect(card.getByText('The earlier record is at Namanga land crossing, outside your border points')).toBeVisible();
  const cells = (field: RegExp) => table.getByRole('row', { name: field }).getByRole('cell');
  await expect(cells(/^Name/).nth(0)).toHaveText(`${pair.givenName} Tesfamaryam`);
  await expect(cells(/^Name/).nth(1)).toHaveText(`${pair.givenName} Tesfamariam`);
  await expect(cells(/^Name/).nth(2)).toHaveText('Similar (spelling variant)');
  await expect(cells(/^Other names/).nth(1)).toHaveText('Semhar Tesfamaryam');
  await expect(cells(/^Date of birth or age/).nth(1)).toHaveText('11 Apr 1998');
  await expect(cells(/^Date of birth or age/).nth(0)).toContainText('(estimated)');
  await expect(cells(/^Nationalities/).nth(2)).toHaveText('Same');
  await expect(cells(/^Languages/).nth(1)).toContainText('Tigrinya');
  await expect(cells(/^Border point/).nth(0)).toHaveText('Dar es Salaam international airport');
  await expect(cells(/^Border point/).nth(1)).toHaveText('Namanga land crossing');
  // Two arrivals differ in where they arrived: shown as expected, not held against the match.
  await expect(cells(/^Border point/).nth(2)).toHaveText('Differs, as two arrivals do');
  // The score in words with the real number, and the masked number kept left to right.
  await expect(card.getByText(/^Strong match: the same document \(score \d+%\)$/)).toBeVisible();
  await expect(cells(/^Documents/).nth(1).locator('bdi[dir="ltr"]')).toHaveText(/^•+471$/);
  // The passport: kind and country, the number masked but its last characters; the api says both records hold it.
  await expect(cells(/^Documents/).nth(1)).toHaveText(/^Passport · Eritrea · •+471$/);
  await expect(cells(/^Documents/).nth(1)).not.toContainText('4471');
  await expect(cells(/^Documents/).nth(2)).toHaveText('Same');
  await expect(table.getByRole('row', { name: /^Registered/ })).toHaveCount(0);
  // The matcher's reason names the same passport, in words and masked too.
  await expect(card.getByRole('listitem').filter({ hasText: 'The same document' })).toHaveText(/^The same document: Passport · Eritrea · •{8}471$/);
  await expect(card).not.toContainText(pair.earlierNumber.slice(1, -3));
  // Its case number is not a way into a case this supervisor may not open.
  await expect(card.getByRole('heading', { level: 2 }).getByRole('link', { name: pair.earlierCase.caseNumber })).toHaveCount(0);
  await expectAccessible(page);

  // With both records in view, the supervisor decides: a different person (the match leaves the queue).
  await card.getByRole('button', { name: 'Dismiss: a different person' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Dismiss this match?' });
  await dialog.getByRole('textbox').fill('Different mother’s name and place of birth');
  await dialog.getByRole('button', { name: 'Dismiss the match' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is dismissed' })).toHaveText(`The match of ${pair.newCase.caseNumber} and ${pair.earlierCase.caseNumber} is dismissed.`);
  await expect(card).toHaveCount(0);
  await page.getByLabel('Show').selectOption({ label: 'Dismissed' });
  const dismissed = page.getByRole('article').filter({ hasText: pair.earlierCase.caseNumber });
  await expect(dismissed.getByText('Different mother’s name and place of birth')).toBeVisible();
  await expect(dismissed.getByRole('table').getByRole('row', { name: /^Name/ }).getByRole('cell').nth(1)).toHaveText(`${pair.givenName} Tesfamariam`);

  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
});
