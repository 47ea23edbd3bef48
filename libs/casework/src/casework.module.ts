import { AuditModule } from '@kivuko/audit';
import { IntakeModule } from '@kivuko/intake';
import { Module } from '@nestjs/common';
import { CaseworkController } from './casework.controller';
import { CaseworkService } from './casework.service';

/** Case management for the receiving agencies: so far the timeline and notes. */
@Module({
  imports: [AuditModule, IntakeModule],
  controllers: [CaseworkController],
  providers: [CaseworkService],
  exports: [CaseworkService],
})
export class CaseworkModule {}
