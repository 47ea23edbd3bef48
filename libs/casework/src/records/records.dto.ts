import { IsCalendarDate, IsCountry, IsLanguage, IsZonedDateTime } from '@kivuko/cases';
import { APPEAL_OUTCOMES, ASYLUM_DECISIONS, BID_DECISIONS, OFFENCES, TRAFFICKING_STATUSES } from '@kivuko/safeguards';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Optional compare-and-set: the record's version as last read; a stale one is 409. */
export class VersionedDto {
  @ApiPropertyOptional({ description: 'The version last read; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

const text = (max: number) => [IsString(), MinLength(1), MaxLength(max)];
function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((d) => d(target, key));
}
function CalendarDate(): PropertyDecorator {
  return Validate(IsCalendarDate);
}

// --- Asylum ---------------------------------------------------------------------------------------

export const ASYLUM_PROCEDURES = ['PRIMA_FACIE', 'REGULAR', 'ACCELERATED'] as const;

export class RegisterAsylumClaimDto {
  @ApiProperty({ example: '2026-11-30' })
  @CalendarDate()
  registeredOn!: string;

  @ApiProperty({ example: 'RSA/2026/00123' })
  @Text(80)
  reference!: string;

  @ApiProperty({ enum: ASYLUM_PROCEDURES })
  @IsIn(ASYLUM_PROCEDURES)
  procedure!: (typeof ASYLUM_PROCEDURES)[number];
}

export class AsylumInterviewDto extends VersionedDto {
  @ApiProperty({ example: '2026-12-05' })
  @CalendarDate()
  date!: string;
}

export class AsylumDecisionDto extends VersionedDto {
  @ApiProperty({ enum: ASYLUM_DECISIONS })
  @IsIn(ASYLUM_DECISIONS)
  decision!: (typeof ASYLUM_DECISIONS)[number];

  @ApiProperty({ example: '2027-01-20' })
  @CalendarDate()
  decidedOn!: string;
}

export class AsylumAppealDto extends VersionedDto {
  @ApiProperty({ example: '2027-02-01' })
  @CalendarDate()
  lodgedOn!: string;
}

export class AsylumAppealOutcomeDto extends VersionedDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: (typeof APPEAL_OUTCOMES)[number];

  @ApiProperty({ example: '2027-04-01' })
  @CalendarDate()
  decidedOn!: string;
}

export class AsylumWithdrawalDto extends VersionedDto {
  @ApiProperty({ example: '2027-01-02' })
  @CalendarDate()
  withdrawnOn!: string;
}

/** The person's own withdrawal of the asylum wish recorded at intake (the only thing that ends it). */
export class AsylumWishWithdrawalDto {
  @ApiProperty({ example: '2026-12-03', description: 'The day the person withdrew the wish (not before the arrival, not in the future)' })
  @CalendarDate()
  withdrawnOn!: string;

  @ApiProperty({ example: 'I do not want asylum here. I want to go on to my brother in Johannesburg.', description: 'The person’s own words, as heard (kept encrypted)', maxLength: 4000 })
  @Text(4000)
  words!: string;

  @ApiProperty({ description: 'Whether an interpreter was used', example: true })
  @IsBoolean()
  interpreterUsed!: boolean;

  @ApiProperty({ example: 'am', description: 'The language the person spoke (ISO 639)' })
  @Validate(IsLanguage)
  language!: string;
}

// --- Trafficking ----------------------------------------------------------------------------------

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

// --- Children -------------------------------------------------------------------------------------

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

// --- Detention ------------------------------------------------------------------------------------

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

// --- Removal and return ---------------------------------------------------------------------------

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

// --- Flags ----------------------------------------------------------------------------------------

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

// --- Family tracing, reunification, interim care (child protection) -------------------------------

export const RELATIVE_RELATIONSHIPS = ['MOTHER', 'FATHER', 'SIBLING', 'GRANDPARENT', 'AUNT_OR_UNCLE', 'COUSIN', 'SPOUSE', 'OTHER_RELATIVE', 'CUSTOMARY_CAREGIVER'] as const;

export class SoughtRelativeDto {
  @ApiProperty({ enum: RELATIVE_RELATIONSHIPS })
  @IsIn(RELATIVE_RELATIONSHIPS)
  relationship!: (typeof RELATIVE_RELATIONSHIPS)[number];

