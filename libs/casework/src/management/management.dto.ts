import { IsCalendarDate, IsZonedDateTime } from '@kivuko/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, Validate } from 'class-validator';
import { PageQuery } from '../casework.dto';

export class AddTaskDto {
  @ApiProperty({ example: 'Book an interpreter for the BIA interview' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-12-04T12:00:00Z' })
  @Validate(IsZonedDateTime)
  dueAt!: string;

  @ApiPropertyOptional({ example: 'Tigrinya, female interpreter' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'A user of your agency' })
  @IsOptional()
  @IsUUID()
  assignedTo?: string;
}

export class CloseTaskDto {
  @ApiPropertyOptional({ description: 'Required to cancel', example: 'Done by the asylum authority instead' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class TaskQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['AGENCY', 'BORDER_POINTS', 'MINE'], description: 'Whose tasks: your agency’s (default for agency staff), your border points’ (default for officials), or those assigned to you' })
  @IsOptional()
  @IsIn(['AGENCY', 'BORDER_POINTS', 'MINE'])
  view?: 'AGENCY' | 'BORDER_POINTS' | 'MINE';

  @ApiPropertyOptional({ description: 'Only tasks past their due time (true) or not yet (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class AssignDto {
  @ApiProperty({ description: 'A caseworker of your agency' })
  @IsUUID()
  userId!: string;
}

export class ProposeTransferDto {
  @ApiProperty({ description: 'The agency that is to lead the case' })
  @IsUUID()
  toAgencyId!: string;

  @ApiProperty({ example: 'The child has been reunited with her aunt in Kigoma: the Kigoma office takes over' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}

export class DecideTransferDto {
  @ApiPropertyOptional({ description: 'Required to decline or cancel' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export const CLOSURE_OUTCOMES = [
  'RECOGNISED_REFUGEE',
  'COMPLEMENTARY_PROTECTION',
  'FAMILY_REUNIFIED',
  'LOCAL_INTEGRATION',
  'RESETTLED',
  'RETURNED_VOLUNTARILY',
  'REMOVED',
  'REGULARISED',
  'NO_PROTECTION_NEEDS',
  'LOST_CONTACT',
  'DECEASED',
  'OTHER',
] as const;

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSURE_OUTCOMES })
  @IsIn(CLOSURE_OUTCOMES)
  outcomeCode!: (typeof CLOSURE_OUTCOMES)[number];

  @ApiProperty({ example: 'Recognised on 2027-03-01; moved to Dar es Salaam' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'The case version last read; a stale one is 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ReopenCaseDto {
  @ApiProperty({ example: 'Returned to the border point asking for help' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}

export const SERVICE_KINDS = ['SHELTER', 'MEDICAL_CARE', 'PSYCHOSOCIAL', 'LEGAL_AID', 'INTERPRETATION', 'FAMILY_TRACING', 'CASH', 'FOOD', 'NON_FOOD_ITEMS', 'EDUCATION', 'DOCUMENTATION', 'TRANSPORT', 'OTHER'] as const;

export class RecordServiceDto {
  @ApiProperty({ enum: SERVICE_KINDS })
  @IsIn(SERVICE_KINDS)
  kind!: (typeof SERVICE_KINDS)[number];

  @ApiProperty({ example: 'Tumaini Shelter' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: '2026-12-02' })
  @Validate(IsCalendarDate)
  deliveredOn!: string;

  @ApiPropertyOptional({ example: 'Two weeks in the women’s house' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'The referral this service answers (one your agency received)' })
  @IsOptional()
  @IsUUID()
  referralId?: string;
}
