import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListReferralsQuery, ReferralActionDto } from './referral.dto';
import { DeclineOnwards, ReferralService, ReferralView } from './referral.service';
import { ReferralAction } from './referral-status';

const uuid = new UuidParamPipe();

@ApiTags('referrals')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ReferralController {
  constructor(private readonly referrals: ReferralService) {}

  /** Your agency's queue (open referrals by default), most urgent and soonest due first; or, with view=SENT, the referrals sent from your border points. */
  @ApiOperation({ summary: "List your agency's referrals, or those sent from your border points" })
  @RequirePermission(Permission.ReferralsRead)
  @Get('referrals')
  list(@CurrentActor() actor: Actor, @Query() query: ListReferralsQuery): Promise<{ items: ReferralView[]; nextCursor?: string }> {
    return this.referrals.list(actor, query);
  }

  @ApiOperation({ summary: 'Read a referral' })
  @RequirePermission(Permission.ReferralsRead)
  @Get('referrals/:id')
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ReferralView> {
    return this.referrals.get(actor, id);
  }

  @ApiOperation({ summary: 'Acknowledge a referral (first contact made)' })
  @ApiConflict()
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Acknowledge, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Accept a referral: its required actions become your tasks' })
  @ApiConflict()
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Accept, body, correlationOf(req));
  }

  /**
   * Declines with a reason: the next agency in the SOP's fallback order gets a new referral, or the coordinating
   * body is alerted. The answer's `next` names where the case went.
   */
  @ApiOperation({ summary: 'Decline a referral, with a reason: it goes to the next agency' })
  @ApiConflict()
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView & { next?: DeclineOnwards }> {
    return this.referrals.act(actor, id, ReferralAction.Decline, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Start work on an accepted referral' })
  @ApiConflict()
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/start')
  @HttpCode(200)
  start(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Start, body, correlationOf(req));
  }

  /** Completes with an outcome code (and a note) that the sender sees: the closed loop. */
  @ApiOperation({ summary: 'Complete a referral with an outcome the sender sees' })
  @ApiConflict()
  @RequirePermission(Permission.ReferralsWork)
  @Post('referrals/:id/complete')
  @HttpCode(200)
  complete(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Complete, body, correlationOf(req));
  }

  /** The sending border point withdraws a referral, with a reason. */
  @ApiOperation({ summary: 'Withdraw a referral sent from your border point' })
  @ApiConflict()
  @RequirePermission(Permission.ReferralsWithdraw)
  @Post('referrals/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReferralActionDto, @Req() req: RequestWithActor): Promise<ReferralView> {
    return this.referrals.act(actor, id, ReferralAction.Withdraw, body, correlationOf(req));
  }
}
