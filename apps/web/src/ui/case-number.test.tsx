import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../test-router';
import { CaseNumber } from './case-number';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const NUMBER = 'TZA-NMG-2026-000042';
const ID = '22222222-2222-4222-8222-222222222222';
const css = readFileSync(resolve(__dirname, 'case-number.module.css'), 'utf8');

describe('CaseNumber', () => {
  it('isolates the number left to right, even in Arabic', async () => {
    renderInApp(<CaseNumber caseNumber={NUMBER} />, { locale: 'ar' });
    const number = await screen.findByText(NUMBER);
    expect(number.tagName).toBe('BDI');
    expect(number).toHaveAttribute('dir', 'ltr');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('never wraps and uses even-width digits, not a monospace font', () => {
    const rule = /\.number\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/white-space:\s*nowrap/);
    expect(rule).toMatch(/font-variant-numeric:\s*tabular-nums/);
    expect(css).not.toMatch(/monospace|font-mono/);
  });

  it('links to the case page when given its id and the user may open it', async () => {
    renderInApp(<CaseNumber caseNumber={NUMBER} caseId={ID} />);
    const link = await screen.findByRole('link', { name: NUMBER });
    expect(link).toHaveAttribute('href', `/cases/${ID}`);
  });

  it('shows no link when the user may not open the case', async () => {
    renderInApp(<CaseNumber caseNumber={NUMBER} caseId={ID} mayOpen={false} />);
    await screen.findByText(NUMBER);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
