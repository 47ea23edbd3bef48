import { AuditChainHead, AuditLegacyHead } from './audit-chain-head.entity';
import { AuditEvent } from './audit-event.entity';

export { AuditService } from './audit.service';
export type { AuditVerification } from './audit.service';
export { AuditModule } from './audit.module';

/** The audit context's entities, for the runtime's entity list. */
export const AUDIT_ENTITIES: Function[] = [AuditEvent, AuditChainHead, AuditLegacyHead];
export { AuditErrors } from './audit.errors';
export { AuditKeyring } from './audit-key';
