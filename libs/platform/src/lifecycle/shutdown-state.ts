import { Injectable, LoggerService, OnModuleDestroy } from '@nestjs/common';

/**
 * How long a connection warning waits to learn whether the process is stopping. A signal to the
 * whole process group can reach the database before this process has run its own signal handler,
 * so the dropped connection is noticed first; the handler runs as soon as the event loop is free.
 */
export const SHUTDOWN_GRACE_MS = 250;

/**
 * Whether the process has been asked to stop. Once it has, connections that break are the
 * expected end of the run, not news: Ctrl-C in a terminal signals the whole process group, so an
 * embedded database shuts down (and drops every connection) while the application is closing.
 * The process's signal handler begins the shutdown before it closes the application, so that
 * every component knows it at once, whatever order Nest closes them in.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private startedAt: number | null = null;

  begin(): void {
    this.startedAt ??= Date.now();
  }

  /** Closing the application is a shutdown too, whoever closes it. */
  onModuleDestroy(): void {
    this.begin();
  }

  get started(): boolean {
    return this.startedAt !== null;
  }

  /**
   * A warning about a lost connection or a failed attempt while the process runs; a debug line if
   * the process is stopping, or starts to stop within SHUTDOWN_GRACE_MS.
   */
  warn(logger: LoggerService, fields: object, message: string): void {
    if (this.started) {
      logger.debug?.(fields, message);
      return;
    }
    const timer = setTimeout(() => {
      if (this.started) logger.debug?.(fields, message);
      else logger.warn(fields, message);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
  }
}
