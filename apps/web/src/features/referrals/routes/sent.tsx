import { useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { isolatedList } from '../../../i18n/isolated-list';
import { nameOf, referralStatusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { can, meQuery } from '../../auth/me';
import { SentReferralList } from '../components/sent-referral-list';
import { referralMessages } from '../messages';
import { REFERRAL_STATUSES, ReferralStatus } from '../referrals-api';
import styles from './sent.module.css';

interface SentSearch {
  status?: ReferralStatus;
}

/** `?status=…` when it names a referral status; anything else is dropped. */
export function validateSentSearch(search: Record<string, unknown>): SentSearch {
  const status = search.status;
  return typeof status === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(status) ? { status: status as ReferralStatus } : {};
}

/** The referrals sent from the user's border points and what each agency did with them. */
export const Route = createFileRoute('/_signed-in/referrals/sent')({
  validateSearch: validateSentSearch,
  component: SentReferrals,
});

function SentReferrals() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { status } = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const me = useQuery(meQuery(api));
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  const borderPoints = isolatedList(intl, me.data.borderPoints.map((point) => point.name));
  return (
    <section aria-labelledby="sent-title" className={styles.section}>
      <h1 id="sent-title">{intl.formatMessage(referralMessages.sentTitle)}</h1>
      <p className={styles.intro}>{intl.formatMessage(referralMessages.sentIntro, { borderPoints })}</p>
      <div className={styles.filter}>
        <label htmlFor="referral-status">{intl.formatMessage(referralMessages.status)}</label>
        <select
          id="referral-status"
          className={styles.select}
          value={status ?? ''}
          onChange={(event) => void navigate({ search: validateSentSearch({ status: event.target.value }), replace: true })}
        >
          <option value="">{intl.formatMessage(referralMessages.allStatuses)}</option>
          {REFERRAL_STATUSES.map((code) => (
            <option key={code} value={code}>
              {nameOf(intl, referralStatusMessages, code)}
            </option>
          ))}
        </select>
      </div>
      <SentReferralList api={api} status={status} canWithdraw={can(me.data, 'REFERRALS_WITHDRAW')} />
    </section>
  );
}
