import { useIntl } from 'react-intl';
import { Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import { ChevronDown } from '../../../ui/icons';
import type { DemoAccounts } from '../demo-accounts';
import { shellMessages } from '../../shell/messages';
import { signInMessages } from '../messages';
import styles from './demo-account-list.module.css';

/** Wide enough to show the demo accounts open from the start; narrower screens get the form alone first. */
const WIDE = '(min-width: 56rem)';

/** Demo mode: every demo account in a disclosure under the form; one press fills its username in. */
export function DemoAccountList({ demo, onChoose }: { demo: DemoAccounts; onChoose: (username: string) => void }) {
  const intl = useIntl();
  return (
    <Disclosure className={styles.panel} defaultExpanded={window.matchMedia(WIDE).matches}>
      <Heading level={2} className={styles.heading}>
        <Button slot="trigger" variant="quiet" className={styles.trigger}>
          <span className={styles.chevron}>
            <ChevronDown />
          </span>
          {intl.formatMessage(signInMessages.demoDisclosure, { count: demo.accounts.length })}
        </Button>
      </Heading>
      <DisclosurePanel className={styles.body}>
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
                <bdi className={styles.username}>{account.username}</bdi>
                <span className={styles.detail}>
                  {intl.formatMessage(shellMessages.userSummary, {
                    roles: intl.formatList(account.roles.map((role) => nameOf(intl, roleMessages, role))),
                    agency: <bdi key="agency">{account.agency.name}</bdi>,
                  })}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      </DisclosurePanel>
    </Disclosure>
  );
}
