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
  overdue?: true;
  /** One receiving agency's id. */
  agency?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?status=…` when it names a referral status, `overdue=true`, `agency=<id>`; anything else is dropped. */
export function validateSentSearch(search: Record<string, unknown>): SentSearch {
  const status = search.status;
  return {
    ...(typeof status === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(status) ? { status: status as ReferralStatus } : {}),
    ...(search.overdue === true || search.overdue === 'true' ? { overdue: true as const } : {}),
    ...(typeof search.agency === 'string' && UUID.test(search.agency) ? { agency: search.agency } : {}),
  };
}

/** The referrals sent from the user's border points and what each agency did with them. */
export const Route = createFileRoute('/_signed-in/referrals/sent')({
  validateSearch: validateSentSearch,
  component: SentReferrals,
});

function SentReferrals() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const search = Route.useSearch();
  const { status, overdue, agency } = search;
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
          onChange={(event) => void navigate({ search: validateSentSearch({ ...search, status: event.target.value }), replace: true })}
        >
          <option value="">{intl.formatMessage(referralMessages.allStatuses)}</option>
          {REFERRAL_STATUSES.map((code) => (
            <option key={code} value={code}>
              {nameOf(intl, referralStatusMessages, code)}
            </option>
          ))}
        </select>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={overdue === true}
            onChange={(event) => void navigate({ search: validateSentSearch({ ...search, overdue: event.target.checked }), replace: true })}
          />
          {intl.formatMessage(referralMessages.overdueOnly)}
        </label>
        {agency ? (
          <button type="button" className={styles.clearAgency} onClick={() => void navigate({ search: validateSentSearch({ ...search, agency: undefined }), replace: true })}>
            {intl.formatMessage(referralMessages.allAgencies)}
          </button>
        ) : null}
      </div>
      <SentReferralList api={api} status={status} overdue={overdue} agency={agency} canWithdraw={can(me.data, 'REFERRALS_WITHDRAW')} />
    </section>
  );
}
