import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { CaseNumberAllocator } from './case-number';
import { CasePolicy } from './case-policy';
import { CaseQueryService } from './case-query.service';
import { ConsentService } from './consent/consent.service';
import { EncounterReviewService } from './encounter-review.service';
import { ConsentController } from './consent/consent.controller';
import { EncounterController } from './encounter.controller';
import { IntakeController } from './intake.controller';
import { ProfilesController } from './profiling/profiles.controller';
import { RelationshipController } from './relationship.controller';
import { CaseProfilingService } from './profiling/case-profiling.service';
import { RegisterIntakeBodyPipe } from './intake-body.pipe';
import { IntakeService } from './intake.service';
import { KeyRotationService } from './key-rotation.service';
import { QuestionnaireRegistry } from './screening/questionnaire';
import { QuestionnaireController } from './screening/questionnaire.controller';
import { LeafletsController } from './leaflets/leaflets.controller';

/** Registering arrivals, reading cases in scope, consent records and the review of possible previous encounters. */
@Module({
  imports: [AuditModule],
  controllers: [IntakeController, QuestionnaireController, LeafletsController, RelationshipController, ProfilesController, EncounterController, ConsentController],
  providers: [CasePolicy, { provide: QuestionnaireRegistry, useValue: new QuestionnaireRegistry() }, RegisterIntakeBodyPipe, CaseNumberAllocator, IntakeService, CaseQueryService, ConsentService, EncounterReviewService, KeyRotationService, CaseProfilingService],
  exports: [CasePolicy, KeyRotationService, CaseProfilingService, CaseNumberAllocator, IntakeService, CaseQueryService, ConsentService],
})
export class CasesModule {}
