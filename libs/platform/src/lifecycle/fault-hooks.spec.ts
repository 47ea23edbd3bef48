import { loadConfig } from '../config/app-config';
import { PlatformRuntime } from '../config/platform-runtime';
import { FAULT_SIGNAL, FaultHooks, FaultPoint } from './fault-hooks';

const runtimeWith = (env: Record<string, string>): PlatformRuntime => ({
  config: loadConfig(env),
  databaseUrl: 'postgres://unused',
  entities: [],
  secrets: { jwtSecret: 'unused', encryptionKeys: [] },
});

describe('the fault drill hooks', () => {
  it('never fire when KIVUKO_FAULT_HOOKS is not set, and listen to no signal', () => {
    const died: FaultPoint[] = [];
    const before = process.listenerCount(FAULT_SIGNAL);
    const hooks = new FaultHooks(runtimeWith({}), (point) => died.push(point));
    hooks.onApplicationBootstrap();
    expect(process.listenerCount(FAULT_SIGNAL)).toBe(before);
    hooks.reach('outbox-before-publish');
    expect(died).toEqual([]);
  });

  it('kill the process at the next fault point once SIGUSR2 armed them, once per signal', () => {
    const died: FaultPoint[] = [];
    const hooks = new FaultHooks(runtimeWith({ KIVUKO_FAULT_HOOKS: '1' }), (point) => died.push(point));
    hooks.onApplicationBootstrap();
    try {
      expect(process.listeners(FAULT_SIGNAL)).toContain(hooks.arm);
      hooks.reach('outbox-before-publish');
      expect(died).toEqual([]);
      // What the signal's listener does (the drill sends the real signal to the api and the worker).
      hooks.arm();
      hooks.reach('outbox-before-publish');
      hooks.reach('outbox-before-publish');
      expect(died).toEqual(['outbox-before-publish']);
    } finally {
      hooks.onModuleDestroy();
    }
    expect(process.listeners(FAULT_SIGNAL)).not.toContain(hooks.arm);
  });
});
