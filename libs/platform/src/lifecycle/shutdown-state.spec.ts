import { LoggerService } from '@nestjs/common';
import { SHUTDOWN_GRACE_MS, ShutdownState } from './shutdown-state';

function recordingLogger(): LoggerService & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (m: unknown) => lines.push(`log ${String(m)}`),
    error: (m: unknown) => lines.push(`error ${String(m)}`),
    warn: (_fields: unknown, m: unknown) => lines.push(`warn ${String(m)}`),
    debug: (_fields: unknown, m: unknown) => lines.push(`debug ${String(m)}`),
  };
}

describe('ShutdownState', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('warns about a lost connection while the process runs', () => {
    const logger = recordingLogger();
    new ShutdownState().warn(logger, { err: 'lost' }, 'listener lost its connection');
    jest.advanceTimersByTime(SHUTDOWN_GRACE_MS);
    expect(logger.lines).toEqual(['warn listener lost its connection']);
  });

  it('keeps it to debug once the process is stopping', () => {
    const logger = recordingLogger();
    const state = new ShutdownState();
    state.begin();
    state.warn(logger, { err: 'lost' }, 'listener lost its connection');
    expect(logger.lines).toEqual(['debug listener lost its connection']);
  });

  it('keeps it to debug when the stop signal is handled just after the database dropped the connection', () => {
    const logger = recordingLogger();
    const state = new ShutdownState();
    state.warn(logger, { err: '57P01' }, 'worker connection error');
    jest.advanceTimersByTime(SHUTDOWN_GRACE_MS - 50);
    state.begin();
    jest.advanceTimersByTime(50);
    expect(logger.lines).toEqual(['debug worker connection error']);
  });

  it('takes closing the application for a shutdown', () => {
    const state = new ShutdownState();
    expect(state.started).toBe(false);
    state.onModuleDestroy();
    expect(state.started).toBe(true);
  });
});
