import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Locator, Page } from '@playwright/test';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * Records every Content-Security-Policy violation and console error of the page, so a test can prove
 * the app runs under the api's strict policy (no inline script or style) without complaint.
 */
export async function watchPage(page: Page): Promise<{ consoleErrors: string[]; cspViolations: () => Promise<string[]> }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return { consoleErrors, cspViolations: () => page.evaluate(() => window.cspViolations ?? []) };
}

/** axe-core on the page as it is now (once the live announcer is quiet): no serious or critical WCAG 2.2 AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  // React Aria's live announcer keeps, for a few seconds after an option is picked, an announcement labelled by
  // the option that the closed list no longer has: wait until it lets go.
  await expect(page.locator('[aria-live] [role="img"]')).toHaveCount(0, { timeout: 15_000 });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** The demo accounts' password (demo mode only). */
export const DEMO_PASSWORD = 'kivuko-demo';

/** Signs in on the sign-in page (English labels) and waits for the signed-in shell's main navigation. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** The authorization header of a user signed in through the api (the set-up another person would do elsewhere). */
export async function authHeaders(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<{ authorization: string }> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.status(), `sign-in of ${username}`).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

/** Types a date into the app's date field, as a person does: day, month and year in the English (en-GB) order. */
export async function typeDate(page: Page, label: string, iso: string, within: Page | Locator = page): Promise<void> {
  const [year, month, day] = iso.split('-');
  await within.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${day}${month}${year}`);
}

/** A new account's first sign-in through the api: the first password the administrator gave is replaced by the user's own. */
export async function chooseOwnPassword(request: APIRequestContext, username: string, first: string, own: string): Promise<void> {
  const changed = await request.post('/api/v1/auth/password', { headers: await authHeaders(request, username, first), data: { currentPassword: first, newPassword: own } });
  expect(changed.status(), await changed.text()).toBe(204);
}

/** Types a date and time (`YYYY-MM-DDTHH:mm`) into the app's date field with minutes: day, month, year, then the 24-hour time (en-GB). */
export async function typeDateTime(page: Page, label: string, local: string, within: Page | Locator = page): Promise<void> {
  const [date = '', time = ''] = local.split('T');
  const [year, month, day] = date.split('-');
  const [hour, minute] = time.split(':');
  await within.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${day}${month}${year}${hour}${minute}`);
}

/** Types a time of day (`HH:mm`) into the app's time field, in the 24-hour cycle of English (en-GB). */
export async function typeTime(page: Page, label: string, time: string, within: Page | Locator = page): Promise<void> {
  const [hour, minute] = time.split(':');
  await within.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${hour}${minute}`);
}
