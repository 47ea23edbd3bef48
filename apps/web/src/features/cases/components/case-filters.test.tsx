import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import { activeFilterCount, caseListParams, CaseFilters as Filters, validateCaseFilters } from '../case-filters';
import { CaseList } from './case-list';
import { CaseFilters } from './case-filters';

const NMG = '6f1f3a52-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const KGM = '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';
const points = [
  { id: NMG, name: 'Namanga' },
  { id: KGM, name: 'Kigoma' },
];

describe('the case list filters in the URL', () => {
  it('keep the values the api takes and drop anything else', () => {
    expect(validateCaseFilters({ status: 'INCOMPLETE', profile: 'UNACCOMPANIED_CHILD', borderPoint: NMG, urgent: 'true' })).toEqual({
      status: 'INCOMPLETE',
      profile: 'UNACCOMPANIED_CHILD',
      borderPoint: NMG,
      urgent: true,
    });
    expect(validateCaseFilters({ status: 'LOST', profile: 'ALIEN', borderPoint: 'NMG', urgent: 'yes', q: 'Amina' })).toEqual({});
    expect(validateCaseFilters({ urgent: true })).toEqual({ urgent: true });
    expect(validateCaseFilters({ withoutLead: 'true' })).toEqual({ withoutLead: true });
    expect(validateCaseFilters({ withoutLead: 'no' })).toEqual({});
    expect(validateCaseFilters({ detention: 'REVIEW_OVERDUE' })).toEqual({ detention: 'REVIEW_OVERDUE' });
    expect(validateCaseFilters({ detention: 'YES' })).toEqual({});
    expect(caseListParams({ detention: 'OPEN' })).toEqual({ detention: 'OPEN' });
    expect(caseListParams({ withoutLead: true })).toEqual({ withoutLead: true });
    expect(activeFilterCount({ withoutLead: true, urgent: true })).toBe(2);
    expect(activeFilterCount({ status: 'OPEN', urgent: true })).toBe(2);
    expect(caseListParams({ borderPoint: KGM, urgent: true })).toEqual({ borderPointId: KGM, urgent: true });
  });
});

function renderFilters(filters: Filters, borderPoints = points) {
  const onChange = vi.fn<(next: Filters) => void>();
  renderInApp(<CaseFilters filters={filters} onChange={onChange} borderPoints={borderPoints} />);
  return onChange;
}

describe('CaseFilters', () => {
  it('changes status, profile, border point and urgency, and counts the filters on its narrow-screen button', async () => {
    const onChange = renderFilters({ urgent: true });
    const toggle = await screen.findByRole('button', { name: 'Filters (1)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'CLOSED' } });
    expect(onChange).toHaveBeenLastCalledWith({ urgent: true, status: 'CLOSED' });
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'TRAFFICKING_VICTIM' } });
    expect(onChange).toHaveBeenLastCalledWith({ urgent: true, profile: 'TRAFFICKING_VICTIM' });
    fireEvent.change(screen.getByLabelText('Border point'), { target: { value: KGM } });
    expect(onChange).toHaveBeenLastCalledWith({ urgent: true, borderPoint: KGM });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Urgent only' }));
    expect(onChange).toHaveBeenLastCalledWith({});
    fireEvent.click(screen.getByRole('checkbox', { name: 'Records to complete' }));
    expect(onChange).toHaveBeenLastCalledWith({ urgent: true, status: 'INCOMPLETE' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('ticks "Records to complete" for INCOMPLETE, and offers no border point choice to a user of one point', async () => {
    renderFilters({ status: 'INCOMPLETE' }, points.slice(0, 1));
    expect(await screen.findByRole('checkbox', { name: 'Records to complete' })).toBeChecked();
    expect(screen.getByLabelText('Status')).toHaveValue('INCOMPLETE');
    expect(screen.queryByLabelText('Border point')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeNull();
  });
});

describe('CaseList with filters', () => {
  it('asks the api for the filtered cases and says when none matches', async () => {
    const requests: string[] = [];
    const fetch = async (request: Request) => {
      requests.push(request.url);
      return new Response(JSON.stringify({ items: [] }), { headers: { 'content-type': 'application/json' } });
    };
    const api = createApiClient('http://localhost', fetch);
    renderInApp(<CaseList api={api} filters={{ status: 'INCOMPLETE', urgent: true, borderPoint: KGM }} onFiltersChange={() => undefined} borderPoints={points} />);
    expect(await screen.findByText('No case matches these filters.')).toBeInTheDocument();
    await waitFor(() => expect(requests).toHaveLength(1));
    const url = new URL(requests[0] ?? '');
    expect(url.pathname).toBe('/api/v1/cases');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'INCOMPLETE', urgent: 'true', borderPointId: KGM, limit: '100' });
  });
});
