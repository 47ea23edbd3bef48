import { AuditService } from '@kivuko/audit';
import { FieldCipher, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { lockStaleSections, pendingCount, updateCiphertexts } from './key-rotation.queries';
import { sectionContext } from './person-record';

export interface RotationResult {
  /** Ciphertexts re-encrypted under the active key by this run. */
  rotated: number;
  /** The active key id every ciphertext now names. */
  activeKeyId: string;
}

const BATCH = 500;

/**
 * Re-encrypts every stored ciphertext that names a key other than the active one (the first of
 * KIVUKO_ENCRYPTION_KEYS), a batch per transaction, under a system scope, so the old key can then be
 * removed from the keyring. Safe to stop and run again: each batch commits on its own.
 */
@Injectable()
export class KeyRotationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  /** How many ciphertexts still name another key. */
  async pending(): Promise<number> {
    return this.uow.run(systemScope('encryption key rotation: count'), async (manager) => {
      return pendingCount(manager, this.cipher.activeKeyId);
    });
  }

  async rotate(): Promise<RotationResult> {
    const active = this.cipher.activeKeyId;
    let rotated = 0;
    for (;;) {
      const done = await this.uow.run(systemScope('encryption key rotation'), async (manager) => {
        const rows = await lockStaleSections(manager, active, BATCH);
        if (rows.length === 0) return 0;
        await updateCiphertexts(
          manager,
          rows.map((r) => ({ caseId: r.case_id, fieldGroup: r.field_group, ciphertext: this.cipher.reencrypt(r.ciphertext, sectionContext(r.case_id, r.field_group)) })),
        );
        return rows.length;
      });
      if (done === 0) break;
      rotated += done;
    }
    await this.audit.recordStandalone({ action: 'KEYS.ROTATED', details: { rotated, activeKeyId: active } });
    return { rotated, activeKeyId: active };
  }
}
