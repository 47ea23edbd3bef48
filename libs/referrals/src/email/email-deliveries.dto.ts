import { PageCursor, PageLimit } from '@kivuko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { EMAIL_KINDS, EMAIL_LANGUAGES, EmailKind, EmailLanguage } from './email-templates';
import { DELIVERY_STATUSES, DeliveryStatus } from './email.queries';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'FAILED: every attempt refused; NOT_SENT: no SMTP server was configured' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: EMAIL_KINDS })
  @IsOptional()
  @IsIn(EMAIL_KINDS)
  kind?: EmailKind;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00.000Z', description: 'Only deliveries queued at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-08T00:00:00.000Z', description: 'Only deliveries queued before this time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @PageLimit({ max: 100, default: 25 })
  limit?: number;

  @PageCursor({ maxLength: 200 })
  cursor?: string;
}

export class DeliveryAgencyView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;
}

/** One e-mail to one recipient: what the e-mail itself holds (kind, case number, address), and how sending went. */
export class DeliveryView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: EMAIL_KINDS })
  kind!: EmailKind;

  @ApiProperty({ nullable: true, type: Number, description: 'The escalation step (ESCALATION only)' })
  step!: number | null;

  @ApiProperty({ example: 'KGM-2026-000042' })
  caseNumber!: string;

  @ApiProperty({ example: 'duty@tumaini.example.org' })
  address!: string;

  @ApiProperty({ enum: EMAIL_LANGUAGES })
  language!: EmailLanguage;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty({ description: 'Attempts made, over every send' })
  attempts!: number;

  @ApiProperty({ description: 'How often it was queued: 1, and one more for each resend' })
  sends!: number;

  @ApiProperty({ nullable: true, type: String, description: "The SMTP server's last refusal, or why it was not sent" })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  sentAt!: string | null;

  @ApiProperty({ type: DeliveryAgencyView })
  agency!: DeliveryAgencyView;

  @ApiProperty({ description: 'Whether it may be sent again (FAILED or NOT_SENT)' })
  canResend!: boolean;
}

export class DeliveryPageView {
  @ApiProperty({ type: DeliveryView, isArray: true })
  items!: DeliveryView[];

  @ApiPropertyOptional({ description: 'Absent on the last page' })
  nextCursor?: string;

  @ApiProperty({ description: 'Whether an e-mail server is configured now (never its address or credentials): without one, an e-mail sent again is recorded as not sent' })
  emailServerConfigured!: boolean;

  @ApiProperty({ type: 'integer', description: "E-mails recorded but not sent (FAILED or NOT_SENT) in the reader's scope, whatever the filters" })
  unsent!: number;
}
