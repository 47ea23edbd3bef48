import { PageCursor, PageLimit } from '@kivuko/platform';
import { PROFILES } from '@kivuko/profiling';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ReferralStatus } from './referral-status';

export class ListReferralsQuery {
  @ApiPropertyOptional({ enum: ['QUEUE', 'SENT'], default: 'QUEUE', description: "QUEUE: your agency's referrals; SENT: those sent from your border points" })
  @IsOptional()
  @IsIn(['QUEUE', 'SENT'])
  view?: 'QUEUE' | 'SENT';

  @ApiPropertyOptional({ description: 'QUEUE: your agency (the default; no other). SENT: only the referrals sent to this agency' })
  @IsOptional()
  @IsUUID('4')
  agencyId?: string;

  @ApiPropertyOptional({ enum: ReferralStatus, description: 'Default: every open status' })
  @IsOptional()
  @IsEnum(ReferralStatus)
  status?: ReferralStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: '1 is the most urgent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  priority?: number;

  @ApiPropertyOptional({ example: 'TRAFFICKING_VICTIM' })
  @IsOptional()
  @IsIn(PROFILES as readonly string[], { message: 'profile must be one of the profiles (e.g. ASYLUM_SEEKER)' })
  profile?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  borderPointId?: string;

  @ApiPropertyOptional({ description: "One case's referrals (every status for view=SENT; open ones in the queue unless a status is asked for)" })
  @IsOptional()
  @IsUUID('4')
  caseId?: string;

  @ApiPropertyOptional({ description: 'Only overdue (true) or only on time (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @PageLimit({ max: 100, default: 25 })
  limit?: number;

  @PageCursor({ maxLength: 200 })
  cursor?: string;
}

export class ReferralActionDto {
  @ApiPropertyOptional({ description: 'The referral version you read; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'Why (required to decline or withdraw)' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ example: 'SERVICE_PROVIDED', description: 'Required to complete: the outcome reported back to the sender' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'outcomeCode must be an UPPER_CASE code such as SERVICE_PROVIDED' })
  outcomeCode?: string;

  @ApiPropertyOptional({ description: 'A note on the outcome for the sender (no sensitive details)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
