import { AuditModule } from '@kivuko/audit';
import { CasesModule } from '@kivuko/cases';
import { Module } from '@nestjs/common';
import { ReferralController } from './referral.controller';
import { ReferralRouter } from './referral-router';
import { ReferralService } from './referral.service';
import { SopController } from './sop.controller';
import { SopService } from './sop.service';

/** Joint SOPs and referral queues: routing every case to the right agency, on time, with consent. */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [ReferralController, SopController],
  providers: [ReferralService, ReferralRouter, SopService],
  exports: [ReferralService, SopService, ReferralRouter],
})
export class ReferralsModule {}
