import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';

/** The places the fault drill may stop the process at. */
export type FaultPoint = 'outbox-before-publish';

export const FAULT_SIGNAL = 'SIGUSR2';

/**
 * Fault injection for the fault drill, off unless KIVUKO_FAULT_HOOKS=1 (which the configuration refuses
 * in production). When on, SIGUSR2 arms it and the process kills itself with SIGKILL the next time it
 * reaches a fault point: the outbox relay holding committed jobs it has not published yet. It can do
 * nothing a `kill -9` could not, only choose the moment, so that the drill proves the window between a
 * commit and its publication loses nothing.
 */
@Injectable()
export class FaultHooks implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('FaultHooks');
  private armed = false;
  /** What SIGUSR2 does. */
  readonly arm = (): void => {
    this.armed = true;
    this.logger.warn({ signal: FAULT_SIGNAL }, 'fault hook armed: the process dies at the next fault point');
  };

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    /** How the process dies; tests replace it. */
    private readonly die: (point: FaultPoint) => void = () => process.kill(process.pid, 'SIGKILL'),
  ) {}

  get enabled(): boolean {
    return this.runtime.config.faultHooks;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    process.on(FAULT_SIGNAL, this.arm);
    this.logger.warn('fault hooks are on (KIVUKO_FAULT_HOOKS): SIGUSR2 kills this process at its next fault point');
  }

  onModuleDestroy(): void {
    process.off(FAULT_SIGNAL, this.arm);
  }

  /** Dies here when armed (and the hooks are on); otherwise nothing. */
  reach(point: FaultPoint): void {
    if (!this.enabled || !this.armed) return;
    this.armed = false;
    process.stderr.write(`[kivuko] fault hook: killed at ${point}\n`);
    this.die(point);
  }
}
