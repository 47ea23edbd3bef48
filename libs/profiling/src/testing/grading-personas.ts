import { newFacts } from './new-facts';
import type { Persona } from './personas';

const fled = (...reasons: string[]) => ({ reasons_for_leaving: reasons });

/** Trafficking indicators are graded (strong / medium / weak): these pin what is enough, for adults and for children. */
export const GRADING_PERSONAS: Persona[] = [
  {
    name: 'Man who must repay his journey debt by working for the smuggler’s contact: debt bondage is a strong indicator alone',
    facts: newFacts({ person: { nationalities: ['ETH'] }, arrival: { smugglerUsed: true }, answers: { ...fled('WORK'), debt_bondage: true } }),
    profiles: ['TRAFFICKING_VICTIM'],
    withheld: ['MIGRANT'],
    urgency: { TRAFFICKING_VICTIM: 'IMMEDIATE' },
    indicators: { TRAFFICKING_VICTIM: ['trafficking.graded_indicators'] },
    evidence: { TRAFFICKING_VICTIM: ['debt bondage: must work off a debt to those who organised the journey or the work (strong indicator)'] },
  },
  {
    name: 'Woman deceived about the job she was promised, nothing else: one medium indicator alone is not enough',
    facts: newFacts({ person: { sex: 'FEMALE', statedAge: 24, nationalities: ['KEN'] }, answers: { ...fled('WORK'), deceived_about_job: true } }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Man deceived about the job and paid next to nothing: two medium indicators',
    facts: newFacts({ person: { nationalities: ['UGA'] }, answers: { ...fled('WORK'), deceived_about_job: true, little_or_no_pay: true } }),
    profiles: ['TRAFFICKING_VICTIM'],
    withheld: ['MIGRANT'],
    evidence: { TRAFFICKING_VICTIM: ['deceived about the job or conditions (medium indicator)', 'little or no pay (medium indicator)'] },
  },
  {
    name: 'Man deceived about the job, for whom others speak: a medium indicator with a weak one is not enough (weak ones never count)',
    facts: newFacts({ person: { nationalities: ['UGA'] }, answers: { ...fled('WORK'), deceived_about_job: true, others_speak_for_person: true } }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Man deceived about the job, paid next to nothing, for whom others speak: two medium indicators, the weak one listed beside them',
    facts: newFacts({ person: { nationalities: ['UGA'] }, answers: { ...fled('WORK'), deceived_about_job: true, little_or_no_pay: true, others_speak_for_person: true } }),
    profiles: ['TRAFFICKING_VICTIM'],
    withheld: ['MIGRANT'],
    evidence: {
      TRAFFICKING_VICTIM: ['deceived about the job or conditions (medium indicator)', 'little or no pay (medium indicator)', 'others speak for the person (weak indicator)'],
    },
  },
  {
    name: 'Man who owes the smugglers for the journey and lets his cousin speak for him: weak indicators alone never suffice',
    facts: newFacts({ person: { nationalities: ['ERI'] }, arrival: { smugglerUsed: true }, answers: { ...fled('WORK'), journey_debt: true, others_speak_for_person: true } }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Boy of 6 with his mother, who speaks for him: a weak indicator is no exploitation indicator, not even for a child',
    facts: newFacts({
      person: { statedAge: 6, nationalities: ['COD'] },
      arrival: { companions: [{ relationship: 'MOTHER', verified: true }] },
      answers: { ...fled('CONFLICT'), others_speak_for_person: true },
    }),
    profiles: ['ASYLUM_SEEKER'],
  },
  {
    name: 'Boy of 16 with his father, who owes the smugglers for the journey: a journey debt not to be worked off is no exploitation indicator',
    facts: newFacts({
      person: { statedAge: 16, nationalities: ['ERI'] },
      arrival: { smugglerUsed: true, companions: [{ relationship: 'FATHER', verified: true }] },
      answers: { ...fled('WORK'), journey_debt: true },
    }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Girl of 14 with her mother, who speaks for her, and a journey debt: two weak indicators are still none for a child (no CHILD_AT_RISK either)',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 14, nationalities: ['SOM'] },
      arrival: { smugglerUsed: true, companions: [{ relationship: 'MOTHER', verified: true }] },
      answers: { ...fled('WORK'), others_speak_for_person: true, journey_debt: true },
    }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Boy of 16 alone who owes the smugglers for his journey: unaccompanied, but a weak indicator does not make him a presumed victim',
    facts: newFacts({ person: { statedAge: 16, nationalities: ['ERI'] }, arrival: { smugglerUsed: true }, answers: { caregiver_present: false, journey_debt: true } }),
    profiles: ['UNACCOMPANIED_CHILD'],
  },
  {
    name: 'Boy of 14 with his mother, afraid of the traffickers at home: for a child one medium indicator suffices, the weak one listed beside it',
    facts: newFacts({
      person: { statedAge: 14, nationalities: ['NGA'] },
      arrival: { companions: [{ relationship: 'MOTHER', verified: true }] },
      answers: { fears_traffickers_on_return: true, others_speak_for_person: true },
    }),
    profiles: ['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM'],
    indicators: { ASYLUM_SEEKER: ['asylum.fear_of_traffickers'], TRAFFICKING_VICTIM: ['trafficking.graded_indicators'] },
    evidence: {
      ASYLUM_SEEKER: ['afraid of the traffickers at home'],
      TRAFFICKING_VICTIM: [
        'afraid of the traffickers at home (medium indicator)',
        'others speak for the person (weak indicator)',
        '14 at arrival by the stated or apparent age: presumed a child until an age assessment says otherwise',
      ],
    },
  },
  {
    name: 'Girl of 15 with her aunt, deceived about a housework job on the way: for a child one medium indicator suffices',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 15, nationalities: ['MOZ'] },
      arrival: { companions: [{ relationship: 'UNCLE_OR_AUNT', verified: true }] },
      answers: { deceived_about_job: true },
    }),
    profiles: ['SEPARATED_CHILD', 'TRAFFICKING_VICTIM'],
    indicators: { TRAFFICKING_VICTIM: ['trafficking.graded_indicators'] },
  },
];
