import { Actor, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission } from '@kivuko/platform';
import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MonitorPageQuery, SafeguardEventsQuery } from './monitor.dto';
import { MonitoredDetention, MonitoredReferral, MonitoredSafeguardEvent, MonitorService } from './monitor.service';

/** The independent monitor's read-only reports: codes, dates and justifications, never narratives. */
@ApiTags('monitor')
@ApiBearerAuth()
@Controller({ path: 'monitor', version: '1' })
export class MonitorController {
  constructor(private readonly monitor: MonitorService) {}

  /** Detention episodes of protected persons (children, trafficking victims, survivors, pregnant or ill), newest first. */
  @ApiOperation({ summary: 'Detentions of protected persons, for the monitor' })
  @RequirePermission(Permission.SafeguardReportsRead)
  @Get('detentions')
  detentions(@CurrentActor() actor: Actor, @Query() query: MonitorPageQuery, @Req() req: RequestWithActor): Promise<{ items: MonitoredDetention[]; nextCursor?: string }> {
    return this.monitor.detentions(actor, query, correlationOf(req));
  }

  /** Blocked attempts (removals, returns, detentions, prosecutions) and overrides with their justifications, newest first. */
  @ApiOperation({ summary: 'Blocked attempts and overrides of the safeguards, for the monitor' })
  @RequirePermission(Permission.SafeguardReportsRead)
  @Get('safeguard-events')
  events(@CurrentActor() actor: Actor, @Query() query: SafeguardEventsQuery, @Req() req: RequestWithActor): Promise<{ items: MonitoredSafeguardEvent[]; nextCursor?: string }> {
    return this.monitor.safeguardEvents(actor, query, correlationOf(req));
  }

  /** Referrals still unacknowledged after escalation, longest overdue first. */
  @ApiOperation({ summary: 'Referrals still unacknowledged after escalation, for the monitor' })
  @RequirePermission(Permission.SafeguardReportsRead)
  @Get('overdue-referrals')
  overdue(@CurrentActor() actor: Actor, @Query() query: MonitorPageQuery, @Req() req: RequestWithActor): Promise<{ items: MonitoredReferral[]; nextCursor?: string }> {
    return this.monitor.overdueReferrals(actor, query, correlationOf(req));
  }
}
