import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../casework.dto';
import { CalendarDate } from '../records/record.dto';

export class MonitorPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Detentions: only episodes still open' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'The period from this day (UTC, inclusive): detentions started, events occurred, referrals overdue' })
  @IsOptional()
  @CalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'The period to this day (UTC, inclusive)' })
  @IsOptional()
  @CalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: the whole report for the filters as a CSV file (no cursor, no names, no narratives); `Accept: text/csv` does the same' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class SafeguardEventsQuery extends MonitorPageQuery {
  @ApiPropertyOptional({ enum: ['BLOCKED', 'OVERRIDDEN'] })
  @IsOptional()
  @IsIn(['BLOCKED', 'OVERRIDDEN'])
  outcome?: 'BLOCKED' | 'OVERRIDDEN';

  @ApiPropertyOptional({ enum: ['NON_REFOULEMENT', 'DETENTION_GUARD', 'NON_CRIMINALISATION', 'AGE'] })
  @IsOptional()
  @IsIn(['NON_REFOULEMENT', 'DETENTION_GUARD', 'NON_CRIMINALISATION', 'AGE'])
  safeguard?: 'NON_REFOULEMENT' | 'DETENTION_GUARD' | 'NON_CRIMINALISATION' | 'AGE';
}
