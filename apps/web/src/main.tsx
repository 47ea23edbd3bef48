import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/api-error';
import { createApiClient } from './api/client';
import { AuthProvider, useAuth } from './features/auth/auth-context';
import { AuthSession } from './features/auth/auth-session';
import { registerOutboxEditor } from './features/offline/conflicts';
import { OfflineProvider } from './features/offline/offline-context';
import { createOfflineRuntime, withOfflineProfile } from './features/offline/offline-runtime';
import { registerServiceWorker } from './features/offline/register-sw';
import { LocaleProvider } from './i18n/locale-provider';
import { createAppRouter } from './router';
import './ui/tokens.css';

// "Edit" on a registration the api refused reopens it in the registration form, as it was typed (route
// chunks load lazily, so the link is registered here). Mass-arrival chunks are kept without a form.
registerOutboxEditor('intake', (item) => (item.form ? `/intake/new?outbox=${encodeURIComponent(item.id)}` : null));

const origin = window.location.origin;
const session = new AuthSession({ fetch: (request) => window.fetch(request), storage: window.sessionStorage, origin });
const offline = createOfflineRuntime(session, origin);
const api = createApiClient(origin, withOfflineProfile(offline.vault, session.fetch));
if (window.kivukoTestHooks) window.kivukoOutbox = offline.outbox;
void registerServiceWorker(window);
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; a network failure may.
      retry: (failures, error) => failures < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
      // Try once even when the browser says it is offline: the service worker or the device's sealed copy
      // may answer (the questionnaire, /me); only retries wait for the network.
      networkMode: 'offlineFirst',
    },
    // Never hold a mutation back while offline (sign-out must work without a network); what must reach
    // the api later goes through the outbox instead.
    mutations: { networkMode: 'always' },
  },
});
const router = createAppRouter({ session, api, queryClient });

function App() {
  const { username } = useAuth();
  return (
    <LocaleProvider username={username} storage={window.localStorage}>
      <RouterProvider router={router} />
    </LocaleProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AuthProvider session={session} api={api}>
        <OfflineProvider runtime={offline}>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </OfflineProvider>
      </AuthProvider>
    </StrictMode>,
  );
}
