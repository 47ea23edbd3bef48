import 'reflect-metadata';
// First: tracing (when configured) must be in place before the modules it instruments load.
import './tracing';
import { bootRuntime, ConfigError, stopTracing, DataFolderInUseError, hasWebApp, loadConfig, ShutdownState } from '@kivuko/platform';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES } from '@kivuko/runtime';
import { createApiApp } from './api-app';

const say = (message: string): void => {
  process.stderr.write(`[kivuko] ${message}\n`);
};

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'api');
  const started = Date.now();
  const booted = await bootRuntime(config, { entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS, log: say });
  if (booted.appliedMigrations.length > 0) say(`applied migrations: ${booted.appliedMigrations.join(', ')}`);

  let app;
  try {
    app = await createApiApp(booted.runtime);
    await app.listen({ port: config.http.port, host: config.http.host });
  } catch (error) {
    await booted.stopDatabase();
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const url = `http://localhost:${port}`;
  say(`api ready at ${url}  (OpenAPI: ${url}/docs, health: ${url}/health/ready) in ${Date.now() - started} ms`);
  if (hasWebApp(config.webDir)) say(`web app at ${url}/`);
  else say(`no web app in ${config.webDir} (npm run build:web builds it); the api runs without it`);
  say(
    `database: ${booted.embedded ? `embedded PostgreSQL on 127.0.0.1:${new URL(booted.runtime.databaseUrl).port}, data in ${config.dataDir}` : 'DATABASE_URL'}; ` +
      `jobs: ${config.redis.url ? 'BullMQ on Redis' : 'BullMQ on PostgreSQL'}, ` +
      `${config.jobs.runProcessors ? 'processed in this process' : 'processed by the worker'}`,
  );

  if (config.demo.enabled) {
    say(`demo mode: sign in at POST ${url}/api/v1/auth/login as any user listed at ${url}/api/v1/demo/accounts, password "${config.demo.password}"`);
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    // Before anything closes: a Ctrl-C reaches the embedded database too, which drops every
    // connection while the application closes; from now on that is expected, not a warning.
    app.get(ShutdownState).begin();
    say(`${signal}: stopping`);
    void (async () => {
      try {
        await app.close();
        await booted.stopDatabase();
        await stopTracing();
        say('stopped cleanly');
        process.exit(0);
      } catch (error) {
        say(`stop failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      }
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  say(error instanceof ConfigError || error instanceof DataFolderInUseError ? error.message : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
