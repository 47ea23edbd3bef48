import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import {
  ArrivalHow,
  ArrivalMode,
  DocumentKind,
  InformationTopic,
  IntakeMode,
  Relationship,
  Sex,
  UrgentNeed,
} from '../intake.enums';
import { IsCalendarDate, IsCountry, IsLanguage, IsNationality, IsZonedDateTime } from './codes';

export const MAX_PERSONS_PER_INTAKE = 50;
const NAME_LIMIT = 100;

export class AreaOfOriginDto {
  @ApiProperty({ example: 'Lower Shabelle' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'A code from the prima facie area list, when there is one', example: 'SO-SH' })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { message: 'code must be 1-32 capital letters, digits or -' })
  code?: string;
}

export class InterpreterDto {
  @ApiProperty()
  @IsBoolean()
  needed!: boolean;

  @ApiPropertyOptional({ enum: [Sex.Female, Sex.Male], description: 'The interpreter sex the person asked for' })
  @IsOptional()
  @IsEnum([Sex.Female, Sex.Male], { message: 'sex must be FEMALE or MALE' })
  sex?: Sex;
}

export class IdentityDocumentDto {
  @ApiProperty({ enum: DocumentKind })
  @IsEnum(DocumentKind)
  kind!: DocumentKind;

  @ApiProperty({ example: 'P1234567' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/, { message: 'number must be 1-40 letters, digits, spaces, dots, slashes or hyphens' })
  number!: string;

  @ApiProperty({ example: 'SOM' })
  @Validate(IsCountry)
  issuingCountry!: string;

  @ApiPropertyOptional({ example: '2029-03-31' })
  @IsOptional()
  @Validate(IsCalendarDate)
  expiresOn?: string;
}

export class CompanionDto {
  @ApiPropertyOptional({ description: 'The `ref` of another person in the same intake' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'ref must be 1-40 letters, digits, _ or -' })
  ref?: string;

  @ApiPropertyOptional({ description: 'An existing case' })
  @IsOptional()
  @IsUUID('4')
  caseId?: string;

  @ApiProperty({ enum: Relationship, description: 'As claimed: recorded as unverified' })
  @IsEnum(Relationship)
  relationship!: Relationship;
}

export class InformationGivenDto {
  @ApiProperty({ enum: InformationTopic, isArray: true })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEnum(InformationTopic, { each: true })
  topics!: InformationTopic[];

  @ApiProperty({ example: 'so' })
  @Validate(IsLanguage)
  language!: string;

  @ApiPropertyOptional({ example: 'TZA-2026.1' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'leafletVersion must be 1-40 letters, digits, dots, _ or -' })
  leafletVersion?: string;
}

export class ScreeningDto {
  @ApiPropertyOptional({ example: 'kivuko-screening', description: 'Defaults to the current questionnaire' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'questionnaire must be a questionnaire code such as kivuko-screening' })
  questionnaire?: string;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ description: 'Question id → answer, checked against the questionnaire', example: { fear_of_return: true } })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class PersonIntakeDto {
  @ApiPropertyOptional({ description: 'A label for this person within the intake, for `travelledWith`', example: 'p1' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'ref must be 1-40 letters, digits, _ or -' })
  ref?: string;

  @ApiPropertyOptional({ example: 'Amina' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_LIMIT)
  givenName?: string;

  @ApiPropertyOptional({ example: 'Warsame' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_LIMIT)
  familyName?: string;

  @ApiPropertyOptional({ type: [String], description: 'Other names and spellings used' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2 * NAME_LIMIT, { each: true })
  otherNames?: string[];

  @ApiPropertyOptional({ description: 'Mass arrival without names: what identifies the person', example: 'woman, red scarf, carrying infant' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  description?: string;

  @ApiProperty({ enum: Sex })
  @IsEnum(Sex)
  sex!: Sex;

  @ApiPropertyOptional({ example: '2010-05-01' })
  @IsOptional()
  @Validate(IsCalendarDate)
  dateOfBirth?: string;

  @ApiPropertyOptional({ description: 'The date of birth is an estimate' })
  @IsOptional()
  @IsBoolean()
  dateOfBirthEstimated?: boolean;

  @ApiPropertyOptional({ description: 'Age as stated, or approximate in a mass arrival', example: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  statedAge?: number;

  @ApiProperty({ type: [String], example: ['SOM'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @Validate(IsNationality, { each: true })
  nationalities!: string[];

  @ApiPropertyOptional({ type: AreaOfOriginDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AreaOfOriginDto)
  areaOfOrigin?: AreaOfOriginDto;

  @ApiPropertyOptional({ type: [String], example: ['so', 'sw'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Validate(IsLanguage, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ type: InterpreterDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InterpreterDto)
  interpreter?: InterpreterDto;

  @ApiPropertyOptional({ type: [IdentityDocumentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  documents?: IdentityDocumentDto[];

  @ApiPropertyOptional({ description: "Someone else holds the person's documents" })
  @IsOptional()
  @IsBoolean()
  documentsHeldByOther?: boolean;

  @ApiPropertyOptional({ type: [CompanionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PERSONS_PER_INTAKE)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CompanionDto)
  travelledWith?: CompanionDto[];

  @ApiPropertyOptional({ type: InformationGivenDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => InformationGivenDto)
  informationGiven?: InformationGivenDto;

  @ApiPropertyOptional({ type: ScreeningDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScreeningDto)
  screening?: ScreeningDto;

  @ApiPropertyOptional({ enum: UrgentNeed, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEnum(UrgentNeed, { each: true })
  urgentNeeds?: UrgentNeed[];
}

export class ArrivalDto {
  @ApiProperty()
  @IsUUID('4')
  borderPointId!: string;

  @ApiProperty({ example: '2026-11-26T06:40:00Z' })
  @Validate(IsZonedDateTime)
  arrivedAt!: string;

  @ApiProperty({ enum: ArrivalMode })
  @IsEnum(ArrivalMode)
  mode!: ArrivalMode;

  @ApiPropertyOptional({ enum: ArrivalHow })
  @IsOptional()
  @IsEnum(ArrivalHow)
  how?: ArrivalHow;

  @ApiPropertyOptional({ type: [String], description: 'Transit countries in order', example: ['ETH', 'KEN'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Validate(IsCountry, { each: true })
  route?: string[];

  @ApiPropertyOptional({ example: 'ZAF' })
  @IsOptional()
  @Validate(IsCountry)
  intendedDestination?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  smugglerUsed?: boolean;
}

export class RegisterIntakeDto {
  @ApiProperty({ description: "The client's own id for this submission; sending it again returns the same cases" })
  @IsUUID('4')
  intakeId!: string;

  @ApiPropertyOptional({ enum: IntakeMode, default: IntakeMode.Full })
  @IsOptional()
  @IsEnum(IntakeMode)
  mode?: IntakeMode;

  @ApiProperty({ type: ArrivalDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ArrivalDto)
  arrival!: ArrivalDto;

  @ApiProperty({ type: [PersonIntakeDto], description: 'One person, or a family or group arriving together' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PERSONS_PER_INTAKE)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PersonIntakeDto)
  persons!: PersonIntakeDto[];
}

/** Completing a mass-arrival record, or correcting one: the person's full record, at the case's version. */
export class CompleteIntakeDto {
  @ApiPropertyOptional({ description: 'The case version this change was made on (or send it in If-Match); a stale version is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ type: PersonIntakeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PersonIntakeDto)
  person!: PersonIntakeDto;
}
