import { AccessErrors } from '@kivuko/access';
import { AuditErrors } from '@kivuko/audit';
import { CaseErrors } from '@kivuko/cases';
import { CaseworkErrors } from '@kivuko/casework';
import { ErrorCatalog, ErrorCodeEntry, errorCodeList, PlatformErrors } from '@kivuko/platform';
import { ReferralErrors } from '@kivuko/referrals';
import { SopLifecycleErrors } from '@kivuko/sop-lifecycle';
import { OperationsErrors } from './operations.errors';

/** Every context's catalogue of refusals (`<context>.errors.ts`): a context with a catalogue is one line here. */
export const ERROR_CATALOGS: readonly ErrorCatalog<string>[] = [
  PlatformErrors,
  AccessErrors,
  AuditErrors,
  CaseErrors,
  CaseworkErrors,
  ReferralErrors,
  SopLifecycleErrors,
  OperationsErrors,
];

/** The published list of error codes (the OpenAPI document's `x-error-codes`); a code declared twice fails here. */
export const ERROR_CODES: readonly ErrorCodeEntry[] = errorCodeList(ERROR_CATALOGS);
