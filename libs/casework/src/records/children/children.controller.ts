import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CompleteAgeAssessmentDto, CompleteBestInterestsDto, GuardianAppointmentDto, OpenBestInterestsDto, RequestAgeAssessmentDto } from './children.dto';
import { AgeAssessmentView, BestInterestsView, ChildrenService, GuardianView } from './children.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Children (child protection): guardians, best-interests procedures, age assessments.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @ApiOperation({ summary: 'Appoint a guardian for a child' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('guardians')
  guardian(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: GuardianAppointmentDto, @Req() req: RequestWithActor): Promise<GuardianView> {
    return this.children.appointGuardian(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Open a best-interests procedure for a child' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('best-interests')
  openBestInterests(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: OpenBestInterestsDto, @Req() req: RequestWithActor): Promise<BestInterestsView> {
    return this.children.openBestInterests(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Complete a best-interests procedure with its decision' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('best-interests/:procedureId/complete')
  @HttpCode(200)
  completeBestInterests(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('procedureId', uuid) procedureId: string,
    @Body() body: CompleteBestInterestsDto,
    @Req() req: RequestWithActor,
  ): Promise<BestInterestsView> {
    return this.children.completeBestInterests(actor, id, procedureId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Request an age assessment' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('age-assessments')
  requestAgeAssessment(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: RequestAgeAssessmentDto, @Req() req: RequestWithActor): Promise<AgeAssessmentView> {
    return this.children.requestAgeAssessment(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the result of an age assessment' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('age-assessments/:assessmentId/complete')
  @HttpCode(200)
  completeAgeAssessment(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('assessmentId', uuid) assessmentId: string,
    @Body() body: CompleteAgeAssessmentDto,
    @Req() req: RequestWithActor,
  ): Promise<AgeAssessmentView> {
    return this.children.completeAgeAssessment(actor, id, assessmentId, body, correlationOf(req));
  }
}
