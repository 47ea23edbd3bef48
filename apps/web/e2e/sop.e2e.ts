import { APIRequestContext, Browser, expect, test } from '@playwright/test';
import { authHeaders, chooseOwnPassword, DEMO_PASSWORD, expectAccessible, signIn, watchPage } from './support';

const MANAGER_PASSWORD = 'signatory-manager-2026';
/** The password the system administrator gives a new account; its owner replaces it at once (MANAGER_PASSWORD). */
const FIRST_PASSWORD = 'first-from-the-administrator';

/** A new account's owner replaces the first password, as the api requires before anything else. */

/**
 * A manager for every signatory agency that has none in the demo data (only Tumaini Shelter has one), made by
 * the system administrator through the api: the approvals are then given in the browser, one signatory at a time.
 */
async function signatoryManagers(request: APIRequestContext, signatories: string[]): Promise<Map<string, { username: string; password: string }>> {
  const headers = await authHeaders(request, 'sysadmin');
  const agencies = (await (await request.get('/api/v1/agencies', { headers })).json()) as { id: string; name: string }[] | { items: { id: string; name: string }[] };
  const list = Array.isArray(agencies) ? agencies : agencies.items;
  const managers = new Map<string, { username: string; password: string }>();
  for (const name of signatories) {
    if (name === 'Tumaini Shelter') {
      managers.set(name, { username: 'shelter.manager', password: DEMO_PASSWORD });
      continue;
    }
    const agency = list.find((a) => a.name === name);
    expect(agency, name).toBeDefined();
    const username = `manager.${name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-+$/, '')}`;
    const created = await request.post('/api/v1/users', {
      headers,
      data: { username, displayName: `Manager, ${name}`, agencyId: agency?.id, roles: ['AGENCY_MANAGER'], password: FIRST_PASSWORD },
    });
    expect(created.status(), await created.text()).toBe(201);
    await chooseOwnPassword(request, username, FIRST_PASSWORD, MANAGER_PASSWORD);
    managers.set(name, { username, password: MANAGER_PASSWORD });
  }
  return managers;
}

