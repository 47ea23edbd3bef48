import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, CurrentActor, DomainEventBus, FieldCipher, HandlesJob, JobHandler, JobName, JobPayload, OutboxService, Permission, permissionsOf, RequirePermission, systemScope, UnitOfWork, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Delete, HttpCode, Injectable, Logger, OnModuleInit, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ReferralEvent } from '../referral.service';
import { ReferralErrors } from '../referrals.errors';


export const SIGNATURE_HEADER = 'x-kivuko-signature';
export const EVENT_ID_HEADER = 'x-kivuko-event-id';
const DELIVERY_TIMEOUT_MS = 10_000;

const secretContext = (agencyId: string): string => `agency_webhook.secret:${agencyId}`;

/**
 * The signature of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`.
 * A receiver recomputes it over the raw body and refuses old timestamps (replays).
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
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
  ) {}

  onModuleInit(): void {
    this.events.on('referrals.agency-event', (manager, { agencyId, event, referral }) => this.emit(manager, agencyId, event, referral));
  }

  async emit(manager: EntityManager, agencyId: string, event: ReferralEvent, referral: { id: string; status: string }): Promise<void> {
    const [subscribed] = await manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
    if (!subscribed) return;
    const eventId = randomUUID();
    await this.outbox.enqueue(
      manager,
      JobName.WebhookDelivery,
      { eventId, agencyId, event, referralId: referral.id, status: referral.status, occurredAt: new Date().toISOString() },
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
  ) {}

  @ApiOperation({ summary: "Register or replace your agency's webhook" })
  @RequirePermission(Permission.WebhooksManage)
  @Put('agencies/:id/webhook')
  async register(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) agencyId: string, @Body() body: RegisterWebhookDto): Promise<{ url: string; secret: string }> {
    this.requireOwnAgency(actor, agencyId);
    const secret = randomBytes(32).toString('base64url');
    return this.uow.run(actorScope(actor), async (manager) => {
      const [agency] = await manager.query<{ id: string }[]>(`SELECT id FROM agency WHERE id = $1`, [agencyId]);
      if (!agency) throw ReferralErrors.raise('REFERENCE.AGENCY_NOT_FOUND');
      await manager.query(
        `INSERT INTO agency_webhook (agency_id, url, secret_ciphertext, registered_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (agency_id) DO UPDATE SET url = EXCLUDED.url, secret_ciphertext = EXCLUDED.secret_ciphertext,
           registered_by = EXCLUDED.registered_by, registered_at = now()`,
        [agencyId, body.url, this.cipher.encrypt(secret, secretContext(agencyId)), actor.userId],
      );
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
      const [, removed] = await manager.query<[unknown[], number]>(`DELETE FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
      if (removed === 0) throw ReferralErrors.raise('WEBHOOK.NOT_FOUND');
      await this.audit.record(manager, { action: 'WEBHOOK.REMOVED', actor, details: { agencyId } });
    });
  }

  private requireOwnAgency(actor: Actor, agencyId: string): void {
    if (actor.agencyId !== agencyId && !permissionsOf(actor.roles).has(Permission.UsersManage)) {
      throw ReferralErrors.raise('WEBHOOK.OTHER_AGENCY');
    }
  }
}

/** Delivers one event: POST, signed; anything but 2xx fails the attempt and the queue retries with backoff. */
@Injectable()
@HandlesJob(JobName.WebhookDelivery)
export class WebhookDeliveryJob implements JobHandler<JobName.WebhookDelivery> {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
  ) {}

  async handle(payload: JobPayload<JobName.WebhookDelivery>, context: { attempt: number }): Promise<void> {
    const [hook] = await this.uow.run(systemScope('webhook delivery'), (manager) =>
      manager.query<{ url: string; secret_ciphertext: string }[]>(`SELECT url, secret_ciphertext FROM agency_webhook WHERE agency_id = $1`, [payload.agencyId]),
    );
    if (!hook) return; // unsubscribed since: nothing to deliver
    const body = JSON.stringify({
      id: payload.eventId,
      event: payload.event,
      occurredAt: payload.occurredAt,
      referral: { id: payload.referralId, status: payload.status },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = this.cipher.decrypt(hook.secret_ciphertext, secretContext(payload.agencyId));
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body), [EVENT_ID_HEADER]: payload.eventId },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (!response.ok) {
      this.logger.warn({ agencyId: payload.agencyId, eventId: payload.eventId, status: response.status, attempt: context.attempt }, 'webhook refused the event');
      throw new Error(`webhook answered ${response.status}`);
    }
  }
}
