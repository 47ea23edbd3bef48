import { IsLanguage } from '@kivuko/cases';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Validate } from 'class-validator';
import { CalendarDate, Text } from '../record.dto';

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
