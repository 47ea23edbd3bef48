import { EntityManager } from 'typeorm';

/** The SQL of the agencies' webhooks (one per agency). */

export async function isSubscribed(manager: EntityManager, agencyId: string): Promise<boolean> {
  const [subscribed] = await manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
  return subscribed !== undefined;
}

export async function agencyExists(manager: EntityManager, agencyId: string): Promise<boolean> {
  const [agency] = await manager.query<{ id: string }[]>(`SELECT id FROM agency WHERE id = $1`, [agencyId]);
  return agency !== undefined;
}

/** Registers the agency's webhook, or replaces its address and secret. */
export async function upsertWebhook(manager: EntityManager, hook: { agencyId: string; url: string; secretCiphertext: string; registeredBy: string }): Promise<void> {
  await manager.query(
    `INSERT INTO agency_webhook (agency_id, url, secret_ciphertext, registered_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (agency_id) DO UPDATE SET url = EXCLUDED.url, secret_ciphertext = EXCLUDED.secret_ciphertext,
           registered_by = EXCLUDED.registered_by, registered_at = now()`,
    [hook.agencyId, hook.url, hook.secretCiphertext, hook.registeredBy],
  );
}

/** Removes the agency's webhook; false when it had none. */
export async function deleteWebhook(manager: EntityManager, agencyId: string): Promise<boolean> {
  const [, removed] = await manager.query<[unknown[], number]>(`DELETE FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
  return removed > 0;
}

export async function findWebhook(manager: EntityManager, agencyId: string): Promise<{ url: string; secret_ciphertext: string } | undefined> {
  const [hook] = await manager.query<{ url: string; secret_ciphertext: string }[]>(`SELECT url, secret_ciphertext FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
  return hook;
}

/** The agency's webhook as its administrators see it: the address and when it was set (never the secret). */
export async function webhookStatus(manager: EntityManager, agencyId: string): Promise<{ url: string; registered_at: Date } | undefined> {
  const [hook] = await manager.query<{ url: string; registered_at: Date }[]>(`SELECT url, registered_at FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
  return hook;
}
