import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BorderPointKind } from './access.enums';

@Entity({ name: 'border_point' })
@Index('border_point_code_uq', ['code'], { unique: true })
export class BorderPoint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'border_point_pk' })
  id!: string;

  /** Short code used in case numbers, e.g. NMG in TZA-NMG-2026-000042. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** ISO 3166-1 alpha-3. */
  @Column({ type: 'char', length: 3 })
  country!: string;

  @Column({ type: 'text' })
  kind!: BorderPointKind;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
