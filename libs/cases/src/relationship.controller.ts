import { Actor, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerifyRelationshipDto } from './dto/case-query.dto';
import { IntakeService } from './intake.service';

const uuid = new UuidParamPipe();

@ApiTags('intake')
@ApiBearerAuth()
@Controller({ version: '1' })
export class RelationshipController {
  constructor(private readonly intake: IntakeService) {}

  /** Marks the claimed relationship between this case's person and a travel companion as verified, or as not verified. */
  @ApiOperation({ summary: 'Record whether a claimed relationship with a travel companion is verified' })
  @RequirePermission(Permission.RelationshipsVerify)
  @Post('cases/:id/companions/:companionCaseId/verification')
  @HttpCode(200)
  verify(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('companionCaseId', uuid) companionCaseId: string,
    @Body() body: VerifyRelationshipDto,
    @Req() req: RequestWithActor,
  ): Promise<{ caseId: string; companionCaseId: string; relationship: string; verified: boolean; verifiedAt: string }> {
    return this.intake.verifyRelationship(actor, id, companionCaseId, body, { correlationId: correlationOf(req) });
  }
}
