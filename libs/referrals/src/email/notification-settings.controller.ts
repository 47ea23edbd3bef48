import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, CurrentActor, Permission, permissionsOf, RequirePermission, UnitOfWork, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReferralErrors } from '../referrals.errors';
import { EmailTransport } from './email-transport';
import * as q from './email.queries';
import { DutyEmailDto, DutyEmailView, EmailPreferenceDto, EmailPreferenceView, NotificationSettingsView } from './notification-settings.dto';

/** Who gets the e-mails of referral events: the agency's duty address (its managers set it) and each user's own choice. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller({ version: '1' })
export class NotificationSettingsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly transport: EmailTransport,
  ) {}

  @ApiOperation({ summary: "Your e-mail choices and your agency's duty address" })
  @ApiOkResponse({ type: NotificationSettingsView })
  @RequirePermission(Permission.SignedIn)
  @Get('notifications/settings')
  async settings(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const agency = await q.findAgency(manager, actor.agencyId);
      if (!agency) throw ReferralErrors.raise('REFERENCE.AGENCY_NOT_FOUND');
      const duty = await q.findDutyEmail(manager, actor.agencyId);
      const mine = await q.findPreference(manager, actor.userId);
      return {
        agency: { id: agency.id, name: agency.name, dutyEmail: duty ?? null, canManage: permissionsOf(actor.roles).has(Permission.WebhooksManage) },
        mine: mine ?? { address: null, kinds: [], language: null },
        smtpConfigured: this.transport.configured,
      };
    });
  }

  @ApiOperation({ summary: 'Choose which e-mails you get, where, and in which language' })
  @ApiOkResponse({ type: EmailPreferenceView })
  @RequirePermission(Permission.SignedIn)
  @Put('notifications/mine')
  async choose(@CurrentActor() actor: Actor, @Body() body: EmailPreferenceDto): Promise<EmailPreferenceView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      if (body.kinds.length === 0) {
        await q.deletePreference(manager, actor.userId);
        return { address: null, kinds: [], language: body.language };
      }
      const preference = { address: body.address as string, kinds: body.kinds, language: body.language };
      await q.upsertPreference(manager, actor.userId, preference);
      return preference;
    });
  }

  @ApiOperation({ summary: "Set your agency's duty e-mail address and the language of its e-mails" })
  @ApiOkResponse({ type: DutyEmailView })
  @RequirePermission(Permission.WebhooksManage)
  @Put('agencies/:id/duty-email')
  async setDuty(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string, @Body() body: DutyEmailDto): Promise<DutyEmailView> {
    this.requireOwnAgency(actor, agencyId);
    return this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.findAgency(manager, agencyId))) throw ReferralErrors.raise('REFERENCE.AGENCY_NOT_FOUND');
      await q.upsertDutyEmail(manager, { agencyId, address: body.address, language: body.language, updatedBy: actor.userId });
      await this.audit.record(manager, { action: 'DUTY_EMAIL.SET', actor, details: { agencyId, language: body.language } });
      return { address: body.address, language: body.language };
    });
  }

  @ApiOperation({ summary: "Remove your agency's duty e-mail address" })
  @RequirePermission(Permission.WebhooksManage)
  @Delete('agencies/:id/duty-email')
  @HttpCode(204)
  async removeDuty(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string): Promise<void> {
    this.requireOwnAgency(actor, agencyId);
    await this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.findDutyEmail(manager, agencyId))) throw ReferralErrors.raise('DUTY_EMAIL.NOT_FOUND');
      await q.deleteDutyEmail(manager, agencyId);
      await this.audit.record(manager, { action: 'DUTY_EMAIL.REMOVED', actor, details: { agencyId } });
    });
  }

  private requireOwnAgency(actor: Actor, agencyId: string): void {
    if (actor.agencyId !== agencyId && !permissionsOf(actor.roles).has(Permission.UsersManage)) {
      throw ReferralErrors.raise('DUTY_EMAIL.OTHER_AGENCY');
    }
  }
}
