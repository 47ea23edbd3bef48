import { ApplicationLogger, PlatformRuntime } from '@kivuko/platform';
import { KivukoModule } from '@kivuko/runtime';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/** The worker as `main` starts it, and as the tests start it: all modules, no HTTP. */
export async function createWorkerContext(runtime: PlatformRuntime): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(KivukoModule.forRoot(runtime), { bufferLogs: true, abortOnError: false });
  app.useLogger(new ApplicationLogger(app.get(Logger)));
  await app.init();
  return app;
}
