import { BorderPoint } from '@kivuko/access';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * The last case number issued at one border point for arrivals in one (UTC) year. Written only by
 * `CaseNumberAllocator`, with a single upsert; see migrations/1764600000000-case-number.ts.
 */
@Entity({ name: 'case_number_counter' })
@Check('case_number_counter_value_ck', '"last_value" > 0')
export class CaseNumberCounter {
  @PrimaryColumn({ name: 'border_point_id', type: 'uuid', primaryKeyConstraintName: 'case_number_counter_pk' })
  borderPointId!: string;

  @ManyToOne(() => BorderPoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'border_point_id', foreignKeyConstraintName: 'case_number_counter_border_point_fk' })
  borderPoint?: BorderPoint;

  /** The arrival year in UTC. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'case_number_counter_pk' })
  year!: number;

  /** The sequence of the last case number issued; the next one is this plus one. */
  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
