import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DiffSopQuery, ListSopsQuery, SimulateSopDto } from './sop.dto';
import { SopDiffView, SopDocumentSummary, SopRecentSimulationView, SopService, SopSimulationView } from './sop.service';
import { SopVersionRef, SopVersionSummary, SopVersionView } from './sop-view';

const uuid = new UuidParamPipe();

/** The body of an upload or a validation: the SOP document itself, checked by the SOP library, not by a DTO. */
const SOP_DOCUMENT_BODY = {
  description: 'A joint SOP document (JSON), as described by libs/sop/sop.schema.json; start from `npx kivuko sop default`.',
  schema: {
    type: 'object',
    additionalProperties: true,
    required: ['version', 'jurisdiction', 'effectiveFrom', 'signatories'],
    properties: {
      version: { type: 'string', description: 'The label of this version, unique within the jurisdiction', example: 'TZA-2027.1' },
      jurisdiction: { type: 'object', properties: { country: { type: 'string', example: 'TZA' } }, required: ['country'] },
      effectiveFrom: { type: 'string', format: 'date', example: '2027-01-01' },
      signatories: { type: 'array', description: 'Signatory agencies by name or id; each must approve before activation', items: { type: 'string' } },
    },
  },
};

@ApiTags('sops')
@ApiBearerAuth()
@Controller({ version: '1' })
export class SopController {
  constructor(private readonly sops: SopService) {}

  @ApiConflict()
  @RequirePermission(Permission.SopManage)
  @Post('sops')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload a draft',
    description:
      'Stores the document as a DRAFT of its jurisdiction, labelled with its `version`. An invalid document is refused with 400 SOP.INVALID listing every problem with its path (including signatories that are not agencies); a label the jurisdiction already has gives 409 SOP.LABEL_TAKEN.',
  })
  @ApiBody(SOP_DOCUMENT_BODY)
  upload(@CurrentActor() actor: Actor, @Body() document: unknown, @Req() req: RequestWithActor): Promise<SopVersionView> {
    return this.sops.upload(actor, document, correlationOf(req));
  }

  @RequirePermission(Permission.SopManage)
  @Post('sops/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate a document without storing it', description: '200 with a summary, or 400 SOP.INVALID with every problem and its path.' })
  @ApiBody(SOP_DOCUMENT_BODY)
  validate(@CurrentActor() actor: Actor, @Body() document: unknown): Promise<{ valid: true; summary: SopDocumentSummary }> {
    return this.sops.validate(actor, document);
  }

  @RequirePermission(Permission.SopRead)
  @Get('sops')
  @ApiOperation({ summary: 'List versions, newest first, with which signatories approved and which are missing' })
  list(@CurrentActor() actor: Actor, @Query() query: ListSopsQuery): Promise<{ items: SopVersionSummary[]; nextCursor?: string }> {
    return this.sops.list(actor, query);
  }

  @RequirePermission(Permission.SopRead)
  @Get('sops/:id')
  @ApiOperation({ summary: 'A version with its document and approvals' })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<SopVersionView> {
    return this.sops.get(actor, id);
  }

  @RequirePermission(Permission.SopRead)
  @Get('sops/:id/diff')
  @ApiOperation({ summary: 'What changed from another version (default: the active version of the jurisdiction) to this one' })
  diff(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() query: DiffSopQuery): Promise<SopDiffView> {
    return this.sops.diff(actor, id, query.against);
  }

  @RequirePermission(Permission.SopManage)
  @Post('sops/:id/simulate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run sample arrivals, or the recent cases, through this version and the active one',
    description:
      'SAMPLES (default): profiles, referrals, deadlines, agencies chosen among the real agencies, and data shared, per sample, with what this version changes against the active version. ' +
      'RECENT: the cases registered in the last `days` (default 30) at the jurisdiction\'s border points, the newest `limit` (default 200, at most 1000), profiled and routed again under both versions in one read-only transaction; ' +
      'per profile how many cases would be routed differently, then per case only its case number, border point, profiles and routes (agency, role, first-contact deadline as a duration) under each version — no names, dates of birth or answers. Each RECENT simulation is recorded in the audit trail (SOP.SIMULATED).',
  })
  simulate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: SimulateSopDto, @Req() req: RequestWithActor): Promise<SopSimulationView | SopRecentSimulationView> {
    return this.sops.simulate(actor, id, body ?? {}, correlationOf(req));
  }

  @ApiConflict()
  @RequirePermission(Permission.SopApprove)
  @Post('sops/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: "Approve a draft on behalf of your agency",
    description: 'Your agency must be a signatory (else 403 SOP.NOT_A_SIGNATORY); only a DRAFT (409 SOP.NOT_A_DRAFT); once per agency (409 SOP.ALREADY_APPROVED).',
  })
  approve(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<SopVersionView> {
    return this.sops.approve(actor, id, correlationOf(req));
  }

  @ApiConflict()
  @RequirePermission(Permission.SopManage)
  @Post('sops/:id/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Activate a fully approved draft, retiring the active version',
    description:
      'Only a DRAFT approved by every signatory (else 409 SOP.APPROVALS_MISSING naming the missing agencies). There is no scheduled activation: before the document\'s effectiveFrom date (00:00 UTC) it is refused with 409 SOP.NOT_YET_EFFECTIVE. In one transaction the previous active version of the jurisdiction becomes RETIRED and this one ACTIVE; new referrals are made under it, existing ones keep the version they were made under. Of two activations at the same time one succeeds, the other gets 409 SOP.ACTIVATED_CONCURRENTLY.',
  })
  activate(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<SopVersionView & { superseded: SopVersionRef | null }> {
    return this.sops.activate(actor, id, correlationOf(req));
  }

  @ApiConflict()
  @RequirePermission(Permission.SopManage)
  @Post('sops/:id/retire')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a draft',
    description:
      'A DRAFT becomes RETIRED and can no longer be approved or activated. The active version is retired only by activating its successor (409 SOP.ACTIVE_NEEDS_SUCCESSOR): a jurisdiction without an active SOP would leave new cases unrouted.',
  })
  retire(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<SopVersionView> {
    return this.sops.retire(actor, id, correlationOf(req));
  }
}
