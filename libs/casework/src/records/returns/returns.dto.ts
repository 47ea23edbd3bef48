import { IsCountry, IsZonedDateTime } from '@kivuko/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Validate } from 'class-validator';
import { CalendarDate, Text, VersionedDto } from '../record.dto';

export class RemovalOrderDto {
  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  decidedOn!: string;

  @ApiProperty({ example: 'Immigration Act s.40' })
  @Text(400)
  legalBasis!: string;

  @ApiProperty({ example: 'KEN' })
  @Validate(IsCountry)
  destinationCountry!: string;
}

export class ExecuteRemovalDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-03T06:00:00Z' })
  @Validate(IsZonedDateTime)
  executedAt!: string;
}

export class CancelDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-02' })
  @CalendarDate()
  on!: string;

  @ApiProperty({ example: 'Asylum claim registered' })
  @Text(1000)
  reason!: string;
}

export class VoluntaryReturnDto {
  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  requestedOn!: string;

  @ApiProperty({ example: 'ETH' })
  @Validate(IsCountry)
  destinationCountry!: string;
}

export class CounsellingSessionDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-02' })
  @CalendarDate()
  heldOn!: string;

  @ApiProperty({ example: 'Return counsellor, Migration Agency' })
  @Text(200)
  counsellor!: string;

  @ApiPropertyOptional({ description: 'Whether an interpreter in the person’s language was present' })
  @IsOptional()
  @IsBoolean()
  interpreter?: boolean;
}

export class VoluntarinessDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-03' })
  @CalendarDate()
  confirmedOn!: string;

  @ApiProperty({ description: 'The person decided freely, informed of the alternatives, and knows they may withdraw at any time' })
  @IsIn([true], { message: 'freeAndInformed must be true: a return that is not free and informed is not voluntary' })
  freeAndInformed!: true;
}

export const VULNERABILITY_OUTCOMES = ['NO_CONCERN', 'CONCERN_ADDRESSED', 'REFER_FOR_PROTECTION'] as const;

export class VulnerabilityAssessmentDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-03' })
  @CalendarDate()
  assessedOn!: string;

  @ApiProperty({ enum: VULNERABILITY_OUTCOMES })
  @IsIn(VULNERABILITY_OUTCOMES)
  outcome!: (typeof VULNERABILITY_OUTCOMES)[number];
}

export class DepartureDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-05T07:30:00Z' })
  @Validate(IsZonedDateTime)
  departedAt!: string;
}
