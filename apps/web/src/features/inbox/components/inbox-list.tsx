import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { isolatedList } from '../../../i18n/isolated-list';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { CaseNumber } from '../../../ui/case-number';
import { ReasonDialog } from '../../../ui/reason-dialog';
import type { Referral } from '../../referrals/referrals-api';
import { actOn, DeclinedReferral, inboxQuery, InboxAction } from '../inbox-api';
import { activeInboxFilterCount, InboxFilters } from '../inbox-filters';
import { inboxMessages } from '../messages';
import { CompleteDialog } from './complete-dialog';
import { InboxRow } from './inbox-row';
import { useArrivals } from './use-arrivals';
import styles from './inbox-list.module.css';

/** The api's shortest reason for a decline. */
export const DECLINE_REASON_MIN = 5;

/** A row's height before it is measured (a row wraps to more on a narrow screen). */
const ESTIMATED_ROW = 112;

interface Props {
  api: ApiClient;
  filters: InboxFilters;
  /** Border point names by id (the rows name where each referral comes from). */
  borderPointNames: ReadonlyMap<string, string>;
}

type Pending = { referral: Referral; action: InboxAction; reason?: string; outcomeCode?: string; note?: string };

/**
 * The agency's queue, as the api orders it, in a virtualised list (only the rows near the viewport are in
 * the page: a thousand referrals scroll as smoothly as ten); further pages load as the end comes near. It
 * is read again every 20 s while the tab is visible, and new arrivals are announced politely.
 */
