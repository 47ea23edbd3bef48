import { AccessModule } from '@kivuko/access';
import { AuditModule } from '@kivuko/audit';
import { CaseworkModule } from '@kivuko/casework';
import { CasesModule } from '@kivuko/cases';
import { ReferralDeadlinesModule, ReferralsModule } from '@kivuko/referrals';
import { SopLifecycleModule } from '@kivuko/sop-lifecycle';
import { PlatformModule, PlatformRuntime } from '@kivuko/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { DemoCasesService } from './demo-cases';
import { OperationsMetrics } from './operations-metrics';
import { QueuesController } from './queues.controller';

/**
 * The whole of Kivuko as one module, for the api (which adds HTTP) and the worker (which does not).
 * Each bounded context joins here once.
 */
@Module({})
export class KivukoModule {
  static forRoot(runtime: PlatformRuntime): DynamicModule {
    return {
      module: KivukoModule,
      imports: [PlatformModule.forRoot(runtime), AuditModule, AccessModule.forRoot(runtime), CasesModule, SopLifecycleModule, ReferralsModule, ReferralDeadlinesModule, CaseworkModule],
      controllers: [QueuesController],
      providers: [DemoCasesService, OperationsMetrics],
    };
  }
}
