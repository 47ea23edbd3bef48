import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import ar from '../lang/ar.json';
import en from '../lang/en.json';

/**
 * Renders a component of a page the way the app does (react-intl, a fresh query cache, and a router so
 * that its links resolve), at `/` or the given path. Component tests only.
 */
export function renderInApp(ui: ReactNode, { locale = 'en', path = '/' }: { locale?: 'en' | 'ar'; path?: string } = {}) {
  const root = createRootRoute({ component: () => <Outlet /> });
  const page = createRoute({ getParentRoute: () => root, path: '/', component: () => ui });
  const casePage = createRoute({ getParentRoute: () => root, path: '/cases/$caseId', component: () => ui });
  const other = createRoute({ getParentRoute: () => root, path: '$', component: () => ui });
  const router = createRouter({ routeTree: root.addChildren([page, casePage, other]), history: createMemoryHistory({ initialEntries: [path] }) });
  const result = render(
    <IntlProvider locale={locale} messages={locale === 'en' ? en : ar} timeZone="UTC">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router as never} />
      </QueryClientProvider>
    </IntlProvider>,
  );
  return { ...result, router };
}
