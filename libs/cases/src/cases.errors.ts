import { defineErrors } from '@kivuko/platform';

/**
 * Every refusal of the case context (intake, reading, consent, encounters, profiling of a case), with its kind
 * (which decides the HTTP status) and what it says when the place raising it has nothing more precise to say.
 */
export const CaseErrors = defineErrors('cases', {
  'CASE.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No case with this id is visible to you' },
  'CASE.VERSION_CONFLICT': { kind: 'CONFLICT', message: 'The case changed since the version you read: read it again' },
  'CASE.CLOSED': { kind: 'CONFLICT', message: 'A closed case cannot be changed' },
  'INTAKE.ID_CONFLICT': { kind: 'CONFLICT', message: 'This intake id was already used for a different submission; send a new intake id for a new registration' },
  'INTAKE.BORDER_POINT_NOT_ASSIGNED': { kind: 'FORBIDDEN', message: 'You can register arrivals only at the border points you are attached to' },
  'INTAKE.INVALID': { kind: 'BAD_INPUT', message: 'The intake has invalid fields' },
  'INTAKE.UNKNOWN_BORDER_POINT': { kind: 'BAD_INPUT', message: 'The border point of the arrival does not exist' },
  'INTAKE.INVALID_ARRIVAL_DATE': { kind: 'BAD_INPUT', message: 'The arrival date is not a valid date' },
  'COMPANION.NOT_FOUND': { kind: 'NOT_FOUND', message: 'This case records no travel companion with this case id' },
  'CONSENT.INVALID': { kind: 'BAD_INPUT', message: 'The consent record has invalid fields' },
  'CONSENT.NOT_FOUND': { kind: 'NOT_FOUND', message: 'This case has no consent record with this id' },
  'CONSENT.NOT_WITHDRAWABLE': { kind: 'CONFLICT', message: 'A refusal is not withdrawn: record the consent given instead' },
  'CONSENT.ALREADY_WITHDRAWN': { kind: 'CONFLICT', message: 'This consent was already withdrawn' },
  'CONSENT.LEGAL_BASIS_NOT_PERMITTED': { kind: 'FORBIDDEN', message: 'Recording a legal basis in place of consent needs the CONSENT_LEGAL_BASIS permission (supervisors and agency managers)' },
  'CONSENT.NOT_YOURS_TO_WITHDRAW': { kind: 'FORBIDDEN', message: 'A consent recorded for another agency is withdrawn only by the agency that recorded it, an official of the border point of arrival, the lead agency or a supervisor' },
  'ENCOUNTER.NOT_FOUND': { kind: 'NOT_FOUND', message: 'This case has no possible encounter with this id' },
  'ENCOUNTER.ALREADY_DECIDED': { kind: 'CONFLICT', message: 'This possible encounter was already decided' },
  'PROFILE.INVALID': { kind: 'BAD_INPUT', message: 'The decision has invalid fields' },
  'PROFILE.NOT_SUGGESTED': { kind: 'NOT_FOUND', message: 'This profile is not suggested for the case: add it instead' },
  'PROFILE.ALREADY_CONFIRMED': { kind: 'CONFLICT', message: 'This profile is already confirmed' },
  'PROFILE.ALREADY_PRESENT': { kind: 'CONFLICT', message: 'This profile is already on the case: confirm it instead' },
  'PROFILE.NOT_PRESENT': { kind: 'NOT_FOUND', message: 'This profile is not on the case' },
  'SAFEGUARD.AGE_ASSESSMENT_REQUIRED': { kind: 'CONFLICT', message: 'The last child profile is removed only by a completed age assessment that found an adult: until then the person is presumed a child' },
  'SAFEGUARD.ASYLUM_WISH_RECORDED': { kind: 'CONFLICT', message: 'An asylum wish is recorded for this person: ASYLUM_SEEKER stays until the asylum authority records the person’s own withdrawal of the wish (or of the claim)' },
  'LEAFLET.NOT_FOUND': { kind: 'NOT_FOUND', message: 'There is no leaflet in this language' },
});

export type CaseErrorCode = keyof typeof CaseErrors.specs;
