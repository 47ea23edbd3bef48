import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { ApiClient } from './api/client';
import { useAuth } from './features/auth/auth-context';
import type { AuthSession } from './features/auth/auth-session';
import { DemoStrip } from './features/shell/components/demo-strip';

export interface RouterContext {
  session: AuthSession;
  api: ApiClient;
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Root,
});

/** The demo strip when in demo mode, and the page. When the session ends (signed out here, or refused by the api), forget its data and go to sign-in. */
function Root() {
  const { username } = useAuth();
  const router = useRouter();
  const { queryClient } = Route.useRouteContext();
  useEffect(() => {
    if (username) return;
    queryClient.clear();
    void router.invalidate();
  }, [username, queryClient, router]);
  return (
    <>
      <DemoStrip />
      <Outlet />
    </>
  );
}
