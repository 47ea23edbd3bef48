import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { describe, expect, it, vi } from 'vitest';
import { DateField, isoToDate } from './date-field';

function Form({ locale, initial = '', onChange = () => undefined, max }: { locale: string; initial?: string; onChange?: (value: string) => void; max?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider locale={locale}>
      <DateField
        label="Delivered on"
        value={value}
        max={max}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
      <output data-testid="value">{value}</output>
    </I18nProvider>
  );
}

/** The segments' kinds, in the order the field shows them. */
const order = () => screen.getAllByRole('spinbutton').map((segment) => segment.getAttribute('aria-label') ?? '');

describe('DateField', () => {
  it('orders day, month and year as the app’s language does, not as the browser does', () => {
    const { unmount } = render(<Form locale="en-US" />);
    expect(order().map((label) => label.split(',')[0])).toEqual(['month', 'day', 'year']);
    unmount();
    render(<Form locale="fr-FR" />);
    expect(order()).toEqual([expect.stringMatching(/jour/i), expect.stringMatching(/mois/i), expect.stringMatching(/année/i)]);
  });

  it('shows an ISO value in the language’s digits and order, Arabic included', () => {
    const { unmount } = render(<Form locale="fr-FR" initial="2026-12-07" />);
    expect(screen.getByRole('group', { name: 'Delivered on' })).toHaveTextContent('07/12/2026');
    unmount();
    render(<Form locale="ar-EG" initial="2026-12-07" />);
    const text = screen.getByRole('group', { name: 'Delivered on' }).textContent ?? '';
    // Arabic-Indic digits, day before month: ٧/١٢/٢٠٢٦ (with direction marks between segments).
    expect(text.replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '')).toBe('٧/١٢/٢٠٢٦');
  });

  it('gives the form ISO yyyy-mm-dd once the date is whole, typed in the French order', async () => {
    const changes = vi.fn();
    render(<Form locale="fr-FR" onChange={changes} />);
    const [day] = screen.getAllByRole('spinbutton');
    await userEvent.click(day as HTMLElement);
    await userEvent.keyboard('31122025');
    expect(screen.getByTestId('value')).toHaveTextContent(/^2025-12-31$/);
    expect(changes).toHaveBeenLastCalledWith('2025-12-31');
  });

  it('marks a date after the latest allowed as invalid', () => {
    render(<Form locale="en-GB" initial="2026-12-08" max="2026-12-07" />);
    for (const segment of screen.getAllByRole('spinbutton')) expect(segment).toHaveAttribute('aria-invalid', 'true');
  });

  it('reads only whole ISO dates', () => {
    expect(isoToDate('2026-02-28')?.toString()).toBe('2026-02-28');
    expect(isoToDate('')).toBeNull();
    expect(isoToDate('2026-02-30')).toBeNull();
    expect(isoToDate('07/12/2026')).toBeNull();
  });
});
