import { createFileRoute, redirect } from '@tanstack/react-router';

/** /admin opens the users. */
export const Route = createFileRoute('/_signed-in/admin/')({
  beforeLoad: () => {
    throw redirect({ to: '/admin/users', replace: true });
  },
});
