import { AuditModule } from '@kivuko/audit';
import { PlatformRuntime } from '@kivuko/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoController } from './demo.controller';
import { DemoService } from './demo.service';
import { LoginThrottle } from './login-throttle';
import { ReferenceDataController } from './reference-data.controller';
import { ReferenceDataService } from './reference-data.service';
import { SessionRegistry } from './session-registry';
import { TokenService } from './token.service';

@Module({})
export class AccessModule {
  static forRoot(runtime: PlatformRuntime): DynamicModule {
    const demo = runtime.config.demo.enabled;
    return {
      module: AccessModule,
      imports: [AuditModule],
      controllers: [AuthController, ReferenceDataController, ...(demo ? [DemoController] : [])],
      providers: [
        TokenService,
        SessionRegistry,
        AuthService,
        {
          provide: LoginThrottle,
          useFactory: () =>
            new LoginThrottle({ perIp: runtime.config.auth.loginLimitPerIp, perAccount: runtime.config.auth.loginLimitPerAccount }),
        },
        ReferenceDataService,
        DemoService,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TokenService, AuthService, DemoService],
    };
  }
}
