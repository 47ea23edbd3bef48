import 'reflect-metadata';
// First: tracing (when configured) must be in place before the modules it instruments load.
import './tracing';
import { bootRuntime, ConfigError, stopTracing, loadConfig, ShutdownState } from '@kivuko/platform';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES } from '@kivuko/runtime';
import { createWorkerContext } from './worker-context';
import { workerWatchdog } from './worker-watchdog';

const say = (message: string): void => {
  process.stderr.write(`[kivuko-worker] ${message}\n`);
};

/** Exit codes a supervisor sees: anything but 0 means "start me again". */
const EXIT_GAVE_UP = 70;
const EXIT_CRASHED = 1;

/**
 * Consumes the queues; no HTTP. Scale out by running more of these. It reconnects by itself after a
 * short outage of PostgreSQL or Redis; when it cannot recover (an outage longer than
 * KIVUKO_WORKER_GIVE_UP_SECONDS, an error nothing handled) it exits non-zero for its supervisor to restart
 * it. Jobs it held are not lost: the queue hands stalled jobs to another worker, and the outbox publishes
 * again any job left unfinished.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const booted = await bootRuntime(config, { entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS, log: say });
  const app = await createWorkerContext(booted.runtime);
  say('worker ready: consuming queues on Redis');

  let stopping = false;
  const giveUp = (reason: string, code: number): void => {
    if (stopping) return;
    stopping = true;
    say(`cannot recover by itself (${reason}): exiting ${code} to be restarted`);
    app.get(ShutdownState).begin();
    // Closing may hang on the very connection that is gone: the exit does not wait for more than 10 s.
    setTimeout(() => process.exit(code), 10_000).unref();
    void app.close().finally(() => process.exit(code));
  };
  const watchdog = workerWatchdog(app, {
    onGiveUp: (reason) => giveUp(reason, EXIT_GAVE_UP),
    onRecovered: (name, downMs) => say(`${name} reachable again after ${Math.round(downMs / 1000)} s; going on`),
  });
  watchdog.start();
  process.on('uncaughtException', (error) => giveUp(`uncaught: ${error.stack ?? error.message}`, EXIT_CRASHED));
  process.on('unhandledRejection', (error) => giveUp(`unhandled rejection: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, EXIT_CRASHED));

  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    watchdog.stop();
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
