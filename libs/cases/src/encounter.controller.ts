import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EncounterDecisionDto, EncounterListQuery } from './dto/case-query.dto';
import { EncounterComparisonDto } from './dto/encounter-comparison.dto';
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

  @ApiOperation({
    summary: 'Both records of a possible previous encounter, side by side',
    description:
      'The identity fields a supervisor needs to link or dismiss (names and spellings, sex, date of birth or age, nationalities, languages, border point, ' +
      'arrival and registration, documents with only the last characters of their numbers), for both records, the earlier one even when it was ' +
      'registered at a border point outside yours. Nothing else of either case. Only for an encounter whose new arrival is at one of your border ' +
      'points (404 otherwise); the read of the earlier record is audited.',
  })
  @ApiOkResponse({ type: EncounterComparisonDto })
  @RequirePermission(Permission.EncountersReview)
  @Get('encounters/:encounterId/comparison')
  compare(@CurrentActor() actor: Actor, @Param('encounterId', uuid) encounterId: string, @Req() req: RequestWithActor): Promise<EncounterComparisonDto> {
    return this.encounters.compare(actor, encounterId, correlationOf(req));
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
