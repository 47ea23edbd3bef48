import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { referralMessages } from '../messages';
import { Referral, ReferralStatus, sentReferralsQuery } from '../referrals-api';
import { ReferralCard } from './referral-card';
import styles from './sent-referral-list.module.css';

/** The api's shortest reason for a withdrawal. */
export const WITHDRAW_REASON_MIN = 5;

/** The referrals sent from the user's border points, filtered by status; open ones can be withdrawn with a reason. */
export function SentReferralList({
  api,
  status,
  overdue,
  agency,
  canWithdraw,
}: {
  api: ApiClient;
  status?: ReferralStatus;
  /** Only overdue ones, only those to one agency (the supervisors' dashboard links here). */
  overdue?: true;
  agency?: string;
  canWithdraw: boolean;
}) {
  const intl = useIntl();
  const referrals = useInfiniteQuery(sentReferralsQuery(api, status, { overdue, agency }));
  const all = referrals.data?.pages.flatMap((page) => page.items) ?? [];
  const withdraw = useWithdraw(api);
  const [withdrawing, setWithdrawing] = useState<Referral | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <div className={styles.wrap}>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {referrals.isError ? (
        <Alert>
          {intl.formatMessage(referralMessages.loadFailed)} {describeError(intl, referrals.error)}
        </Alert>
      ) : null}
      {referrals.isSuccess ? (
        <p className={styles.count}>{intl.formatMessage(referralMessages.shown, { shown: all.length, more: String(referrals.hasNextPage) })}</p>
      ) : null}
      {referrals.isSuccess && all.length === 0 ? <p className={styles.empty}>{intl.formatMessage(referralMessages.empty)}</p> : null}
      {all.length > 0 ? (
        <ul className={styles.list}>
          {all.map((referral) => (
            <li key={referral.id}>
              <ReferralCard
                referral={referral}
                all={all}
                showCase
                onWithdraw={
                  canWithdraw
                    ? (chosen) => {
                        withdraw.reset();
                        setWithdrawing(chosen);
                      }
                    : undefined
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
      {referrals.hasNextPage ? (
        <Button variant="secondary" onPress={() => void referrals.fetchNextPage()} isDisabled={referrals.isFetchingNextPage}>
          {intl.formatMessage(referralMessages.loadMore)}
        </Button>
      ) : null}
      <WithdrawDialog
        referral={withdrawing}
        onClose={() => setWithdrawing(null)}
        mutation={withdraw}
        onDone={(referral) => {
          setWithdrawing(null);
          setNotice(intl.formatMessage(referralMessages.withdrawDone, { agency: referral.agency.name }));
        }}
      />
    </div>
  );
}

/** POST /referrals/:id/withdraw at the version read; every list of referrals is then read again. */
export function useWithdraw(api: ApiClient) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referral, reason }: { referral: Referral; reason: string }) =>
      unwrap<Referral>(
        api.POST('/api/v1/referrals/{id}/withdraw', { params: { path: { id: referral.id } }, body: { reason, version: referral.version } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

/** The confirmation, with the reason the agency is told. */
export function WithdrawDialog({
  referral,
  onClose,
  mutation,
  onDone,
}: {
  referral: Referral | null;
  onClose: () => void;
  mutation: ReturnType<typeof useWithdraw>;
  onDone: (referral: Referral) => void;
}) {
  const intl = useIntl();
  return (
    <ReasonDialog
      key={referral?.id ?? 'none'}
      isOpen={referral !== null}
      onClose={onClose}
      onConfirm={(reason) => referral && mutation.mutate({ referral, reason }, { onSuccess: () => onDone(referral) })}
      title={referral ? intl.formatMessage(referralMessages.withdrawTitle, { agency: referral.agency.name }) : ''}
      body={intl.formatMessage(referralMessages.withdrawBody)}
      confirmLabel={intl.formatMessage(referralMessages.withdrawConfirm)}
      tone="danger"
      minLength={WITHDRAW_REASON_MIN}
      pending={mutation.isPending}
      error={mutation.isError ? describeError(intl, mutation.error) : undefined}
    />
  );
}
