import { BID_DECISIONS } from '@kivuko/safeguards';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CalendarDate, Text, VersionedDto } from '../record.dto';

export class GuardianAppointmentDto {
  @ApiProperty({ example: 'Asha Mwakyusa' })
  @Text(200)
  guardianName!: string;

  @ApiPropertyOptional({ example: 'District Social Welfare Office' })
  @IsOptional()
  @Text(200)
  organisation?: string;

  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  appointedOn!: string;
}

export class OpenBestInterestsDto {
  @ApiProperty({ enum: ['BIA', 'BID'], description: 'A best-interests assessment, or a determination by a panel' })
  @IsIn(['BIA', 'BID'])
  kind!: 'BIA' | 'BID';

  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  openedOn!: string;
}

export class CompleteBestInterestsDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-20' })
  @CalendarDate()
  completedOn!: string;

  @ApiPropertyOptional({ type: [String], description: 'A determination’s panel: two members at least', example: ['Child Protection Service', 'Refugee Agency'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  panelMembers?: string[];

  @ApiPropertyOptional({ enum: BID_DECISIONS, description: 'Required for a determination' })
  @IsOptional()
  @IsIn(BID_DECISIONS)
  decision?: (typeof BID_DECISIONS)[number];

  @ApiProperty({ example: 'Mother traced in Kigali; home visit positive; the child wishes to return.' })
  @Text(8000)
  reasons!: string;
}

export class RequestAgeAssessmentDto {
  @ApiPropertyOptional({
    description: 'The serious doubt about the stated age that justifies an assessment; may be left out when the intake recorded one (serious_doubt_about_age), which then counts',
    example: 'Documents give 1999 as the year of birth',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  seriousDoubt?: string;

  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  requestedOn!: string;
}

export const AGE_METHODS = ['DOCUMENTARY', 'PSYCHOSOCIAL_INTERVIEW', 'MULTIDISCIPLINARY', 'MEDICAL'] as const;

export class CompleteAgeAssessmentDto extends VersionedDto {
  @ApiProperty({ enum: AGE_METHODS })
  @IsIn(AGE_METHODS)
  method!: (typeof AGE_METHODS)[number];

  @ApiProperty({ example: '2026-12-10' })
  @CalendarDate()
  completedOn!: string;

  @ApiProperty({ description: 'The lowest age of the range found: the age recorded', minimum: 0, maximum: 120 })
  @IsInt()
  @Min(0)
  @Max(120)
  minimumAge!: number;

  @ApiProperty({ minimum: 0, maximum: 120 })
  @IsInt()
  @Min(0)
  @Max(120)
  maximumAge!: number;
}
