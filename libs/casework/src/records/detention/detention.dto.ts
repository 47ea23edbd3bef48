import { IsZonedDateTime } from '@kivuko/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, Text } from '../record.dto';

export class IndividualAssessmentDto {
  @ApiProperty()
  @IsBoolean()
  pregnant!: boolean;

  @ApiProperty()
  @IsBoolean()
  seriouslyIll!: boolean;

  @ApiProperty({ description: 'Why detention is necessary and proportionate for this person', example: 'No address; absconded twice from reporting.' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  summary!: string;
}

export class OpenDetentionDto {
  @ApiProperty({ example: 'Namanga holding facility' })
  @Text(200)
  place!: string;

  @ApiProperty({ example: 'Immigration Act s.12(3)' })
  @Text(400)
  legalBasis!: string;

  @ApiProperty({ type: IndividualAssessmentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => IndividualAssessmentDto)
  individualAssessment!: IndividualAssessmentDto;

  @ApiProperty({ type: [String], description: 'The alternatives to detention considered, and why each would not do', example: ['Reporting twice a week: no fixed address'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(1000, { each: true })
  alternativesConsidered!: string[];

  @ApiProperty({ example: '2026-12-01T09:00:00Z' })
  @Validate(IsZonedDateTime)
  startedAt!: string;

  @ApiProperty({ example: '2026-12-08' })
  @CalendarDate()
  nextReviewOn!: string;

  @ApiPropertyOptional({ description: 'A supervisor’s written justification to detain a protected person (audited, shown to monitors)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  overrideJustification?: string;
}

export class DetentionReviewDto {
  @ApiProperty({ example: '2026-12-08' })
  @CalendarDate()
  reviewedOn!: string;

  @ApiProperty({ enum: ['CONTINUE', 'RELEASE'] })
  @IsIn(['CONTINUE', 'RELEASE'])
  outcome!: 'CONTINUE' | 'RELEASE';

  @ApiPropertyOptional({ description: 'Required to continue', example: '2026-12-15' })
  @ValidateIf((o: DetentionReviewDto) => o.outcome === 'CONTINUE' || o.nextReviewOn !== undefined)
  @CalendarDate()
  nextReviewOn?: string;
}

export const VISITOR_KINDS = ['UNHCR', 'LEGAL_REPRESENTATIVE', 'NGO', 'FAMILY', 'CONSULAR'] as const;

export class DetentionAccessDto {
  @ApiProperty({ enum: VISITOR_KINDS })
  @IsIn(VISITOR_KINDS)
  visitorKind!: (typeof VISITOR_KINDS)[number];

  @ApiProperty({ example: 'Refugee Agency' })
  @Text(200)
  organisation!: string;

  @ApiProperty({ example: '2026-12-02T10:00:00Z' })
  @Validate(IsZonedDateTime)
  visitedAt!: string;

  @ApiProperty()
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional({ description: 'Required when access was refused' })
  @ValidateIf((o: DetentionAccessDto) => o.granted === false || o.refusalReason !== undefined)
  @Text(1000)
  refusalReason?: string;
}

export class EndDetentionDto {
  @ApiProperty({ example: '2026-12-05T16:00:00Z' })
  @Validate(IsZonedDateTime)
  endedAt!: string;

  @ApiProperty({ example: 'Released to the shelter' })
  @Text(1000)
  reason!: string;
}
