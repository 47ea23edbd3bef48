import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { MessageDescriptor, useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { isolatedList } from '../../../i18n/isolated-list';
import { nameOf, profileMessages, statusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { meQuery } from '../../auth/me';
import { CASE_STATUSES } from '../../cases/case-filters';
import { BarRow, BarTable, Count } from '../components/bar-table';
import { dashboardMessages as m } from '../messages';
import { Dashboard, dashboardQuery } from '../oversight-api';
import styles from './oversight.module.css';

/** The supervisor's dashboard: counts over their caseload, each chart a table, each number a link to its list. */
export const Route = createFileRoute('/_signed-in/dashboard')({
  component: DashboardPage,
});

function DashboardPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const me = useQuery(meQuery(api));
  const view = useQuery(dashboardQuery(api));
  if (me.isError || view.isError) return <Alert>{describeError(intl, me.error ?? view.error)}</Alert>;
  if (!me.data || !view.data) return null;
  const data = view.data;
  const time = intl.formatDate(data.asOf, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const borderSide = data.scope === 'BORDER_POINTS';
  const tiles = attentionTiles(data, borderSide, (descriptor) => intl.formatMessage(descriptor));

  const statusRows: BarRow[] = CASE_STATUSES.filter((status) => (data.caseload.byStatus[status] ?? 0) > 0).map((status) => ({
    key: status,
    label: nameOf(intl, statusMessages, status),
    labelText: nameOf(intl, statusMessages, status),
    value: data.caseload.byStatus[status] ?? 0,
    to: { to: '/', search: { status } },
  }));
  const profileRows: BarRow[] = Object.entries(data.caseload.byProfile)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([profile, value]) => ({
      key: profile,
      label: nameOf(intl, profileMessages, profile),
      labelText: nameOf(intl, profileMessages, profile),
      value,
      to: { to: '/', search: { profile } },
    }));
  const agencyRows: BarRow[] = data.referrals.overdueByAgency.map((row) => ({
    key: row.agencyId,
    label: <bdi>{row.agency}</bdi>,
    labelText: row.agency,
    value: row.overdue,
    tone: 'danger',
    // An agency's dashboard counts only its own referrals: their list is the agency's inbox.
    to: borderSide ? { to: '/referrals/sent', search: { overdue: true, agency: row.agencyId } } : { to: '/referrals/inbox', search: { overdue: true } },
  }));

  return (
    <section aria-labelledby="dashboard-title" className={styles.section}>
      <h1 id="dashboard-title">{intl.formatMessage(m.title)}</h1>
      <p className={styles.intro}>
        {borderSide
          ? intl.formatMessage(m.introBorder, { borderPoints: isolatedList(intl, me.data.borderPoints.map((point) => point.name)), time })
          : intl.formatMessage(m.introAgency, { time })}
      </p>

      <h2 className={styles.subhead}>{intl.formatMessage(m.attention)}</h2>
      <ul className={styles.tiles}>
        {tiles.map((tile) => (
          <li key={tile.key} className={styles.tile} data-alert={tile.value > 0 && tile.alert ? 'true' : undefined}>
            <Count row={tile} className={styles.tileNumber} />
            <span className={styles.tileLabel} aria-hidden="true">
              {tile.labelText}
            </span>
          </li>
        ))}
      </ul>

      <div className={styles.charts}>
        <BarTable caption={intl.formatMessage(m.byStatus)} labelHeader={intl.formatMessage(m.status)} valueHeader={intl.formatMessage(m.cases)} rows={statusRows} empty={intl.formatMessage(m.noCases)} />
        <BarTable caption={intl.formatMessage(m.byProfile)} labelHeader={intl.formatMessage(m.profile)} valueHeader={intl.formatMessage(m.cases)} rows={profileRows} empty={intl.formatMessage(m.noCases)} />
        <BarTable
          caption={intl.formatMessage(m.overdueByAgency)}
          labelHeader={intl.formatMessage(m.agency)}
          valueHeader={intl.formatMessage(m.referrals)}
          rows={agencyRows}
          empty={intl.formatMessage(m.noneOverdue)}
        />
      </div>
      <p className={styles.note}>{intl.formatMessage(m.monitorSees)}</p>
    </section>
  );
}

type Tile = BarRow & { alert: boolean };

/** The headline numbers, each with the list behind it where the app has one for the caller's side. */
function attentionTiles(data: Dashboard, borderSide: boolean, format: (descriptor: MessageDescriptor) => string): Tile[] {
  return [
    {
      key: 'overdue',
      labelText: format(m.referralsOverdue),
      label: format(m.referralsOverdue),
      value: data.referrals.overdue,
      alert: true,
      to: borderSide ? { to: '/referrals/sent', search: { overdue: true } } : { to: '/referrals/inbox', search: { overdue: true } },
    },
    {
      key: 'consent',
      labelText: format(m.awaitingConsent),
      label: format(m.awaitingConsent),
      value: data.referrals.awaitingConsent,
      alert: true,
      to: borderSide ? { to: '/referrals/sent', search: { status: 'AWAITING_CONSENT' } } : undefined,
    },
    { key: 'lead', labelText: format(m.withoutLead), label: format(m.withoutLead), value: data.casesWithoutLead, alert: true, to: { to: '/', search: { withoutLead: true } } },
    { key: 'tasks', labelText: format(m.tasksOverdue), label: format(m.tasksOverdue), value: data.tasks.overdue, alert: true, to: { to: '/tasks' } },
    { key: 'detained', labelText: format(m.detentionOpen), label: format(m.detentionOpen), value: data.detention.open, alert: false, to: { to: '/', search: { detention: 'OPEN' } } },
    {
      key: 'review',
      labelText: format(m.reviewOverdue),
      label: format(m.reviewOverdue),
      value: data.detention.reviewOverdue,
      alert: true,
      to: { to: '/', search: { detention: 'REVIEW_OVERDUE' } },
    },
  ];
}
