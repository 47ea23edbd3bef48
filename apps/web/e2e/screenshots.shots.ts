import { expect, Locator, Page, test } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Screenshots for review (`npm run shots:web`): the sign-in page and the home page in English and
 * Arabic, at 360 px (a phone) and 1280 px (a laptop), light and dark. Written to KIVUKO_SHOTS_DIR
 * (default tmp/web-shots).
 */
const OUT = resolve(process.env.KIVUKO_SHOTS_DIR ?? 'tmp/web-shots');
const LOCALES = [
  { locale: 'en', signIn: 'Sign in', home: 'Cases' },
  { locale: 'ar', signIn: 'تسجيل الدخول', home: 'الحالات' },
] as const;
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

for (const { locale, signIn, home } of LOCALES) {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      test(`${locale} ${width}px ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
        await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
        await page.goto('/sign-in');
        await expect(page.getByRole('heading', { name: signIn, level: 1 })).toBeVisible();
        await shot(page, `sign-in-${locale}-${width}-${scheme}`);

        // Narrow screens show the form alone first: open the demo accounts.
        const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
        if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
        await page.getByRole('button', { name: /^border\.official/ }).click();
        await page.locator('input[type=password]').fill('kivuko-demo');
        await page.getByRole('button', { name: signIn }).click();
        await expect(page.getByRole('heading', { name: home, level: 1 })).toBeVisible();
        await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
        await shot(page, `home-${locale}-${width}-${scheme}`);
      });
    }
  }
}

// A role without access to cases: the account and the referral network.
for (const [locale, width, heading] of [
  ['en', 1280, 'My account'],
  ['ar', 360, 'حسابي'],
] as const) {
  test(`monitor ${locale} ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 860 });
    await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
    await page.goto('/sign-in');
    const demo = page.getByRole('button', { name: /\([\d٠-٩]+\)$/ });
    if ((await demo.getAttribute('aria-expanded')) === 'false') await demo.click();
    await page.getByRole('button', { name: /^monitor/ }).click();
    await page.locator('input[type=password]').fill('kivuko-demo');
    await page.locator('button[type=submit]').click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await shot(page, `home-monitor-${locale}-${width}-light`);
  });
}

// The idle sign-out warning (timings shortened through the test hook).
for (const [locale, width, scheme] of [
  ['en', 360, 'light'],
  ['ar', 1280, 'dark'],
] as const) {
  test(`idle warning ${locale} ${width}px ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 780 });
    await page.addInitScript((chosen) => {
      window.localStorage.setItem('kivuko.locale', chosen);
      window.kivukoIdleTimings = { idleMs: 1000, warnMs: 60_000 };
    }, locale);
    await page.goto('/sign-in');
    await page.locator('input[name=username]').fill('border.official');
    await page.locator('input[type=password]').fill('kivuko-demo');
    await page.locator('button[type=submit]').click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await shot(page, `idle-warning-${locale}-${width}-${scheme}`);
  });
}

/**
 * Every page of the border official's app, in English and Arabic, at 360 px and 1280 px (light). The
 * labels come from the message catalogs, so the same steps run in both languages.
 */
const CATALOGS: Record<'en' | 'ar', Record<string, string>> = {
  en: JSON.parse(readFileSync(new URL('../lang/en.json', import.meta.url), 'utf8')) as Record<string, string>,
  ar: JSON.parse(readFileSync(new URL('../lang/ar.json', import.meta.url), 'utf8')) as Record<string, string>,
};

/** A pattern for a message as the app shows it: any digits (Latin or Arabic-Indic) where a number is. */
function label(locale: 'en' | 'ar', id: string, values: Record<string, unknown> = {}, whole = true): RegExp {
  const source = CATALOGS[locale][id];
  if (source === undefined) throw new Error(`no message ${id} in ${locale}`);
  const text = String(new IntlMessageFormat(source, locale).format(values));
  const pattern = text
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[\d\u0660-\u0669\u06f0-\u06f9]+([,.\u066b\u066c][\d\u0660-\u0669\u06f0-\u06f9]+)*/g, '[\\d\\u0660-\\u0669\\u06f0-\\u06f9]+')
    .replace(/CASE_NUMBER/g, 'TZA-[A-Z]{3}-\\S+');
  return new RegExp(whole ? `^${pattern}$` : pattern);
}

async function pickCountry(scope: Locator, page: Page, locale: 'en' | 'ar', alpha2: string): Promise<void> {
  const name = new Intl.DisplayNames([locale], { type: 'region' }).of(alpha2) ?? alpha2;
  await scope.getByRole('combobox', { name: label(locale, 'intake.person.nationalities') }).fill(name.slice(0, 4));
  await page.getByRole('option', { name: new RegExp(name) }).first().click();
}

/** One person of the registration form: names, sex, stated age, a nationality. */
async function fillPerson(page: Page, locale: 'en' | 'ar', ref: string, person: { given: string; family: string; sex: 'FEMALE' | 'MALE'; age: string }): Promise<Locator> {
  const section = page.locator(`section[aria-labelledby="person-${ref}"]`);
  await section.getByRole('textbox', { name: label(locale, 'intake.person.givenName') }).fill(person.given);
  await section.getByRole('textbox', { name: label(locale, 'intake.person.familyName') }).fill(person.family);
  await section.getByRole('radiogroup', { name: label(locale, 'intake.person.sex', {}, false) }).getByText(CATALOGS[locale][`sex.${person.sex}`] ?? '', { exact: true }).click();
  await section.getByRole('textbox', { name: label(locale, 'intake.person.statedAge') }).fill(person.age);
  await pickCountry(section, page, locale, 'SO');
  return section;
}

async function chooseBorderPoint(page: Page, locale: 'en' | 'ar'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${CATALOGS[locale]['intake.arrival.borderPoint']}$`) }).click();
  await page.getByRole('option', { name: 'Namanga' }).click();
}

