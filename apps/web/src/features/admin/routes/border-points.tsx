import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { AdminBorderPoint, borderPointsQuery } from '../admin-api';
import { BorderPointDialog, POINT_KIND_MESSAGES } from '../components/border-point-dialog';
import { adminMessages } from '../messages';
import styles from '../components/admin.module.css';

/** Where arrivals are registered: create and edit (the code stays). */
export const Route = createFileRoute('/_signed-in/admin/border-points')({
  component: BorderPoints,
});

function BorderPoints() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const points = useQuery(borderPointsQuery(api));
  const [open, setOpen] = useState<{ point: AdminBorderPoint | null } | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <section aria-labelledby="points-title" className={styles.section}>
      <div className={styles.head}>
        <div>
          <h1 id="points-title">{intl.formatMessage(adminMessages.borderPointsTitle)}</h1>
          <p className={styles.intro}>{intl.formatMessage(adminMessages.borderPointsIntro)}</p>
        </div>
        <Button onPress={() => setOpen({ point: null })}>{intl.formatMessage(adminMessages.newBorderPoint)}</Button>
      </div>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {points.error ? (
        <Alert>
          {intl.formatMessage(adminMessages.loadFailed)} {describeError(intl, points.error)}
        </Alert>
      ) : null}
      {points.data ? (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage(adminMessages.colPoint)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colCode)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colPointKind)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colCountry)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colRegion)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colStatus)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colActions)}</th>
            </tr>
          </thead>
          <tbody>
            {points.data.map((point) => (
              <tr key={point.id} className={point.active ? undefined : styles.retired} data-code={point.code}>
                <td data-label={intl.formatMessage(adminMessages.colPoint)}>
                  <span className={styles.name}>
                    <bdi>{point.name}</bdi>
                  </span>
                </td>
                <td data-label={intl.formatMessage(adminMessages.colCode)}>
                  <bdi className={styles.mono}>{point.code}</bdi>
                </td>
                <td data-label={intl.formatMessage(adminMessages.colPointKind)}>{Object.hasOwn(POINT_KIND_MESSAGES, point.kind) ? intl.formatMessage(POINT_KIND_MESSAGES[point.kind]) : point.kind}</td>
                <td data-label={intl.formatMessage(adminMessages.colCountry)}>
                  <span className={styles.mono}>{point.country}</span>
                </td>
                <td data-label={intl.formatMessage(adminMessages.colRegion)}>{point.region ? <bdi>{point.region}</bdi> : <span className={styles.muted}>{intl.formatMessage(adminMessages.none)}</span>}</td>
                <td data-label={intl.formatMessage(adminMessages.colStatus)}>
                  <StatusChip tone={point.active ? 'success' : 'neutral'}>{intl.formatMessage(point.active ? adminMessages.active : adminMessages.inactive)}</StatusChip>
                </td>
                <td data-label={intl.formatMessage(adminMessages.colActions)}>
                  <div className={styles.actions}>
                    <Button variant="secondary" onPress={() => setOpen({ point })} aria-label={intl.formatMessage(adminMessages.editPointLabel, { name: point.name })}>
                      {intl.formatMessage(adminMessages.edit)}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {open ? (
        <BorderPointDialog
          api={api}
          point={open.point}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(intl.formatMessage(adminMessages.saved, { name: saved.name }));
          }}
        />
      ) : null}
    </section>
  );
}
