import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { SopController } from './sop.controller';
import { SopService } from './sop.service';
import { SopVersions } from './sop-versions';

/**
 * Joint SOP versions: upload, validation, approval by every signatory, activation and retirement; and the
 * versions in force, parsed once, for the contexts that work under them.
 */
@Module({
  imports: [AuditModule],
  controllers: [SopController],
  providers: [SopService, SopVersions],
  exports: [SopService, SopVersions],
})
export class SopLifecycleModule {}
