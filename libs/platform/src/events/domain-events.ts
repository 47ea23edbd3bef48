import { EntityManager } from 'typeorm';

/**
 * The in-transaction domain events of the whole system: event name -> payload. The platform declares
 * none; each context adds the events it publishes beside its code, by declaration merging:
 *
 *   declare module '@kivuko/platform' {
 *     interface DomainEventPayloads { 'cases.profiles-changed': ProfilesChanged }
 *   }
 *
 * An event is published inside the transaction that caused it, and its handlers run in that transaction.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventPayloads {}

/**
 * The in-transaction questions one context asks another (a port the other context provides): port name ->
 * its question and answer. Declared by the asking context, like the events. One provider per port.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainPorts {}

export type DomainEventName = keyof DomainEventPayloads & string;
export type DomainEventPayload<N extends DomainEventName> = DomainEventPayloads[N];

export type DomainPortName = keyof DomainPorts & string;
type PortShape<N extends DomainPortName> = DomainPorts[N] extends { question: unknown; answer: unknown } ? DomainPorts[N] : never;
export type DomainPortQuestion<N extends DomainPortName> = PortShape<N>['question'];
export type DomainPortAnswer<N extends DomainPortName> = PortShape<N>['answer'];

/** Runs in the publisher's transaction: a handler that throws rolls the publisher's write back. */
export type DomainEventHandler<N extends DomainEventName> = (manager: EntityManager, payload: DomainEventPayload<N>) => Promise<void>;

/** Answers a port's question in the asker's transaction. */
export type DomainPortProvider<N extends DomainPortName> = (manager: EntityManager, question: DomainPortQuestion<N>) => Promise<DomainPortAnswer<N>>;
