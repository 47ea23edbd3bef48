import { CaseNumberCounter } from './case-number.entity';

export { CasePolicy } from './case-policy';
export { agencyKindOf } from './case-query.service';
export { RecordConsentDto } from './consent/consent.dto';
export { caseNotFound, ConsentService } from './consent/consent.service';
export { RegisterIntakeDto } from './dto/intake.dto';
export { ArrivalHow, ArrivalMode, Relationship, Sex, UrgentNeed } from './intake.enums';
export { CasesModule } from './cases.module';
export { IntakeService } from './intake.service';
export { KeyRotationService } from './key-rotation.service';
export type { RotationResult } from './key-rotation.service';
export { loadCaseFacts } from './profiling/case-facts';
export { CaseProfilingService, PROFILE_GROUP } from './profiling/case-profiling.service';
export type { ProfilesChanged } from './profiling/case-profiling.service';
export { asylumWishEverRecorded, asylumWishInForce } from './profiling/asylum-wish-facts';
export { checkAnswers, DEFAULT_QUESTIONNAIRE } from './screening/questionnaire';

export const CASE_ENTITIES: Function[] = [CaseNumberCounter];
export { IsCalendarDate, IsCountry, IsLanguage, IsZonedDateTime } from './dto/codes';
export { readableGroups } from './readable-groups';
export { CaseErrors } from './cases.errors';
export type { CaseProfileView } from './profiling/case-profiling.service';
