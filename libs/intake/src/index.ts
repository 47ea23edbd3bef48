import { CaseNumberCounter } from './case-number.entity';

export * from './case-number';
export * from './case-number.entity';
export * from './intake.module';
export * from './name-matching';

export const INTAKE_ENTITIES: Function[] = [CaseNumberCounter];
