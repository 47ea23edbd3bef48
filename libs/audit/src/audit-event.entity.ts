import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

/**
 * One audited fact: who did what to which case, why, and with what outcome. Rows are only ever
 * inserted (the database refuses UPDATE, DELETE and TRUNCATE) and each carries `hash`, which covers
 * its content and `prevHash`, the hash of the previous row of the same chain (`case:<uuid>`, or
 * `day:YYYY-MM-DD` in UTC for events without a case).
 *
 * Written with SQL by AuditService, not through this entity: it exists so the schema is declared once
 * and checked against the migrations.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_chain_idx', ['chainKey', 'id'])
@Index('audit_event_case_idx', ['caseId', 'id'], { where: '"case_id" IS NOT NULL' })
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'audit_event_pk' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'chain_key', type: 'text' })
  chainKey!: string;

  /** A code such as `CASE.READ`, `AUTH.LOGIN_FAILED`, `ACCESS.DENIED`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** The account name; also set, without a user id, for failed logins of unknown accounts. */
  @Column({ name: 'actor_username', type: 'text', nullable: true })
  actorUsername!: string | null;

  @Column({ name: 'actor_agency_id', type: 'uuid', nullable: true })
  actorAgencyId!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true, default: [] })
  actorRoles!: string[];

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'field_groups', type: 'text', array: true, default: [] })
  fieldGroups!: string[];

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  /** Ids, codes and counts only: never names or narratives. */
  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, string | number | boolean | null>;

  /** Null only for the first event of its chain. */
  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  /**
   * `hash` is `chainHash` keyed under this audit key (see AuditKeyring). Null only for events recorded
   * before the trail was keyed: those verify by the old unkeyed rule, and only up to their chain's
   * recorded legacy head (AuditLegacyHead); an unkeyed event after it is a forgery.
   */
  @Column({ name: 'key_id', type: 'text', nullable: true })
  keyId!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
