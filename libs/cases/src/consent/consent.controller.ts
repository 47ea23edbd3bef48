import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordConsentDto, WithdrawConsentDto } from './consent.dto';
import { ConsentService, ConsentView } from './consent.service';

const uuid = new UuidParamPipe();

@ApiTags('consent')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @ApiOperation({ summary: 'List the consents and legal bases recorded on a case' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/consents')
  list(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ConsentView[]> {
    return this.consents.list(actor, id);
  }

  /** Consent given or refused; or, with CONSENT_LEGAL_BASIS and a reason, a legal basis standing in for it. */
  @ApiOperation({ summary: 'Record a consent given or refused, or a legal basis' })
  @ApiConflict()
  @RequirePermission(Permission.ConsentRecord)
  @Post('cases/:id/consents')
  record(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: RecordConsentDto, @Req() req: RequestWithActor): Promise<ConsentView> {
    return this.consents.record(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Withdraw a consent' })
  @ApiConflict()
  @RequirePermission(Permission.ConsentRecord)
  @Post('cases/:id/consents/:consentId/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('consentId', uuid) consentId: string,
    @Body() body: WithdrawConsentDto,
    @Req() req: RequestWithActor,
  ): Promise<ConsentView> {
    return this.consents.withdraw(actor, id, consentId, body, correlationOf(req));
  }
}
