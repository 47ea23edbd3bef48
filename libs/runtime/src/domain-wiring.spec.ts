import { AccessModule } from '@kivuko/access';
import { AuditModule } from '@kivuko/audit';
import { CasesModule } from '@kivuko/cases';
import { DomainWiringError, PlatformModule, PlatformRuntime } from '@kivuko/platform';
import { createTestDatabase, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { ReferralsModule } from '@kivuko/referrals';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { KIVUKO_ENTITIES, KivukoModule } from './index';

/**
 * The case context publishes what referrals act on (and asks them the SOP in force): a process that
 * leaves the handling modules out does not start half-wired, it stops at boot naming what is missing.
 */
describe('the domain wiring at start-up', () => {
  let db: TestDatabase;
  let runtime: PlatformRuntime;
  /** The connections a refused start opened: a start that fails closes nothing by itself. */
  const opened: DataSource[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('domain_wiring');
    runtime = testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, runProcessors: false });
  });
  afterAll(async () => {
    for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  /** A process of the platform, audit, access and cases, and the modules given. */
  function processOf(...modules: Type[]): DynamicModule {
    @Module({})
    class PartialProcess {}
    return {
      module: PartialProcess,
      imports: [PlatformModule.forRoot(runtime), AuditModule, AccessModule.forRoot(runtime), CasesModule, ...modules],
      providers: [{ provide: 'opened', inject: [DataSource], useFactory: (dataSource: DataSource) => opened.push(dataSource) }],
    };
  }

  const start = (module: DynamicModule): Promise<unknown> =>
    NestFactory.createApplicationContext(module, { logger: false, abortOnError: false }).then(
      (app) => app.close(),
      (error: unknown) => error,
    );

  it('refuses to start the case context without referrals, naming both events and the port', async () => {
    const refused = await start(processOf());
    expect(refused).toBeInstanceOf(DomainWiringError);
    const { message } = refused as DomainWiringError;
    expect(message).toContain('event "cases.profiles-changed" has no handler');
    expect(message).toContain('event "cases.consent-changed" has no handler');
    expect(message).toContain('port "cases.sop-policy" has no provider');
  });

  it('refuses to start referrals without the webhooks that carry their events to the agencies', async () => {
    const refused = await start(processOf(ReferralsModule));
    expect(refused).toBeInstanceOf(DomainWiringError);
    expect((refused as DomainWiringError).missing).toEqual([{ kind: 'event', name: 'referrals.agency-event', why: "the agencies' webhooks" }]);
  });

  it('starts the whole of Kivuko', async () => {
    await expect(start(KivukoModule.forRoot(runtime))).resolves.toBeUndefined();
  });
});
