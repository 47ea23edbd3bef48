import { Actor, ApiConflict, BadInputError, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CasePage, CaseQueryService, CaseView } from './case-query.service';
import { ConsentService, ConsentView } from './consent/consent.service';
import { RecordConsentDto, WithdrawConsentDto } from './consent/consent.dto';
import { AddProfileDto, EncounterDecisionDto, EncounterListQuery, ListCasesQuery, ProfileDecisionDto, VerifyRelationshipDto } from './dto/case-query.dto';
import { CaseProfilesView, CaseProfileView, CaseProfilingService } from './profiling/case-profiling.service';
import { CompleteIntakeDto, RegisterIntakeDto } from './dto/intake.dto';
import { REGISTER_INTAKE_EXAMPLE } from './dto/intake.example';
import { EncounterReviewService, EncounterView } from './encounter-review.service';

import { RegisterIntakeBodyPipe } from './intake-body.pipe';
import { IntakeResult, IntakeService } from './intake.service';

const correlationOf = (req: RequestWithActor): string | undefined => (req.id ? String(req.id) : undefined);
const uuid = new UuidParamPipe();

/** `3`, `"3"` or `W/"3"`: the case version a client read. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new BadInputError('REQUEST.VALIDATION_FAILED', 'If-Match must carry the case version', [
      { path: 'If-Match', problem: 'must be the case version, e.g. "3" (as the ETag of the case)' },
    ]);
  }
  return Number(match[1]);
}

@ApiTags('intake')
@ApiBearerAuth()
@Controller({ version: '1' })
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly cases: CaseQueryService,
  ) {}

  /** Registers an arrival: 201 with the new cases, or 200 with the first answer when the intake id was already used for this same submission. */
  @ApiOperation({ summary: 'Register an arrival: one person or a family, a case each' })
  @ApiConflict()
  @RequirePermission(Permission.IntakeRegister)
  @Post('intakes')
  @HttpCode(201)
  @ApiBody({ type: RegisterIntakeDto, examples: { family: { summary: 'A mother and her son at Namanga (works as it is on a demo start)', value: REGISTER_INTAKE_EXAMPLE } } })
  async register(
    @CurrentActor() actor: Actor,
    // Typed `unknown` so the global pipe leaves it to RegisterIntakeBodyPipe, which answers shape and rule problems together.
    @Body(RegisterIntakeBodyPipe) raw: unknown,
    @Req() req: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntakeResult> {
    const { replayed, result } = await this.intake.register(actor, raw as RegisterIntakeDto, { correlationId: correlationOf(req) });
    if (replayed) void reply.status(200);
    return result;
  }

  @ApiOperation({ summary: 'List the cases you may see, with filters' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases')
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery, @Req() req: RequestWithActor): Promise<CasePage> {
    return this.cases.list(actor, query, correlationOf(req));
  }

  @ApiOperation({ summary: 'Read a case, with the sections the SOP shares with your agency' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id')
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Req() req: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const view = await this.cases.get(actor, id, correlationOf(req));
    void reply.header('ETag', `"${view.version}"`);
    return view;
  }

  /** Completes a mass-arrival record, or corrects an intake, at the version read (body `version` or If-Match). */
  @ApiOperation({ summary: 'Complete or correct the intake record of a case' })
  @ApiConflict()
  @RequirePermission(Permission.IntakeUpdate)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version (its ETag), instead of `version` in the body' })
  @Put('cases/:id/intake')
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() body: CompleteIntakeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() req: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const headerVersion = versionFromIfMatch(ifMatch);
    if (headerVersion !== undefined && body.version !== undefined && headerVersion !== body.version) {
      throw new BadInputError('REQUEST.VALIDATION_FAILED', 'The version in If-Match and in the body differ', [
        { path: 'version', problem: `is ${body.version} but If-Match says ${headerVersion}` },
      ]);
    }
    const version = body.version ?? headerVersion;
    if (version === undefined) {
      throw new BadInputError('REQUEST.VALIDATION_FAILED', 'The case version is required', [
        { path: 'version', problem: 'version is required: send the version you read, in the body or as If-Match' },
      ]);
    }
    const view = await this.intake.complete(actor, id, { ...body, version }, { correlationId: correlationOf(req) });
    void reply.header('ETag', `"${view.version}"`);
    return view;
  }
}

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

@ApiTags('profiles')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ProfilesController {
  constructor(private readonly profiles: CaseProfilingService) {}

  /** The case's current profiles (as far as you may see them), every profiling run with its diff, and every decision. */
  @ApiOperation({ summary: 'Read the profiles of a case, its profiling runs and the decisions taken' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/profiles')
  view(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<CaseProfilesView> {
    return this.profiles.view(actor, id, correlationOf(req));
  }

  /** Adds a profile the rules missed (with a reason); it counts as confirmed. */
  @ApiOperation({ summary: 'Add a profile the rules missed, with a reason' })
  @ApiConflict()
  @RequirePermission(Permission.ProfilesDecide)
  @Post('cases/:id/profiles')
  add(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AddProfileDto, @Req() req: RequestWithActor): Promise<CaseProfileView[]> {
    return this.profiles.add(actor, id, body.profile, body.reason, correlationOf(req));
  }

  @ApiOperation({ summary: 'Confirm a suggested profile (it routes under the SOP)' })
  @ApiConflict()
  @RequirePermission(Permission.ProfilesDecide)
  @Post('cases/:id/profiles/:profile/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Param('profile') profile: string, @Req() req: RequestWithActor): Promise<CaseProfileView[]> {
    return this.profiles.confirm(actor, id, profile, correlationOf(req));
  }

  /** Removes a profile, with a reason; a later profiling run does not bring it back. */
  @ApiOperation({ summary: 'Remove a profile, with a reason' })
  @ApiConflict()
  @RequirePermission(Permission.ProfilesDecide)
  @Post('cases/:id/profiles/:profile/remove')
  @HttpCode(200)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('profile') profile: string,
    @Body() body: ProfileDecisionDto,
    @Req() req: RequestWithActor,
  ): Promise<CaseProfileView[]> {
    return this.profiles.remove(actor, id, profile, body.reason, correlationOf(req));
  }
}

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

