import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf } from '../../../i18n/vocabulary';
import { consentMessages as m, legalBasisMessages } from '../messages';
import { caseReferralsQuery, Consent, consentsQuery } from '../rights-api';
import styles from './consent-summary.module.css';
import { StatusChip, toneOf } from '../../../ui/status-chip';

/**
 * For the case page: the consents on record (purpose and answer), how many referrals wait for consent,
 * and the way to the consent page.
 */
export function ConsentSummary({ api, caseId }: { api: ApiClient; caseId: string }) {
  const intl = useIntl();
  const consents = useQuery(consentsQuery(api, caseId));
  const referrals = useQuery(caseReferralsQuery(api, caseId));
  const waiting = (referrals.data ?? []).filter((referral) => referral.status === 'AWAITING_CONSENT').length;
  const current = (consents.data ?? []).filter((consent) => !consent.withdrawnAt);
  const agencyNames = new Map((referrals.data ?? []).map((referral) => [referral.agency.id, referral.agency.name]));
  const recipientOf = (consent: Consent): string | null =>
    consent.recipientAgencyId
      ? (agencyNames.get(consent.recipientAgencyId) ?? null)
      : consent.recipientAgencyKind
        ? intl.formatMessage(m.anyAgencyOfKind, { kind: nameOf(intl, agencyKindMessages, consent.recipientAgencyKind) })
        : null;
  return (
    <section aria-labelledby={`consent-summary-${caseId}`} className={styles.card}>
      <h2 id={`consent-summary-${caseId}`}>{intl.formatMessage(m.summaryTitle)}</h2>
      {consents.isError ? <p className={styles.error}>{describeError(intl, consents.error)}</p> : null}
      {waiting > 0 ? <p className={styles.waiting}>{intl.formatMessage(m.summaryWaiting, { count: waiting })}</p> : null}
      {consents.isSuccess && current.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.none)}</p> : null}
      {current.length > 0 ? (
        <ul className={styles.list}>
          {current.map((consent) => (
            <li key={consent.id}>
              {intl.formatMessage(recipientOf(consent) ? m.summaryLineTo : m.summaryLine, {
                recipient: <bdi key="recipient">{recipientOf(consent)}</bdi>,
                purpose: intl.formatMessage(m[`purpose${consent.purpose}`]),
                decision: (
                  <StatusChip key="decision" tone={toneOf('consent', consent.decision)}>
                    {consent.decision === 'LEGAL_BASIS'
                      ? intl.formatMessage(m.decisionLEGAL_BASIS, { basis: consent.legalBasis ? nameOf(intl, legalBasisMessages, consent.legalBasis) : '' })
                      : intl.formatMessage(consent.decision === 'GIVEN' ? m.decisionGIVEN : m.decisionREFUSED)}
                  </StatusChip>
                ),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/cases/$caseId/consent" params={{ caseId }} className={styles.link}>
        {intl.formatMessage(m.openConsent)}
      </Link>
    </section>
  );
}
