import { createFileRoute, Outlet } from '@tanstack/react-router';
import { AdminNav } from '../components/admin-nav';
import styles from '../components/admin.module.css';

/** The administration pages: their tabs, then the page. */
export const Route = createFileRoute('/_signed-in/admin')({
  component: AdminLayout,
});

function AdminLayout() {
  return (
    <div className={styles.section}>
      <AdminNav />
      <Outlet />
    </div>
  );
}
