import { AuditService, AuditVerification } from '@kivuko/audit';
import { KeyRotationService, RotationResult } from '@kivuko/cases';
import { PlatformRuntime } from '@kivuko/platform';
import { NestFactory } from '@nestjs/core';
import { KivukoModule } from './kivuko.module';

/** Re-encrypts every stored ciphertext under the runtime's active key (the first of its keyring). */
export async function rotateEncryptionKeys(runtime: PlatformRuntime): Promise<RotationResult & { before: number }> {
  const app = await NestFactory.createApplicationContext(KivukoModule.forRoot(runtime), { logger: false, abortOnError: false });
  try {
    const rotation = app.get(KeyRotationService);
    const before = await rotation.pending();
    return { before, ...(await rotation.rotate()) };
  } finally {
    await app.close();
  }
}

/** Recomputes every audit chain, as GET /api/v1/audit/verify does (after a restore, for one). */
export async function verifyAuditTrail(runtime: PlatformRuntime): Promise<AuditVerification> {
  const app = await NestFactory.createApplicationContext(KivukoModule.forRoot(runtime), { logger: false, abortOnError: false });
  try {
    return await app.get(AuditService).verify();
  } finally {
    await app.close();
  }
}
