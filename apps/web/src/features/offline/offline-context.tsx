import { createContext, ReactNode, useContext, useSyncExternalStore } from 'react';
import type { OfflineRuntime } from './offline-runtime';
import type { OutboxItem } from './outbox';

const OfflineContext = createContext<OfflineRuntime | null>(null);

export function OfflineProvider({ runtime, children }: { runtime: OfflineRuntime; children: ReactNode }) {
  return <OfflineContext.Provider value={runtime}>{children}</OfflineContext.Provider>;
}

export function useOffline(): OfflineRuntime {
  const runtime = useContext(OfflineContext);
  if (!runtime) throw new Error('useOffline needs an OfflineProvider');
  return runtime;
}

/** The signed-in user's outbox records, re-rendering on every change. */
export function useOutboxItems(): readonly OutboxItem[] {
  const { outbox } = useOffline();
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
}

/** Who has unlocked the device's store, and whether a feature asked for it while locked. */
export function useVault(): { username: string | null; unlockRequested: boolean } {
  const { vault } = useOffline();
  const username = useSyncExternalStore(vault.subscribe, () => vault.username);
  const unlockRequested = useSyncExternalStore(vault.subscribe, () => vault.unlockRequested);
  return { username, unlockRequested };
}

/** navigator.onLine, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => window.navigator.onLine,
  );
}
