import { AuditModule } from '@kivuko/audit';
import { CasesModule } from '@kivuko/cases';
import { SopLifecycleModule } from '@kivuko/sop-lifecycle';
import { Module } from '@nestjs/common';
import { ReferralController } from './referral.controller';
import { ReferralRouter } from './referral-router';
import { ReferralService } from './referral.service';

/**
 * Referral queues: routing every case to the right agency under the active joint SOP, on time, with consent.
 * Passes on the SOP versions in force (SopLifecycleModule) to the modules that escalate and record under them.
 */
@Module({
  imports: [AuditModule, CasesModule, SopLifecycleModule],
  controllers: [ReferralController],
  providers: [ReferralService, ReferralRouter],
  exports: [ReferralService, ReferralRouter, SopLifecycleModule],
})
export class ReferralsModule {}
