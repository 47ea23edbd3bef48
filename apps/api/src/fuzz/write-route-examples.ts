import { DEFAULT_SOP_DOCUMENT } from '@kivuko/runtime';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../demo-api';
import { Json } from './json-mutations';

/** Real rows the examples point at (made by the fuzz test before it starts). */
export interface FuzzFixtures {
  NMG: string;
  /** An adult's case at NMG, shared with every agency. */
  caseId: string;
  /** A child registered with its mother in one intake (claiming to travel with her), and the mother's case. */
  childCaseId: string;
  motherCaseId: string;
  /** A referral of the shared case, and a caseworker of the agency it went to. */
  referralId: string;
  referralWorker: string;
  sopId: string;
  shelterAgencyId: string;
  hakiAgencyId: string;
  shelterCaseworkerId: string;
  /** A user, an agency and a border point made for the administrators' routes alone (changed, deactivated). */
  spareUserId: string;
  spareAgencyId: string;
  spareBorderPointId: string;
  /** An e-mail delivery of the shared case's referral, recorded as not sent (no SMTP server). */
  deliveryId: string;
  /** A refresh token of a session nothing else uses. */
  refreshToken: string;
  /** A UUID no row has (sub-records the examples do not make: the body is still checked first). */
  none: string;
}

/** A valid request for one write route: who sends it, its path parameters and its body. */
export interface RouteExample {
  /** A demo user holding the route's permission; null for a public route. */
  as: string | null | ((f: FuzzFixtures) => string);
  /** Path parameters; by default `id` is the shared case and every other one `none`. */
  params?: (f: FuzzFixtures) => Record<string, string>;
  body?: (f: FuzzFixtures) => Json;
  /** Fewer mutations where every well-formed one costs an argon2 hash (deliberately slow). */
  runs?: number;
}

const DAY = 86_400_000;
const day = (offset = 0): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offsetHours = 0): string => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

const person = (extra: Record<string, Json> = {}): Record<string, Json> => ({
  givenName: 'Amina',
  familyName: 'Warsame',
  otherNames: ['Aamina Warsame Ali'],
  sex: 'FEMALE',
  dateOfBirth: '1996-03-12',
  nationalities: ['SOM'],
  languages: ['so', 'sw'],
  interpreter: { needed: true, sex: 'FEMALE' },
  documents: [{ kind: 'PASSPORT', number: 'P 445-1122', issuingCountry: 'SOM' }],
  informationGiven: { topics: ['ASYLUM'], language: 'so' },
  screening: { answers: { reasons_for_leaving: ['CONFLICT'], fear_of_return: true, asylum_statement: 'My village was attacked.' } },
  ...extra,
});

const referral = (f: FuzzFixtures): Record<string, string> => ({ id: f.referralId });
const referralWorker = (f: FuzzFixtures): string => f.referralWorker;
const sop = (f: FuzzFixtures): Record<string, string> => ({ id: f.sopId });
const reason = { reason: 'Checked with the person and the interpreter' };

/**
 * Every write route of the OpenAPI document, keyed as `METHOD path` (path without /api/v1/). The fuzz
 * test fails when a write route has no entry here, or an entry no route.
 */
