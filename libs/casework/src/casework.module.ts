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
import { AsylumWishController } from './records/asylum-wish/asylum-wish.controller';
import { AsylumWishService } from './records/asylum-wish/asylum-wish.service';
import { AsylumController } from './records/asylum/asylum.controller';
import { AsylumService } from './records/asylum/asylum.service';
import { ChildrenController } from './records/children/children.controller';
import { ChildrenService } from './records/children/children.service';
import { DetentionReviewSweepJob } from './records/detention/detention-review-sweep.job';
import { DetentionReviewSchedule, DetentionReviews } from './records/detention/detention-reviews';
import { DetentionController } from './records/detention/detention.controller';
import { DetentionService } from './records/detention/detention.service';
import { FamilyController } from './records/family/family.controller';
import { FamilyService } from './records/family/family.service';
import { FlagsController } from './records/flags/flags.controller';
import { FlagsService } from './records/flags/flags.service';
import { ProtectionViewController } from './records/protection-view.controller';
import { ProtectionViewService } from './records/protection-view.service';
import { RecordSupport } from './records/record-support';
import { ReturnsController } from './records/returns/returns.controller';
import { ReturnsService } from './records/returns/returns.service';
import { TraffickingController } from './records/trafficking/trafficking.controller';
import { TraffickingService } from './records/trafficking/trafficking.service';

/** Case management for the receiving agencies: timeline, notes, the domain records under the safeguards, the monitor's reports. */
@Module({
  imports: [AuditModule, CasesModule, ReferralsModule],
  // The records' controllers in the order their routes appear in the API document (one controller before the split).
  controllers: [
    CaseworkController,
    ProtectionViewController,
    AsylumController,
    AsylumWishController,
    TraffickingController,
    ChildrenController,
    FamilyController,
    DetentionController,
    ReturnsController,
    FlagsController,
    ManagementController,
    MonitorController,
  ],
  providers: [CaseworkService, RecordSupport, ProtectionViewService, AsylumService, AsylumWishService, TraffickingService, ChildrenService, DetentionService, ReturnsService, FlagsService, FamilyService, MonitorService, TasksService, ResponsibilityService, ClosureService, DashboardService, DetentionReviews, DetentionReviewSweepJob, DetentionReviewSchedule],
  exports: [CaseworkService, AsylumService, TraffickingService, DetentionService, DetentionReviews],
})
export class CaseworkModule {}
