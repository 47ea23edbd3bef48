import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { can, meQuery } from '../../auth/me';
import { DeliveryFilters } from '../components/delivery-filters';
import { DeliveryList } from '../components/delivery-list';
import { validateDeliveryFilters } from '../deliveries-api';
import { deliveryMessages as m } from '../messages';
import styles from './notification-settings.module.css';

/**
 * The e-mails of referral events and how their sending went, beside the settings that decide who gets them:
 * an agency's manager sees the agency's, a system administrator every agency's; filtered by the URL's search params.
 */
export const Route = createFileRoute('/_signed-in/settings/notifications/deliveries')({
  validateSearch: validateDeliveryFilters,
  component: DeliveriesPage,
});

function DeliveriesPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const filters = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const me = useQuery(meQuery(api));
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  const all = can(me.data, 'USERS_MANAGE');
  return (
    <section aria-labelledby="deliveries-title" className={`${styles.page} ${styles.wide}`}>
      <Link to="/settings/notifications" className={styles.back}>
        {intl.formatMessage(m.back)}
      </Link>
      <h1 id="deliveries-title">{intl.formatMessage(m.title)}</h1>
      <p className={styles.intro}>{all ? intl.formatMessage(m.introAll) : intl.formatMessage(m.introAgency, { agency: <bdi key="agency">{me.data.agency.name}</bdi> })}</p>
      <DeliveryFilters filters={filters} onChange={(next) => void navigate({ search: next, replace: true })} />
      {/* A new filter is a new list, its period counted back from when it was chosen. */}
      <DeliveryList key={JSON.stringify(filters)} api={api} filters={filters} showAgency={all} />
    </section>
  );
}
