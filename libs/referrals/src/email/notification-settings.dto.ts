import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsIn, MaxLength, ValidateIf } from 'class-validator';
import { EMAIL_KINDS, EMAIL_LANGUAGES, EmailKind, EmailLanguage } from './email-templates';

export class DutyEmailDto {
  @ApiProperty({ example: 'duty@tumaini.example.org', description: "The agency's duty address: it receives every kind of e-mail" })
  @IsEmail({}, { message: 'address must be an e-mail address' })
  @MaxLength(254)
  address!: string;

  @ApiProperty({ enum: EMAIL_LANGUAGES, description: "The agency's default language: the duty address's e-mails are written in it" })
  @IsIn(EMAIL_LANGUAGES)
  language!: EmailLanguage;
}

export class EmailPreferenceDto {
  @ApiProperty({ enum: EMAIL_KINDS, isArray: true, description: 'The e-mails you want; none stops them all (and forgets the address)' })
  @IsArray()
  @ArrayUnique()
  @IsIn(EMAIL_KINDS, { each: true })
  kinds!: EmailKind[];

  @ApiPropertyOptional({ example: 'amani@tumaini.example.org', description: 'Required when you choose at least one kind' })
  @ValidateIf((o: EmailPreferenceDto) => Array.isArray(o.kinds) && o.kinds.length > 0)
  @IsEmail({}, { message: 'address must be an e-mail address' })
  @MaxLength(254)
  address?: string;

  @ApiProperty({ enum: EMAIL_LANGUAGES, description: 'The language your e-mails are written in' })
  @IsIn(EMAIL_LANGUAGES)
  language!: EmailLanguage;
}

export class DutyEmailView {
  @ApiProperty()
  address!: string;

  @ApiProperty({ enum: EMAIL_LANGUAGES })
  language!: EmailLanguage;
}

export class AgencyNotificationView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: DutyEmailView, nullable: true, description: 'None set: null' })
  dutyEmail!: DutyEmailView | null;

  @ApiProperty({ description: 'Whether you may set the duty address' })
  canManage!: boolean;
}

export class EmailPreferenceView {
  @ApiProperty({ nullable: true, type: String })
  address!: string | null;

  @ApiProperty({ enum: EMAIL_KINDS, isArray: true })
  kinds!: EmailKind[];

  @ApiProperty({ enum: EMAIL_LANGUAGES, nullable: true, description: 'null: you have not chosen yet' })
  language!: EmailLanguage | null;
}

export class NotificationSettingsView {
  @ApiProperty({ type: AgencyNotificationView })
  agency!: AgencyNotificationView;

  @ApiProperty({ type: EmailPreferenceView })
  mine!: EmailPreferenceView;

  @ApiProperty({ description: 'Whether an SMTP server is configured: without one, e-mails are recorded as not sent' })
  smtpConfigured!: boolean;
}
