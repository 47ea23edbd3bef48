import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DetentionAccessDto, DetentionReviewDto, EndDetentionDto, OpenDetentionDto } from './detention.dto';
import { DetentionService, DetentionView } from './detention.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Detention (border and immigration authorities), checked by the detention safeguards.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class DetentionController {
  constructor(private readonly detention: DetentionService) {}

  @ApiOperation({ summary: 'Open a detention episode (checked by the detention safeguards)' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('detentions')
  openDetention(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: OpenDetentionDto, @Req() req: RequestWithActor): Promise<DetentionView> {
    return this.detention.open(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record a review of a detention' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('detentions/:episodeId/reviews')
  reviewDetention(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('episodeId', uuid) episodeId: string, @Body() body: DetentionReviewDto, @Req() req: RequestWithActor): Promise<DetentionView> {
    return this.detention.review(actor, id, episodeId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record access to a detained person (lawyer, agency, monitor)' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('detentions/:episodeId/access')
  detentionAccess(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('episodeId', uuid) episodeId: string, @Body() body: DetentionAccessDto, @Req() req: RequestWithActor): Promise<DetentionView> {
    return this.detention.recordAccess(actor, id, episodeId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'End a detention episode' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('detentions/:episodeId/end')
  @HttpCode(200)
  endDetention(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('episodeId', uuid) episodeId: string, @Body() body: EndDetentionDto, @Req() req: RequestWithActor): Promise<DetentionView> {
    return this.detention.end(actor, id, episodeId, body, correlationOf(req));
  }
}
