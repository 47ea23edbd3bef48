import { Metrics } from '@kivuko/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { intakesByBorderPoint, referralsByAgencyKind } from './operations-metrics.queries';

/** What the work looks like, for Prometheus: referral backlogs by agency kind, intakes by border point. */
@Injectable()
export class OperationsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const open = new Gauge({ name: 'kivuko_referrals_open', help: 'Referrals not yet declined, completed or withdrawn, by the receiving agency\'s kind.', labelNames: ['agency_kind'], registers });
    const overdue = new Gauge({ name: 'kivuko_referrals_overdue', help: 'Open referrals past their first-contact deadline, by the receiving agency\'s kind.', labelNames: ['agency_kind'], registers });
    const intakes = new Gauge({ name: 'kivuko_intakes_recorded', help: 'Intakes recorded since the system started, by border point code (use delta() for a rate).', labelNames: ['border_point'], registers });
    this.metrics.addCollector({
      name: 'referrals',
      collect: async () => {
        const rows = await referralsByAgencyKind(this.dataSource);
        // Every agency kind comes back (0 when it has none open); a kind no agency has any more disappears.
        open.reset();
        overdue.reset();
        for (const row of rows) {
          open.set({ agency_kind: row.agency_kind }, Number(row.open));
          overdue.set({ agency_kind: row.agency_kind }, Number(row.overdue));
        }
      },
    });
    this.metrics.addCollector({
      name: 'intakes',
      collect: async () => {
        const rows = await intakesByBorderPoint(this.dataSource);
        intakes.reset();
        for (const row of rows) intakes.set({ border_point: row.border_point_code }, Number(row.intakes));
      },
    });
  }
}
