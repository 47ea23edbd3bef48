import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job a committed transaction wants run. Written in the same transaction as the change that
 * needs it; the relay moves it to the queue and stamps `publishedAt`; the process that runs it
 * stamps `completedAt` or `failedAt`. Until then PostgreSQL, not Redis, remembers that it is owed.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['id'], { where: '"published_at" IS NULL' })
@Index('outbox_message_job_id_idx', ['jobId'])
@Index('outbox_message_in_flight_idx', ['publishedAt'], {
  where: '"published_at" IS NOT NULL AND "completed_at" IS NULL AND "failed_at" IS NULL',
})
@Index('outbox_message_published_at_idx', ['publishedAt'], { where: '"published_at" IS NOT NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'outbox_message_pk' })
  id!: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName!: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Column({ type: 'jsonb' })
  payload!: object;

  /** When the job should run; null means at once. */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'publish_attempts', type: 'integer', default: 0 })
  publishAttempts!: number;

  /** Set by the process that ran the job to success. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Set when the job failed its last attempt; it is kept in the queue's failed set for triage. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  /** Runs of the job started (recorded before its handler runs; a retry after a lost outcome counts too). */
  @Column({ name: 'run_attempts', type: 'integer', default: 0 })
  runAttempts!: number;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
