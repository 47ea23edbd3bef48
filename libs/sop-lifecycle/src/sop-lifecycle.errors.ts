import { defineErrors } from '@kivuko/platform';

/** Every refusal of the SOP lifecycle (upload, validation, approval, activation, retirement). */
export const SopLifecycleErrors = defineErrors('sop-lifecycle', {
  'SOP.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No SOP version with this id' },
  'SOP.INVALID': { kind: 'BAD_INPUT', message: 'The SOP is invalid: nothing was stored' },
  'SOP.LABEL_TAKEN': { kind: 'CONFLICT', message: 'The jurisdiction already has an SOP version with this label: give the new one another "version"' },
  'SOP.NO_ACTIVE_VERSION': { kind: 'CONFLICT', message: 'The jurisdiction has no active SOP version to compare with: name one with ?against=' },
  'SOP.NOT_A_SIGNATORY': { kind: 'FORBIDDEN', message: 'Your agency is not a signatory of this SOP version' },
  'SOP.NOT_A_DRAFT': { kind: 'CONFLICT', message: 'Only a draft can be approved, activated or withdrawn' },
  'SOP.ALREADY_APPROVED': { kind: 'CONFLICT', message: 'Your agency has already approved this version' },
  'SOP.APPROVALS_MISSING': { kind: 'CONFLICT', message: 'Not every signatory has approved this version yet' },
  'SOP.NO_LONGER_VALID': { kind: 'CONFLICT', message: 'The version no longer passes validation and cannot be activated' },
  'SOP.NOT_YET_EFFECTIVE': { kind: 'CONFLICT', message: 'This version does not take effect yet: activate it on or after its effective date' },
  'SOP.ACTIVATED_CONCURRENTLY': { kind: 'CONFLICT', message: 'Another version of the jurisdiction was activated at the same time: read the versions again' },
  'SOP.ACTIVE_NEEDS_SUCCESSOR': { kind: 'CONFLICT', message: 'This is the active SOP of its jurisdiction: activate the version that replaces it (which retires this one)' },
  'SOP.ALREADY_RETIRED': { kind: 'CONFLICT', message: 'This version is already retired' },
});
