import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../../lang/en.json';
import { countryList, Row } from '../mass-arrival';
import { ArrivalGrid, withTrailingRow } from './arrival-grid';

const countries = countryList('en');
let latest: Row[] = [];

function Harness() {
  const [rows, setRows] = useState<Row[]>(() => withTrailingRow([]));
  const onChange = (next: Row[]) => {
    latest = next;
    setRows(next);
  };
  return <ArrivalGrid rows={rows} onChange={onChange} countries={countries} showProblems={false} />;
}

const renderGrid = () =>
  render(
    <IntlProvider locale="en" messages={en}>
      <Harness />
    </IntlProvider>,
  );

describe('the mass-arrival grid by keyboard', () => {
  it('types a row with Enter and Tab, single keys for sex and flags, and a new row appears at the end', async () => {
    const user = userEvent.setup();
    renderGrid();
    expect(screen.getAllByRole('row')).toHaveLength(2);

    await user.click(screen.getByRole('textbox', { name: 'Row 1: name' }));
    await user.keyboard('Amina Hassan{Enter}');
    expect(screen.getByRole('textbox', { name: 'Row 1: sex' })).toHaveFocus();
    // A new blank row as soon as the last row has text.
    expect(screen.getByRole('textbox', { name: 'Row 2: name' })).toBeInTheDocument();

    await user.keyboard('f');
    expect(screen.getByRole('textbox', { name: 'Row 1: sex' })).toHaveValue('Female');
    await user.keyboard('{Tab}34{Enter}');
    expect(screen.getByRole('textbox', { name: 'Row 1: nationality' })).toHaveFocus();
    await user.keyboard('somal{Tab}');
    expect(screen.getByRole('textbox', { name: 'Row 1: nationality' })).toHaveValue('SOM');
    expect(screen.getByText('Somalia (SOM)')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Row 1: urgent flags' })).toHaveFocus();
    await user.keyboard('14');
    expect(screen.getByRole('textbox', { name: 'Row 1: urgent flags' })).toHaveValue('Medical emergency, Trafficking suspected');
    await user.keyboard('4{Enter}');
    expect(screen.getByRole('textbox', { name: 'Row 2: name' })).toHaveFocus();

    expect(latest[0]).toMatchObject({ text: 'Amina Hassan', described: false, sex: 'FEMALE', age: '34', nationality: 'SOM', flags: ['MEDICAL_EMERGENCY'] });
    expect(latest).toHaveLength(2);
  });

  it('switches the name to a description with Alt+N, takes only digits for the age, and clears the sex with Backspace', async () => {
    const user = userEvent.setup();
    renderGrid();
    await user.click(screen.getByRole('textbox', { name: 'Row 1: name' }));
    await user.keyboard('{Alt>}n{/Alt}');
    const description = screen.getByRole('textbox', { name: 'Row 1: description' });
    expect(description).toHaveFocus();
    await user.keyboard('man with a crutch{Tab}m');
    expect(screen.getByRole('textbox', { name: 'Row 1: sex' })).toHaveValue('Male');
    await user.keyboard('{Backspace}u{Tab}4x٥');
    expect(screen.getByRole('textbox', { name: 'Row 1: sex' })).toHaveValue('Unknown');
    expect(screen.getByRole('textbox', { name: 'Row 1: approximate age' })).toHaveValue('45');
    expect(latest[0]).toMatchObject({ text: 'man with a crutch', described: true, sex: 'UNKNOWN', age: '45' });
  });
});

describe('the mass-arrival grid on a phone', () => {
  const narrowScreen = (matches: boolean) =>
    ((query: string) => ({ matches, media: query, addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList);

  it('offers the sex as a list and each flag as a named toggle, with no single-key cells', async () => {
    const original = window.matchMedia;
    window.matchMedia = narrowScreen(true);
    try {
      const user = userEvent.setup();
      renderGrid();
      await user.type(screen.getByRole('textbox', { name: 'Row 1: name' }), 'Amina Hassan');
      expect(screen.queryByRole('textbox', { name: 'Row 1: sex' })).toBeNull();
      expect(screen.queryByRole('textbox', { name: 'Row 1: urgent flags' })).toBeNull();
      await user.selectOptions(screen.getByRole('combobox', { name: 'Row 1: sex' }), 'Female');
      const flags = screen.getByRole('group', { name: 'Row 1: urgent flags' });
      const asylum = within(flags).getByRole('button', { name: 'Wishes to seek asylum' });
      await user.click(within(flags).getByRole('button', { name: 'Trafficking suspected' }));
      await user.click(asylum);
      await user.click(within(flags).getByRole('button', { name: 'Medical emergency' }));
      await user.click(asylum);
      expect(asylum).toHaveAttribute('aria-pressed', 'false');
      expect(within(flags).getByRole('button', { name: 'Medical emergency' })).toHaveAttribute('aria-pressed', 'true');
      expect(latest[0]).toMatchObject({ text: 'Amina Hassan', sex: 'FEMALE', flags: ['MEDICAL_EMERGENCY', 'TRAFFICKING_SUSPECTED'] });
    } finally {
      window.matchMedia = original;
    }
  });
});
