import { createHttpApp, PlatformRuntime } from '@kivuko/platform';
import { ERROR_CODES, KivukoModule } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The api as `main` starts it, and as the e2e tests start it. */
export function createApiApp(runtime: PlatformRuntime): Promise<NestFastifyApplication> {
  return createHttpApp(KivukoModule.forRoot(runtime), runtime.config, { errorCodes: ERROR_CODES });
}
