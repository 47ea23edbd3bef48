import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { CaseNumberAllocator } from './case-number';
import { CaseQueryService } from './case-query.service';
import { ConsentService } from './consent/consent.service';
import { EncounterReviewService } from './encounter-review.service';
import { ConsentController, EncounterController, IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';

/** Registering arrivals, reading cases in scope, consent records and the review of possible previous encounters. */
@Module({
  imports: [AuditModule],
  controllers: [IntakeController, EncounterController, ConsentController],
  providers: [CaseNumberAllocator, IntakeService, CaseQueryService, ConsentService, EncounterReviewService],
  exports: [CaseNumberAllocator, IntakeService, CaseQueryService, ConsentService],
})
export class IntakeModule {}
