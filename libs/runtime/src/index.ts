import { ACCESS_ENTITIES } from '@kivuko/access';
import { AUDIT_ENTITIES } from '@kivuko/audit';
import { CASE_ENTITIES } from '@kivuko/cases';
import { ALL_MIGRATIONS } from '@kivuko/migrations';
import { PLATFORM_ENTITIES } from '@kivuko/platform';

export { KivukoModule } from './kivuko.module';
export { ERROR_CATALOGS, ERROR_CODES } from './error-codes';
export { ALL_MIGRATIONS };

/** Every entity of every bounded context. */
export const KIVUKO_ENTITIES: Function[] = [...PLATFORM_ENTITIES, ...AUDIT_ENTITIES, ...ACCESS_ENTITIES, ...CASE_ENTITIES];
export { rotateEncryptionKeys, verifyAuditTrail } from './key-commands';
/**
 * The safeguards as pure functions, for what the apps build on the same rules the services enforce (the
 * api's model-based tests use them as their oracle).
 */
export { CHILD_PROFILES, detentionGrounds, NO_FACTS, nonRefoulementReasons, OFFENCES, profileRemovalRefused, prosecutionBlocked, prosecutionRefusal } from '@kivuko/safeguards';
export type { AppealOutcome, IndividualAssessment, Offence, SafeguardFacts, TraffickingStatus } from '@kivuko/safeguards';
/** For the api's tests: the demo users, the default SOP document, and the session registry with its cache bound. */
export { DEMO_USERS, SESSION_CACHE_MS, SessionRegistry, TokenService } from '@kivuko/access';
export { DEFAULT_SOP_DOCUMENT } from '@kivuko/sop';
