import { AuditChainHead, AuditLegacyHead } from './audit-chain-head.entity';
import { AuditEvent } from './audit-event.entity';

export { AuditEvent } from './audit-event.entity';
export type { AuditOutcome } from './audit-event.entity';
export { chainKeyFor } from './audit-chain';
export type { AuditDetailValue } from './audit-chain';
export { AuditChainHead, AuditLegacyHead } from './audit-chain-head.entity';
export * from './audit-key';
export { AuditErrors } from './audit.errors';
export * from './audit.service';
export * from './audit-verification.dto';
export { AuditController } from './audit.controller';
export { AuditModule } from './audit.module';

/** The audit context's entities, for the runtime's entity list. */
export const AUDIT_ENTITIES: Function[] = [AuditEvent, AuditChainHead, AuditLegacyHead];
