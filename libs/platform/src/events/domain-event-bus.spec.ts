import { Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from '../db/data-source-options';
import { systemScope, UnitOfWork } from '../db/unit-of-work';
import { createTestDatabase, TestDatabase } from '../testing';
import { DomainEventBus, DomainWiringError } from './domain-event-bus';

/**
 * The bus is typed by the events and ports the contexts declare; these tests use names of their own,
 * outside that declaration, through an untyped view of the same bus.
 */
type Handler = (manager: EntityManager, payload: unknown) => Promise<void>;
const on = (bus: DomainEventBus, name: string, handler: Handler): void => bus.on(name as never, handler as never);
const publish = (bus: DomainEventBus, manager: EntityManager, name: string, payload: unknown): Promise<void> => bus.publish(manager, name as never, payload as never);
const requireHandler = (bus: DomainEventBus, name: string, why: string): void => bus.requireHandler(name as never, why);
const requireProvider = (bus: DomainEventBus, name: string, why: string): void => bus.requireProvider(name as never, why);
const provide = (bus: DomainEventBus, name: string, provider: (manager: EntityManager, question: unknown) => Promise<unknown>): void =>
  bus.provide(name as never, provider as never);
const ask = (bus: DomainEventBus, manager: EntityManager, name: string, question: unknown): Promise<unknown> => bus.ask(manager, name as never, question as never);

const noManager = {} as EntityManager;
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('domain event bus: publishing', () => {
  it('runs the handlers one after the other, in the order they were registered, with the publisher’s manager and payload', async () => {
    const bus = new DomainEventBus();
    const seen: string[] = [];
    // The first handler is the slowest: run concurrently, it would finish last.
    on(bus, 'test.happened', async (manager, payload) => {
      seen.push('first:start');
      await tick(20);
      expect(manager).toBe(noManager);
      seen.push(`first:${(payload as { n: number }).n}`);
    });
    on(bus, 'test.happened', async (_manager, payload) => {
      seen.push(`second:${(payload as { n: number }).n}`);
    });
    on(bus, 'test.other', async () => {
      seen.push('other');
    });
    await publish(bus, noManager, 'test.happened', { n: 7 });
    expect(seen).toEqual(['first:start', 'first:7', 'second:7']);
  });

  it('stops at a handler that throws, and the publisher receives its error', async () => {
    const bus = new DomainEventBus();
    const seen: string[] = [];
    on(bus, 'test.happened', async () => {
      throw new Error('handler refused');
    });
    on(bus, 'test.happened', async () => {
      seen.push('after');
    });
    await expect(publish(bus, noManager, 'test.happened', {})).rejects.toThrow('handler refused');
    expect(seen).toEqual([]);
  });

  it('publishes to nobody when an event that is not required has no handler', async () => {
    const bus = new DomainEventBus();
    await expect(publish(bus, noManager, 'test.unheard', {})).resolves.toBeUndefined();
    expect(() => bus.checkWiring()).not.toThrow();
  });

  it('asks a port its one provider, and refuses a second provider', async () => {
    const bus = new DomainEventBus();
    provide(bus, 'test.port', async (manager, question) => ({ manager, question }));
    await expect(ask(bus, noManager, 'test.port', { caseId: 'c' })).resolves.toEqual({ manager: noManager, question: { caseId: 'c' } });
    expect(() => provide(bus, 'test.port', async () => null)).toThrow('port "test.port" already has a provider');
    await expect(ask(bus, noManager, 'test.unprovided', {})).rejects.toThrow(DomainWiringError);
  });
});

describe('domain event bus: the wiring check', () => {
  it('names every required event without a handler and every required port without a provider', () => {
    const bus = new DomainEventBus();
    requireHandler(bus, 'test.handled', 'handled');
    requireHandler(bus, 'test.unhandled', 'somebody must act on it');
    requireProvider(bus, 'test.unprovided', 'somebody must answer it');
    requireProvider(bus, 'test.provided', 'answered');
    on(bus, 'test.handled', async () => undefined);
    provide(bus, 'test.provided', async () => null);
    expect(() => bus.checkWiring()).toThrow(
      'Domain wiring incomplete: event "test.unhandled" has no handler (somebody must act on it); port "test.unprovided" has no provider (somebody must answer it). Import the module that handles it.',
    );
    on(bus, 'test.unhandled', async () => undefined);
    provide(bus, 'test.unprovided', async () => null);
    expect(() => bus.checkWiring()).not.toThrow();
  });

  @Global()
  @Module({ providers: [DomainEventBus], exports: [DomainEventBus] })
  class BusModule {}

  @Injectable()
  class Publisher {
    constructor(bus: DomainEventBus) {
      requireHandler(bus, 'test.arrived', 'the arrival is routed');
    }
  }

  @Module({ providers: [Publisher] })
  class PublisherModule {}

  @Injectable()
  class Listener implements OnModuleInit {
    readonly heard: unknown[] = [];
    constructor(private readonly bus: DomainEventBus) {}
    onModuleInit(): void {
      on(this.bus, 'test.arrived', async (_manager, payload) => {
        this.heard.push(payload);
      });
    }
  }

  @Module({ providers: [Listener] })
  class ListenerModule {}

  @Module({ imports: [BusModule, PublisherModule] })
  class WithoutListener {}

  @Module({ imports: [BusModule, PublisherModule, ListenerModule] })
  class WithListener {}

  it('refuses to start an application in which a required event has no handler, naming the event', async () => {
    const refused: unknown = await NestFactory.createApplicationContext(WithoutListener, { logger: false, abortOnError: false }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainWiringError);
    expect((refused as DomainWiringError).message).toContain('event "test.arrived" has no handler (the arrival is routed)');
  });

  it('starts once the module that handles it is imported, its handler registered at module init', async () => {
    const app = await NestFactory.createApplicationContext(WithListener, { logger: false, abortOnError: false });
    try {
      await publish(app.get(DomainEventBus), noManager, 'test.arrived', { caseId: 'c' });
      expect(app.get(Listener).heard).toEqual([{ caseId: 'c' }]);
    } finally {
      await app.close();
    }
  });
});

describe('domain event bus: in the publisher’s transaction', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;

  beforeAll(async () => {
    db = await createTestDatabase('domain_events');
    dataSource = await new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 3, applicationName: 'kivuko-domain-events-test' })).initialize();
    await dataSource.query(`CREATE TABLE domain_event_probe (id serial PRIMARY KEY, written_by text NOT NULL)`);
    uow = new UnitOfWork(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  beforeEach(() => dataSource.query(`TRUNCATE domain_event_probe`));

  const written = async (): Promise<string[]> =>
    (await dataSource.query<{ written_by: string }[]>(`SELECT written_by FROM domain_event_probe ORDER BY id`)).map((r) => r.written_by);

  /** The publisher's use case: writes its row, then publishes, in one unit of work. */
  const useCase = (bus: DomainEventBus): Promise<void> =>
    uow.run(systemScope('domain event test'), async (manager) => {
      await manager.query(`INSERT INTO domain_event_probe (written_by) VALUES ('publisher')`);
      await publish(bus, manager, 'test.written', {});
    });

  it('commits the handlers’ writes with the publisher’s, the handler seeing the publisher’s uncommitted row', async () => {
    const bus = new DomainEventBus();
    on(bus, 'test.written', async (manager) => {
      const [{ n }] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM domain_event_probe`);
      await manager.query(`INSERT INTO domain_event_probe (written_by) VALUES ($1)`, [`handler after ${n}`]);
    });
    await useCase(bus);
    expect(await written()).toEqual(['publisher', 'handler after 1']);
  });

  it('rolls the publisher’s transaction back, handler writes included, when a handler throws', async () => {
    const bus = new DomainEventBus();
    on(bus, 'test.written', async (manager) => {
      await manager.query(`INSERT INTO domain_event_probe (written_by) VALUES ('first handler')`);
    });
    on(bus, 'test.written', async () => {
      throw new Error('the second handler refused');
    });
    await expect(useCase(bus)).rejects.toThrow('the second handler refused');
    expect(await written()).toEqual([]);
  });
});
