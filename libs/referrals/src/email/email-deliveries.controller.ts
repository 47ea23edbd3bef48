import { Actor, ApiConflict, CurrentActor, Permission, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeliveryPageView, DeliveryView, ListDeliveriesQuery } from './email-deliveries.dto';
import { EmailDeliveries } from './email-deliveries.service';

/** The duty e-mails sent (or not) to agencies: listed for whoever manages the agency's e-mails, and sent again. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller({ version: '1' })
export class EmailDeliveriesController {
  constructor(private readonly deliveries: EmailDeliveries) {}

  @ApiOperation({ summary: "List the e-mails of referral events, newest first: your agency's (a system administrator: every agency's)" })
  @ApiOkResponse({ type: DeliveryPageView })
  @RequirePermission(Permission.WebhooksManage)
  @Get('notifications/deliveries')
  list(@CurrentActor() actor: Actor, @Query() query: ListDeliveriesQuery): Promise<DeliveryPageView> {
    return this.deliveries.list(actor, query);
  }

  @ApiOperation({ summary: 'Send again an e-mail that failed or was not sent (queued like the first send)' })
  @ApiAcceptedResponse({ type: DeliveryView })
  @ApiConflict('The e-mail was sent, or is on its way: only a FAILED or NOT_SENT one is sent again')
  @RequirePermission(Permission.WebhooksManage)
  @Post('notifications/deliveries/:id/resend')
  @HttpCode(202)
  resend(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe()) id: string): Promise<DeliveryView> {
    return this.deliveries.resend(actor, id);
  }
}
