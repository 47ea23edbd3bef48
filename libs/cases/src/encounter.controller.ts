import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EncounterDecisionDto, EncounterListQuery } from './dto/case-query.dto';
import { EncounterReviewService, EncounterView } from './encounter-review.service';

const uuid = new UuidParamPipe();

@ApiTags('possible previous encounters')
@ApiBearerAuth()
@Controller({ version: '1' })
export class EncounterController {
  constructor(private readonly encounters: EncounterReviewService) {}

  @ApiOperation({ summary: 'List possible previous encounters to review' })
  @RequirePermission(Permission.EncountersReview)
  @ApiOkResponse({ description: 'Possible previous encounters in your scope, newest first' })
  @Get('encounters')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: EncounterListQuery,
  ): Promise<{ items: EncounterView[]; nextCursor?: string }> {
    return this.encounters.list(actor, query.status, query.limit, query.cursor);
  }

  @ApiOperation({ summary: 'Link a case to a possible previous encounter (same person)' })
  @ApiConflict()
  @RequirePermission(Permission.EncountersReview)
  @Post('cases/:id/encounters/:encounterId/link')
  @HttpCode(200)
  link(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('encounterId', uuid) encounterId: string,
    @Body() body: EncounterDecisionDto,
    @Req() req: RequestWithActor,
  ): Promise<EncounterView> {
    return this.encounters.link(actor, id, encounterId, body.reason, correlationOf(req));
  }

  @ApiOperation({ summary: 'Dismiss a possible previous encounter (not the same person)' })
  @ApiConflict()
  @RequirePermission(Permission.EncountersReview)
  @Post('cases/:id/encounters/:encounterId/dismiss')
  @HttpCode(200)
  dismiss(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('encounterId', uuid) encounterId: string,
    @Body() body: EncounterDecisionDto,
    @Req() req: RequestWithActor,
  ): Promise<EncounterView> {
    return this.encounters.dismiss(actor, id, encounterId, body.reason, correlationOf(req));
  }
}
