import 'reflect-metadata';
// First: tracing (when configured) must be in place before the modules it instruments load.
import './tracing';
import { bootRuntime, ConfigError, stopTracing, loadConfig, ShutdownState } from '@kivuko/platform';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES } from '@kivuko/runtime';
import { createWorkerContext } from './worker-context';

const say = (message: string): void => {
  process.stderr.write(`[kivuko-worker] ${message}\n`);
};

/** Consumes the queues; no HTTP. Scale out by running more of these. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const booted = await bootRuntime(config, { entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS, log: say });
  const app = await createWorkerContext(booted.runtime);
  say('worker ready: consuming queues on Redis');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.get(ShutdownState).begin();
    say(`${signal}: stopping`);
    app.close().then(stopTracing).then(
      () => process.exit(0),
      (error: unknown) => {
        say(`stop failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  say(error instanceof ConfigError ? error.message : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
