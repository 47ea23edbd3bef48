import { Actor, ApiConflict, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AsylumClaimView, AsylumService } from './asylum.service';
import { AsylumWishService, AsylumWishWithdrawalView } from './asylum-wish.service';
import { AgeAssessmentView, BestInterestsView, ChildrenService, GuardianView } from './children.service';
import { DetentionService, DetentionView } from './detention.service';
import { CarePlacementView, FamilyService, ReunificationView, TracingView } from './family.service';
import { FlagsService, FlagView } from './flags.service';
import { HtcdsRow } from './htcds';
import { ProtectionRecordsView, ProtectionViewService, SafeguardStatusView } from './protection-view.service';
import {
  AsylumAppealDto,
  AsylumAppealOutcomeDto,
  AsylumDecisionDto,
  AsylumInterviewDto,
  AsylumWishWithdrawalDto,
  AsylumWithdrawalDto,
  CancelDto,
  CarePlacementDto,
  CloseFlagDto,
  CompleteAgeAssessmentDto,
  CompleteBestInterestsDto,
  CounsellingSessionDto,
  DepartureDto,
  DetentionAccessDto,
  DetentionReviewDto,
  EndCarePlacementDto,
  EndDetentionDto,
  ExecuteRemovalDto,
  GuardianAppointmentDto,
  OpenBestInterestsDto,
  OpenDetentionDto,
  OpenFlagDto,
  OpenTracingDto,
  ProposeReunificationDto,
  ReflectionPeriodDto,
  RegisterAsylumClaimDto,
  RemovalOrderDto,
  RequestAgeAssessmentDto,
  ResidencePermitDto,
  ReunificationOutcomeDto,
  StopTracingDto,
  TracingOutcomeDto,
  TraffickingAssistanceDto,
  TraffickingIdentificationDto,
  VoluntarinessDto,
  VoluntaryReturnDto,
  VulnerabilityAssessmentDto,
} from './records.dto';
import { RemovalOrderView, ReturnsService, VoluntaryReturnView } from './returns.service';
import { TraffickingService, TraffickingView } from './trafficking.service';

const correlationOf = (req: RequestWithActor): string | undefined => (req.id ? String(req.id) : undefined);
const uuid = new UuidParamPipe();

