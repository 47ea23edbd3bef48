import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import type { DeliveredService } from '../casework-api';
import { ServicesSection } from './services-section';

const service: DeliveredService = {
  id: 's1',
  kind: 'SHELTER',
  provider: 'Tumaini Shelter',
  deliveredOn: '2026-12-07',
  note: 'Two weeks in the women’s house',
  agencyId: 'a1',
  referralId: null,
  recordedAt: '2026-12-07T17:22:00Z',
};
const api = { GET: () => Promise.resolve({ data: [service], response: new Response(null, { status: 200 }) }) } as unknown as ApiClient;

describe('ServicesSection', () => {
  it('keeps the separator before a note out of the note’s own direction (Arabic page, English note)', async () => {
    renderInApp(<ServicesSection api={api} caseId="c1" agencyName="Tumaini Shelter" canManage={false} formOpen={false} onFormOpenChange={() => undefined} />, { locale: 'ar' });
    const note = await screen.findByText('Two weeks in the women’s house');
    expect(note.tagName).toBe('BDI');
    // The "·" is drawn before each item after the first of the meta line: the note's wrapper, not the <bdi>.
    const item = note.parentElement;
    expect(item?.tagName).toBe('SPAN');
    expect(item?.previousElementSibling?.tagName).toBe('TIME');
  });
});
