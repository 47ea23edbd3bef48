import { defineErrors } from '@kivuko/platform';

/**
 * The refusals of the audit trail. It has none to give a caller today: a malformed audit entry is a
 * programming error (a plain Error, a 500), and verification reports a broken chain in its answer. A
 * refusal added here is published with the others.
 */
export const AuditErrors = defineErrors('audit', {});
