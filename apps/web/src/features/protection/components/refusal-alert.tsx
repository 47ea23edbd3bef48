import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { refusalMessages as r } from '../messages';
import { explainRefusal } from '../safeguard-refusal';
import styles from './refusal-alert.module.css';

/**
 * An error from the api in words. A safeguard's refusal says which protection applies, what can be done
 * instead and who leads the case — never a code; any other error gets the shared sentence.
 */
export function RefusalAlert({ error }: { error: unknown }) {
  const intl = useIntl();
  const explained = explainRefusal(intl, error);
  if (!explained) return <Alert>{describeError(intl, error)}</Alert>;
  return (
    <Alert tone="warning">
      <div className={styles.refusal} data-testid="safeguard-refusal">
        <p className={styles.title}>{explained.title}</p>
        <ul className={styles.list}>
          {explained.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {explained.lead ? (
          <p>
            {intl.formatMessage(r.lead, {
              agency: <bdi key="agency">{explained.lead.name}</bdi>,
              kind: nameOf(intl, agencyKindMessages, explained.lead.kind),
            })}
          </p>
        ) : explained.lead === null ? (
          <p>{intl.formatMessage(r.noLead)}</p>
        ) : null}
        {explained.instead.length > 0 ? (
          <>
            <p className={styles.subtitle}>{intl.formatMessage(r.insteadTitle)}</p>
            <ul className={styles.list}>
              {explained.instead.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
        {explained.noOverride ? <p className={styles.subtitle}>{intl.formatMessage(r.noOverride)}</p> : null}
      </div>
    </Alert>
  );
}
