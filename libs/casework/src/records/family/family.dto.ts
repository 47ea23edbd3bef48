import { IsCountry } from '@kivuko/cases';
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
  IsUUID,
  MaxLength,
  MinLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, Text, VersionedDto } from '../record.dto';

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

export class ReunificationChildViewsDto extends VersionedDto {
  @ApiProperty({ description: 'The child, heard in a way suited to age and maturity, agrees to this reunification (false: the child does not agree)' })
  @IsBoolean()
  childConsent!: boolean;
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
