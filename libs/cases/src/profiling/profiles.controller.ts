import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddProfileDto, ProfileDecisionDto } from '../dto/case-query.dto';
import { CaseProfilesView, CaseProfileView, CaseProfilingService } from './case-profiling.service';

const uuid = new UuidParamPipe();

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
