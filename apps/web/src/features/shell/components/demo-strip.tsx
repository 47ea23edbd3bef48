import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { demoAccountsQuery } from '../../auth/demo-accounts';
import { signInMessages } from '../../auth/messages';
import styles from './demo-strip.module.css';

/** Demo mode (GET /api/v1/demo/accounts answers 200): a strip on every page says the data is invented. */
export function DemoStrip() {
  const intl = useIntl();
  const demo = useQuery(demoAccountsQuery(window.location.origin));
  if (!demo.data) return null;
  return <p className={styles.strip}>{intl.formatMessage(signInMessages.demoStrip)}</p>;
}
