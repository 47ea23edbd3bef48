import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job a committed transaction wants run. Written in the same transaction as the change that
 * needs it; the relay moves it to the queue and stamps `publishedAt`.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['id'], { where: '"published_at" IS NULL' })
@Index('outbox_message_job_id_idx', ['jobId'])
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

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
