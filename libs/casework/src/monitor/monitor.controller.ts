import { Actor, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission } from '@kivuko/platform';
import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { MonitorPageQuery, SafeguardEventsQuery } from './monitor.dto';
import { MonitoredDetention, MonitoredReferral, MonitoredSafeguardEvent, MonitorReport, MonitorService } from './monitor.service';

type Page<T> = { items: T[]; nextCursor?: string };

/** Whether the caller asked for the CSV file: `?format=csv`, or `Accept: text/csv` without a format. */
const wantsCsv = (query: MonitorPageQuery, accept: string | undefined): boolean =>
  query.format === 'csv' || (query.format === undefined && /(^|,)\s*text\/csv\b/i.test(accept ?? ''));

/** The independent monitor's read-only reports: codes, dates and justifications, never narratives. */
@ApiTags('monitor')
@ApiBearerAuth()
@Controller({ path: 'monitor', version: '1' })
export class MonitorController {
  constructor(private readonly monitor: MonitorService) {}

  /** Detention episodes of protected persons (children, trafficking victims, survivors, pregnant or ill), newest first. */
  @ApiOperation({ summary: 'Detentions of protected persons, for the monitor' })
  @ApiProduces('application/json', 'text/csv')
  @RequirePermission(Permission.SafeguardReportsRead)
  @Get('detentions')
  async detentions(
    @CurrentActor() actor: Actor,
    @Query() query: MonitorPageQuery,
    @Headers('accept') accept: string | undefined,
    @Req() req: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<MonitoredDetention> | string> {
    if (wantsCsv(query, accept)) return this.csv(actor, 'detentions', query, req, reply);
    return this.monitor.detentions(actor, query, correlationOf(req));
  }

  /** Blocked attempts (removals, returns, detentions, prosecutions) and overrides with their justifications, newest first. */
  @ApiOperation({ summary: 'Blocked attempts and overrides of the safeguards, for the monitor' })
  @ApiProduces('application/json', 'text/csv')
  @RequirePermission(Permission.SafeguardReportsRead)
  @Get('safeguard-events')
  async events(
    @CurrentActor() actor: Actor,
    @Query() query: SafeguardEventsQuery,
    @Headers('accept') accept: string | undefined,
    @Req() req: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<MonitoredSafeguardEvent> | string> {
    if (wantsCsv(query, accept)) return this.csv(actor, 'safeguard-events', query, req, reply);
    return this.monitor.safeguardEvents(actor, query, correlationOf(req));
  }

  /** Referrals still unacknowledged after escalation, longest overdue first. */
  @ApiOperation({ summary: 'Referrals still unacknowledged after escalation, for the monitor' })
  @ApiProduces('application/json', 'text/csv')
  @RequirePermission(Permission.SafeguardReportsRead)
  @Get('overdue-referrals')
  async overdue(
    @CurrentActor() actor: Actor,
    @Query() query: MonitorPageQuery,
    @Headers('accept') accept: string | undefined,
    @Req() req: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<MonitoredReferral> | string> {
    if (wantsCsv(query, accept)) return this.csv(actor, 'overdue-referrals', query, req, reply);
    return this.monitor.overdueReferrals(actor, query, correlationOf(req));
  }

  private async csv(actor: Actor, report: MonitorReport, query: SafeguardEventsQuery, req: RequestWithActor, reply: FastifyReply): Promise<string> {
    const text = await this.monitor.csv(actor, report, query, correlationOf(req));
    const period = [query.from, query.to].filter(Boolean).join('_to_');
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="kivuko-${report}${period ? `-${period}` : ''}.csv"`)
      .header('Cache-Control', 'no-store');
    return text;
  }
}
