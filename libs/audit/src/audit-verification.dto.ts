import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_BREAKS } from './audit.service';
import type { AuditBreak, AuditVerification, BrokenAuditLink } from './audit.service';

/** OpenAPI shapes of AuditService.verify's result. */
export class BrokenAuditLinkDto implements BrokenAuditLink {
  @ApiProperty({ description: 'The chain: `case:<uuid>`, or `day:YYYY-MM-DD` (UTC) for events without a case.', example: 'case:6f1c2a44-8a53-4f7e-9b1e-0c5d4b1e2f30' })
  chainKey!: string;

  @ApiProperty({ description: 'Id of the first event whose link does not hold (a bigint, as a string).', example: '1042' })
  eventId!: string;

  @ApiProperty({
    enum: AUDIT_BREAKS,
    description:
      'HASH_MISMATCH: the event was changed after it was written, or made without the audit key. PREV_HASH_MISMATCH: the event does not follow the one it was chained to (an event before it was removed or inserted). NOT_KEYED: an unkeyed event recorded after the trail was keyed (a forgery). KEY_UNKNOWN: sealed under a key no longer in the keyring. HEAD_MISMATCH: the chain\'s sealed head was altered or does not name its newest event. TRUNCATED: the chain ends before the newest event its head records (the id of that missing event).',
  })
  reason!: AuditBreak;
}

export class AuditVerificationDto implements AuditVerification {
  @ApiProperty({ description: 'True when every chain recomputes to the stored hashes.' })
  ok!: boolean;

  @ApiProperty({ type: 'integer', description: 'Number of chains checked.', example: 12 })
  chains!: number;

  @ApiProperty({ type: 'integer', description: 'Number of events checked.', example: 3400 })
  events!: number;

  @ApiPropertyOptional({ type: BrokenAuditLinkDto, description: 'The first broken link in (chain key, id) order; absent when ok.' })
  firstBroken?: BrokenAuditLinkDto;
}
