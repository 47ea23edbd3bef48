import { DEMO_BORDER_POINTS } from '@kivuko/access';

/**
 * The example body of `POST /api/v1/intakes` in the OpenAPI document: a mother and her son at Namanga. It is
 * accepted as it is on a demo start (the demo border points have fixed ids); a test posts it from the document.
 */
export const REGISTER_INTAKE_EXAMPLE = {
  intakeId: '8d4f6b2a-1c3e-4a5b-9d7e-0f1a2b3c4d5e',
  mode: 'FULL',
  arrival: {
    borderPointId: DEMO_BORDER_POINTS[0].id,
    arrivedAt: '2026-11-26T06:40:00+03:00',
    mode: 'LAND',
    how: 'SELF_PRESENTED',
    route: ['ETH', 'KEN'],
    intendedDestination: 'TZA',
    smugglerUsed: false,
  },
  persons: [
    {
      ref: 'mother',
      givenName: 'Amina',
      familyName: 'Hassan',
      sex: 'FEMALE',
      dateOfBirth: '1995-04-12',
      nationalities: ['SOM'],
      areaOfOrigin: { name: 'Lower Shabelle', code: 'SO-SH' },
      languages: ['so'],
      interpreter: { needed: true, sex: 'FEMALE' },
      documents: [{ kind: 'NATIONAL_ID', number: 'SO-77120', issuingCountry: 'SOM' }],
      informationGiven: { topics: ['ASYLUM', 'LEGAL_AID'], language: 'so', leafletVersion: 'TZA-2026.1' },
      screening: {
        answers: {
          reasons_for_leaving: ['CONFLICT'],
          single_parent: true,
          fear_of_return: true,
          fear_reasons: ['CONFLICT'],
          asylum_wish_expressed: true,
          asylum_wish_words: 'I cannot go back; I want protection here.',
          health_triage: 'NONE',
        },
      },
    },
    {
      ref: 'son',
      givenName: 'Yusuf',
      familyName: 'Hassan',
      sex: 'MALE',
      dateOfBirth: '2018-01-01',
      dateOfBirthEstimated: true,
      nationalities: ['SOM'],
      travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }],
      screening: { answers: { caregiver_present: true, caregiver_relationship: 'PARENT' } },
    },
  ],
};
