import { OFFENCES } from '@kivuko/safeguards';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class OpenFlagDto {
  @ApiProperty({ enum: ['REFOULEMENT_RISK', 'PROSECUTION'] })
  @IsIn(['REFOULEMENT_RISK', 'PROSECUTION'])
  kind!: 'REFOULEMENT_RISK' | 'PROSECUTION';

  @ApiPropertyOptional({ enum: OFFENCES, description: 'Required for PROSECUTION' })
  @ValidateIf((o: OpenFlagDto) => o.kind === 'PROSECUTION' || o.offence !== undefined)
  @IsIn(OFFENCES)
  offence?: (typeof OFFENCES)[number];

  @ApiProperty({ example: 'Reports of persecution of returnees at the destination' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    description:
      'A supervisor’s written finding that the offence is unrelated to the trafficking: required to flag a presumed or identified trafficking victim for an OTHER offence (never accepted for a status offence); only with kind PROSECUTION and offence OTHER',
    example: 'The assault on the officer took place at the post after she had left the exploiters; it is unrelated to the trafficking.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  unrelatedOffenceFinding?: string;
}

export class CloseFlagDto {
  @ApiProperty({ example: 'Country information reviewed; risk no longer present' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}
