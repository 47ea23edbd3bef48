import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Form as AriaForm, I18nProvider } from 'react-aria-components';
import { describe, expect, it, vi } from 'vitest';
import { DateField, isoToDate, isoToDateTime, isoToTime, TimeField } from './date-field';

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

function Timed({ locale, initial = '', onChange = () => undefined, min, max }: { locale: string; initial?: string; onChange?: (value: string) => void; min?: string; max?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider locale={locale}>
      <DateField
        granularity="minute"
        label="Departed at"
        value={value}
        min={min}
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

function Clock({ locale, initial = '', onChange = () => undefined }: { locale: string; initial?: string; onChange?: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nProvider locale={locale}>
      <TimeField
        label="Time"
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
      <output data-testid="value">{value}</output>
    </I18nProvider>
  );
}

const plain = (text: string | null | undefined): string => (text ?? '').replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '');

describe('DateField with minutes', () => {
  it('shows a datetime-local value in the language’s order and hour cycle', () => {
    const { unmount } = render(<Timed locale="fr-FR" initial="2026-12-07T17:05" />);
    expect(plain(screen.getByRole('group', { name: 'Departed at' }).textContent)).toBe('07/12/2026 17:05');
    unmount();
    render(<Timed locale="en-US" initial="2026-12-07T17:05" />);
    expect(plain(screen.getByRole('group', { name: 'Departed at' }).textContent)).toMatch(/^12\/7\/2026, 5:05\s?PM$/);
  });

  it('gives the form YYYY-MM-DDTHH:mm (no seconds) once day and time are whole', async () => {
    const changes = vi.fn();
    render(<Timed locale="en-GB" onChange={changes} />);
    const [day] = screen.getAllByRole('spinbutton');
    await userEvent.click(day as HTMLElement);
    await userEvent.keyboard('311220250930');
    expect(screen.getByTestId('value')).toHaveTextContent(/^2025-12-31T09:30$/);
    expect(changes).toHaveBeenLastCalledWith('2025-12-31T09:30');
  });

  it('marks a time before the earliest or after the latest allowed as invalid, and not one inside', () => {
    const { unmount } = render(<Timed locale="en-GB" initial="2026-12-07T18:00" max="2026-12-07T17:59" />);
    for (const segment of screen.getAllByRole('spinbutton')) expect(segment).toHaveAttribute('aria-invalid', 'true');
    unmount();
    const second = render(<Timed locale="en-GB" initial="2026-12-07T08:00" min="2026-12-07T08:30" />);
    for (const segment of screen.getAllByRole('spinbutton')) expect(segment).toHaveAttribute('aria-invalid', 'true');
    second.unmount();
    render(<Timed locale="en-GB" initial="2026-12-07T09:00" min="2026-12-07T08:30" max="2026-12-07T17:59" />);
    for (const segment of screen.getAllByRole('spinbutton')) expect(segment).not.toHaveAttribute('aria-invalid');
  });

  it('gives the form an empty text once the field is cleared', async () => {
    const changes = vi.fn();
    render(<Timed locale="en-GB" initial="2026-12-07T17:05" onChange={changes} />);
    const segments = screen.getAllByRole('spinbutton');
    await userEvent.click(segments[segments.length - 1] as HTMLElement);
    // Each segment emptied, from the minutes back to the day (an emptied segment hands the focus to the one before).
    await userEvent.keyboard('{Backspace}'.repeat(20));
    expect(changes).toHaveBeenLastCalledWith('');
    expect(screen.getByTestId('value')).toBeEmptyDOMElement();
  });

  it('reads only whole date-local values', () => {
    expect(isoToDateTime('2026-02-28T23:59')?.toString()).toBe('2026-02-28T23:59:00');
    expect(isoToDateTime('2026-02-28')).toBeNull();
    expect(isoToDateTime('2026-02-28T24:00')).toBeNull();
    expect(isoToDateTime('2026-02-28T17:00:00.000Z')).toBeNull();
  });
});

describe('TimeField', () => {
  it('follows the language’s hour cycle and Arabic digits', () => {
    const { unmount } = render(<Clock locale="fr-FR" initial="17:00" />);
    expect(plain(screen.getByRole('group', { name: 'Time' }).textContent)).toBe('17:00');
    unmount();
    render(<Clock locale="ar-EG" initial="17:00" />);
    expect(plain(screen.getByRole('group', { name: 'Time' }).textContent)).toMatch(/^٥:٠٠\s?م$/);
  });

  it('gives the form HH:mm, and an empty text when cleared', async () => {
    const changes = vi.fn();
    render(<Clock locale="en-GB" onChange={changes} />);
    const [hour] = screen.getAllByRole('spinbutton');
    await userEvent.click(hour as HTMLElement);
    await userEvent.keyboard('0745');
    expect(changes).toHaveBeenLastCalledWith('07:45');
    await userEvent.keyboard('{Backspace}'.repeat(8));
    expect(changes).toHaveBeenLastCalledWith('');
    expect(isoToTime('23:59')?.toString()).toBe('23:59:00');
    expect(isoToTime('24:00')).toBeNull();
    expect(isoToTime('7:45')).toBeNull();
  });
});

describe('the api’s 400 on a date field', () => {
  it('marks the field invalid and shows the message given to it', () => {
    render(
      <I18nProvider locale="en-GB">
        <DateField label="Withdrawn on" value="2026-12-07" onChange={() => undefined} isInvalid errorMessage="Check this field" />
      </I18nProvider>,
    );
    for (const segment of screen.getAllByRole('spinbutton')) expect(segment).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Check this field')).toBeInTheDocument();
  });

  it('shows a Form’s validation error for its name under it', () => {
    render(
      <I18nProvider locale="en-GB">
        <AriaForm validationErrors={{ departedAt: 'Check this field' }}>
          <DateField name="departedAt" granularity="minute" label="Departed at" value="2026-12-07T10:00" onChange={() => undefined} />
        </AriaForm>
      </I18nProvider>,
    );
    const group = screen.getByRole('group', { name: 'Departed at' });
    expect(screen.getByText('Check this field')).toBeInTheDocument();
    for (const segment of within(group).getAllByRole('spinbutton')) expect(segment).toHaveAttribute('aria-invalid', 'true');
  });
});