  @ApiPropertyOptional({ example: 'Furaha Bahati' })
  @IsOptional()
  @Text(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Uvira, South Kivu (2024)' })
  @IsOptional()
  @Text(400)
  lastKnownLocation?: string;
}

export class OpenTracingDto {
  @ApiProperty({ type: [SoughtRelativeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SoughtRelativeDto)
  soughtRelatives!: SoughtRelativeDto[];
}

export class StopTracingDto extends VersionedDto {
  @ApiProperty({ description: 'Why tracing could endanger the child or the family', example: 'The uncle sought is the suspected recruiter' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}

export class TracingOutcomeDto extends VersionedDto {
  @ApiProperty({ enum: ['LOCATED', 'NOT_FOUND'] })
  @IsIn(['LOCATED', 'NOT_FOUND'])
  status!: 'LOCATED' | 'NOT_FOUND';

  @ApiProperty({ example: '2027-01-15' })
  @CalendarDate()
  on!: string;
}

export class RelativeDto {
  @ApiProperty({ enum: RELATIVE_RELATIONSHIPS })
  @IsIn(RELATIVE_RELATIONSHIPS)
  relationship!: (typeof RELATIVE_RELATIONSHIPS)[number];

  @ApiProperty({ example: 'Furaha Bahati' })
  @Text(200)
  name!: string;

  @ApiProperty({ example: 'TZA', description: 'Where the relative lives' })
  @Validate(IsCountry)
  country!: string;
}

export class ProposeReunificationDto {
  @ApiProperty({ type: RelativeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RelativeDto)
  relative!: RelativeDto;

  @ApiProperty({ description: 'The relative lives in another country than the one the child is in' })
  @IsBoolean()
  abroad!: boolean;

  @ApiProperty({ description: 'The relationship was verified (documents, tracing, DNA where lawful)' })
  @IsBoolean()
  relationshipVerified!: boolean;

  @ApiProperty({ description: 'The child, heard in a way suited to age and maturity, agrees' })
  @IsBoolean()
  childConsent!: boolean;

  @ApiPropertyOptional({ description: 'The tracing request that found the relative' })
  @IsOptional()
  @IsUUID()
  tracingId?: string;
}

export class ReunificationOutcomeDto extends VersionedDto {
  @ApiProperty({ enum: ['REUNIFIED', 'NOT_IN_BEST_INTERESTS', 'WITHDRAWN'] })
  @IsIn(['REUNIFIED', 'NOT_IN_BEST_INTERESTS', 'WITHDRAWN'])
  status!: 'REUNIFIED' | 'NOT_IN_BEST_INTERESTS' | 'WITHDRAWN';

  @ApiProperty({ example: '2027-02-01' })
  @CalendarDate()
  on!: string;
}

export const CARE_KINDS = ['FOSTER_FAMILY', 'KINSHIP_CARE', 'RESIDENTIAL_CARE', 'SUPERVISED_INDEPENDENT_LIVING', 'SAFE_SHELTER'] as const;

export class CarePlacementDto {
  @ApiProperty({ enum: CARE_KINDS })
  @IsIn(CARE_KINDS)
  kind!: (typeof CARE_KINDS)[number];

  @ApiProperty({ example: 'Kigoma foster family network' })
  @Text(200)
  provider!: string;

  @ApiProperty({ example: '2026-12-01' })
  @CalendarDate()
  startedOn!: string;
}

export class EndCarePlacementDto {
  @ApiProperty({ example: '2027-02-01' })
  @CalendarDate()
  endedOn!: string;

  @ApiProperty({ example: 'Reunified with her aunt' })
  @Text(1000)
  reason!: string;
}
