// @vitest-environment node
import { parse, TYPE, MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

const WEB = resolve(__dirname, '../..');
const ROOT = resolve(WEB, '../..');
const FORMATJS = join(ROOT, 'node_modules/.bin/formatjs');
const catalog = (locale: string): Record<string, string> => JSON.parse(readFileSync(join(WEB, 'lang', `${locale}.json`), 'utf8')) as Record<string, string>;

describe('the message catalogs', () => {
  it('hold exactly the messages the code defines (lang/en.json is the extraction of src/)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kivuko-web-extract-'));
    try {
      const out = join(dir, 'en.json');
      execFileSync(FORMATJS, ['extract', 'apps/web/src/**/*.{ts,tsx}', '--ignore', 'apps/web/src/**/*.d.ts', '--ignore', 'apps/web/src/**/*.test.{ts,tsx}', '--format', 'simple', '--out-file', out], { cwd: ROOT });
      const extracted = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
      expect(catalog('en')).toEqual(extracted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are complete in every language: no missing or extra key, the same placeholders and ICU structure as English', () => {
    const files = LOCALES.map((locale) => join('apps/web/lang', `${locale}.json`));
    const run = () => execFileSync(FORMATJS, ['verify', '--source-locale', 'en', '--missing-keys', '--extra-keys', '--structural-equality', ...files], { cwd: ROOT, stdio: 'pipe' });
    expect(run).not.toThrow();
  });

  it('give every Arabic plural the six categories Arabic needs (zero, one, two, few, many, other)', () => {
    const plurals = (elements: MessageFormatElement[]): string[][] =>
      elements.flatMap((element) => {
        if (element.type === TYPE.plural) return [Object.keys(element.options).sort(), ...Object.values(element.options).flatMap((option) => plurals(option.value))];
        if (element.type === TYPE.select) return Object.values(element.options).flatMap((option) => plurals(option.value));
        return [];
      });
    const arabic = catalog('ar');
    const found = Object.entries(catalog('en')).filter(([, message]) => message.includes('plural,'));
    expect(found.length).toBeGreaterThan(3);
    for (const [id] of found) {
      const arabicMessage = arabic[id] ?? '';
      const categories = plurals(parse(arabicMessage)).map((options) => options.filter((key) => !key.startsWith('=')));
      expect({ id, categories }).toEqual({ id, categories: categories.map(() => ['few', 'many', 'one', 'other', 'two', 'zero']) });
      expect(categories.length).toBeGreaterThan(0);
    }
  });

  it('name each language by its own name in every catalog', () => {
    for (const locale of LOCALES) {
      for (const other of LOCALES) expect(catalog(locale)[`locale.${other}`]).toBe(catalog('en')[`locale.${other}`]);
    }
  });
});