export function InboxList({ api, filters, borderPointNames }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const inbox = useInfiniteQuery(inboxQuery(api, filters));
  const pages = inbox.data?.pages;
  const all = pages?.flatMap((page) => page.items) ?? [];
  const { fresh, announcement } = useArrivals(pages);

  const [declining, setDeclining] = useState<Referral | null>(null);
  const [completing, setCompleting] = useState<Referral | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: ReactNode } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const act = useMutation({
    mutationFn: ({ referral, action, reason, outcomeCode, note }: Pending) => actOn(api, referral, action, { reason, outcomeCode, note }),
    onSuccess: (answer, { referral, action }) => {
      setDeclining(null);
      setCompleting(null);
      setNotice({ tone: 'ok', text: doneText(intl, action, referral, answer) });
    },
    onError: (error, { referral, action }) => {
      // Refusals of a dialog's action show in the dialog; the others above the list.
      if (action === 'decline' || action === 'complete') return;
      setNotice({ tone: 'error', text: intl.formatMessage(inboxMessages.actionFailed, { caseNumber: caseNumberOf(referral), reason: describeError(intl, error) }) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
  // The result takes the focus: the row's buttons it came from may be gone (a declined referral leaves the inbox).
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // mutate and reset keep their identity: the rows (memoised) get one callback for the page's life.
  const { mutate, reset } = act;
  const onAct = useCallback(
    (referral: Referral, action: InboxAction) => {
      reset();
      if (action === 'decline') setDeclining(referral);
      else if (action === 'complete') setCompleting(referral);
      else mutate({ referral, action });
    },
    [mutate, reset, setDeclining, setCompleting],
  );

  // The list scrolls with the page: the virtualiser needs the list's distance from the top of the document.
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Measured again whenever the page's height changes (a notice above the list, the filters opening).
    const measure = () => {
      const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((before) => (Math.abs(top - before) > 1 ? top : before));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: all.length,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => all[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = inbox;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= all.length - 20) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, all.length]);

  const overdue = all.filter((referral) => referral.overdue).length;
  const pendingId = act.isPending ? act.variables.referral.id : undefined;

  return (
    <div className={styles.wrap}>
      <p className={styles.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </p>
      <div ref={noticeRef} tabIndex={-1} className={styles.noticeHolder}>
        {notice ? (
          notice.tone === 'ok' ? (
            <p className={styles.notice} role="status">
              {notice.text}
            </p>
          ) : (
            <Alert>{notice.text}</Alert>
          )
        ) : null}
      </div>
      {inbox.isError ? (
        <Alert>
          {intl.formatMessage(inboxMessages.loadFailed)} {describeError(intl, inbox.error)}
        </Alert>
      ) : null}
      {inbox.isSuccess ? (
        <p className={styles.count}>{intl.formatMessage(inboxMessages.shown, { shown: all.length, overdue, more: String(inbox.hasNextPage) })}</p>
      ) : null}
      {inbox.isPending ? (
        <div className={styles.loading}>
          <p className={styles.count} role="status">
            {intl.formatMessage(inboxMessages.loading)}
          </p>
          {[0, 1, 2].map((n) => (
            <div key={n} className={styles.skeleton} aria-hidden="true" />
          ))}
        </div>
      ) : null}
      {inbox.isSuccess && all.length === 0 ? (
        <p className={styles.empty}>{intl.formatMessage(activeInboxFilterCount(filters) > 0 ? inboxMessages.empty : inboxMessages.emptyAll)}</p>
      ) : null}
      <div
        ref={listRef}
        role="list"
        aria-label={intl.formatMessage(inboxMessages.listLabel)}
        className={styles.list}
        style={{ blockSize: all.length > 0 ? virtualizer.getTotalSize() : 0 }}
      >
        {items.map((item) => {
          const referral = all[item.index];
          if (!referral) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={all.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={styles.item}
              style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <InboxRow referral={referral} borderPointName={borderPointNames.get(referral.borderPoint.id)} isNew={fresh.has(referral.id)} busy={pendingId === referral.id} onAct={onAct} />
            </div>
          );
        })}
      </div>
      {inbox.hasNextPage ? (
        <Button variant="secondary" onPress={() => void inbox.fetchNextPage()} isDisabled={inbox.isFetchingNextPage}>
          {intl.formatMessage(inboxMessages.loadMore)}
        </Button>
      ) : null}
      <ReasonDialog
        key={declining?.id ?? 'none'}
        isOpen={declining !== null}
        onClose={() => setDeclining(null)}
        onConfirm={(reason) => declining && act.mutate({ referral: declining, action: 'decline', reason })}
        title={declining ? intl.formatMessage(inboxMessages.declineTitle, { caseNumber: declining.caseNumber }) : ''}
        body={intl.formatMessage(inboxMessages.declineBody)}
        confirmLabel={intl.formatMessage(inboxMessages.declineConfirm)}
        tone="danger"
        minLength={DECLINE_REASON_MIN}
        pending={act.isPending}
        error={act.isError && declining ? describeError(intl, act.error) : undefined}
      />
      <CompleteDialog
        key={`complete-${completing?.id ?? 'none'}`}
        referral={completing}
        onClose={() => setCompleting(null)}
        onConfirm={(outcomeCode, note) => completing && act.mutate({ referral: completing, action: 'complete', outcomeCode, note })}
        pending={act.isPending}
        error={act.isError && completing ? describeError(intl, act.error) : undefined}
      />
    </div>
  );
}

const caseNumberOf = (referral: Pick<Referral, 'caseNumber'>) => <CaseNumber key="case" caseNumber={referral.caseNumber} />;

/** What an action did, in words; a decline says where the case went next. */
function doneText(intl: ReturnType<typeof useIntl>, action: InboxAction, referral: Referral, answer: DeclinedReferral): ReactNode {
  const caseNumber = caseNumberOf(referral);
  switch (action) {
    case 'acknowledge':
      return intl.formatMessage(inboxMessages.acknowledged, { caseNumber });
    case 'accept':
      return intl.formatMessage(inboxMessages.accepted, { caseNumber });
    case 'start':
      return intl.formatMessage(inboxMessages.started, { caseNumber });
    case 'complete':
      return intl.formatMessage(inboxMessages.completed, { caseNumber });
    case 'decline': {
      const next = answer.next;
      if (next && next.agencies.length > 0) {
        return intl.formatMessage(inboxMessages.declinedSentOn, { caseNumber, agencies: isolatedList(intl, next.agencies.map((agency) => agency.name)) });
      }
      if (next?.coordinatingBody) {
        return intl.formatMessage(inboxMessages.declinedCoordinator, { caseNumber, agency: <bdi key="body">{next.coordinatingBody.name}</bdi> });
      }
      return intl.formatMessage(inboxMessages.declinedNowhere, { caseNumber });
    }
  }
}
