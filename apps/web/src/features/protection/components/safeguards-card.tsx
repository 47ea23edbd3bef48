import { useIntl } from 'react-intl';
import { protectionMessages as m } from '../messages';
import { SafeguardStatus } from '../protection-api';
import { groundText, reasonText } from '../safeguard-refusal';
import styles from './record-card.module.css';

/**
 * What the safeguards refuse on the case now, in words (as far as the reader's agency may know why); a running
 * reflection period's last day comes from the trafficking record, for readers who receive it.
 */
export function SafeguardsCard({ status, reflectionUntil }: { status: SafeguardStatus; reflectionUntil?: string }) {
  const intl = useIntl();
  const grounds = status.detention.protectedGrounds;
  return (
    <section aria-labelledby="safeguards-title" className={styles.card}>
      <h2 id="safeguards-title">{intl.formatMessage(m.safeguardsTitle)}</h2>
      {status.removal.allowed ? (
        <p className={styles.muted}>{intl.formatMessage(m.removalAllowed)}</p>
      ) : (
        <div className={styles.locked}>
          <p className={styles.muted}>{intl.formatMessage(m.removalLocked)}</p>
          <ul className={styles.reasons}>
            {status.removal.reasons.map((reason) => (
              <li key={reason.code}>{reasonText(intl, { code: reason.code, until: reflectionUntil })}</li>
            ))}
          </ul>
        </div>
      )}
      {grounds.length > 0 ? (
        <p className={styles.locked}>{intl.formatMessage(m.detentionGrounds, { grounds: intl.formatList(grounds.map((g) => groundText(intl, g.code)), { type: 'conjunction' }) })}</p>
      ) : null}
    </section>
  );
}
