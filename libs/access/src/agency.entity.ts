import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyKind, AgencyService } from './access.enums';

@Entity({ name: 'agency' })
@Index('agency_name_uq', ['name'], { unique: true })
@Index('agency_kind_idx', ['kind'])
export class Agency {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agency_pk' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services!: AgencyService[];

  /** Border points this agency serves. */
  @Column({ name: 'coverage_border_point_ids', type: 'uuid', array: true, default: () => "'{}'" })
  coverageBorderPointIds!: string[];

  @Column({ name: 'coverage_regions', type: 'text', array: true, default: () => "'{}'" })
  coverageRegions!: string[];

  /** ISO 639 codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  /** New referrals the agency can take per day; null when not limited. */
  @Column({ name: 'daily_capacity', type: 'integer', nullable: true })
  dailyCapacity!: number | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  /** Where referral events are POSTed (signed); null when the agency works from its queue only. */
  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
