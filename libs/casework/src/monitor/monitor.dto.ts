import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../casework.dto';

export class MonitorPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Detentions: only episodes still open' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
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
