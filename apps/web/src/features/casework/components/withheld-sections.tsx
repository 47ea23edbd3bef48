import { useIntl } from 'react-intl';
import { nameOf } from '../../../i18n/vocabulary';
import { casePageMessages, sectionMessages } from '../../cases/case-messages';
import type { CaseView } from '../../cases/case-view';
import { Section } from '../../cases/components/case-record';
import { workspaceMessages as m } from '../messages';
import styles from './workspace.module.css';

/**
 * The sections this case has that the agency may not read, each named with why: the person's consent is
 * missing (the SOP would share it with consent), or the SOP does not share it with this kind of agency.
 * Names stay hidden on a shared screen until "Show protection details" is on. Never a blank.
 */
export function WithheldSections({ view, showDetails }: { view: Pick<CaseView, 'withheld' | 'withheldFieldGroups'>; showDetails: boolean }) {
  const intl = useIntl();
  const withheld = view.withheld ?? view.withheldFieldGroups.map((fieldGroup) => ({ fieldGroup, reason: 'NOT_SHARED' as const }));
  if (withheld.length === 0) return null;
  return (
    <Section id="withheld-title" title={intl.formatMessage(casePageMessages.withheldTitle)}>
      {showDetails ? (
        <ul className={styles.withheldList}>
          {withheld.map(({ fieldGroup, reason }) => (
            <li key={fieldGroup} className={reason === 'CONSENT_MISSING' ? styles.consent : undefined} data-testid={`withheld-${fieldGroup}`}>
              <span className={styles.withheldName}>{nameOf(intl, sectionMessages, fieldGroup)}</span>
              <span className={styles.muted}>{intl.formatMessage(reason === 'CONSENT_MISSING' ? m.withheldConsent : m.withheldNotShared)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>{intl.formatMessage(casePageMessages.withheldCount, { count: withheld.length })}</p>
          <ul className={styles.withheldList}>
            {withheld.some((item) => item.reason === 'CONSENT_MISSING') ? (
              <li className={styles.consent}>
                <span className={styles.muted}>{intl.formatMessage(m.withheldConsent)}</span>
              </li>
            ) : null}
            {withheld.some((item) => item.reason === 'NOT_SHARED') ? (
              <li>
                <span className={styles.muted}>{intl.formatMessage(m.withheldNotShared)}</span>
              </li>
            ) : null}
          </ul>
        </>
      )}
    </Section>
  );
}
