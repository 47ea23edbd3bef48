import { AgencyKind, FieldGroup } from '@kivuko/access';
import { CONSENT_PURPOSES, ConsentPurpose as Purpose, LEGAL_BASES, LegalBasis as Basis, valuesByName } from '@kivuko/sop';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, Validate, ValidateIf, ValidateNested } from 'class-validator';
import { IsLanguage } from '../dto/codes';

/** What a consent is for: the joint SOP's vocabulary (defined once, in the core). */
export type ConsentPurpose = Purpose;
/** `ConsentPurpose.REFERRAL === 'REFERRAL'`. */
export const ConsentPurpose = valuesByName(CONSENT_PURPOSES);

export enum ConsentDecision {
  Given = 'GIVEN',
  Refused = 'REFUSED',
  /** No consent: a legal basis stands in for it (recorded with a reason, by a permitted role). */
  LegalBasis = 'LEGAL_BASIS',
}

/**
 * What may stand in for consent, from the joint SOP's vocabulary; CHILD_PROTECTION_MANDATE (the
 * child-protection authority's mandate over an unaccompanied or separated child) the SOP records itself.
 */
export type LegalBasis = Basis;
/** `LegalBasis.VITAL_INTEREST === 'VITAL_INTEREST'`. */
export const LegalBasis = valuesByName(LEGAL_BASES);

/** Whether an interpreter helped ask for consent, and who: a consent asked through an interpreter is only as good as the interpretation. */
export class ConsentInterpreterDto {
  @ApiProperty({ description: 'An interpreter helped ask the question' })
  @IsBoolean()
  used!: boolean;

  @ApiPropertyOptional({ example: 'so', description: 'The language the interpreter spoke with the person (only when used)' })
  @ValidateIf((o: ConsentInterpreterDto) => o.language !== undefined)
  @Validate(IsLanguage)
  language?: string;

  @ApiPropertyOptional({ example: 'Hodan Ali', description: 'The interpreter, as the official knows them (only when used)' })
  @ValidateIf((o: ConsentInterpreterDto) => o.name !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class RecordConsentDto {
  @ApiProperty({ enum: ConsentPurpose })
  @IsEnum(ConsentPurpose)
  purpose!: ConsentPurpose;

  @ApiPropertyOptional({ description: 'The agency the consent is for (or give recipientAgencyKind)' })
  @ValidateIf((o: RecordConsentDto) => o.purpose !== ConsentPurpose.STATISTICS && o.recipientAgencyKind === undefined)
  @IsUUID('4', { message: 'recipientAgencyId must be an agency id (or give recipientAgencyKind)' })
  recipientAgencyId?: string;

  @ApiPropertyOptional({ enum: AgencyKind, description: 'Every agency of this kind (or give recipientAgencyId)' })
  @IsOptional()
  @IsEnum(AgencyKind)
  recipientAgencyKind?: AgencyKind;

  @ApiPropertyOptional({ enum: FieldGroup, isArray: true, description: 'The field groups covered; none listed covers all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsEnum(FieldGroup, { each: true })
  fieldGroups?: FieldGroup[];

  @ApiPropertyOptional({ enum: [ConsentDecision.Given, ConsentDecision.Refused], description: 'Required unless a legal basis is recorded' })
  @ValidateIf((o: RecordConsentDto) => o.legalBasis === undefined)
  @IsIn([ConsentDecision.Given, ConsentDecision.Refused], { message: 'decision must be GIVEN or REFUSED (or record a legalBasis instead)' })
  decision?: ConsentDecision.Given | ConsentDecision.Refused;

  @ApiPropertyOptional({ enum: LegalBasis, description: 'Instead of consent; needs CONSENT_LEGAL_BASIS and a reason' })
  @IsOptional()
  @IsEnum(LegalBasis)
  legalBasis?: LegalBasis;

  @ApiPropertyOptional({ description: 'Why a legal basis stands in for consent (required with legalBasis)' })
  @ValidateIf((o: RecordConsentDto) => o.legalBasis !== undefined || o.reason !== undefined)
  @IsString()
  @MinLength(10, { message: 'reason must say why, in at least 10 characters' })
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ example: 'so', description: 'The language consent was asked in (required with a decision)' })
  @ValidateIf((o: RecordConsentDto) => o.legalBasis === undefined || o.language !== undefined)
  @Validate(IsLanguage)
  language?: string;

  @ApiPropertyOptional({ type: ConsentInterpreterDto, description: 'Whether an interpreter helped ask for consent (recorded with the consent)' })
  @ValidateIf((o: RecordConsentDto) => o.interpreter !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentInterpreterDto)
  interpreter?: ConsentInterpreterDto;
}

export class WithdrawConsentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
