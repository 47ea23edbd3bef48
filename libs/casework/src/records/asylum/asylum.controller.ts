import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AsylumAppealDto, AsylumAppealOutcomeDto, AsylumDecisionDto, AsylumInterviewDto, AsylumWithdrawalDto, RegisterAsylumClaimDto } from './asylum.dto';
import { AsylumClaimView, AsylumService } from './asylum.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Asylum claims (the asylum authority): registration, interviews, decision, appeal, withdrawal.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class AsylumController {
  constructor(private readonly asylum: AsylumService) {}

  @ApiOperation({ summary: 'Register an asylum claim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-claim')
  registerClaim(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: RegisterAsylumClaimDto, @Req() req: RequestWithActor): Promise<AsylumClaimView> {
    return this.asylum.register(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record an asylum interview' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-claim/interviews')
  @HttpCode(200)
  interview(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumInterviewDto, @Req() req: RequestWithActor): Promise<AsylumClaimView> {
    return this.asylum.interview(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the decision on an asylum claim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-claim/decision')
  @HttpCode(200)
  decideClaim(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumDecisionDto, @Req() req: RequestWithActor): Promise<AsylumClaimView> {
    return this.asylum.decide(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record an appeal against an asylum decision' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-claim/appeal')
  @HttpCode(200)
  appeal(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumAppealDto, @Req() req: RequestWithActor): Promise<AsylumClaimView> {
    return this.asylum.appeal(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the outcome of an asylum appeal' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-claim/appeal-outcome')
  @HttpCode(200)
  appealOutcome(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumAppealOutcomeDto, @Req() req: RequestWithActor): Promise<AsylumClaimView> {
    return this.asylum.appealOutcome(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the withdrawal of an asylum claim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-claim/withdraw')
  @HttpCode(200)
  withdrawClaim(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumWithdrawalDto, @Req() req: RequestWithActor): Promise<AsylumClaimView> {
    return this.asylum.withdraw(actor, id, body, correlationOf(req));
  }
}
