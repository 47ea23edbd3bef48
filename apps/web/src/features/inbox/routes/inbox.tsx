import { useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { meQuery } from '../../auth/me';
import { InboxFilters } from '../components/inbox-filters';
import { InboxList } from '../components/inbox-list';
import { validateInboxFilters } from '../inbox-filters';
import { inboxMessages } from '../messages';
import styles from './inbox.module.css';

/** The referral inbox of a receiving agency: its queue, filtered by the URL's search params. */
export const Route = createFileRoute('/_signed-in/referrals/inbox')({
  validateSearch: validateInboxFilters,
  component: Inbox,
});

function Inbox() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const filters = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const me = useQuery(meQuery(api));
  const points = useQuery({
    queryKey: ['border-points'],
    queryFn: () => unwrap<{ id: string; code: string; name: string }[]>(api.GET('/api/v1/border-points')),
    staleTime: 60 * 60_000,
  });
  const names = useMemo(() => new Map((points.data ?? []).map((point) => [point.id, point.name])), [points.data]);
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  return (
    <section aria-labelledby="inbox-title" className={styles.section}>
      <h1 id="inbox-title">{intl.formatMessage(inboxMessages.title)}</h1>
      <p className={styles.intro}>{intl.formatMessage(inboxMessages.intro, { agency: <bdi key="agency">{me.data.agency.name}</bdi> })}</p>
      <div className={styles.stack}>
        <InboxFilters filters={filters} onChange={(next) => void navigate({ search: next, replace: true })} borderPoints={points.data ?? []} />
        {/* A new filter is a new list: its arrivals are counted from its own first read. */}
        <InboxList key={JSON.stringify(filters)} api={api} filters={filters} borderPointNames={names} />
      </div>
    </section>
  );
}
