import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { commonMessages } from '../../../i18n/common-messages';
import { describeError } from '../../../i18n/error-messages';
import { deliveriesQuery } from '../../notifications/deliveries-api';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { FormDialog } from '../components/form-dialog';
import styles from '../components/admin.module.css';
import queueStyles from '../components/queues.module.css';
import { COUNTED_STATES, jobNameMessage, QUEUE_NAMES, QueueEntry, QueueJob, queuesQuery, removeJob, retryJob, STATE_NAMES, TROUBLE_TONE } from '../queues-api';
import { adminMessages } from '../messages';
import { queueMessages } from '../queues-messages';

/** The job queues (system administrators): counts by state, the failed jobs with their errors, run again or remove. */
export const Route = createFileRoute('/_signed-in/admin/queues')({
  component: JobQueues,
});

type Open = { kind: 'retry' | 'remove'; job: QueueJob } | null;

function JobQueues() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const client = useQueryClient();
  const queues = useQuery(queuesQuery(api));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  // The e-mails recorded but not sent live on the sent e-mails page: their count here, with the way there.
  const [now] = useState(() => new Date());
  const emails = useInfiniteQuery({ ...deliveriesQuery(api, {}, now), refetchInterval: 15_000 });
  const unsent = emails.data?.pages[0]?.unsent;

  const act = useMutation({
    mutationFn: ({ kind, job }: { kind: 'retry' | 'remove'; job: QueueJob }) => (kind === 'retry' ? retryJob(api, job) : removeJob(api, job)),
    onSuccess: (_done, { kind, job }) => {
      setOpen(null);
      setNotice(intl.formatMessage(kind === 'retry' ? queueMessages.retried : queueMessages.removed, { id: job.id }));
      void client.invalidateQueries({ queryKey: ['admin', 'queues'] });
    },
  });

  const ask = (kind: 'retry' | 'remove', job: QueueJob) => {
    act.reset();
    setNotice('');
    setOpen({ kind, job });
  };

  return (
    <section aria-labelledby="queues-title" className={styles.section}>
      <div className={styles.head}>
        <div>
          <h1 id="queues-title">{intl.formatMessage(queueMessages.title)}</h1>
          <p className={styles.intro}>{intl.formatMessage(queueMessages.intro)}</p>
          {queues.data ? (
            <p className={styles.intro}>
              {[
                intl.formatMessage(queueMessages.backend, {
                  backend: intl.formatMessage(queues.data.backend === 'redis' ? queueMessages.backendRedis : queueMessages.backendPostgres),
                }),
                intl.formatMessage(queueMessages.updated, {
                  time: intl.formatTime(queues.dataUpdatedAt, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
                }),
              ].join(' ')}
            </p>
          ) : null}
        </div>
        <Button variant="secondary" onPress={() => void queues.refetch()} isDisabled={queues.isFetching}>
          {intl.formatMessage(queueMessages.refresh)}
        </Button>
      </div>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {queues.error ? <Alert>{describeError(intl, queues.error)}</Alert> : null}
      {unsent !== undefined ? (
        <p className={unsent > 0 ? queueStyles.unsent : styles.muted} data-testid="unsent-emails">
          {intl.formatMessage(queueMessages.unsentEmails, { count: unsent })}
          <Link to="/settings/notifications/deliveries" className={queueStyles.unsentLink}>{intl.formatMessage(queueMessages.unsentLink)}</Link>
        </p>
      ) : null}
      {queues.data?.queues.map((queue) => <QueueCard key={queue.name} queue={queue} onAsk={ask} />)}
      {open ? (
        <FormDialog
          isOpen
          role="alertdialog"
          tone={open.kind === 'remove' ? 'danger' : 'primary'}
          title={intl.formatMessage(open.kind === 'retry' ? queueMessages.retryTitle : queueMessages.removeTitle)}
          onClose={() => setOpen(null)}
          onSubmit={() => act.mutate(open)}
          submitLabel={intl.formatMessage(open.kind === 'retry' ? queueMessages.retryConfirm : queueMessages.removeConfirm)}
          pending={act.isPending}
          error={act.isError ? describeError(intl, act.error) : undefined}
          cancelLabel={intl.formatMessage(commonMessages.goBack)}
          centred
        >
          <p>
            {intl.formatMessage(open.kind === 'retry' ? queueMessages.retryBody : queueMessages.removeBody, {
              job: intl.formatMessage(jobNameMessage(open.job.name)),
              id: (
                <bdi key="id" dir="ltr" className={queueStyles.jobId}>
                  {open.job.id}
                </bdi>
              ),
            })}
          </p>
        </FormDialog>
      ) : null}
    </section>
  );
}

