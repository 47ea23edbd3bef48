import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  DomainEventHandler,
  DomainEventName,
  DomainEventPayload,
  DomainPortAnswer,
  DomainPortName,
  DomainPortProvider,
  DomainPortQuestion,
} from './domain-events';

/** The start refused: a context publishes an event (or asks a port) that no imported module answers. */
export class DomainWiringError extends Error {
  constructor(readonly missing: { kind: 'event' | 'port'; name: string; why: string }[]) {
    super(
      `Domain wiring incomplete: ${missing
        .map((m) => (m.kind === 'event' ? `event "${m.name}" has no handler (${m.why})` : `port "${m.name}" has no provider (${m.why})`))
        .join('; ')}. Import the module that handles it.`,
    );
    this.name = 'DomainWiringError';
  }
}

/**
 * The in-transaction domain events and ports between contexts. A publisher declares at construction
 * which of its events must be handled (and which ports it asks); the handling module registers its
 * handlers at module init; at application bootstrap the bus refuses to start when a required event has
 * no handler or a port no provider. `publish` runs the handlers one after the other, in registration
 * order, with the publisher's EntityManager: their writes are the publisher's transaction, and a handler
 * that throws fails the publisher.
 */
@Injectable()
export class DomainEventBus implements OnApplicationBootstrap {
  private readonly handlers = new Map<string, DomainEventHandler<DomainEventName>[]>();
  private readonly providers = new Map<string, DomainPortProvider<DomainPortName>>();
  private readonly requiredEvents = new Map<string, string>();
  private readonly requiredPorts = new Map<string, string>();

  /** Declares that `name` must have a handler for the application to start; `why` says what the handler does. */
  requireHandler(name: DomainEventName, why: string): void {
    this.requiredEvents.set(name, why);
  }

  /** Declares that port `name` must have a provider for the application to start. */
  requireProvider(name: DomainPortName, why: string): void {
    this.requiredPorts.set(name, why);
  }

  /** Registers a handler of `name`; handlers run in the order they were registered. */
  on<N extends DomainEventName>(name: N, handler: DomainEventHandler<N>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as unknown as DomainEventHandler<DomainEventName>);
    this.handlers.set(name, list);
  }

  /** Registers the one provider of port `name`. */
  provide<N extends DomainPortName>(name: N, provider: DomainPortProvider<N>): void {
    if (this.providers.has(name)) throw new Error(`port "${name}" already has a provider`);
    this.providers.set(name, provider as unknown as DomainPortProvider<DomainPortName>);
  }

  /** Runs every handler of `name` in the caller's transaction, one after the other. */
  async publish<N extends DomainEventName>(manager: EntityManager, name: N, payload: DomainEventPayload<N>): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await handler(manager, payload as never);
  }

  /** Asks port `name` in the caller's transaction. */
  async ask<N extends DomainPortName>(manager: EntityManager, name: N, question: DomainPortQuestion<N>): Promise<DomainPortAnswer<N>> {
    const provider = this.providers.get(name);
    if (!provider) throw new DomainWiringError([{ kind: 'port', name, why: this.requiredPorts.get(name) ?? 'asked, never provided' }]);
    return (await provider(manager, question as never)) as DomainPortAnswer<N>;
  }

  /** Throws a DomainWiringError naming every required event without a handler and every required port without a provider. */
  checkWiring(): void {
    const missing = [
      ...[...this.requiredEvents].filter(([name]) => (this.handlers.get(name) ?? []).length === 0).map(([name, why]) => ({ kind: 'event' as const, name, why })),
      ...[...this.requiredPorts].filter(([name]) => !this.providers.has(name)).map(([name, why]) => ({ kind: 'port' as const, name, why })),
    ];
    if (missing.length > 0) throw new DomainWiringError(missing);
  }

  onApplicationBootstrap(): void {
    this.checkWiring();
  }
}
