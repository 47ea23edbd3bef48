import { PageCursor, PageLimit } from '@kivuko/platform';
import { ArrivalHow, ArrivalMode, Relationship, Sex, UrgentNeed } from '@kivuko/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SOP_STATUSES, SopStatus } from './sop-view';

export class ListSopsQuery {
  @ApiPropertyOptional({ example: 'TZA', description: 'ISO 3166-1 alpha-3 country of the SOP' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'jurisdiction must be an ISO 3166-1 alpha-3 code such as TZA' })
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: SOP_STATUSES })
  @IsOptional()
  @IsIn(SOP_STATUSES)
  status?: SopStatus;

  @PageLimit({ max: 100, default: 50 })
  limit?: number;

  @PageCursor({ uuid: true, description: 'The nextCursor of the previous page' })
  cursor?: string;
}

export class DiffSopQuery {
  @ApiPropertyOptional({ description: 'The version to compare with (the "before"); default: the active version of the jurisdiction' })
  @IsOptional()
  @IsUUID('4')
  against?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PersonFactsDto {
  @ApiProperty({ enum: Sex })
  @IsEnum(Sex)
  sex!: Sex;

  @ApiPropertyOptional({ example: '1993-05-02' })
  @IsOptional()
  @Matches(DATE, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a calendar date' })
  dateOfBirth?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  dateOfBirthEstimated?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 130 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  statedAge?: number;

  @ApiProperty({ example: ['SOM'], description: 'ISO 3166-1 alpha-3 codes, STATELESS or UNKNOWN' })
  @IsArray()
  @ArrayMaxSize(5)
  @Matches(/^([A-Z]{3}|STATELESS|UNKNOWN)$/, { each: true, message: 'each nationality must be an ISO 3166-1 alpha-3 code, STATELESS or UNKNOWN' })
  nationalities!: string[];

  @ApiPropertyOptional({ example: 'SO-SH', description: 'Area of origin (prima facie list vocabulary)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  areaOfOriginCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  documentsHeldByOther?: boolean;
}

export class CompanionFactsDto {
  @ApiProperty({ enum: Relationship })
  @IsEnum(Relationship)
  relationship!: Relationship;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class ArrivalFactsDto {
  @ApiProperty({ example: '2026-11-20T08:30:00+03:00' })
  @IsISO8601({ strict: true }, { message: 'arrivedAt must be an ISO 8601 date-time' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'arrivedAt must be a date-time with a time zone' })
  arrivedAt!: string;

  @ApiProperty({ enum: ArrivalMode })
  @IsEnum(ArrivalMode)
  mode!: ArrivalMode;

  @ApiPropertyOptional({ enum: ArrivalHow })
  @IsOptional()
  @IsEnum(ArrivalHow)
  how?: ArrivalHow;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  smugglerUsed?: boolean;

  @ApiPropertyOptional({ type: [CompanionFactsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CompanionFactsDto)
  companions?: CompanionFactsDto[];
}

export class AgeAssessmentDto {
  @ApiProperty({ minimum: 0, maximum: 130 })
  @IsInt()
  @Min(0)
  @Max(130)
  minAge!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 130 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  maxAge?: number;

  @ApiPropertyOptional({ example: '2026-11-21' })
  @IsOptional()
  @Matches(DATE, { message: 'assessedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'assessedOn must be a calendar date' })
  assessedOn?: string;
}

export class AssessmentsDto {
  @ApiPropertyOptional({ type: AgeAssessmentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgeAssessmentDto)
  age?: AgeAssessmentDto;
}

/** The profiling engine's facts about one person (no names: samples are made up, not cases). */
export class CaseFactsDto {
  @ApiProperty({ type: PersonFactsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PersonFactsDto)
  person!: PersonFactsDto;

  @ApiProperty({ type: ArrivalFactsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ArrivalFactsDto)
  arrival!: ArrivalFactsDto;

  @ApiPropertyOptional({ enum: UrgentNeed, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(UrgentNeed, { each: true })
  urgentNeeds?: UrgentNeed[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { fear_of_return: true }, description: 'Screening answers by question id (checked against the questionnaire)' })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;

  @ApiPropertyOptional({ type: AssessmentsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentsDto)
  assessments?: AssessmentsDto;
}

export class SampleCaseDto {
  @ApiProperty({ example: 'Somali mother, asks for asylum (Kigoma)' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'KGM' })
  @Matches(/^[A-Z0-9]{2,10}$/, { message: 'borderPointCode must be a border point code such as KGM' })
  borderPointCode!: string;

  @ApiPropertyOptional({ type: String, example: 'Kigoma', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string | null;

  @ApiPropertyOptional({ example: ['so'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'each language must be an ISO 639 code such as sw' })
  languages?: string[];

  @ApiProperty({ type: CaseFactsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CaseFactsDto)
  facts!: CaseFactsDto;
}

export const SIMULATION_SOURCES = ['SAMPLES', 'RECENT'] as const;
export type SimulationSource = (typeof SIMULATION_SOURCES)[number];
export const RECENT_CASES_MAX = 1000;

export class SimulateSopDto {
  @ApiPropertyOptional({
    enum: SIMULATION_SOURCES,
    default: 'SAMPLES',
    description:
      'SAMPLES: the samples given (default: the built-in ones). RECENT: the cases registered in the last `days` at the jurisdiction\'s border points, newest first, at most `limit`; each case is answered by its case number, border point, profiles and routes only.',
  })
  @IsOptional()
  @IsIn(SIMULATION_SOURCES)
  source?: SimulationSource;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'RECENT only: how many days back' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: RECENT_CASES_MAX, default: 200, description: 'RECENT only: at most this many cases, the newest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(RECENT_CASES_MAX)
  limit?: number;

  @ApiPropertyOptional({ type: [SampleCaseDto], description: 'SAMPLES only: sample arrivals; default: the built-in samples at the demo border points' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SampleCaseDto)
  samples?: SampleCaseDto[];
}
