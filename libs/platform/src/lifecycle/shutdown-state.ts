import { Injectable, LoggerService, OnModuleDestroy } from '@nestjs/common';

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

  /** A warning while the process runs; a debug line once it is stopping. */
  warn(logger: LoggerService, fields: object, message: string): void {
    if (this.started) logger.debug?.(fields, message);
    else logger.warn(fields, message);
  }
}
