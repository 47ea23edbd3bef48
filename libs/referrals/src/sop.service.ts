import { AuditService } from '@kivuko/audit';
import { systemScope, UnitOfWork } from '@kivuko/platform';
import { DEFAULT_SOP_DOCUMENT, loadSop } from '@kivuko/sop';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * Joint SOP versions in the database. So far: the demo's default SOP, loaded as the active version
 * with every signatory's approval on record (the upload, approval and activation API builds on this).
 */
@Injectable()
export class SopService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Loads the default SOP as the active version of its jurisdiction unless one is active already. */
  async activateDefaultForDemo(): Promise<string | null> {
    const sop = loadSop(DEFAULT_SOP_DOCUMENT);
    return this.uow.run(systemScope('demo: default joint SOP'), async (manager) => {
      const [active] = await manager.query<{ id: string }[]>(`SELECT id FROM sop_version WHERE jurisdiction = $1 AND status = 'ACTIVE'`, [sop.jurisdiction.country]);
      if (active) return null;
      const signatories = await this.resolveSignatories(manager, sop.signatories);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at)
         VALUES ($1, $2, $3, $4::jsonb, 'ACTIVE', $5::uuid[], $6, now())`,
        [id, sop.jurisdiction.country, sop.version, JSON.stringify(sop.document), signatories, new Date(`${sop.effectiveFrom}T00:00:00Z`)],
      );
      await manager.query(
        `INSERT INTO sop_approval (sop_version_id, agency_id, approved_by)
         SELECT $1, a.id, u.id FROM unnest($2::uuid[]) AS a(id)
         CROSS JOIN LATERAL (SELECT id FROM app_user WHERE agency_id = a.id ORDER BY ('AGENCY_MANAGER' = ANY (roles)) DESC, username LIMIT 1) u`,
        [id, signatories],
      );
      await this.audit.record(manager, { action: 'SOP.ACTIVATED', details: { sopVersionId: id, label: sop.version.replace(/[^A-Za-z0-9._-]/g, '_') } });
      return id;
    });
  }

  private async resolveSignatories(manager: EntityManager, names: string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM agency WHERE name = ANY ($1::text[]) OR id::text = ANY ($1::text[])`, [names]);
    const missing = names.filter((n) => !rows.some((r) => r.name === n || r.id === n));
    if (missing.length > 0) throw new Error(`SOP signatories that are not agencies: ${missing.join(', ')}`);
    return rows.map((r) => r.id);
  }
}