/** One signatory's manager signs in (a browser of their own), opens the version and approves it for their agency. */
async function approveAs(browser: Browser, versionUrl: string, agency: string, user: { username: string; password: string }, checkAccessible: boolean): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, user.username, user.password);
    await page.goto(versionUrl);
    const approvals = page.getByRole('region', { name: 'Approvals' });
    await expect(approvals.getByRole('listitem').filter({ hasText: agency })).toContainText('Approval still needed');
    await page.getByRole('button', { name: `Approve for ${agency}` }).click();
    const dialog = page.getByRole('alertdialog', { name: /^Approve version tza-joint-sop-2027\.1-e2e for / });
    await expect(dialog).toContainText('cannot be taken back');
    if (checkAccessible) await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Approved for ${agency}.` })).toBeVisible();
    await expect(approvals.getByRole('listitem').filter({ hasText: agency })).toContainText('Approved');
    await expect(page.getByText('Your agency has approved this version.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Approve for / })).toHaveCount(0);
    if (checkAccessible) await expectAccessible(page);
  } finally {
    await context.close();
  }
}

test('the SOP administrator uploads a version with a shorter deadline, is shown a broken one at its path, simulates, reads the diff, gets every approval and activates it', async ({ page, browser, request }) => {
  // Ten signatories sign in one after another: minutes on a shared machine.
  test.setTimeout(600_000);
  const watch = await watchPage(page);
  await signIn(page, 'sop.admin');

  // The versions list: the demo's active SOP, fully approved.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'SOP versions' }).click();
  await expect(page.getByRole('heading', { name: 'Standard operating procedures', level: 1 })).toBeVisible();
  // (Other flows on the same api may have uploaded drafts of their own: the demo's version is found by its label.)
  const rows = page.getByRole('table').getByRole('row');
  const demoVersion = rows.filter({ hasText: 'tza-joint-sop-2026.1' });
  await expect(demoVersion).toContainText('Active');
  await expect(demoVersion).toContainText('10 of 10');
  const versionsBefore = await rows.count();
  await expectAccessible(page);

  // The editor starts from the active version's document.
  await page.getByRole('link', { name: 'Upload a new version' }).click();
  await expect(page.getByRole('heading', { name: 'Upload a new version', level: 1 })).toBeVisible();
  const editor = page.getByLabel('SOP document (JSON)');
  await expect(editor).toHaveValue(/"version": "tza-joint-sop-2026\.1"/);
  const active = JSON.parse(await editor.inputValue()) as { version: string; signatories: string[]; routing: Record<string, { firstContact: Record<string, string> }> };
  expect(active.routing.ASYLUM_SEEKER?.firstContact).toEqual({ IMMEDIATE: 'PT8H', HIGH: 'PT8H', NORMAL: 'PT8H' });
  await expectAccessible(page);

  // A broken version: a deadline that is not a duration. The api's problem is listed at its path, and pressing
  // the path selects the faulty value in the text.
  const broken = structuredClone(active);
  broken.version = 'tza-joint-sop-2027.1-e2e';
  (broken.routing.ASYLUM_SEEKER as { firstContact: Record<string, string> }).firstContact.HIGH = 'eight hours';
  await editor.fill(JSON.stringify(broken, null, 2));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^1 problem to correct: nothing was stored\.$/ })).toBeVisible();
  // The path and its line number are one button.
  const pathButton = page.getByRole('button', { name: /^routing\.ASYLUM_SEEKER\.firstContact\.HIGH line [\d,]+$/ });
  await expect(pathButton).toBeVisible();
  const line = /line ([\d,]+)$/.exec((await pathButton.textContent()) ?? '')?.[1];
  await pathButton.click();
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('"eight hours"');
  // Under the text, the caret's line; the selection is scrolled into the textarea's view, and long lines wrap.
  await expect(page.getByText(new RegExp(`^Line ${line} of [\\d,]+$`))).toBeVisible();
  expect(await editor.evaluate((area: HTMLTextAreaElement) => area.scrollTop > 0 && area.scrollTop < area.scrollHeight - area.clientHeight / 2)).toBe(true);
  expect(await editor.evaluate((area: HTMLTextAreaElement) => getComputedStyle(area).whiteSpace)).toBe('pre-wrap');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  // Not JSON at all: said with its line, nothing sent.
  await editor.fill('{ "version": "x",\n  "routing": }');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This is not valid JSON (line 2). Nothing was checked.' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to line 2' }).click();
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('  "routing": }');

  // The new version: first contact with asylum-seekers within 4 hours instead of 8, under its own label.
  const next = structuredClone(active);
  next.version = 'tza-joint-sop-2027.1-e2e';
  (next.routing.ASYLUM_SEEKER as { firstContact: Record<string, string> }).firstContact = { IMMEDIATE: 'PT4H', HIGH: 'PT4H', NORMAL: 'PT4H' };
  await editor.fill(JSON.stringify(next, null, 2));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Valid: version tza-joint-sop-2027\.1-e2e for TZA, effective from .*, 10 signatories\.$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Upload as draft' }).click();

  // The draft's page: no approval yet, activation waits for them.
  await expect(page.getByRole('heading', { name: 'Version tza-joint-sop-2027.1-e2e', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/sops\/[0-9a-f-]{36}$/);
  const versionUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('region', { name: 'Approvals' })).toContainText('0 of 10 signatories have approved.');
  await expect(page.getByRole('button', { name: 'Activate this version' })).toBeDisabled();
  await expect(page.getByText('It can be activated once every signatory has approved it (10 approvals missing).')).toBeVisible();

  // The diff against the active version: the three deadlines and the label, in words, each with before and after.
  const changes = page.getByRole('region', { name: 'Changes' });
  await expect(changes).toContainText('From tza-joint-sop-2026.1 to tza-joint-sop-2027.1-e2e: 4 changes.');
  await expect(changes).toContainText('0 added · 0 removed · 4 changed');
  const high = changes.getByRole('listitem').filter({ hasText: 'routing.ASYLUM_SEEKER.firstContact.HIGH' });
  await expect(high).toContainText('Changed');
  // Under the path, the same path in words.
  await expect(high).toContainText('Routing · Asylum-seeker · First contact · High');
  await expect(changes.getByRole('heading', { level: 3, name: /^Routing/ })).toBeVisible();
  await expect(high.getByRole('definition').first()).toHaveText('PT8H · 8 hours');
  await expect(high.getByRole('definition').last()).toHaveText('PT4H · 4 hours');
  await expect(changes.getByRole('listitem').filter({ has: page.locator('code', { hasText: /^version$/ }) })).toContainText('tza-joint-sop-2026.1');

  // The simulation: the sample asylum-seekers reach the same agencies, with first contact due sooner.
  const simulation = page.getByRole('region', { name: 'Simulation' });
  await simulation.getByRole('button', { name: 'Run the simulation' }).click();
  await expect(simulation.getByRole('status')).toHaveText(/^\d+ samples: [1-9]\d* routed differently\.$/);
  const somali = simulation.getByRole('article', { name: /^Somali mother/ });
  await expect(somali).toContainText('Routed differently');
  const asylumRow = somali.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Asylum-seeker/ }) });
  await expect(asylumRow).toContainText('Changed');
  await expect(asylumRow.getByRole('cell').nth(0)).toContainText('Refugee Status Authority (lead)');
  await expect(asylumRow.getByRole('cell').nth(1)).toContainText('Refugee Status Authority (lead)');
  expect(await asylumRow.getByRole('cell').nth(0).innerText()).not.toBe(await asylumRow.getByRole('cell').nth(1).innerText());
  const labourer = simulation.getByRole('article', { name: /^Malawian labour migrant/ });
  await expect(labourer).toContainText('Same routing');
  // Referrals that find no agency are counted apart from those already so under the active version (this draft changes deadlines only); each sample concerned says so.
  const gaps = simulation.getByRole('alert').filter({ hasText: /finds? no agency/ });
  await expect(gaps).toHaveText(/^(\d+) referrals? finds? no agency under this version \(\1 also under the active version, 0 new\): the coordinating body would be alerted\.$/);
  await expect(simulation.getByText('No agency', { exact: true }).first()).toBeVisible();
  await expect(simulation.getByText('No agency (new)')).toHaveCount(0);
  await expectAccessible(page);

  // Approvals: each signatory's manager signs in and approves for their agency.
  const managers = await signatoryManagers(request, active.signatories);
  let first = true;
  for (const agency of active.signatories) {
    await approveAs(browser, versionUrl, agency, managers.get(agency) as { username: string; password: string }, first);
    first = false;
  }

  // Back to the administrator: every approval is in, activation is spelled out and done.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Approvals' })).toContainText('10 of 10 signatories have approved.');
  await page.getByRole('button', { name: 'Activate this version' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Activate version tza-joint-sop-2027.1-e2e?' });
  await expect(dialog).toContainText('tza-joint-sop-2027.1-e2e becomes the SOP of TZA now');
  await expect(dialog).toContainText('Version tza-joint-sop-2026.1, active today, is retired at the same moment.');
  await expect(dialog).toContainText('Open referrals keep the version they were made under');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Activate tza-joint-sop-2027.1-e2e' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'tza-joint-sop-2027.1-e2e is now the active version; tza-joint-sop-2026.1 is retired.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Active');
  await expect(page.getByRole('button', { name: 'Activate this version' })).toHaveCount(0);

  // The list says so too.
  await page.getByRole('link', { name: 'All versions' }).click();
  await expect(rows).toHaveCount(versionsBefore + 1);
  await expect(rows.filter({ hasText: 'tza-joint-sop-2027.1-e2e' })).toContainText('Active');
  await expect(rows.filter({ hasText: 'tza-joint-sop-2026.1' })).toContainText('Retired');
  await expectAccessible(page);

  expect(await watch.cspViolations()).toEqual([]);
  // The one refusal the browser logs is the api's 400 for the broken version, on purpose.
  expect(watch.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
