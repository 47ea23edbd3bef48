import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { commonMessages } from '../../../i18n/common-messages';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, Tone } from '../../../ui/status-chip';
import { ConfirmDialog } from '../../offline/components/confirm-dialog';
import { deliveriesQuery, Delivery, DeliveryFilters, DeliveryStatus, resendDelivery } from '../deliveries-api';
import { deliveryMessages as m } from '../messages';
import styles from './delivery-list.module.css';

const TONE: Record<DeliveryStatus, Tone> = { SENT: 'success', FAILED: 'danger', NOT_SENT: 'warning', PENDING: 'info' };
/** What the api records when no SMTP server was configured: said in the reader's language instead. */
const NO_SERVER = 'no SMTP server configured';
/** Left-to-right isolation for an address or a case number inside a plain-text sentence (a dialog's body). */
const isolate = (text: string): string => `\u2066${text}\u2069`;
/** How long after a resend the list is read again, even when its filters hide the e-mail on its way. */
const RESENT_WATCH_MS = 30_000;

interface Props {
  api: ApiClient;
  filters: DeliveryFilters;
  /** Whether each delivery names its agency (a system administrator sees every agency's). */
  showAgency: boolean;
}

/** The deliveries, newest first, a page at a time; one that failed or was not sent can be sent again, after a confirmation. */
export function DeliveryList({ api, filters, showAgency }: Props) {
  const intl = useIntl();
  // The filters' period is counted back from when the list was made (a new filter makes a new list), not from each refetch.
  const [now] = useState(() => new Date());
  const queryClient = useQueryClient();
  // When the last resend was queued: its e-mail may leave a status filter while on its way, and come back once settled.
  const [resentAt, setResentAt] = useState(0);
  const deliveries = useInfiniteQuery({
    ...deliveriesQuery(api, filters, now),
    // A delivery on its way is read again until it settles (sent, failed or not sent).
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((d) => d.status === 'PENDING')) || Date.now() - resentAt < RESENT_WATCH_MS ? 2_000 : false,
  });
  const all = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  // Whether an e-mail server is set up now (the api's word, never its address): without one, sending again only records another "not sent".
  const serverConfigured = deliveries.data?.pages[0]?.emailServerConfigured;
  const [confirming, setConfirming] = useState<Delivery | null>(null);
  const [notice, setNotice] = useState('');
  const resend = useMutation({
    mutationFn: (delivery: Delivery) => resendDelivery(api, delivery.id),
    onSuccess: (delivery) => {
      setResentAt(Date.now());
      setNotice(intl.formatMessage(m.resent, { address: isolate(delivery.address) }));
      return queryClient.invalidateQueries({ queryKey: ['notifications', 'deliveries'] });
    },
    onSettled: () => setConfirming(null),
  });
  const when = (iso: string | null): string => (iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

  return (
    <div className={styles.wrap}>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {deliveries.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, deliveries.error)}
        </Alert>
      ) : null}
      {resend.isError ? <Alert>{describeError(intl, resend.error)}</Alert> : null}
      {serverConfigured === false ? (
        <p className={styles.serverMissing} data-testid="email-server-status">
          {intl.formatMessage(m.serverMissing)}
        </p>
      ) : serverConfigured === true ? (
        <p className={styles.serverOk} data-testid="email-server-status">
          {intl.formatMessage(m.serverConfigured)}
        </p>
      ) : null}
      {deliveries.isSuccess ? <p className={styles.count}>{intl.formatMessage(m.shown, { shown: all.length, more: String(deliveries.hasNextPage) })}</p> : null}
      {deliveries.isSuccess && all.length === 0 ? <p className={styles.empty}>{intl.formatMessage(m.empty)}</p> : null}
      {all.length > 0 ? (
        <ul className={styles.list}>
          {all.map((delivery) => {
            const kind = intl.formatMessage(m[`kind${delivery.kind}`]);
            return (
              <li key={delivery.id}>
                <article className={styles.card} aria-labelledby={`delivery-${delivery.id}`} data-testid="delivery" data-delivery-id={delivery.id} data-status={delivery.status}>
                  <header className={styles.head}>
                    <h2 id={`delivery-${delivery.id}`} className={styles.kind}>
                      {delivery.kind === 'ESCALATION' && delivery.step !== null ? intl.formatMessage(m.escalationStep, { kind, step: delivery.step }) : kind}
                    </h2>
                    <StatusChip tone={TONE[delivery.status]}>{intl.formatMessage(m[`status${delivery.status}`])}</StatusChip>
                  </header>
                  <dl className={styles.facts}>
                    <div>
                      <dt>{intl.formatMessage(m.caseNumber)}</dt>
                      <dd className={styles.caseNumber}>
                        <CaseNumber caseNumber={delivery.caseNumber} />
                      </dd>
                    </div>
                    <div className={styles.wide}>
                      <dt>{intl.formatMessage(m.to)}</dt>
                      <dd>
                        <bdi dir="ltr" className={styles.address}>
                          {delivery.address}
                        </bdi>
                      </dd>
                    </div>
                    {showAgency ? (
                      <div>
                        <dt>{intl.formatMessage(m.agency)}</dt>
                        <dd>
                          <bdi>{delivery.agency.name}</bdi>
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{intl.formatMessage(m.attempts)}</dt>
                      <dd data-testid="delivery-attempts">{intl.formatMessage(m.attemptsValue, { attempts: delivery.attempts })}</dd>
                    </div>
                    <div>
                      <dt>{intl.formatMessage(m.queued)}</dt>
                      <dd>{when(delivery.createdAt)}</dd>
                    </div>
                    <div>
                      <dt>{intl.formatMessage(delivery.status === 'SENT' ? m.sentAt : m.lastAttempt)}</dt>
                      <dd>{when(delivery.status === 'SENT' ? delivery.sentAt : delivery.lastAttemptAt)}</dd>
                    </div>
                  </dl>
                  {delivery.status !== 'SENT' && delivery.lastError ? (
                    <p className={styles.why}>
                      {delivery.lastError === NO_SERVER ? (
                        intl.formatMessage(m.noServer)
                      ) : (
                        intl.formatMessage(m.serverAnswer, {
                          answer: (
                            <bdi key="answer" dir="ltr" className={styles.answer}>
                              {delivery.lastError}
                            </bdi>
                          ),
                        })
                      )}
                    </p>
                  ) : null}
                  {delivery.canResend ? (
                    <div className={styles.actions}>
                      {serverConfigured === false ? (
                        <span id={`delivery-${delivery.id}-blocked`} className={styles.blocked}>
                          {intl.formatMessage(m.resendBlocked)}
                        </span>
                      ) : null}
                      <Button
                        variant="secondary"
                        aria-describedby={serverConfigured === false ? `delivery-${delivery.id} delivery-${delivery.id}-blocked` : `delivery-${delivery.id}`}
                        isDisabled={resend.isPending || serverConfigured === false}
                        onPress={() => {
                          resend.reset();
                          setConfirming(delivery);
                        }}
                      >
                        {intl.formatMessage(m.resend)}
                      </Button>
                    </div>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
      {deliveries.hasNextPage ? (
        <Button variant="secondary" onPress={() => void deliveries.fetchNextPage()} isDisabled={deliveries.isFetchingNextPage}>
          {intl.formatMessage(m.loadMore)}
        </Button>
      ) : null}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={intl.formatMessage(m.resendTitle)}
        body={confirming ? intl.formatMessage(m.resendBody, { caseNumber: isolate(confirming.caseNumber), address: isolate(confirming.address) }) : ''}
        confirm={intl.formatMessage(m.resend)}
        cancel={intl.formatMessage(commonMessages.goBack)}
        confirmFirst
        onConfirm={() => {
          if (confirming && !resend.isPending) resend.mutate(confirming);
        }}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
