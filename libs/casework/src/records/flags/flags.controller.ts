import { Actor, ApiConflict, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CloseFlagDto, OpenFlagDto } from './flags.dto';
import { FlagsService, FlagView } from './flags.service';
import { ProtectionRecordsController } from '../records-controller';

const uuid = new UuidParamPipe();

/**
 * Flags on a case (refoulement risk, prosecution), checked for non-criminalisation.
 * Written only by the agencies mandated for it (RECORD.NOT_YOUR_MANDATE otherwise); the safeguards refuse with 409 SAFEGUARD.* naming the reason.
 */
@ProtectionRecordsController()
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

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
