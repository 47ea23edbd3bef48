import { useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ConflictReview } from '../components/conflict-review';
import { editorHref, loadServerVersion, mineOf, sendMine } from '../conflicts';
import type { OutboxStatus } from '../db';
import { offlineMessages } from '../messages';
import { useOffline, useOutboxItems } from '../offline-context';
import { isConflict, OutboxItem, personCount } from '../outbox';
import styles from './outbox.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip } from '../../../ui/status-chip';

export const Route = createFileRoute('/_signed-in/outbox')({
  component: OutboxPage,
});

const TABS: { status: OutboxStatus; label: keyof typeof offlineMessages; empty: keyof typeof offlineMessages }[] = [
  { status: 'pending', label: 'tabPending', empty: 'emptyPending' },
  { status: 'failed', label: 'tabFailed', empty: 'emptyFailed' },
  { status: 'sent', label: 'tabSent', empty: 'emptySent' },
];

/** The device's outbox for the signed-in user: what waits, what the server refused, what went through. */
function OutboxPage() {
  const intl = useIntl();
  const items = useOutboxItems();
  const { persisted } = useOffline();
  const persistedState = useQuery({ queryKey: ['offline', 'persisted'], queryFn: async () => (await persisted) ?? 'unknown', staleTime: Infinity });
  const [tab, setTab] = useState<OutboxStatus>(() => (items.some((item) => item.status === 'failed') && !items.some((item) => item.status === 'pending') ? 'failed' : 'pending'));

  return (
    <section aria-labelledby="outbox-title" className={styles.page}>
      <h1 id="outbox-title">{intl.formatMessage(offlineMessages.title)}</h1>
      <p className={styles.intro}>{intl.formatMessage(offlineMessages.intro)}</p>
      {persistedState.data !== undefined ? (
        <p className={styles.persisted} data-persisted={String(persistedState.data)}>
          {intl.formatMessage(offlineMessages.persisted, { state: persistedState.data === true ? 'yes' : persistedState.data === false ? 'no' : 'unknown' })}
        </p>
      ) : null}
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as OutboxStatus)} className={styles.tabs}>
        <TabList aria-label={intl.formatMessage(offlineMessages.tabs)} className={styles.tabList}>
          {TABS.map(({ status, label }) => (
            <Tab key={status} id={status} className={styles.tab}>
              {intl.formatMessage(offlineMessages[label], { count: items.filter((item) => item.status === status).length })}
            </Tab>
          ))}
        </TabList>
        {TABS.map(({ status, empty }) => {
          const shown = items.filter((item) => item.status === status);
          return (
            <TabPanel key={status} id={status} className={styles.panel}>
              {shown.length === 0 ? (
                <p className={styles.empty}>{intl.formatMessage(offlineMessages[empty])}</p>
              ) : (
                <ul className={styles.list}>
                  {shown.map((item) => (
                    <OutboxEntry key={item.id} item={item} />
                  ))}
                </ul>
              )}
            </TabPanel>
          );
        })}
      </Tabs>
    </section>
  );
}

const TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' };

