import { Module } from '@nestjs/common';
import { CaseNumberAllocator } from './case-number';

/** Registering arrivals. So far: case numbers; the intake use case builds on them. */
@Module({ providers: [CaseNumberAllocator], exports: [CaseNumberAllocator] })
export class IntakeModule {}
