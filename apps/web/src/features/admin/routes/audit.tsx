import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { auditVerifyQuery } from '../admin-api';
import { adminMessages } from '../messages';
import styles from '../components/admin.module.css';

/** Whether the audit trail is intact: GET /audit/verify recomputes every hash chain. */
export const Route = createFileRoute('/_signed-in/admin/audit')({
  component: AuditTrail,
});

function AuditTrail() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const verify = useQuery(auditVerifyQuery(api));
  const result = verify.data;
  const checking = verify.isFetching;
  return (
    <section aria-labelledby="audit-title" className={styles.section}>
      <div className={styles.head}>
        <div>
          <h1 id="audit-title">{intl.formatMessage(adminMessages.auditTitle)}</h1>
          <p className={styles.intro}>{intl.formatMessage(adminMessages.auditIntro)}</p>
        </div>
        <Button variant="secondary" onPress={() => void verify.refetch()} isDisabled={checking}>
          {intl.formatMessage(adminMessages.auditAgain)}
        </Button>
      </div>
      {verify.isError ? <Alert>{describeError(intl, verify.error)}</Alert> : null}
      <div aria-live="polite" aria-busy={checking}>
        {checking ? <p className={styles.muted}>{intl.formatMessage(adminMessages.auditChecking)}</p> : null}
        {result && !checking ? (
          <div className={`${styles.status} ${result.ok ? styles.statusOk : styles.statusBroken}`} data-testid="audit-status" data-ok={String(result.ok)}>
            <p className={styles.verdict}>{intl.formatMessage(result.ok ? adminMessages.auditOk : adminMessages.auditBroken)}</p>
            <p>
              {intl.formatMessage(adminMessages.auditCounts, {
                chains: result.chains,
                events: result.events,
                time: intl.formatTime(verify.dataUpdatedAt, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
              })}
            </p>
            {result.firstBroken ? (
              <p className={styles.mono}>
                {intl.formatMessage(adminMessages.auditFirstBroken, { chain: result.firstBroken.chainKey, event: result.firstBroken.eventId, reason: result.firstBroken.reason })}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
