import { index, layout, rootRoute, route } from '@tanstack/virtual-file-routes';

/**
 * The app's routes, each file in its feature folder (paths relative to src/). The router plugin turns
 * this into routeTree.gen.ts, with typed paths and one lazily loaded chunk per route component.
 */
export const routes = rootRoute('root.tsx', [
  route('/sign-in', 'features/auth/routes/sign-in.tsx'),
  layout('signed-in', 'features/shell/routes/signed-in.tsx', [
    index('features/cases/routes/home.tsx'),
    route('/intake/new', 'features/intake/routes/new-intake.tsx'),
    route('/intake/result', 'features/intake/routes/intake-result.tsx'),
    route('/cases/$caseId/complete', 'features/intake/routes/complete-intake.tsx'),
    route('/cases/$caseId', 'features/cases/routes/case.tsx'),
    route('/tasks', 'features/tasks/routes/tasks.tsx'),
    route('/referrals/sent', 'features/referrals/routes/sent.tsx'),
    route('/cases/$caseId/consent', 'features/rights/routes/consent.tsx'),
    route('/cases/$caseId/protection', 'features/protection/routes/protection.tsx'),
    route('/mass-arrival', 'features/mass-arrival/routes/mass-arrival.tsx'),
    route('/leaflets/$language', 'features/rights/routes/leaflet.tsx'),
    route('/outbox', 'features/offline/routes/outbox.tsx'),
  ]),
]);
