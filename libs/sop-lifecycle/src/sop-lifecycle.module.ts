import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { SopController } from './sop.controller';
import { SopService } from './sop.service';

/** Joint SOP versions: upload, validation, approval by every signatory, activation and retirement. */
@Module({
  imports: [AuditModule],
  controllers: [SopController],
  providers: [SopService],
  exports: [SopService],
})
export class SopLifecycleModule {}
