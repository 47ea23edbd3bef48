import { queryOptions, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { ReactNode } from 'react';
import { IntlShape, useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf, referralStatusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateField } from '../../../ui/date-field';
import { meQuery } from '../../auth/me';
import { attemptedText, reasonLabel, roleLabel } from '../monitor-codes';
import { monitorMessages as m } from '../messages';
import { downloadReportCsv, MonitoredDetention, MonitoredReferral, MonitoredSafeguardEvent, MonitorReport, OUTCOMES, reportQuery, ReportRows, SAFEGUARDS } from '../oversight-api';
import { MonitorSearch, periodIsValid, REPORTS, validateMonitorSearch } from '../report-filters';
import styles from './monitor.module.css';
import page from './oversight.module.css';

/** The border points, to name the report's border point codes. */
const borderPointsQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['border-points'],
    queryFn: () => unwrap<{ id: string; code: string; name: string }[]>(api.GET('/api/v1/border-points')),
    staleTime: 10 * 60_000,
  });

export const Route = createFileRoute('/_signed-in/monitor')({
  validateSearch: validateMonitorSearch,
  component: MonitorPage,
});

/** The independent monitor's reports: filterable tables, a CSV file from the api, a printable report for a period. */
function MonitorPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const search = Route.useSearch();
  const report: MonitorReport = search.report ?? 'detentions';
  const navigate = useNavigate({ from: Route.fullPath });
  const me = useQuery(meQuery(api));
  const points = useQuery(borderPointsQuery(api));
  const valid = periodIsValid(search);
  const rows = useInfiniteQuery({ ...reportQuery(api, report, search), enabled: valid });
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (change: Partial<MonitorSearch>) => void navigate({ search: validateMonitorSearch({ ...search, ...change }), replace: true });
  const csv = useMutation({
    mutationFn: () => downloadReportCsv(api, report, search),
    onSuccess: ({ text, filename }) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = filename;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    },
  });
  const printedFilters = [
    ...(report === 'detentions' && search.open ? [intl.formatMessage(m.openOnly)] : []),
    ...(report === 'safeguard-events' && search.outcome ? [intl.formatMessage(m.filterValue, { label: intl.formatMessage(m.outcome), value: intl.formatMessage(m[search.outcome]) })] : []),
    ...(report === 'safeguard-events' && search.safeguard ? [intl.formatMessage(m.filterValue, { label: intl.formatMessage(m.safeguard), value: intl.formatMessage(m[search.safeguard]) })] : []),
  ];
  const day = (value?: string) => (value ? intl.formatDate(`${value}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) : 'none');

  return (
    <section aria-labelledby="monitor-title" className={`${page.section} ${styles.page}`}>
      <h1 id="monitor-title">{intl.formatMessage(m.title)}</h1>
      <p className={page.intro}>{intl.formatMessage(m.intro)}</p>
      <p className={styles.printOnly}>
        {intl.formatMessage(m.printLine, {
          report: <strong key="r">{nameOf(intl, m, report)}</strong>,
          period: intl.formatMessage(m.period, { from: day(search.from), to: day(search.to) }),
          time: intl.formatDate(new Date(), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
          user: <bdi key="u">{me.data?.username ?? ''}</bdi>,
        })}
      </p>
      {printedFilters.length > 0 ? <p className={styles.printOnly}>{printedFilters.join(' · ')}</p> : null}

      <nav aria-label={intl.formatMessage(m.reports)} className={styles.tabs}>
        <ul>
          {REPORTS.map((code) => (
            <li key={code}>
              <Link
                to="/monitor"
                search={validateMonitorSearch({ ...search, report: code })}
                className={styles.tab}
                data-current={code === report}
                // The router marks every link to this path active; only the report shown is the current page.
                activeProps={{ 'aria-current': code === report ? 'page' : undefined }}
                inactiveProps={{ 'aria-current': code === report ? 'page' : undefined }}
              >
                {intl.formatMessage(m[code])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <fieldset className={styles.filters}>
        <legend>{intl.formatMessage(m.filters)}</legend>
        <DateField className={styles.field} id="monitor-from" label={intl.formatMessage(m.from)} value={search.from ?? ''} onChange={(value) => set({ from: value || undefined })} />
        <DateField className={styles.field} id="monitor-to" label={intl.formatMessage(m.to)} value={search.to ?? ''} onChange={(value) => set({ to: value || undefined })} />
        {report === 'detentions' ? (
          <label className={styles.check}>
            <input type="checkbox" checked={search.open === true} onChange={(event) => set({ open: event.target.checked ? true : undefined })} />
            {intl.formatMessage(m.openOnly)}
          </label>
        ) : null}
        {report === 'safeguard-events' ? (
          <>
            <div className={styles.field}>
              <label htmlFor="monitor-outcome">{intl.formatMessage(m.outcome)}</label>
              <select id="monitor-outcome" className={styles.input} value={search.outcome ?? ''} onChange={(event) => set({ outcome: (event.target.value || undefined) as MonitorSearch['outcome'] })}>
                <option value="">{intl.formatMessage(m.any)}</option>
                {OUTCOMES.map((code) => (
                  <option key={code} value={code}>
                    {intl.formatMessage(m[code])}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.field}>
              <label htmlFor="monitor-safeguard">{intl.formatMessage(m.safeguard)}</label>
              <select id="monitor-safeguard" className={styles.input} value={search.safeguard ?? ''} onChange={(event) => set({ safeguard: (event.target.value || undefined) as MonitorSearch['safeguard'] })}>
                <option value="">{intl.formatMessage(m.any)}</option>
                {SAFEGUARDS.map((code) => (
                  <option key={code} value={code}>
                    {intl.formatMessage(m[code])}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        {search.from || search.to || search.open || search.outcome || search.safeguard ? (
          <Button variant="quiet" onPress={() => void navigate({ search: search.report ? { report: search.report } : {}, replace: true })}>
            {intl.formatMessage(m.clear)}
          </Button>
        ) : null}
      </fieldset>
      {valid ? null : <Alert tone="warning">{intl.formatMessage(m.badPeriod)}</Alert>}

      <div className={styles.tools}>
        <p className={styles.count} role="status">
          {rows.isSuccess ? intl.formatMessage(m.shown, { count: items.length, more: String(rows.hasNextPage) }) : null}
        </p>
        <div className={styles.buttons}>
          <Button variant="secondary" isPending={csv.isPending} isDisabled={!valid} onPress={() => csv.mutate()}>
            {intl.formatMessage(m.csv)}
          </Button>
          <Button variant="secondary" onPress={() => window.print()}>
            {intl.formatMessage(m.print)}
          </Button>
        </div>
      </div>
      {csv.isError ? (
        <Alert>
          {intl.formatMessage(m.csvFailed)} {describeError(intl, csv.error)}
        </Alert>
      ) : null}
      {rows.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, rows.error)}
        </Alert>
      ) : null}
      {rows.isSuccess && items.length === 0 ? <p className={styles.empty}>{intl.formatMessage(m.empty)}</p> : null}
      {items.length > 0 ? <ReportTable intl={intl} report={report} items={items} pointName={(code) => points.data?.find((point) => point.code === code)?.name} /> : null}
      {rows.hasNextPage ? (
        <div className={styles.more}>
          <Button variant="secondary" isPending={rows.isFetchingNextPage} onPress={() => void rows.fetchNextPage()}>
            {intl.formatMessage(m.loadMore)}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

type Column<T> = { header: string; cell: (row: T) => ReactNode; key: string };

function ReportTable<R extends MonitorReport>({ intl, report, items, pointName }: { intl: IntlShape; report: R; items: ReportRows[R][]; pointName: (code: string) => string | undefined }) {
  const dateTime = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' });
  const day = (value: string) => intl.formatDate(`${value}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  const none = <span className={styles.muted}>{intl.formatMessage(m.none)}</span>;
  // Each code in words, the code itself as a second line (what the CSV file and the audit trail carry).
  const coded = (label: string | null | undefined, code: string) =>
    label ? (
      <span key={code} className={styles.coded}>
        <span>{label}</span>
        <code>{code}</code>
      </span>
    ) : (
      <code key={code}>{code}</code>
    );
  const codes = (values: string[], words: (code: string) => string | null) => (values.length ? <span className={styles.codes}>{values.map((v) => coded(words(v), v))}</span> : none);
  const caseNumber = { key: 'case', header: intl.formatMessage(m.caseNumber), cell: (r: { caseNumber: string }) => <bdi className={styles.mono}>{r.caseNumber}</bdi> };
  const borderPoint = { key: 'bp', header: intl.formatMessage(m.borderPoint), cell: (r: { borderPoint: string }) => coded(pointName(r.borderPoint), r.borderPoint) };
  const columns = {
    detentions: [
      caseNumber,
      borderPoint,
      { key: 'agency', header: intl.formatMessage(m.agency), cell: (r: MonitoredDetention) => <bdi>{r.detainingAgency}</bdi> },
      { key: 'place', header: intl.formatMessage(m.place), cell: (r: MonitoredDetention) => <bdi>{r.place}</bdi> },
      { key: 'started', header: intl.formatMessage(m.started), cell: (r: MonitoredDetention) => dateTime(r.startedAt) },
      {
        key: 'review',
        header: intl.formatMessage(m.nextReview),
        cell: (r: MonitoredDetention) => (
          <span className={r.reviewOverdue ? styles.late : undefined}>{r.reviewOverdue ? intl.formatMessage(m.reviewLate, { date: day(r.nextReviewOn) }) : day(r.nextReviewOn)}</span>
        ),
      },
      { key: 'ended', header: intl.formatMessage(m.ended), cell: (r: MonitoredDetention) => (r.endedAt ? dateTime(r.endedAt) : <strong>{intl.formatMessage(m.stillOpen)}</strong>) },
      {
        key: 'grounds',
        header: intl.formatMessage(m.grounds),
        cell: (r: MonitoredDetention) => (
          <>
            {codes(r.protectedGrounds, (code) => reasonLabel(intl, code))}
            {r.childNow ? <div>{intl.formatMessage(m.childNow)}</div> : null}
          </>
        ),
      },
      { key: 'override', header: intl.formatMessage(m.override), cell: (r: MonitoredDetention) => (r.override ? <bdi>{r.override.justification}</bdi> : none) },
      { key: 'visits', header: intl.formatMessage(m.visits), cell: (r: MonitoredDetention) => intl.formatNumber(r.accessVisits) },
    ] as Column<MonitoredDetention>[],
    'safeguard-events': [
      { key: 'at', header: intl.formatMessage(m.at), cell: (r: MonitoredSafeguardEvent) => dateTime(r.at) },
      caseNumber,
      borderPoint,
      { key: 'safeguard', header: intl.formatMessage(m.safeguard), cell: (r: MonitoredSafeguardEvent) => nameOf(intl, m, r.safeguard) },
      { key: 'outcome', header: intl.formatMessage(m.outcome), cell: (r: MonitoredSafeguardEvent) => <strong className={r.outcome === 'OVERRIDDEN' ? styles.late : undefined}>{nameOf(intl, m, r.outcome)}</strong> },
      { key: 'attempted', header: intl.formatMessage(m.attempted), cell: (r: MonitoredSafeguardEvent) => codes([r.attempted], (code) => attemptedText(intl, code)) },
      { key: 'reasons', header: intl.formatMessage(m.reasons), cell: (r: MonitoredSafeguardEvent) => codes(r.reasons, (code) => reasonLabel(intl, code)) },
      { key: 'agency', header: intl.formatMessage(m.agency), cell: (r: MonitoredSafeguardEvent) => <bdi>{r.agency}</bdi> },
      { key: 'justification', header: intl.formatMessage(m.justification), cell: (r: MonitoredSafeguardEvent) => (r.justification ? <bdi>{r.justification}</bdi> : none) },
    ] as Column<MonitoredSafeguardEvent>[],
    'overdue-referrals': [
      caseNumber,
      borderPoint,
      {
        key: 'agency',
        header: intl.formatMessage(m.agency),
        cell: (r: MonitoredReferral) => (
          <>
            <bdi>{r.agency}</bdi>
            <div className={styles.muted}>{nameOf(intl, agencyKindMessages, r.agencyKind)}</div>
          </>
        ),
      },
      { key: 'role', header: intl.formatMessage(m.role), cell: (r: MonitoredReferral) => codes([r.role], (code) => roleLabel(intl, code)) },
      { key: 'priority', header: intl.formatMessage(m.priority), cell: (r: MonitoredReferral) => intl.formatNumber(r.priority) },
      { key: 'status', header: intl.formatMessage(m.referralStatus), cell: (r: MonitoredReferral) => nameOf(intl, referralStatusMessages, r.status) },
      { key: 'due', header: intl.formatMessage(m.due), cell: (r: MonitoredReferral) => dateTime(r.dueAt) },
      { key: 'overdue', header: intl.formatMessage(m.overdueSince), cell: (r: MonitoredReferral) => <span className={styles.late}>{dateTime(r.overdueSince)}</span> },
      { key: 'escalation', header: intl.formatMessage(m.escalation), cell: (r: MonitoredReferral) => intl.formatNumber(r.escalationLevel) },
    ] as Column<MonitoredReferral>[],
  }[report] as Column<ReportRows[R]>[];
  const keyOf = (row: ReportRows[R]): string => ('episodeId' in row ? row.episodeId : 'referralId' in row ? row.referralId : row.id);
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption className={styles.caption}>{nameOf(intl, m, report)}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <tr key={keyOf(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
