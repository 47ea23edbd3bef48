import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import type { CaseListItem } from '../cases-api';
import { CaseList } from './case-list';

const base: Pick<CaseListItem, 'status' | 'version' | 'borderPoint' | 'registeredAt' | 'nationalities' | 'urgentNeeds'> = {
  status: 'OPEN',
  version: 1,
  borderPoint: { id: 'b', code: 'NMG' },
  registeredAt: '2026-03-01T21:05:00Z',
  nationalities: [],
  urgentNeeds: [],
};
const items: CaseListItem[] = [
  {
    ...base,
    id: 'c1',
    caseNumber: 'TZA-NMG-2026-000042',
    arrivedAt: '2026-03-01T21:05:00Z',
    profiles: ['MEDICAL_EMERGENCY', 'TRAFFICKING_VICTIM', 'UNACCOMPANIED_CHILD'],
    profileStatuses: [
      { profile: 'MEDICAL_EMERGENCY', status: 'CONFIRMED' },
      { profile: 'TRAFFICKING_VICTIM', status: 'SUGGESTED' },
      { profile: 'UNACCOMPANIED_CHILD', status: 'CONFIRMED' },
    ],
    ageEstimated: true,
    person: { givenName: 'Amina', familyName: 'Juma', description: null, sex: 'F', ageAtArrival: 13 },
  },
  {
    ...base,
    id: 'c2',
    caseNumber: 'TZA-NMG-2026-000043',
    status: 'INCOMPLETE',
    arrivedAt: '2026-03-01T20:00:00Z',
    urgentNeeds: ['MEDICAL'],
    profiles: ['MIGRANT'],
    profileStatuses: [{ profile: 'MIGRANT', status: 'SUGGESTED' }],
    ageEstimated: false,
    person: { givenName: null, familyName: null, description: 'woman, about 30', sex: 'F', ageAtArrival: null },
  },
];

function renderList(locale: 'en' | 'ar' = 'en') {
  const fetch = async () => new Response(JSON.stringify({ items }), { headers: { 'content-type': 'application/json' } });
  const api = createApiClient('http://localhost', fetch);
  return renderInApp(<CaseList api={api} />, { locale });
}

describe('CaseList', () => {
  it('counts sensitive profiles in one neutral chip until "Show profiles" is turned on', async () => {
    renderList();
    const first = (await screen.findByText('Amina Juma')).closest('tr')!;
    expect(within(first).getByText('Medical emergency')).toBeInTheDocument();
    expect(within(first).getByText('Protection needs (2)')).toBeInTheDocument();
    expect(within(first).queryByText('Victim of trafficking')).toBeNull();
    expect(within(first).queryByText('Unaccompanied child')).toBeNull();

    const toggle = screen.getByRole('switch', { name: 'Show profiles' });
    expect(toggle).not.toBeChecked();
    fireEvent.click(toggle);
    expect(within(first).getByText('Victim of trafficking')).toBeInTheDocument();
    expect(within(first).getByText('Unaccompanied child')).toBeInTheDocument();
    expect(within(first).queryByText(/Protection needs/)).toBeNull();
  });

  it('shows urgency as text, "Details missing", a description as "No name recorded — …", a 24-hour clock and isolated data', async () => {
    renderList();
    const second = (await screen.findByText(/woman, about 30/)).closest('tr')!;
    expect(within(second).getByText('Urgent')).toBeInTheDocument();
    expect(within(second).getByText('Details missing')).toBeInTheDocument();
    expect(second.querySelector('td:nth-child(2)')?.textContent).toBe('No name recorded — woman, about 30');
    expect(within(second).getByText('woman, about 30').tagName).toBe('BDI');
    const first = screen.getByText('Amina Juma').closest('tr')!;
    expect(within(first).queryByText('Urgent')).toBeNull();
    expect(within(first).getByText('TZA-NMG-2026-000042').tagName).toBe('BDI');
    expect(first.querySelector('time')?.textContent).toMatch(/21:05/);
  });

  it('outlines a suggested profile and names it "suggested"; a confirmed one is filled', async () => {
    renderList();
    const second = (await screen.findByText(/woman, about 30/)).closest('tr')!;
    const migrant = within(second).getByRole('listitem');
    expect(migrant).toHaveClass(/chipSuggested/);
    expect(migrant).toHaveTextContent('Migrant (suggested)');
    const first = screen.getByText('Amina Juma').closest('tr')!;
    fireEvent.click(screen.getByRole('switch', { name: 'Show profiles' }));
    const confirmed = within(first).getByText('Unaccompanied child').closest('li')!;
    expect(confirmed).not.toHaveClass(/chipSuggested/);
    expect(confirmed).not.toHaveTextContent(/suggested/);
    expect(within(first).getByText('Victim of trafficking (suggested)').closest('li')).toHaveClass(/chipSuggested/);
  });

  it('reads an estimated age as "about 13" and a known one as "13 years"', async () => {
    renderList();
    const first = (await screen.findByText('Amina Juma')).closest('tr')!;
    expect(within(first).getAllByText('about 13').length).toBeGreaterThan(0);
    expect(within(first).queryByText('13 years')).toBeNull();
  });

  it('uses a 24-hour clock in Arabic too, and finds a case typed in Eastern Arabic digits', async () => {
    renderList('ar');
    const first = (await screen.findByText('Amina Juma')).closest('tr')!;
    expect(first.querySelector('time')?.textContent).toMatch(/21:05|٢١:٠٥/);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '٠٠٠٠٤٣' } });
    expect(screen.queryByText('Amina Juma')).toBeNull();
    expect(screen.getByText(/woman, about 30/)).toBeInTheDocument();
  });
});