function OutboxEntry({ item }: { item: OutboxItem }) {
  const intl = useIntl();
  const { outbox } = useOffline();
  const { api } = Route.useRouteContext();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const conflict = item.status === 'failed' && isConflict(item);
  const server = useQuery({ queryKey: ['offline', 'conflict', item.id, item.updatedAt], queryFn: () => loadServerVersion(api, item), enabled: reviewing, retry: false });
  const resolve = useMutation({
    mutationFn: async (choice: 'server' | 'mine') => {
      if (choice === 'server') await outbox.discard(item.id);
      else if (server.data) await sendMine(outbox, item, server.data);
    },
  });
  const edit = editorHref(item);
  const count = personCount(item.kind, item.body);
  const name = item.label ? <bdi key="name">{item.label}</bdi> : intl.formatMessage(offlineMessages.unnamed);
  const headingId = `outbox-${item.id}`;

  return (
    <li className={styles.entry} aria-labelledby={headingId} data-status={item.status}>
      <div className={styles.head}>
        <h2 id={headingId} className={styles.name}>
          {count > 1 ? intl.formatMessage(offlineMessages.morePeople, { name, count: count - 1 }) : name}
        </h2>
        <StatusChip tone="neutral">{intl.formatMessage(offlineMessages.kind, { kind: item.kind })}</StatusChip>
      </div>
      <p className={styles.facts}>
        <span>{intl.formatMessage(offlineMessages.made, { time: intl.formatDate(item.createdAt, TIME) })}</span>
        <span>{intl.formatMessage(offlineMessages.tries, { count: item.attempts })}</span>
        {item.status === 'pending' && item.attempts > 0 ? (
          <span>{intl.formatMessage(offlineMessages.nextTry, { time: intl.formatTime(item.nextTryAt, { timeStyle: 'short', hourCycle: 'h23' }) })}</span>
        ) : null}
      </p>
      {item.lastError && item.status !== 'sent' ? (
        <div className={item.status === 'failed' ? styles.errorBox : styles.warnBox}>
          <p>{intl.formatMessage(offlineMessages.lastError, { error: describeError(intl, new ApiError(item.lastError.status, item.lastError.code)) })}</p>
          {item.lastError.fields.length > 0 ? (
            <ul className={styles.fields}>
              {item.lastError.fields.map((field) => (
                <li key={field.path}>
                  <bdi className={styles.path}>{field.path}</bdi> <bdi>{field.problem}</bdi>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {item.status === 'sent' ? <SentResult result={item.result} /> : null}
      {item.status !== 'sent' ? (
        <div className={styles.actions}>
          {conflict ? (
            <Button onPress={() => setReviewing((open) => !open)} aria-expanded={reviewing}>
              {intl.formatMessage(offlineMessages.review)}
            </Button>
          ) : (
            <Button variant={item.status === 'failed' ? 'primary' : 'secondary'} onPress={() => void outbox.retry(item.id)}>
              {intl.formatMessage(offlineMessages.retryNow)}
            </Button>
          )}
          {item.status === 'failed' && edit ? (
            <Button variant="secondary" onPress={() => void navigate({ href: edit })}>
              {intl.formatMessage(offlineMessages.edit)}
            </Button>
          ) : null}
          <Button variant="quiet" onPress={() => setConfirming(true)}>
            {intl.formatMessage(offlineMessages.discard)}
          </Button>
        </div>
      ) : null}
      {conflict && reviewing ? (
        server.isError ? (
          <Alert>{describeError(intl, server.error)}</Alert>
        ) : (
          <ConflictReview
            item={item}
            theirs={server.data?.theirs}
            mine={mineOf(item)}
            busy={resolve.isPending}
            onKeepServer={() => resolve.mutate('server')}
            onSendMine={() => resolve.mutate('mine')}
            onEdit={edit ? () => void navigate({ href: edit }) : undefined}
          />
        )
      ) : null}
      <ConfirmDialog
        isOpen={confirming}
        tone="danger"
        title={intl.formatMessage(offlineMessages.discardTitle)}
        body={intl.formatMessage(offlineMessages.discardBody)}
        confirm={intl.formatMessage(offlineMessages.discardConfirm)}
        cancel={intl.formatMessage(offlineMessages.cancel)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void outbox.discard(item.id);
        }}
      />
    </li>
  );
}

/** The case numbers the api gave a registration (POST /intakes answers `{ cases: [{ caseNumber }] }`). */
function SentResult({ result }: { result: unknown }) {
  const intl = useIntl();
  const cases = (result as { cases?: { caseNumber?: string }[] } | null)?.cases ?? [];
  const numbers = cases.map((entry) => entry.caseNumber).filter((value): value is string => typeof value === 'string');
  if (numbers.length === 0) return null;
  return (
    <p className={styles.numbers}>
      {intl.formatMessage(offlineMessages.caseNumbers, {
        count: numbers.length,
        numbers: (
          <span key="numbers" className={styles.numberList}>
            {numbers.map((number) => (
              <CaseNumber key={number} caseNumber={number} />
            ))}
          </span>
        ),
      })}
    </p>
  );
}
