import { PLATFORM_RUNTIME, PlatformRuntime, QueueBackend } from '@kivuko/platform';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface WatchdogProbe {
  name: string;
  /** Resolves true when the dependency answers; never rejects for an outage. */
  check(): Promise<boolean>;
}

export interface WatchdogOptions {
  /** How long a dependency may stay unreachable before the worker gives up. */
  giveUpAfterMs: number;
  everyMs?: number;
  /** Called once, when the worker should exit so that its supervisor starts it afresh. */
  onGiveUp(reason: string): void;
  onRecovered?(name: string, downMs: number): void;
  now?: () => number;
}

/**
 * Watches what the worker cannot work without. BullMQ and the database pool reconnect by themselves,
 * so an outage shorter than `giveUpAfterMs` needs nothing; a longer one, or a dependency that never
 * comes back to this process, ends it non-zero (see `main.ts`), and docker compose's restart policy
 * (or systemd's) starts a fresh one: nobody has to.
 */
export class WorkerWatchdog {
  private timer: NodeJS.Timeout | null = null;
  private readonly lastOk = new Map<string, number>();
  private gaveUp = false;
  private checking = false;
  private readonly now: () => number;

  constructor(
    private readonly probes: WatchdogProbe[],
    private readonly options: WatchdogOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    const started = this.now();
    for (const probe of this.probes) this.lastOk.set(probe.name, started);
    this.timer = setInterval(() => void this.check(), this.options.everyMs ?? 2_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round of probes; exposed for tests. */
  async check(): Promise<void> {
    if (this.checking || this.gaveUp) return;
    this.checking = true;
    try {
      const results = await Promise.all(this.probes.map(async (probe) => ({ probe, ok: await probe.check().catch(() => false) })));
      const at = this.now();
      for (const { probe, ok } of results) {
        const last = this.lastOk.get(probe.name) ?? at;
        if (ok) {
          if (at - last > (this.options.everyMs ?? 2_000) * 1.5) this.options.onRecovered?.(probe.name, at - last);
          this.lastOk.set(probe.name, at);
        } else if (at - last >= this.options.giveUpAfterMs && !this.gaveUp) {
          this.gaveUp = true;
          this.stop();
          this.options.onGiveUp(`${probe.name} unreachable for ${Math.round((at - last) / 1000)} s`);
        }
      }
    } finally {
      this.checking = false;
    }
  }
}

const withTimeout = async (work: Promise<boolean>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** The worker's watchdog over its database and its Redis, with the give-up time from its configuration. */
export function workerWatchdog(app: INestApplicationContext, options: Omit<WatchdogOptions, 'giveUpAfterMs'> & { giveUpAfterMs?: number }): WorkerWatchdog {
  const runtime = app.get<PlatformRuntime>(PLATFORM_RUNTIME);
  const dataSource = app.get(DataSource);
  const backend = app.get(QueueBackend);
  return new WorkerWatchdog(
    [
      { name: 'PostgreSQL', check: () => withTimeout(dataSource.query('SELECT 1').then(() => true), 3_000) },
      { name: 'Redis', check: () => withTimeout(backend.ping(2_000), 3_000) },
    ],
    { giveUpAfterMs: runtime.config.jobs.workerGiveUpSeconds * 1000, ...options },
  );
}