for (const locale of ['en', 'ar'] as const) {
  for (const width of WIDTHS) {
    test(`every page of the border official ${locale} ${width}px`, async ({ page, context }) => {
      // About twenty pages, two registrations and a mass arrival, on a shared two-core machine.
      test.setTimeout(200_000);
      const t = (id: string, values: Record<string, unknown> = {}, whole = true) => label(locale, id, values, whole);
      const name = `${locale}-${width}`;
      await page.setViewportSize({ width, height: width < 600 ? 780 : 860 });
      await page.addInitScript((chosen) => window.localStorage.setItem('kivuko.locale', chosen), locale);
      await page.goto('/sign-in');
      await page.locator('input[name=username]').fill('border.official');
      await page.locator('input[type=password]').fill('kivuko-demo');
      await page.locator('button[type=submit]').click();
      await expect(page.getByRole('heading', { name: t('cases.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      const nav = page.getByRole('navigation', { name: t('shell.mainNavigation') });
      const rows = page.getByRole('table').getByRole('row');

      // The case list with its filters open (folded behind one button on a phone).
      if (width < 600) {
        await page.getByRole('button', { name: t('cases.filters.toggle', { count: 0 }) }).click();
        await expect(page.getByRole('checkbox', { name: t('cases.filter.urgent') })).toBeVisible();
        await shot(page, `home-filters-${name}`);
      }

      // The rights leaflet in three languages.
      await nav.getByRole('link', { name: t('shell.nav.leaflet') }).click();
      await expect(page).toHaveURL(/\/leaflets\/en$/);
      await expect(page.locator('article[lang="en"]').getByRole('heading', { level: 2 }).first()).toBeVisible();
      await shot(page, `leaflet-en-${name}`);
      for (const language of ['ti', 'ar']) {
        await page.getByRole('combobox', { name: CATALOGS[locale]['leaflet.language'], exact: true }).selectOption(language);
        await expect(page).toHaveURL(new RegExp(`/leaflets/${language}$`));
        await expect(page.locator(`article[lang="${language}"]`).getByRole('heading', { level: 2 }).first()).toBeVisible();
        await shot(page, `leaflet-${language}-${name}`);
      }

      // Tasks and sent referrals.
      await nav.getByRole('link', { name: new RegExp(`^${CATALOGS[locale]['shell.nav.tasks']}`) }).click();
      await expect(page.getByRole('heading', { name: t('tasks.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
      await shot(page, `tasks-${name}`);
      const incomplete = (await page.getByRole('main').locator('a[href$="/complete"]').first().getAttribute('href')) ?? '';
      expect(incomplete).toMatch(/^\/cases\/[0-9a-f-]{36}\/complete$/);

      await nav.getByRole('link', { name: t('shell.nav.sentReferrals') }).click();
      await expect(page.getByRole('heading', { name: t('referrals.sent.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
      await shot(page, `referrals-sent-${name}`);

      // A case with referrals and profiles, opened from the list, and its consent page.
      await nav.getByRole('link', { name: t('shell.nav.cases') }).click();
      await page.getByRole('searchbox', { name: t('cases.search') }).fill('Faadumo');
      await expect(rows).toHaveCount(2);
      await rows.nth(1).getByRole('link', { name: /TZA-[A-Z]{3}-\d{4}-\d{6}/ }).click();
      await expect(page.getByRole('heading', { name: t('casePage.title', { caseNumber: 'CASE_NUMBER' }, false), level: 1 })).toBeVisible();
      await expect(page.getByRole('region', { name: t('casePage.referrals', {}, false) }).getByRole('article').first()).toBeVisible();
      await shot(page, `case-${name}`);
      await page.getByRole('link', { name: t('consent.open') }).click();
      await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}\/consent$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('table').first()).toBeVisible();
      await shot(page, `consent-${name}`);

      // The record of a case registered with details missing (from the tasks), to complete.
      // Reached inside the app: a page load would forget the key that seals what is kept on the device.
      await nav.getByRole('link', { name: new RegExp(`^${CATALOGS[locale]['shell.nav.tasks']}`) }).click();
      await page.getByRole('main').locator(`a[href="${incomplete}"]`).first().click();
      await expect(page.getByRole('heading', { name: t('intake.complete.title', { caseNumber: 'CASE_NUMBER' }, false), level: 1 })).toBeVisible();
      await expect(page.locator('section[aria-labelledby="complete-person"]').getByRole('textbox').first()).toBeVisible();
      await shot(page, `complete-${name}`);

      // The registration form: its top, then a family of two with the screening questions, registered.
      await nav.getByRole('link', { name: t('shell.nav.register') }).click();
      await expect(page.getByRole('heading', { name: t('intake.title'), level: 1 })).toBeVisible();
      await page.screenshot({ path: join(OUT, `intake-${name}.png`) });
      await chooseBorderPoint(page, locale);
      const family = `Shots${locale}${width}`;
      await fillPerson(page, locale, 'p1', { given: 'Amina', family, sex: 'FEMALE', age: '34' });
      await page.getByRole('button', { name: t('intake.person.add') }).click();
      const child = await fillPerson(page, locale, 'p2', { given: 'Hodan', family, sex: 'FEMALE', age: '9' });
      await expect(child.getByRole('region', { name: t('intake.screening', {}, false) })).toBeVisible();
      await shot(page, `intake-filled-${name}`);
      // Sending seals a copy on the device first: if the key is not open, the password dialog asks for it.
      const resultHeading = page.getByRole('heading', { name: t('intake.result.title', { count: 2 }), level: 1 });
      const unlockFirst = page.getByRole('dialog', { name: t('offline.unlock.title') });
      await page.getByRole('button', { name: t('intake.submit', { count: 2 }) }).click();
      await expect(resultHeading.or(unlockFirst)).toBeVisible();
      if (await unlockFirst.isVisible()) {
        await unlockFirst.getByLabel(t('signIn.password')).fill('kivuko-demo');
        await unlockFirst.getByRole('button', { name: t('offline.unlock.submit') }).click();
        await expect(unlockFirst).toBeHidden();
        await page.getByRole('button', { name: t('intake.submit', { count: 2 }) }).click();
      }
      await expect(resultHeading).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('article[data-case-number]')).toHaveCount(2);
      await shot(page, `intake-result-${name}`);

      // A mass arrival of three, typed by keyboard, and its case numbers.
      await nav.getByRole('link', { name: t('shell.nav.massArrival') }).click();
      await expect(page.getByRole('heading', { name: t('massArrival.title'), level: 1 })).toBeVisible();
      // The select's name also reads its chosen option ("Choose…"): match the label's start.
      await page.getByRole('combobox', { name: new RegExp(`^${t('massArrival.borderPoint', {}, false).source}`) }).selectOption({ index: 1 });
      const group = [
        [`Halima ${family}`, 'f', '27', 'eri'],
        [`Yonas ${family}`, 'm', '19', 'eri'],
        [`Abdi ${family}`, 'm', '15', 'som'],
      ] as const;
      if (width < 600) {
        // On a phone each person is a card filled by tapping.
        // (The labels match every row's digits alike, so each field is taken by its row's position.)
        for (const [index, [person, sex, age, nationality]] of group.entries()) {
          await page.getByRole('textbox', { name: t('massArrival.cell.name', { row: 1 }) }).nth(index).fill(person);
          await page.getByRole('combobox', { name: t('massArrival.cell.sex', { row: 1 }) }).nth(index).selectOption(sex === 'f' ? 'FEMALE' : 'MALE');
          await page.getByRole('textbox', { name: t('massArrival.cell.age', { row: 1 }) }).nth(index).fill(age);
          const country = page.getByRole('textbox', { name: t('massArrival.cell.nationality', { row: 1 }) }).nth(index);
          await country.fill(nationality);
          await country.blur();
        }
      } else {
        // On a laptop, the keyboard alone.
        await page.getByRole('textbox', { name: t('massArrival.cell.name', { row: 1 }) }).first().focus();
        for (const [person, sex, age, nationality] of group) {
          await page.keyboard.type(person);
          await page.keyboard.press('Enter');
          await page.keyboard.press(sex);
          await page.keyboard.press('Enter');
          await page.keyboard.type(age);
          await page.keyboard.press('Enter');
          await page.keyboard.type(nationality);
          await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
        }
        await expect(page.getByRole('textbox', { name: t('massArrival.cell.name', { row: 4 }) }).last()).toBeFocused();
      }
      await shot(page, `mass-arrival-${name}`);
      await page.getByRole('button', { name: t('massArrival.send', { count: 3 }) }).click();
      await expect(page.getByRole('heading', { name: t('massArrival.done', { count: 3 }) })).toBeVisible({ timeout: 30_000 });
      await shot(page, `mass-arrival-result-${name}`);

      // Offline: a registration kept in the outbox, the outbox, the unlock dialog after a reload, the sign-out warning.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
      await context.setOffline(true);
      await nav.getByRole('link', { name: t('shell.nav.register') }).click();
      await expect(page.getByRole('heading', { name: t('intake.title'), level: 1 })).toBeVisible();
      await chooseBorderPoint(page, locale);
      await fillPerson(page, locale, 'p1', { given: 'Zahra', family: `Offline${family}`, sex: 'FEMALE', age: '28' });
      await page.getByRole('button', { name: t('intake.submit', { count: 1 }) }).click();
      await expect(page.getByText(t('offline.keptRegistration', { count: 1 }, false)).first()).toBeVisible({ timeout: 30_000 });
      const outboxLink = page.getByRole('link', { name: t('offline.nav.outbox') });
      await expect(outboxLink).toHaveAccessibleDescription(t('offline.waiting', { count: 1 }));
      await outboxLink.click();
      await expect(page.getByRole('heading', { name: t('offline.outbox.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('tab', { name: t('offline.outbox.tab.pending', { count: 1 }) })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel').getByRole('listitem').first()).toBeVisible();
      await shot(page, `outbox-${name}`);

      await page.reload();
      const unlock = page.getByRole('dialog', { name: t('offline.unlock.title') });
      await expect(unlock).toBeVisible();
      await shot(page, `unlock-${name}`);
      await unlock.getByLabel(t('signIn.password')).fill('kivuko-demo');
      await unlock.getByRole('button', { name: t('offline.unlock.submit') }).click();
      await expect(unlock).toBeHidden();

      await page.getByRole('button', { name: t('shell.signOut') }).click();
      await expect(page.getByRole('alertdialog', { name: t('offline.signOut.title') })).toBeVisible();
      await shot(page, `sign-out-warning-${name}`);
    });
  }
}
