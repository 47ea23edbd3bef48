import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, PlatformErrors, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CasePage, CaseQueryService, CaseView } from './case-query.service';
import { ListCasesQuery } from './dto/case-query.dto';
import { CompleteIntakeDto, RegisterIntakeDto } from './dto/intake.dto';
import { REGISTER_INTAKE_EXAMPLE } from './dto/intake.example';

import { RegisterIntakeBodyPipe } from './intake-body.pipe';
import { IntakeResult, IntakeService } from './intake.service';

const uuid = new UuidParamPipe();

/** `3`, `"3"` or `W/"3"`: the case version a client read. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [
      { path: 'If-Match', problem: 'must be the case version, e.g. "3" (as the ETag of the case)' },
    ], 'If-Match must carry the case version');
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
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [
        { path: 'version', problem: `is ${body.version} but If-Match says ${headerVersion}` },
      ], 'The version in If-Match and in the body differ');
    }
    const version = body.version ?? headerVersion;
    if (version === undefined) {
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [
        { path: 'version', problem: 'version is required: send the version you read, in the body or as If-Match' },
      ], 'The case version is required');
    }
    const view = await this.intake.complete(actor, id, { ...body, version }, { correlationId: correlationOf(req) });
    void reply.header('ETag', `"${view.version}"`);
    return view;
  }
}
