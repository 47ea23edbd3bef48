import { createContext, ReactNode, useContext, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../api/client';
import type { AuthSession } from './auth-session';

interface Auth {
  session: AuthSession;
  api: ApiClient;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ session, api, children }: Auth & { children: ReactNode }) {
  return <AuthContext.Provider value={{ session, api }}>{children}</AuthContext.Provider>;
}

function useAuthContext(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider');
  return auth;
}

/** The session, the api client and the signed-in username (re-rendering on sign-in and sign-out). */
export function useAuth(): Auth & { username: string | null } {
  const auth = useAuthContext();
  const username = useSyncExternalStore(auth.session.subscribe, () => auth.session.username);
  return { ...auth, username };
}
