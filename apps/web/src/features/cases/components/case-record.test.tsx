import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../../test-router';
import type { CaseView } from '../case-view';
import type { Questionnaire } from '../questionnaire';
import { OtherSections, ProfilesSection } from './case-record';

const view: CaseView = {
  id: 'c1',
  caseNumber: 'TZA-KGM-2026-000002',
  status: 'INCOMPLETE',
  version: 2,
  borderPoint: { id: 'b', code: 'KGM', name: 'Kigoma lake port' },
  arrivedAt: '2026-03-01T21:05:00Z',
  registeredAt: '2026-03-01T21:05:00Z',
  updatedAt: '2026-03-01T21:05:00Z',
  fieldGroups: ['IDENTITY', 'ARRIVAL', 'NEEDS', 'CHILD'],
  withheldFieldGroups: ['TRAFFICKING', 'SGBV'],
  sections: { CHILD: { questionnaire: 'kivuko-screening@3', answers: { caregiver_present: false } } },
  openTasks: [],
  profiles: [],
};

const text = (en: string, ar: string) => ({ en, fr: '', pt: '', sw: '', ar });
const questionnaire: Questionnaire = {
  code: 'kivuko-screening',
  version: 3,
  languages: ['en', 'fr', 'pt', 'sw', 'ar'],
  groups: [{ id: 'CHILD', title: text('Child', 'الطفل') }],
  questions: [
    { id: 'caregiver_present', group: 'CHILD', type: 'BOOLEAN', prompt: text('Is a parent or caregiver with the child?', 'هل يرافق الطفلَ أحد الوالدين أو مقدم رعاية؟') },
    {
      id: 'separation_reasons',
      group: 'CHILD',
      type: 'MULTI_CHOICE',
      prompt: text('Why was the child separated?', 'لماذا انفصل الطفل؟'),
      options: [
        { value: 'CONFLICT', label: text('Conflict', 'نزاع') },
        { value: 'DEATH', label: text('Death of the parents', 'وفاة الوالدين') },
      ],
    },
    { id: 'siblings', group: 'CHILD', type: 'INTEGER', prompt: text('How many siblings travel with the child?', '') },
  ],
};
const answered: CaseView = {
  ...view,
  sections: { CHILD: { questionnaire: 'kivuko-screening@2', answers: { caregiver_present: false, separation_reasons: ['DEATH'], siblings: 2, old_question: 'kept' } } },
};

describe('screening answers on the case page', () => {
  it('shows the prompts and option labels under the group title in the UI language (English where it has none), Yes/No for booleans, and the id of a question no longer asked', async () => {
    renderInApp(<OtherSections view={answered} showDetails questionnaire={questionnaire} />, { locale: 'ar' });
    const child = (await screen.findByRole('heading', { name: 'الطفل' })).parentElement!;
    expect(within(child).getByText('هل يرافق الطفلَ أحد الوالدين أو مقدم رعاية؟').nextElementSibling).toHaveTextContent('لا');
    expect(within(child).getByText('لماذا انفصل الطفل؟').nextElementSibling).toHaveTextContent('وفاة الوالدين');
    expect(within(child).getByText('How many siblings travel with the child?').nextElementSibling).toHaveTextContent(/2|٢/);
    expect(within(child).queryByText('caregiver_present')).toBeNull();
    expect(within(child).queryByText('DEATH')).toBeNull();
    expect(within(child).getByText('old_question')).toBeInTheDocument();
  });

  it('shows the section name when the questionnaire is not loaded, and every answer under its id', async () => {
    renderInApp(<OtherSections view={answered} showDetails />);
    const child = (await screen.findByRole('heading', { name: 'Child protection' })).parentElement!;
    expect(within(child).getByText('caregiver_present').closest('div')).toHaveTextContent('No');
    expect(within(child).getByText('separation_reasons')).toBeInTheDocument();
  });
});

describe('the case page on a shared screen', () => {
  it('counts withheld sections without naming them, and folds sensitive shared sections, until protection details are shown', async () => {
    const { unmount } = renderInApp(<OtherSections view={view} showDetails={false} />);
    const withheld = await screen.findByRole('region', { name: 'Not shared with your agency' });
    expect(withheld).toHaveTextContent('2 sections of this case are not shared with your agency');
    expect(withheld).toHaveTextContent('The joint SOP shares these sections only with the agencies that act on them');
    expect(within(withheld).queryByText('Trafficking')).toBeNull();
    const shared = screen.getByRole('region', { name: 'Other sections shared with your agency' });
    expect(within(shared).getByText('Child protection')).toBeInTheDocument();
    expect(shared).toHaveTextContent('Hidden on a shared screen');
    expect(within(shared).queryByText('caregiver_present')).toBeNull();
    unmount();

    renderInApp(<OtherSections view={view} showDetails />);
    const named = await screen.findByRole('region', { name: 'Not shared with your agency' });
    expect(within(named).getByText('Trafficking')).toBeInTheDocument();
    expect(within(named).getByText('SGBV')).toBeInTheDocument();
    const open = screen.getByRole('region', { name: 'Other sections shared with your agency' });
    expect(within(open).getByText('caregiver_present')).toBeInTheDocument();
    expect(within(open).getByText('No')).toBeInTheDocument();
    expect(within(open).queryByText('kivuko-screening@3')).toBeNull();
  });

  it('names open profiles with their status, and counts the sensitive ones until asked', async () => {
    const profiles: CaseView['profiles'] = [
      { profile: 'MEDICAL_EMERGENCY', origin: 'SUGGESTED', status: 'CONFIRMED', urgency: 'IMMEDIATE', routable: true },
      { profile: 'UNACCOMPANIED_CHILD', origin: 'SUGGESTED', status: 'SUGGESTED', urgency: 'URGENT', routable: true },
      { profile: 'MIGRANT', origin: 'SUGGESTED', status: 'REMOVED', urgency: 'ROUTINE', routable: false },
    ];
    const { unmount } = renderInApp(<ProfilesSection profiles={profiles} showDetails={false} />);
    const region = await screen.findByRole('region', { name: 'Profiles' });
    expect(within(region).getByText('Medical emergency').parentElement).toHaveTextContent('Medical emergencyConfirmed');
    expect(within(region).getByText('1 protection profile, hidden on a shared screen')).toBeInTheDocument();
    expect(within(region).queryByText('Unaccompanied child')).toBeNull();
    expect(within(region).queryByText('Migrant')).toBeNull();
    unmount();
    renderInApp(<ProfilesSection profiles={profiles} showDetails />);
    const shown = await screen.findByRole('region', { name: 'Profiles' });
    expect(within(shown).getByText('Unaccompanied child').parentElement).toHaveTextContent('Unaccompanied childSuggested');
    expect(within(shown).queryByText(/hidden on a shared screen/)).toBeNull();
  });
});
