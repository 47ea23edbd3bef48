import { APPEAL_OUTCOMES, ASYLUM_DECISIONS } from '@kivuko/safeguards';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CalendarDate, Text, VersionedDto } from '../record.dto';

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
