import { useIntl } from 'react-intl';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import type { DemoAccounts } from '../demo-accounts';
import { shellMessages } from '../../shell/messages';
import { signInMessages } from '../messages';
import styles from './demo-account-list.module.css';

/** Demo mode: every demo account, one press fills its username into the form. */
export function DemoAccountList({ demo, onChoose }: { demo: DemoAccounts; onChoose: (username: string) => void }) {
  const intl = useIntl();
  return (
    <section className={styles.panel} aria-labelledby="demo-accounts-title">
      <div className={styles.heading}>
        <h2 id="demo-accounts-title">{intl.formatMessage(signInMessages.demoTitle)}</h2>
        <span className={styles.count}>{intl.formatMessage(signInMessages.demoCount, { count: demo.accounts.length })}</span>
      </div>
      <p className={styles.intro}>
        {intl.formatMessage(signInMessages.demoIntro, {
          password: (
            <code key="password" className={styles.password}>
              {demo.password}
            </code>
          ),
        })}
      </p>
      <ul className={styles.list}>
        {demo.accounts.map((account) => (
          <li key={account.username}>
            <Button variant="quiet" className={styles.account} onPress={() => onChoose(account.username)}>
              <span className={styles.username}>{account.username}</span>
              <span className={styles.detail}>
                {intl.formatMessage(shellMessages.userSummary, {
                  roles: intl.formatList(account.roles.map((role) => nameOf(intl, roleMessages, role))),
                  agency: account.agency.name,
                })}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