function QueueCard({ queue, onAsk }: { queue: QueueEntry; onAsk: (kind: 'retry' | 'remove', job: QueueJob) => void }) {
  const intl = useIntl();
  const name = intl.formatMessage(QUEUE_NAMES[queue.name]);
  const headingId = `queue-${queue.name}`;
  return (
    <section aria-labelledby={headingId} className={queueStyles.card} data-queue={queue.name}>
      <h2 id={headingId} className={queueStyles.cardTitle}>
        {name}
      </h2>
      <dl className={queueStyles.counts} aria-label={intl.formatMessage(queueMessages.countsLabel, { queue: name })}>
        {COUNTED_STATES.map((state) => {
          const value = queue.counts[state];
          const tone = value > 0 ? TROUBLE_TONE[state] : undefined;
          return (
            <div key={state} className={`${queueStyles.count} ${tone === 'bad' ? queueStyles.countBad : tone === 'warn' ? queueStyles.countWarn : ''}`} data-state={state}>
              <dt>{intl.formatMessage(STATE_NAMES[state])}</dt>
              {value === 0 ? <dd className={queueStyles.zero}>{intl.formatMessage(queueMessages.countNone)}</dd> : <dd>{intl.formatNumber(value)}</dd>}
            </div>
          );
        })}
      </dl>
      <h3 className={queueStyles.subTitle}>{intl.formatMessage(queueMessages.troubledTitle)}</h3>
      {queue.jobs.length === 0 ? (
        <p className={styles.muted}>{intl.formatMessage(queueMessages.noTroubled)}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage(queueMessages.colJob)}</th>
              <th scope="col">{intl.formatMessage(queueMessages.colState)}</th>
              <th scope="col">{intl.formatMessage(queueMessages.colAttempts)}</th>
              <th scope="col">{intl.formatMessage(queueMessages.colError)}</th>
              <th scope="col">{intl.formatMessage(queueMessages.colWhen)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colActions)}</th>
            </tr>
          </thead>
          <tbody>
            {queue.jobs.map((job) => (
              <tr key={job.id} data-job-id={job.id}>
                <td data-label={intl.formatMessage(queueMessages.colJob)}>
                  <span className={styles.name}>
                    {intl.formatMessage(jobNameMessage(job.name))}
                    {job.target ? (
                      <span className={queueStyles.target}>
                        {job.target.host
                          ? intl.formatMessage(queueMessages.target, {
                              agency: <bdi key="agency">{job.target.agency}</bdi>,
                              host: (
                                <bdi key="host" dir="ltr">
                                  {job.target.host}
                                </bdi>
                              ),
                            })
                          : intl.formatMessage(queueMessages.targetNoHost, { agency: <bdi key="agency">{job.target.agency}</bdi> })}
                      </span>
                    ) : null}
                    <bdi dir="ltr" className={`${styles.sub} ${queueStyles.jobId}`}>
                      {job.id}
                    </bdi>
                  </span>
                </td>
                <td data-label={intl.formatMessage(queueMessages.colState)}>
                  <StatusChip className={queueStyles.chip} tone={job.state === 'failed' ? 'danger' : 'warning'}>{intl.formatMessage(job.state === 'failed' ? queueMessages.jobFailed : queueMessages.jobRetrying)}</StatusChip>
                </td>
                <td data-label={intl.formatMessage(queueMessages.colAttempts)} data-testid="attempts">
                  {intl.formatMessage(queueMessages.attempts, { made: job.attemptsMade, total: job.attempts })}
                </td>
                <td data-label={intl.formatMessage(queueMessages.colError)} className={queueStyles.errorCell}>
                  {job.error ? (
                    <bdi dir="ltr" className={queueStyles.error}>
                      {job.error}
                    </bdi>
                  ) : (
                    <span className={styles.muted}>{intl.formatMessage(queueMessages.noError)}</span>
                  )}
                </td>
                <td data-label={intl.formatMessage(queueMessages.colWhen)}>
                  {job.failedAt ? intl.formatDate(job.failedAt, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' }) : <span className={styles.muted}>{intl.formatMessage(adminMessages.none)}</span>}
                  {job.nextAttemptAt ? (
                    <span className={queueStyles.target} data-testid="next-attempt">
                      {intl.formatMessage(queueMessages.nextAttempt, { time: intl.formatTime(job.nextAttemptAt, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }) })}
                    </span>
                  ) : null}
                </td>
                <td data-label={intl.formatMessage(adminMessages.colActions)}>
                  <div className={styles.actions}>
                    <Button variant="secondary" onPress={() => onAsk('retry', job)} aria-label={intl.formatMessage(queueMessages.retryLabel, { id: job.id })}>
                      {intl.formatMessage(queueMessages.retry)}
                    </Button>
                    <Button variant="quiet" onPress={() => onAsk('remove', job)} aria-label={intl.formatMessage(queueMessages.removeLabel, { id: job.id })}>
                      {intl.formatMessage(queueMessages.remove)}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
