import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../../lang/en.json';
import fr from '../../../../lang/fr.json';
import type { Answers, Questionnaire } from '../questionnaire';
import { answersToSend, PersonFacts } from '../show-when';
import { ScreeningForm } from './screening-form';

const questionnaire: Questionnaire = {
  code: 'kivuko-screening',
  version: 3,
  languages: ['en', 'fr'],
  groups: [
    { id: 'NEEDS', title: { en: 'Needs', fr: 'Besoins' } },
    { id: 'CHILD', title: { en: 'Children', fr: 'Enfants' } },
    { id: 'SGBV', title: { en: 'Sexual and gender-based violence', fr: 'VBG' } },
  ],
  questions: [
    { id: 'wants_to_return_home', group: 'NEEDS', type: 'BOOLEAN', prompt: { en: 'Do you wish to go back?', fr: 'Souhaitez-vous rentrer ?' } },
    {
      id: 'health_triage',
      group: 'NEEDS',
      type: 'CHOICE',
      prompt: { en: 'Health triage' },
      options: [
        { value: 'URGENT', label: { en: 'Urgent' } },
        { value: 'NONE', label: { en: 'None' } },
      ],
    },
    {
      id: 'reasons_for_leaving',
      group: 'NEEDS',
      type: 'MULTI_CHOICE',
      prompt: { en: 'Why did you leave?' },
      options: [
        { value: 'WORK', label: { en: 'Work' } },
        { value: 'CONFLICT', label: { en: 'Conflict' } },
      ],
    },
    { id: 'officer_observations', group: 'NEEDS', type: 'TEXT', maxLength: 20, prompt: { en: 'Officer observations' } },
    { id: 'caregiver_present', group: 'CHILD', type: 'BOOLEAN', prompt: { en: 'Is a caregiver with the child?' }, showWhen: { person: 'mayBeChild' } },
    { id: 'sexual_violence_disclosed', group: 'SGBV', type: 'BOOLEAN', prompt: { en: 'Sexual violence disclosed' } },
    {
      id: 'sexual_violence_hours_ago',
      group: 'SGBV',
      type: 'INTEGER',
      min: 0,
      max: 100000,
      prompt: { en: 'How many hours ago' },
      showWhen: { answer: 'sexual_violence_disclosed', equals: true },
    },
  ],
};

const adult: PersonFacts = { sex: 'FEMALE', statedAge: 34, arrivedAt: '2026-11-26T06:40:00Z' };

const recorded: Answers[] = [];
const latest = (): Answers | undefined => recorded[recorded.length - 1];
function Harness({ person, locale = 'en', initial = {} }: { person: PersonFacts; locale?: 'en' | 'fr'; initial?: Answers }) {
  const [answers, setAnswers] = useState<Answers>(initial);
  const change = (next: Answers) => {
    recorded.push(next);
    setAnswers(next);
  };
  return (
    <IntlProvider locale={locale} messages={locale === 'en' ? en : fr}>
      <ScreeningForm questionnaire={questionnaire} person={person} answers={answers} onChange={change} path="persons[0].screening.answers" errorsFor={() => undefined} />
    </IntlProvider>
  );
}

describe('ScreeningForm', () => {
  it('gives each question type its control, grouped under the translated group titles', () => {
    render(<Harness person={adult} />);
    const needs = screen.getByRole('group', { name: 'Needs' });
    const yesNo = within(needs).getByRole('radiogroup', { name: 'Do you wish to go back?' });
    expect(within(yesNo).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['Yes', 'No', 'Not asked']);
    expect(within(needs).getByRole('radiogroup', { name: 'Health triage' })).toBeInTheDocument();
    expect(within(needs).getByRole('checkbox', { name: 'Conflict' })).toBeInTheDocument();
    expect(within(needs).getByRole('textbox', { name: 'Officer observations' })).toHaveAttribute('maxlength', '20');
  });

  it('marks the sensitive groups as confidential, and only those', () => {
    render(<Harness person={adult} />);
    expect(within(screen.getByRole('group', { name: /Sexual and gender-based violence/ })).getByText('Confidential')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Needs' })).queryByText('Confidential')).toBeNull();
  });

  it('shows a follow-up question only once its condition holds, and hides it again (its answer is then not sent)', () => {
    render(<Harness person={adult} />);
    expect(screen.queryByRole('textbox', { name: 'How many hours ago' })).toBeNull();
    const disclosed = screen.getByRole('radiogroup', { name: 'Sexual violence disclosed' });
    fireEvent.click(within(disclosed).getByRole('radio', { name: 'Yes' }));
    const hours = screen.getByRole('textbox', { name: 'How many hours ago' });
    fireEvent.change(hours, { target: { value: '12' } });
    fireEvent.blur(hours);
    expect(latest()).toEqual({ sexual_violence_disclosed: true, sexual_violence_hours_ago: 12 });

    fireEvent.click(within(disclosed).getByRole('radio', { name: 'No' }));
    expect(screen.queryByRole('textbox', { name: 'How many hours ago' })).toBeNull();
    expect(answersToSend(questionnaire.questions, adult, latest() ?? {})).toEqual({ sexual_violence_disclosed: false });
  });

  it('asks the child questions of a person with no age recorded (presumed a child), not of an adult', () => {
    const { unmount } = render(<Harness person={adult} />);
    expect(screen.queryByRole('group', { name: 'Children' })).toBeNull();
    unmount();
    render(<Harness person={{ sex: 'MALE', arrivedAt: '2026-11-26T06:40:00Z' }} />);
    expect(within(screen.getByRole('group', { name: 'Children' })).getByRole('radiogroup', { name: 'Is a caregiver with the child?' })).toBeInTheDocument();
  });

  it('"Not asked" removes the answer; a multiple choice keeps every option ticked', () => {
    render(<Harness person={adult} initial={{ wants_to_return_home: false }} />);
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Do you wish to go back?' })).getByRole('radio', { name: 'Not asked' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Work' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Conflict' }));
    expect(latest()).toEqual({ reasons_for_leaving: ['WORK', 'CONFLICT'] });
  });

  it('asks in the UI language, and in English where the questionnaire has no translation', () => {
    render(<Harness person={adult} locale="fr" />);
    expect(screen.getByRole('group', { name: 'Besoins' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Souhaitez-vous rentrer ?' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Health triage' })).toBeInTheDocument();
  });
});
