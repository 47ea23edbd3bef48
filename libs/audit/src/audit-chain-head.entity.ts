import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The newest event of each chain, sealed with the audit key: updated with every event, in the same
 * transaction, so removing a chain's newest events (or the whole chain) is seen by verification. The app
 * role may write it, but cannot make a seal without the key.
 */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHead {
  @PrimaryColumn({ name: 'chain_key', type: 'text', primaryKeyConstraintName: 'audit_chain_head_pk' })
  chainKey!: string;

  @Column({ name: 'last_id', type: 'bigint' })
  lastId!: string;

  @Column({ name: 'last_hash', type: 'text' })
  lastHash!: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  /** chainHeadMac(chain key, last id, last hash). */
  @Column({ type: 'text' })
  mac!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Each chain's newest event when the trail became keyed, written once by the migration (which needs no
 * key) and read-only for the app role: the unkeyed events up to it verify by the old rule, none after.
 */
@Entity({ name: 'audit_legacy_head' })
export class AuditLegacyHead {
  @PrimaryColumn({ name: 'chain_key', type: 'text', primaryKeyConstraintName: 'audit_legacy_head_pk' })
  chainKey!: string;

  @Column({ name: 'last_id', type: 'bigint' })
  lastId!: string;

  @Column({ name: 'last_hash', type: 'text' })
  lastHash!: string;
}
