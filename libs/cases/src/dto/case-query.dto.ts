import { PageCursor, PageLimit } from '@kivuko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, Validate } from 'class-validator';
import { PROFILES } from '@kivuko/profiling';
import { CaseStatus, EncounterStatus } from '../intake.enums';
import { IsNationality, IsZonedDateTime } from './codes';

export class ListCasesQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  borderPointId?: string;

  @ApiPropertyOptional({ enum: CaseStatus })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'SOM', description: 'Cases of persons holding this nationality (among others)' })
  @IsOptional()
  @Validate(IsNationality)
  nationality?: string;

  @ApiPropertyOptional({ example: 'UNACCOMPANIED_CHILD', description: 'Cases carrying this profile (suggested, confirmed or added; not removed)' })
  @IsOptional()
  @IsIn(PROFILES as readonly string[], { message: 'profile must be one of the profiles (e.g. ASYLUM_SEEKER, UNACCOMPANIED_CHILD)' })
  profile?: string;

  @ApiPropertyOptional({ description: 'Only cases with an urgent need flagged (true), or only those without (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'urgent must be true or false' })
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'Only open cases (not closed) that no agency leads yet (true), or only those with a lead (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'withoutLead must be true or false' })
  withoutLead?: boolean;

  @ApiPropertyOptional({ enum: ['OPEN', 'REVIEW_OVERDUE'], description: 'Only cases of a person detained now (OPEN), or detained with the review past its date (REVIEW_OVERDUE)' })
  @IsOptional()
  @IsIn(['OPEN', 'REVIEW_OVERDUE'])
  detention?: 'OPEN' | 'REVIEW_OVERDUE';

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Arrived at or after' })
  @IsOptional()
  @Validate(IsZonedDateTime)
  arrivedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Arrived before' })
  @IsOptional()
  @Validate(IsZonedDateTime)
  arrivedTo?: string;

  @PageLimit({ max: 100, default: 25 })
  limit?: number;

  @PageCursor({ maxLength: 200, description: 'The nextCursor of the previous page' })
  cursor?: string;
}

export class EncounterDecisionDto {
  @ApiPropertyOptional({ description: 'Why (required to dismiss)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class EncounterListQuery {
  @ApiPropertyOptional({ enum: EncounterStatus, default: EncounterStatus.Pending })
  @IsOptional()
  @IsEnum(EncounterStatus)
  status?: EncounterStatus;

  @PageLimit({ max: 100, default: 25 })
  limit?: number;

  @PageCursor({ maxLength: 200 })
  cursor?: string;
}

export class VerifyRelationshipDto {
  @ApiProperty({ description: 'Whether the claimed relationship was verified (false records that it could not be)' })
  @IsBoolean()
  verified!: boolean;

  @ApiProperty({ description: 'How it was verified, or why not', example: 'Birth certificate seen; child recognises the mother' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  note!: string;
}

export class ProfileDecisionDto {
  @ApiPropertyOptional({ description: 'Why (required to add or remove a profile)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class AddProfileDto extends ProfileDecisionDto {
  @ApiProperty({ example: 'SGBV_SURVIVOR' })
  @IsString()
  profile!: string;
}
