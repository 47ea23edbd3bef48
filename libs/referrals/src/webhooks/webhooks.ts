import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, Clock, CurrentActor, DomainEventBus, FieldCipher, JobName, OutboxService, Permission, permissionsOf, RequirePermission, UnitOfWork, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Delete, Get, HttpCode, Injectable, OnModuleInit, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ReferralEvent } from '../referral.service';
import { ReferralErrors } from '../referrals.errors';
import * as q from './webhooks.queries';

export const SIGNATURE_HEADER = 'x-kivuko-signature';
export const EVENT_ID_HEADER = 'x-kivuko-event-id';
export const DELIVERY_TIMEOUT_MS = 10_000;

export const secretContext = (agencyId: string): string => `agency_webhook.secret:${agencyId}`;

/**
 * The signature of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`.
 * A receiver recomputes it over the raw body and refuses old timestamps (replays).
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The event a "send test event" queues: no referral, only the agency's address and secret are tried. */
export const TEST_EVENT = 'webhook.test';

export interface WebhookStatus {
  url: string | null;
  registeredAt: string | null;
}

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://cases.example.org/kivuko/events' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(500)
  url!: string;
}

/** Queues a referral event for the agency's webhook, in the caller's transaction (nothing when it has none). */
@Injectable()
export class WebhookEvents implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('referrals.agency-event', (manager, { agencyId, event, referral }) => this.emit(manager, agencyId, event, referral));
  }

  async emit(manager: EntityManager, agencyId: string, event: ReferralEvent, referral: { id: string; status: string }): Promise<void> {
    if (!(await q.isSubscribed(manager, agencyId))) return;
    const eventId = randomUUID();
    await this.outbox.enqueue(
      manager,
      JobName.WebhookDelivery,
      { eventId, agencyId, event, referralId: referral.id, status: referral.status, occurredAt: this.clock.now().toISOString() },
      { key: eventId },
    );
  }
}

/** Registering an agency's webhook: a new secret each time, shown once. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller({ version: '1' })
export class WebhookController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: "Your agency's webhook: its address and when it was set (url null when there is none)" })
  @RequirePermission(Permission.WebhooksManage)
  @Get('agencies/:id/webhook')
  async status(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string): Promise<WebhookStatus> {
    this.requireOwnAgency(actor, agencyId);
    return this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.agencyExists(manager, agencyId))) throw ReferralErrors.raise('REFERENCE.AGENCY_NOT_FOUND');
      const hook = await q.webhookStatus(manager, agencyId);
      return { url: hook?.url ?? null, registeredAt: hook ? new Date(hook.registered_at).toISOString() : null };
    });
  }

  @ApiOperation({ summary: 'Queue a signed test event (`webhook.test`) to your agency\'s webhook, through the outbox like every event' })
  @RequirePermission(Permission.WebhooksManage)
  @Post('agencies/:id/webhook/test')
  @HttpCode(202)
  async test(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string): Promise<{ eventId: string }> {
    this.requireOwnAgency(actor, agencyId);
    return this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.isSubscribed(manager, agencyId))) throw ReferralErrors.raise('WEBHOOK.NOT_FOUND');
      const eventId = randomUUID();
      await this.outbox.enqueue(manager, JobName.WebhookDelivery, { eventId, agencyId, event: TEST_EVENT, occurredAt: this.clock.now().toISOString() }, { key: eventId });
      await this.audit.record(manager, { action: 'WEBHOOK.TEST_QUEUED', actor, details: { agencyId, eventId } });
      return { eventId };
    });
  }

  @ApiOperation({ summary: "Register or replace your agency's webhook" })
  @RequirePermission(Permission.WebhooksManage)
  @Put('agencies/:id/webhook')
  async register(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string, @Body() body: RegisterWebhookDto): Promise<{ url: string; secret: string }> {
    this.requireOwnAgency(actor, agencyId);
    const secret = randomBytes(32).toString('base64url');
    return this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.agencyExists(manager, agencyId))) throw ReferralErrors.raise('REFERENCE.AGENCY_NOT_FOUND');
      await q.upsertWebhook(manager, { agencyId, url: body.url, secretCiphertext: this.cipher.encrypt(secret, secretContext(agencyId)), registeredBy: actor.userId });
      await this.audit.record(manager, { action: 'WEBHOOK.REGISTERED', actor, details: { agencyId } });
      return { url: body.url, secret };
    });
  }

  @ApiOperation({ summary: "Remove your agency's webhook" })
  @RequirePermission(Permission.WebhooksManage)
  @Delete('agencies/:id/webhook')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string): Promise<void> {
    this.requireOwnAgency(actor, agencyId);
    await this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.deleteWebhook(manager, agencyId))) throw ReferralErrors.raise('WEBHOOK.NOT_FOUND');
      await this.audit.record(manager, { action: 'WEBHOOK.REMOVED', actor, details: { agencyId } });
    });
  }

  private requireOwnAgency(actor: Actor, agencyId: string): void {
    if (actor.agencyId !== agencyId && !permissionsOf(actor.roles).has(Permission.UsersManage)) {
      throw ReferralErrors.raise('WEBHOOK.OTHER_AGENCY');
    }
  }
}
