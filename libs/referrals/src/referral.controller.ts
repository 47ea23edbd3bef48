import { Actor, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListReferralsQuery, ReferralActionDto } from './referral.dto';
import { ReferralService, ReferralView } from './referral.service';
import { ReferralAction } from './referral-status';

const correlationOf = (req: RequestWithActor): string | undefined => (req.id ? String(req.id) : undefined);
const uuid = new UuidParamPipe();

@ApiTags('referrals')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ReferralController {
  constructor(private readonly referrals: ReferralService) {}

  /** Your agency's queue (open referrals by default), most urgent and soonest due first; or, with view=SENT, the referrals sent from your border points. */
  @RequirePermission(Permission.ReferralsRead)
  @Get('referrals')
  list(@CurrentActor() actor: Actor, @Query() query: ListReferralsQuery): Promise<{ items: ReferralView[]; nextCursor?: string }> {
    return this.referrals.list(actor, query);
  }

  @RequirePermission(Permission.ReferralsRead)
  @Get('referrals/:id')
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ReferralView> {
    return this.referrals.get(actor, id);
  }

  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Acknowledge, body, correlationOf(req));
  }

  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Accept, body, correlationOf(req));
  }

  /** Declines with a reason: the next agency in the SOP's fallback order gets a new referral, or the coordinating body is alerted. */
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Decline, body, correlationOf(req));
  }

  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/start')
  @HttpCode(200)
  start(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Start, body, correlationOf(req));
  }

  /** Completes with an outcome code (and a note) that the sender sees: the closed loop. */
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/complete')
  @HttpCode(200)
  complete(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Complete, body, correlationOf(req));
  }

  /** The sending border point withdraws a referral, with a reason. */
  @RequirePermission(Permission.ReferralsWithdraw)
  @Post('referrals/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Withdraw, body, correlationOf(req));
  }
}
