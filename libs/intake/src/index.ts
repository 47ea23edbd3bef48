import { CaseNumberCounter } from './case-number.entity';

export * from './case-number';
export * from './case-number.entity';
export * from './case-policy';
export * from './case-query.service';
export * from './consent/consent.dto';
export * from './consent/consent.service';
export * from './dto/intake.dto';
export * from './dto/case-query.dto';
export * from './encounter-review.service';
export * from './encounter-search';
export * from './intake-checks';
export * from './intake.enums';
export * from './intake.module';
export * from './intake.service';
export * from './key-rotation.service';
export * from './name-matching';
export * from './person-record';
export * from './profiling/case-facts';
export * from './profiling/case-profiling.service';
export * from './profiling/asylum-wish-facts';
export * from './border-point-guard';
export * from './screening/questionnaire';

export const INTAKE_ENTITIES: Function[] = [CaseNumberCounter];
export * from './dto/codes';
export * from './readable-groups';
