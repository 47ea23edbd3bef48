import { AuditModule } from '@kivuko/audit';
import { CasesModule } from '@kivuko/cases';
import { Module } from '@nestjs/common';
import { ReferralController } from './referral.controller';
import { ReferralRouter } from './referral-router';
import { ReferralService } from './referral.service';

/** Referral queues: routing every case to the right agency, on time, with consent. */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [ReferralController],
  providers: [ReferralService, ReferralRouter],
  exports: [ReferralService, ReferralRouter],
})
export class ReferralsModule {}
