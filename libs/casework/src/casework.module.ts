import { AuditModule } from '@kivuko/audit';
import { CasesModule } from '@kivuko/cases';
import { ReferralsModule } from '@kivuko/referrals';
import { Module } from '@nestjs/common';
import { CaseworkController } from './casework.controller';
import { CaseworkService } from './casework.service';
import { ClosureService } from './management/closure.service';
import { DashboardService } from './management/dashboard.service';
import { ManagementController } from './management/management.controller';
import { ResponsibilityService } from './management/responsibility.service';
import { TasksService } from './management/tasks.service';
import { MonitorController } from './monitor/monitor.controller';
import { MonitorService } from './monitor/monitor.service';
import { AsylumService } from './records/asylum.service';
import { AsylumWishService } from './records/asylum-wish.service';
import { ChildrenService } from './records/children.service';
import { DetentionReviewSchedule, DetentionReviews, DetentionReviewSweepJob } from './records/detention-reviews';
import { DetentionService } from './records/detention.service';
import { FamilyService } from './records/family.service';
import { FlagsService } from './records/flags.service';
import { ProtectionViewService } from './records/protection-view.service';
import { RecordSupport } from './records/record-support';
import { RecordsController } from './records/records.controller';
import { ReturnsService } from './records/returns.service';
import { TraffickingService } from './records/trafficking.service';

/** Case management for the receiving agencies: timeline, notes, the domain records under the safeguards, the monitor's reports. */
@Module({
  imports: [AuditModule, CasesModule, ReferralsModule],
  controllers: [CaseworkController, RecordsController, ManagementController, MonitorController],
  providers: [CaseworkService, RecordSupport, ProtectionViewService, AsylumService, AsylumWishService, TraffickingService, ChildrenService, DetentionService, ReturnsService, FlagsService, FamilyService, MonitorService, TasksService, ResponsibilityService, ClosureService, DashboardService, DetentionReviews, DetentionReviewSweepJob, DetentionReviewSchedule],
  exports: [CaseworkService, AsylumService, TraffickingService, DetentionService, DetentionReviews],
})
export class CaseworkModule {}
