import { Actor, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Get, Param, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ProtectionRecordsView, ProtectionViewService, SafeguardStatusView } from './protection-view.service';
import { ProtectionRecordsController } from './records-controller';

const uuid = new UuidParamPipe();

/**
 * The protection records of a case as one view, and what the safeguards refuse on it now. Each kind of record
 * has its folder beside this one (asylum/, trafficking/, children/, family/, detention/, returns/, flags/).
 */
@ProtectionRecordsController()
export class ProtectionViewController {
  constructor(private readonly view: ProtectionViewService) {}

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
}