export const WRITE_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'POST auth/login': { as: null, body: () => ({ username: 'analyst', password: 'not-the-password' }), runs: 30 },
  'POST auth/refresh': { as: null, body: (f) => ({ refreshToken: f.refreshToken }) },
  'POST auth/logout': { as: 'monitor', body: (f) => ({ refreshToken: f.refreshToken }) },
  // A demo user no other example signs in as: the first change succeeds, after it the current password is wrong.
  'POST auth/password': { as: 'airport.official', body: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'fuzzed-new-password-2026' }), runs: 30 },
  'POST border-points': { as: 'sysadmin', body: () => ({ code: 'FZB', name: 'Fuzz land crossing', country: 'TZA', kind: 'LAND' }) },
  'POST agencies': { as: 'sysadmin', body: () => ({ name: 'Fuzz Shelter NGO', kind: 'NGO' }) },
  'POST users': {
    as: 'sysadmin',
    body: (f) => ({ username: 'fuzz.officer', displayName: 'Fuzz officer', agencyId: f.shelterAgencyId, roles: ['CASEWORKER'], password: 'a-long-enough-password-2026' }),
    runs: 30,
  },
  'PATCH users/{id}': { as: 'sysadmin', params: (f) => ({ id: f.spareUserId }), body: (f) => ({ displayName: 'Spare officer', roles: ['BORDER_OFFICIAL'], agencyId: f.shelterAgencyId, borderPointIds: [f.NMG] }) },
  'POST users/{id}/password-reset': { as: 'sysadmin', params: (f) => ({ id: f.spareUserId }), runs: 30 },
  'POST users/{id}/deactivate': { as: 'sysadmin', params: (f) => ({ id: f.spareUserId }) },
  'POST users/{id}/reactivate': { as: 'sysadmin', params: (f) => ({ id: f.spareUserId }) },
  'PATCH agencies/{id}': {
    as: 'sysadmin',
    params: (f) => ({ id: f.spareAgencyId }),
    body: (f) => ({ kind: 'HEALTH', services: ['MEDICAL_CARE'], coverageBorderPointIds: [f.spareBorderPointId], coverageRegions: ['Tanga'], languages: ['sw'], dailyCapacity: 5 }),
  },
  'PATCH border-points/{id}': { as: 'sysadmin', params: (f) => ({ id: f.spareBorderPointId }), body: () => ({ name: 'Spare crossing', region: 'Tanga', kind: 'SEA', active: true }) },
  'POST intakes': {
    as: 'border.official',
    body: (f) => ({
      intakeId: randomUUID(),
      mode: 'FULL',
      arrival: { borderPointId: f.NMG, arrivedAt: at(-2), mode: 'LAND', how: 'IRREGULAR_CROSSING', route: ['ETH', 'KEN'], intendedDestination: 'ZAF', smugglerUsed: true },
      persons: [person({ ref: 'mother' }), { ref: 'child', givenName: 'Hodan', sex: 'FEMALE', statedAge: 6, nationalities: ['SOM'], travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }], screening: { answers: { caregiver_present: true } } }],
    }),
  },
  // On the mother's case: a new record re-profiles the person, and the shared case keeps its referral.
  'PUT cases/{id}/intake': { as: 'border.official', params: (f) => ({ id: f.motherCaseId }), body: () => ({ version: 1, person: person() }) },
  'POST cases/{id}/companions/{companionCaseId}/verification': {
    as: 'border.supervisor',
    params: (f) => ({ id: f.childCaseId, companionCaseId: f.motherCaseId }),
    body: () => ({ verified: true, note: 'Birth certificate seen' }),
  },
  'POST cases/{id}/profiles': { as: 'border.official', body: () => ({ profile: 'SGBV_SURVIVOR', reason: 'Disclosed in the follow-up interview' }) },
  'POST cases/{id}/profiles/{profile}/confirm': { as: 'border.official', params: (f) => ({ id: f.caseId, profile: 'ASYLUM_SEEKER' }) },
  'POST cases/{id}/profiles/{profile}/remove': { as: 'border.official', params: (f) => ({ id: f.caseId, profile: 'SGBV_SURVIVOR' }), body: () => reason },
  'POST cases/{id}/encounters/{encounterId}/link': { as: 'border.supervisor', body: () => reason },
  'POST cases/{id}/encounters/{encounterId}/dismiss': { as: 'border.supervisor', body: () => reason },
  'POST cases/{id}/consents': { as: 'border.official', body: () => ({ purpose: 'REFERRAL', recipientAgencyKind: 'NGO', decision: 'GIVEN', language: 'so', interpreter: { used: true, language: 'so', name: 'Hodan Ali' } }) },
  'POST cases/{id}/consents/{consentId}/withdraw': { as: 'border.official', body: () => reason },
  'POST referrals/{id}/acknowledge': { as: referralWorker, params: referral, body: () => ({}) },
  'POST referrals/{id}/accept': { as: referralWorker, params: referral, body: () => ({}) },
  'POST referrals/{id}/decline': { as: referralWorker, params: referral, body: () => reason },
  'POST referrals/{id}/start': { as: referralWorker, params: referral, body: () => ({}) },
  'POST referrals/{id}/complete': { as: referralWorker, params: referral, body: () => ({ outcomeCode: 'SERVICE_PROVIDED', note: 'Placed in the shelter' }) },
  'POST referrals/{id}/withdraw': { as: 'border.official', params: referral, body: () => reason },
  'POST sops': { as: 'sop.admin', body: () => ({ ...(DEFAULT_SOP_DOCUMENT as Record<string, Json>), version: 'tza-joint-sop-fuzz' }) },
  'POST sops/validate': { as: 'sop.admin', body: () => DEFAULT_SOP_DOCUMENT as Record<string, Json> },
  'POST sops/{id}/simulate': {
    as: 'sop.admin',
    params: sop,
    body: () => ({
      samples: [
        {
          name: 'A boy alone',
          borderPointCode: 'NMG',
          languages: ['sw'],
          facts: { person: { sex: 'MALE', statedAge: 15, nationalities: ['COD'] }, arrival: { arrivedAt: at(-1), mode: 'LAND' }, answers: { caregiver_present: false } },
        },
      ],
    }),
  },
  'POST sops/{id}/approve': { as: 'shelter.manager', params: sop },
  'POST sops/{id}/activate': { as: 'sop.admin', params: sop },
  'POST sops/{id}/retire': { as: 'sop.admin', params: sop },
  'PUT agencies/{id}/webhook': { as: 'sysadmin', params: (f) => ({ id: f.shelterAgencyId }), body: () => ({ url: 'https://cases.example.org/kivuko/events' }) },
  'POST agencies/{id}/webhook/test': { as: 'sysadmin', params: (f) => ({ id: f.shelterAgencyId }) },
  'DELETE agencies/{id}/webhook': { as: 'sysadmin', params: (f) => ({ id: f.hakiAgencyId }) },
  'PUT agencies/{id}/duty-email': { as: 'shelter.manager', params: (f) => ({ id: f.shelterAgencyId }), body: () => ({ address: 'duty@tumaini.example.org', language: 'fr' }) },
  'DELETE agencies/{id}/duty-email': { as: 'sysadmin', params: (f) => ({ id: f.hakiAgencyId }) },
  'POST notifications/deliveries/{id}/resend': { as: 'sysadmin', params: (f) => ({ id: f.deliveryId }) },
  // A job id as the outbox gives them; no such job is in the queue, so a well-formed request is a 404.
  'POST admin/queues/{queue}/jobs/{jobId}/retry': { as: 'sysadmin', params: (f) => ({ queue: 'referrals', jobId: `referrals.webhook-${f.none}` }) },
  'DELETE admin/queues/{queue}/jobs/{jobId}': { as: 'sysadmin', params: (f) => ({ queue: 'referrals', jobId: `referrals.webhook-${f.none}` }) },
  'PUT notifications/mine': { as: 'shelter.caseworker', body: () => ({ kinds: ['NEW_REFERRAL', 'DEADLINE_SOON'], address: 'amani@tumaini.example.org', language: 'sw' }) },
  'POST cases/{id}/notes': { as: 'border.official', body: () => ({ sensitivity: 'NORMAL', text: 'Met at the shelter; interpreter booked for Thursday.' }) },
  'POST cases/{id}/asylum-claim': { as: 'asylum.reviewer', body: () => ({ registeredOn: day(), reference: 'RSA/2026/00123', procedure: 'REGULAR' }) },
  'POST cases/{id}/asylum-claim/interviews': { as: 'asylum.reviewer', body: () => ({ date: day() }) },
  'POST cases/{id}/asylum-claim/decision': { as: 'asylum.reviewer', body: () => ({ decision: 'REJECTED', decidedOn: day() }) },
  'POST cases/{id}/asylum-claim/appeal': { as: 'asylum.reviewer', body: () => ({ lodgedOn: day() }) },
  'POST cases/{id}/asylum-claim/appeal-outcome': { as: 'asylum.reviewer', body: () => ({ outcome: 'DISMISSED', decidedOn: day() }) },
  'POST cases/{id}/asylum-claim/withdraw': { as: 'asylum.reviewer', body: () => ({ withdrawnOn: day() }) },
  'POST cases/{id}/asylum-wish/withdrawal': {
    as: 'asylum.reviewer',
    body: () => ({ withdrawnOn: day(), words: 'I no longer want to ask for asylum here; I will go home to my family.', interpreterUsed: true, language: 'so' }),
  },
  'PUT cases/{id}/trafficking/identification': { as: 'trafficking.coordinator', body: () => ({ status: 'PRESUMED' }) },
  'POST cases/{id}/trafficking/reflection-period': { as: 'trafficking.coordinator', body: () => ({ startsOn: day() }) },
  'POST cases/{id}/trafficking/residence-permit': { as: 'trafficking.coordinator', body: () => ({ reference: 'RP-2026-0042', grantedOn: day(), expiresOn: day(365) }) },
  'POST cases/{id}/trafficking/assistance': { as: 'trafficking.coordinator', body: () => ({ kind: 'SHELTER', providedOn: day(), provider: 'Tumaini Shelter' }) },
  'POST cases/{id}/guardians': { as: 'child.protection', params: (f) => ({ id: f.childCaseId }), body: () => ({ guardianName: 'Asha Mwakyusa', organisation: 'District Social Welfare Office', appointedOn: day() }) },
  'POST cases/{id}/best-interests': { as: 'child.protection', params: (f) => ({ id: f.childCaseId }), body: () => ({ kind: 'BIA', openedOn: day() }) },
  'POST cases/{id}/best-interests/{procedureId}/complete': {
    as: 'child.protection',
    params: (f) => ({ id: f.childCaseId, procedureId: f.none }),
    body: () => ({ completedOn: day(), reasons: 'Mother traced; home visit positive; the child wishes to return.' }),
  },
  'POST cases/{id}/age-assessments': { as: 'child.protection', body: () => ({ seriousDoubt: 'His passport gives 1990 as the year of birth', requestedOn: day() }) },
  'POST cases/{id}/age-assessments/{assessmentId}/complete': { as: 'child.protection', body: () => ({ method: 'DOCUMENTARY', completedOn: day(), minimumAge: 30, maximumAge: 34 }) },
  'POST cases/{id}/family-tracing': {
    as: 'child.protection',
    params: (f) => ({ id: f.childCaseId }),
    body: () => ({ soughtRelatives: [{ relationship: 'FATHER', name: 'Abdi Warsame', lastKnownLocation: 'Kismayo (2025)' }] }),
  },
  'POST cases/{id}/family-tracing/{tracingId}/stop': { as: 'child.protection', params: (f) => ({ id: f.childCaseId, tracingId: f.none }), body: () => ({ reason: 'The uncle sought is the suspected recruiter' }) },
  'POST cases/{id}/family-tracing/{tracingId}/outcome': { as: 'child.protection', params: (f) => ({ id: f.childCaseId, tracingId: f.none }), body: () => ({ status: 'LOCATED', on: day() }) },
  'POST cases/{id}/reunifications': {
    as: 'child.protection',
    params: (f) => ({ id: f.childCaseId }),
    body: () => ({ relative: { relationship: 'MOTHER', name: 'Furaha Bahati', country: 'TZA' }, abroad: false, relationshipVerified: true, childConsent: true }),
  },
  'POST cases/{id}/reunifications/{reunificationId}/child-views': { as: 'child.protection', params: (f) => ({ id: f.childCaseId, reunificationId: f.none }), body: () => ({ childConsent: true }) },
  'POST cases/{id}/reunifications/{reunificationId}/outcome': { as: 'child.protection', params: (f) => ({ id: f.childCaseId, reunificationId: f.none }), body: () => ({ status: 'REUNIFIED', on: day() }) },
  'POST cases/{id}/care-placements': { as: 'child.protection', params: (f) => ({ id: f.childCaseId }), body: () => ({ kind: 'FOSTER_FAMILY', provider: 'Kigoma foster family network', startedOn: day() }) },
  'POST cases/{id}/care-placements/{placementId}/end': { as: 'child.protection', params: (f) => ({ id: f.childCaseId, placementId: f.none }), body: () => ({ endedOn: day(), reason: 'Reunified with her aunt' }) },
  'POST cases/{id}/detentions': {
    as: 'border.official',
    body: () => ({
      place: 'Namanga holding facility',
      legalBasis: 'Immigration Act s.12(3)',
      individualAssessment: { pregnant: false, seriouslyIll: false, summary: 'No address in the country; did not report as asked.' },
      alternativesConsidered: ['Reporting twice a week: no fixed address'],
      startedAt: at(-1),
      nextReviewOn: day(7),
    }),
  },
  'POST cases/{id}/detentions/{episodeId}/reviews': { as: 'border.official', body: () => ({ reviewedOn: day(), outcome: 'CONTINUE', nextReviewOn: day(7) }) },
  'POST cases/{id}/detentions/{episodeId}/access': { as: 'border.official', body: () => ({ visitorKind: 'UNHCR', organisation: 'Refugee Agency', visitedAt: at(-1), granted: true }) },
  'POST cases/{id}/detentions/{episodeId}/end': { as: 'border.official', body: () => ({ endedAt: at(-1), reason: 'Released to the shelter' }) },
  'POST cases/{id}/removal-orders': { as: 'immigration.officer', body: () => ({ decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'KEN' }) },
  'POST cases/{id}/removal-orders/{orderId}/execute': { as: 'immigration.officer', body: () => ({ executedAt: at(-1) }) },
  'POST cases/{id}/removal-orders/{orderId}/cancel': { as: 'immigration.officer', body: () => ({ on: day(), reason: 'Asylum claim registered' }) },
  'POST cases/{id}/voluntary-returns': { as: 'return.counsellor', body: () => ({ requestedOn: day(), destinationCountry: 'ETH' }) },
  'POST cases/{id}/voluntary-returns/{returnId}/counselling': { as: 'return.counsellor', body: () => ({ heldOn: day(), counsellor: 'Return counsellor, Migration Agency' }) },
  'POST cases/{id}/voluntary-returns/{returnId}/voluntariness': { as: 'return.counsellor', body: () => ({ confirmedOn: day(), freeAndInformed: true }) },
  'POST cases/{id}/voluntary-returns/{returnId}/vulnerability-assessment': { as: 'return.counsellor', body: () => ({ assessedOn: day(), outcome: 'NO_CONCERN' }) },
  'POST cases/{id}/voluntary-returns/{returnId}/depart': { as: 'return.counsellor', body: () => ({ departedAt: at(-1) }) },
  'POST cases/{id}/voluntary-returns/{returnId}/withdraw': { as: 'return.counsellor', body: () => ({ on: day(), reason: 'Asylum claim registered' }) },
  'POST cases/{id}/flags': { as: 'legal.caseworker', body: () => ({ kind: 'REFOULEMENT_RISK', reason: 'Reports of persecution of returnees at the destination' }) },
  'POST cases/{id}/flags/{flagId}/close': { as: 'legal.caseworker', body: () => ({ reason: 'Country information reviewed; risk no longer present' }) },
  'POST cases/{id}/tasks': { as: 'shelter.caseworker', body: () => ({ title: 'Book an interpreter for the interview', dueAt: at(48) }) },
  'POST tasks/{taskId}/complete': { as: 'shelter.caseworker', body: () => ({}) },
  'POST tasks/{taskId}/cancel': { as: 'shelter.caseworker', body: () => ({ reason: 'No longer needed' }) },
  'PUT cases/{id}/assignment': { as: 'shelter.manager', body: (f) => ({ userId: f.shelterCaseworkerId }) },
  'POST cases/{id}/transfers': { as: 'shelter.manager', body: (f) => ({ toAgencyId: f.hakiAgencyId, reason: 'The legal aid office takes over the lead' }) },
  'POST transfers/{transferId}/accept': { as: 'legal.caseworker' },
  'POST transfers/{transferId}/decline': { as: 'legal.caseworker', body: () => reason },
  'POST transfers/{transferId}/cancel': { as: 'shelter.manager', body: () => reason },
  'POST cases/{id}/services': { as: 'shelter.caseworker', body: () => ({ kind: 'SHELTER', provider: 'Tumaini Shelter', deliveredOn: day() }) },
  'POST cases/{id}/close': { as: 'border.official', body: () => ({ outcomeCode: 'RECOGNISED_REFUGEE', reason: 'Recognised; moved to Dar es Salaam' }) },
  'POST cases/{id}/reopen': { as: 'border.official', body: () => ({ reason: 'Returned to the border point asking for help' }) },
};
