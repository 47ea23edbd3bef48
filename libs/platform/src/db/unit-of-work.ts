import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/access-vocabulary';

/**
 * Whose eyes a transaction sees through. Row-level security policies read it from the transaction's
 * settings, so a query that forgets the application's own filter still sees only this scope.
 */
export type Scope = { kind: 'actor'; actor: Actor } | { kind: 'system'; reason: string };

export const actorScope = (actor: Actor): Scope => ({ kind: 'actor', actor });
/** For migrations, the worker's own jobs and start-up tasks; the reason says which. */
export const systemScope = (reason: string): Scope => ({ kind: 'system', reason });

/** One use case, one transaction, run in one scope. */
@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(scope: Scope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await applyScope(manager, scope);
      return work(manager);
    });
  }
}

/** Sets the scope for the rest of the current transaction only (`set_config(..., true)`). */
export async function applyScope(manager: EntityManager, scope: Scope): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('a scope can only be set inside a transaction');
  const settings: [string, string][] =
    scope.kind === 'system'
      ? [
          ['kivuko.scope', 'system'],
          ['kivuko.reason', scope.reason],
        ]
      : [
          ['kivuko.scope', 'actor'],
          ['kivuko.user_id', scope.actor.userId],
          ['kivuko.agency_id', scope.actor.agencyId],
          ['kivuko.border_point_ids', scope.actor.borderPointIds.join(',')],
          ['kivuko.roles', scope.actor.roles.join(',')],
        ];
  await manager.query(
    `SELECT set_config(name, value, true) FROM unnest($1::text[], $2::text[]) AS s(name, value)`,
    [settings.map(([n]) => n), settings.map(([, v]) => v)],
  );
}