/**
 * The receiving agencies' domain records on a case. Each kind is written only by the agencies mandated
 * for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ApiTags('protection records')
@ApiBearerAuth()
@Controller({ path: 'cases/:id', version: '1' })
export class RecordsController {
  constructor(
    private readonly view: ProtectionViewService,
    private readonly asylum: AsylumService,
    private readonly trafficking: TraffickingService,
    private readonly children: ChildrenService,
    private readonly detention: DetentionService,
    private readonly returns: ReturnsService,
    private readonly flags: FlagsService,
    private readonly family: FamilyService,
    private readonly asylumWish: AsylumWishService,
  ) {}

  /** Every protection record of the case, each section only for readers whose agency may see it. */
  @ApiOperation({ summary: 'Read the protection records of a case, by field group' })
  @RequirePermission(Permission.CasesRead)
  @Get('protection')
  records(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<ProtectionRecordsView> {
    return this.view.records(actor, id, correlationOf(req));
  }

  /** What the safeguards refuse now (removal, voluntary return, detention, prosecution) and why. */
  @ApiOperation({ summary: 'What the safeguards refuse on this case now, and why' })
  @RequirePermission(Permission.CasesRead)
  @Get('safeguards')
  safeguards(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<SafeguardStatusView> {
    return this.view.status(actor, id, correlationOf(req));
  }

  // --- Asylum (the asylum authority) ---

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

  /** The person's own withdrawal of the asylum wish recorded at intake: only then may ASYLUM_SEEKER go and the lock stop counting the wish. */
  @ApiOperation({ summary: "Record the person's own withdrawal of the asylum wish recorded at intake" })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('asylum-wish/withdrawal')
  withdrawWish(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AsylumWishWithdrawalDto, @Req() req: RequestWithActor): Promise<AsylumWishWithdrawalView & { words: string }> {
    return this.asylumWish.withdraw(actor, id, body, correlationOf(req));
  }

  // --- Trafficking (the anti-trafficking coordinator) ---

  @ApiOperation({ summary: 'Record the trafficking identification status' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Put('trafficking/identification')
  identify(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: TraffickingIdentificationDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.identify(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Start the reflection period of a presumed trafficking victim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('trafficking/reflection-period')
  @HttpCode(200)
  reflection(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReflectionPeriodDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.startReflection(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: "Record a trafficking victim's residence permit" })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('trafficking/residence-permit')
  @HttpCode(200)
  permit(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ResidencePermitDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.grantPermit(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record assistance given to a trafficking victim' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('trafficking/assistance')
  @HttpCode(200)
  assistance(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: TraffickingAssistanceDto, @Req() req: RequestWithActor): Promise<TraffickingView> {
    return this.trafficking.addAssistance(actor, id, body, correlationOf(req));
  }

  /** The case as one de-identified row in the IOM HTCDS / CTDC field layout (the anti-trafficking agency). */
  @ApiOperation({ summary: 'Export the case as one de-identified HTCDS / CTDC row' })
  @RequirePermission(Permission.CaseRecordsWrite)
  @Get('trafficking/export')
  exportHtcds(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<{ layout: string; fields: string[]; row: HtcdsRow }> {
    return this.trafficking.exportHtcds(actor, id, correlationOf(req));
  }

  // --- Children (child protection) ---

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

  /** Family tracing: only with the family-tracing consent (or a legal basis) for your agency on record. */
  @ApiOperation({ summary: 'Open family tracing for a child' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('family-tracing')
  openTracing(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: OpenTracingDto, @Req() req: RequestWithActor): Promise<TracingView> {
    return this.family.openTracing(actor, id, body, correlationOf(req));
  }

  /** Tracing could endanger the child or the family: it stops, and no new tracing can start. */
  @ApiOperation({ summary: 'Stop family tracing that could endanger the child or the family' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('family-tracing/:tracingId/stop')
  @HttpCode(200)
  stopTracing(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('tracingId', uuid) tracingId: string, @Body() body: StopTracingDto, @Req() req: RequestWithActor): Promise<TracingView> {
    return this.family.stopTracing(actor, id, tracingId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the outcome of family tracing' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('family-tracing/:tracingId/outcome')
  @HttpCode(200)
  tracingOutcome(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('tracingId', uuid) tracingId: string, @Body() body: TracingOutcomeDto, @Req() req: RequestWithActor): Promise<TracingView> {
    return this.family.concludeTracing(actor, id, tracingId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Propose a family reunification' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('reunifications')
  proposeReunification(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ProposeReunificationDto, @Req() req: RequestWithActor): Promise<ReunificationView> {
    return this.family.proposeReunification(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the outcome of a family reunification' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('reunifications/:reunificationId/outcome')
  @HttpCode(200)
  reunificationOutcome(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('reunificationId', uuid) reunificationId: string,
    @Body() body: ReunificationOutcomeDto,
    @Req() req: RequestWithActor,
  ): Promise<ReunificationView> {
    return this.family.concludeReunification(actor, id, reunificationId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Place a child in care' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('care-placements')
  place(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: CarePlacementDto, @Req() req: RequestWithActor): Promise<CarePlacementView> {
    return this.family.place(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'End a care placement' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('care-placements/:placementId/end')
  @HttpCode(200)
  endPlacement(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('placementId', uuid) placementId: string, @Body() body: EndCarePlacementDto, @Req() req: RequestWithActor): Promise<CarePlacementView> {
    return this.family.endPlacement(actor, id, placementId, body, correlationOf(req));
  }

  // --- Detention (border and immigration authorities; the detention guard) ---

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

  // --- Removal (the immigration authority) and assisted voluntary return (the return agency): the non-refoulement lock ---

  @ApiOperation({ summary: 'Order a removal (checked by the non-refoulement safeguards)' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('removal-orders')
  orderRemoval(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: RemovalOrderDto, @Req() req: RequestWithActor): Promise<RemovalOrderView> {
    return this.returns.orderRemoval(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record that a removal was carried out' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('removal-orders/:orderId/execute')
  @HttpCode(200)
  executeRemoval(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('orderId', uuid) orderId: string, @Body() body: ExecuteRemovalDto, @Req() req: RequestWithActor): Promise<RemovalOrderView> {
    return this.returns.executeRemoval(actor, id, orderId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Cancel a removal order' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('removal-orders/:orderId/cancel')
  @HttpCode(200)
  cancelRemoval(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('orderId', uuid) orderId: string, @Body() body: CancelDto, @Req() req: RequestWithActor): Promise<RemovalOrderView> {
    return this.returns.cancelRemoval(actor, id, orderId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Request an assisted voluntary return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns')
  requestReturn(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: VoluntaryReturnDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.requestReturn(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record a return counselling session' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/counselling')
  @HttpCode(200)
  counsel(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: CounsellingSessionDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.counsel(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the check that a return is voluntary' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/voluntariness')
  @HttpCode(200)
  voluntariness(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: VoluntarinessDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.confirmVoluntariness(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the vulnerability assessment before a return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/vulnerability-assessment')
  @HttpCode(200)
  vulnerability(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('returnId', uuid) returnId: string,
    @Body() body: VulnerabilityAssessmentDto,
    @Req() req: RequestWithActor,
  ): Promise<VoluntaryReturnView> {
    return this.returns.assessVulnerability(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Record the departure of an assisted voluntary return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/depart')
  @HttpCode(200)
  depart(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: DepartureDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.depart(actor, id, returnId, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Withdraw an assisted voluntary return' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('voluntary-returns/:returnId/withdraw')
  @HttpCode(200)
  withdrawReturn(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('returnId', uuid) returnId: string, @Body() body: CancelDto, @Req() req: RequestWithActor): Promise<VoluntaryReturnView> {
    return this.returns.withdraw(actor, id, returnId, body, correlationOf(req));
  }

  // --- Flags ---

  @ApiOperation({ summary: 'Raise a prosecution flag (checked for non-criminalisation)' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('flags')
  openFlag(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: OpenFlagDto, @Req() req: RequestWithActor): Promise<FlagView> {
    return this.flags.open(actor, id, body, correlationOf(req));
  }

  @ApiOperation({ summary: 'Close a prosecution flag' })
  @ApiConflict()
  @RequirePermission(Permission.CaseRecordsWrite)
  @Post('flags/:flagId/close')
  @HttpCode(200)
  closeFlag(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('flagId', uuid) flagId: string, @Body() body: CloseFlagDto, @Req() req: RequestWithActor): Promise<FlagView> {
    return this.flags.close(actor, id, flagId, body, correlationOf(req));
  }
}
