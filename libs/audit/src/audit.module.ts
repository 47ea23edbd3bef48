import { PLATFORM_RUNTIME, PlatformRuntime } from '@kivuko/platform';
import { Module } from '@nestjs/common';
import { AUDIT_KEYRING, AuditKeyring } from './audit-key';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * The audit trail. Needs the DataSource and runtime of PlatformModule; import it wherever events are
 * recorded. Its HMAC keys come from the process's keyring (KIVUKO_ENCRYPTION_KEYS): no new setting.
 */
@Module({
  controllers: [AuditController],
  providers: [
    { provide: AUDIT_KEYRING, inject: [PLATFORM_RUNTIME], useFactory: (runtime: PlatformRuntime) => new AuditKeyring(runtime.secrets.encryptionKeys) },
    AuditService,
  ],
  exports: [AuditService],
})
export class AuditModule {}
