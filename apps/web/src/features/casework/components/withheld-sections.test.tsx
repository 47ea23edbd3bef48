import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../../test-router';
import { WithheldSections } from './withheld-sections';

const view = {
  withheldFieldGroups: ['ARRIVAL', 'TRAFFICKING'],
  withheld: [
    { fieldGroup: 'ARRIVAL', reason: 'NOT_SHARED' as const },
    { fieldGroup: 'TRAFFICKING', reason: 'CONSENT_MISSING' as const },
  ],
};

describe('the withheld sections in the workspace', () => {
  it('names each withheld section with why once protection details are shown', async () => {
    renderInApp(<WithheldSections view={view} showDetails />);
    const region = await screen.findByRole('region', { name: 'Not shared with your agency' });
    expect(within(region).getByTestId('withheld-ARRIVAL')).toHaveTextContent('Arrival');
    expect(within(region).getByTestId('withheld-ARRIVAL')).toHaveTextContent('the joint SOP does not share this section with agencies like yours');
    expect(within(region).getByTestId('withheld-TRAFFICKING')).toHaveTextContent('Trafficking');
    expect(within(region).getByTestId('withheld-TRAFFICKING')).toHaveTextContent('only with the person’s consent, and none is on record');
  });

  it('gives the reasons but not the names on a shared screen', async () => {
    renderInApp(<WithheldSections view={view} showDetails={false} />);
    const region = await screen.findByRole('region', { name: 'Not shared with your agency' });
    expect(region).toHaveTextContent('2 sections of this case are not shared with your agency');
    expect(region).toHaveTextContent('only with the person’s consent');
    expect(region).toHaveTextContent('does not share this section with agencies like yours');
    expect(within(region).queryByText('Trafficking')).toBeNull();
  });

  it('says only the reasons that apply, and in Arabic', async () => {
    renderInApp(<WithheldSections view={{ withheldFieldGroups: ['ASYLUM'], withheld: [{ fieldGroup: 'ASYLUM', reason: 'NOT_SHARED' }] }} showDetails={false} />, { locale: 'ar' });
    const region = await screen.findByRole('region', { name: 'غير مشترك مع جهتك' });
    expect(region).toHaveTextContent('لا تشارك إجراءات التشغيل الموحدة هذا القسم');
    expect(region).not.toHaveTextContent('بموافقة الشخص');
  });

  it('shows nothing when nothing is withheld', () => {
    const { container } = renderInApp(<WithheldSections view={{ withheldFieldGroups: [], withheld: [] }} showDetails />);
    expect(container.querySelector('section')).toBeNull();
  });
});
