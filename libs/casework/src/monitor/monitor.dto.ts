import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class MonitorPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

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

  @ApiPropertyOptional({ enum: ['NON_REFOULEMENT', 'DETENTION_GUARD', 'NON_CRIMINALISATION'] })
  @IsOptional()
  @IsIn(['NON_REFOULEMENT', 'DETENTION_GUARD', 'NON_CRIMINALISATION'])
  safeguard?: 'NON_REFOULEMENT' | 'DETENTION_GUARD' | 'NON_CRIMINALISATION';
}
