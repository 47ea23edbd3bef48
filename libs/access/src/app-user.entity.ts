import { Role } from '@kivuko/platform';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './agency.entity';

@Entity({ name: 'app_user' })
@Index('app_user_username_uq', ['username'], { unique: true })
@Index('app_user_agency_idx', ['agencyId'])
export class AppUser {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'app_user_pk' })
  id!: string;

  /** Lower-case login name. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'app_user_agency_fk' })
  agency?: Agency;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  /** Border points a border official works at. */
  @Column({ name: 'border_point_ids', type: 'uuid', array: true, default: () => "'{}'" })
  borderPointIds!: string[];

  /** argon2id; null for accounts that sign in through an identity provider. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The password was chosen by someone else (first password, reset): a sign-in may only change it. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
