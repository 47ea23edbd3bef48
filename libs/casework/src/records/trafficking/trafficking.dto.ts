import { TRAFFICKING_STATUSES } from '@kivuko/safeguards';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CalendarDate, Text, VersionedDto } from '../record.dto';

export class TraffickingIdentificationDto extends VersionedDto {
  @ApiProperty({ enum: TRAFFICKING_STATUSES, description: 'POTENTIAL → PRESUMED → IDENTIFIED or NOT_IDENTIFIED' })
  @IsIn(TRAFFICKING_STATUSES)
  status!: (typeof TRAFFICKING_STATUSES)[number];
}

export class ReflectionPeriodDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  startsOn!: string;

  @ApiPropertyOptional({ description: 'Length in days; the joint SOP’s reflection period (30 days by default) when left out', minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

export class ResidencePermitDto extends VersionedDto {
  @ApiProperty({ example: 'RP-2027-0042' })
  @Text(80)
  reference!: string;

  @ApiProperty({ example: '2027-01-10' })
  @CalendarDate()
  grantedOn!: string;

  @ApiProperty({ example: '2028-01-10' })
  @CalendarDate()
  expiresOn!: string;
}

export const ASSISTANCE_KINDS = ['SHELTER', 'MEDICAL', 'PSYCHOSOCIAL', 'LEGAL', 'INTERPRETATION', 'FINANCIAL', 'EDUCATION', 'VOCATIONAL', 'REINTEGRATION'] as const;

export class TraffickingAssistanceDto {
  @ApiProperty({ enum: ASSISTANCE_KINDS })
  @IsIn(ASSISTANCE_KINDS)
  kind!: (typeof ASSISTANCE_KINDS)[number];

  @ApiProperty({ example: '2026-12-02' })
  @CalendarDate()
  providedOn!: string;

  @ApiProperty({ example: 'Tumaini Shelter' })
  @Text(200)
  provider!: string;
}
