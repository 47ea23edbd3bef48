import { index, layout, rootRoute, route } from '@tanstack/virtual-file-routes';

/**
 * The app's routes, each file in its feature folder (paths relative to src/). The router plugin turns
 * this into routeTree.gen.ts, with typed paths and one lazily loaded chunk per route component.
 */
export const routes = rootRoute('root.tsx', [
  route('/sign-in', 'features/auth/routes/sign-in.tsx'),
  route('/password', 'features/auth/routes/change-password.tsx'),
  layout('signed-in', 'features/shell/routes/signed-in.tsx', [
    index('features/cases/routes/home.tsx'),
    route('/intake/new', 'features/intake/routes/new-intake.tsx'),
    route('/intake/result', 'features/intake/routes/intake-result.tsx'),
    route('/cases/$caseId/complete', 'features/intake/routes/complete-intake.tsx'),
    route('/cases/$caseId', 'features/cases/routes/case.tsx'),
    route('/tasks', 'features/tasks/routes/tasks.tsx'),
    route('/referrals/sent', 'features/referrals/routes/sent.tsx'),
    route('/referrals/inbox', 'features/inbox/routes/inbox.tsx'),
    route('/cases/$caseId/consent', 'features/rights/routes/consent.tsx'),
    route('/cases/$caseId/protection', 'features/protection/routes/protection.tsx'),
    route('/mass-arrival', 'features/mass-arrival/routes/mass-arrival.tsx'),
    route('/leaflets/$language', 'features/rights/routes/leaflet.tsx'),
    route('/outbox', 'features/offline/routes/outbox.tsx'),
    route('/settings/notifications', 'features/notifications/routes/notification-settings.tsx'),
    route('/settings/notifications/deliveries', 'features/notifications/routes/deliveries.tsx'),
    route('/sops', 'features/sop/routes/sops.tsx'),
    route('/sops/new', 'features/sop/routes/new-sop.tsx'),
    route('/sops/$sopId', 'features/sop/routes/sop.tsx'),
    route('/dashboard', 'features/oversight/routes/dashboard.tsx'),
    route('/encounters', 'features/oversight/routes/encounters.tsx'),
    route('/monitor', 'features/oversight/routes/monitor.tsx'),
    route('/admin', 'features/admin/routes/admin.tsx', [
      index('features/admin/routes/admin-index.tsx'),
      route('/users', 'features/admin/routes/users.tsx'),
      route('/agencies', 'features/admin/routes/agencies.tsx'),
      route('/border-points', 'features/admin/routes/border-points.tsx'),
      route('/audit', 'features/admin/routes/audit.tsx'),
      route('/queues', 'features/admin/routes/queues.tsx'),
    ]),
  ]),
]);
