import { useIntl } from 'react-intl';
import type { Me } from '../../auth/me';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import { Logo } from '../../../ui/icons';
import { LanguageSwitch } from './language-switch';
import { shellMessages } from '../messages';
import styles from './app-header.module.css';

interface Props {
  me: Me | undefined;
  onSignOut: () => void;
  signingOut: boolean;
}

/** Product name, who is signed in (name, roles, agency), the language and sign-out. */
export function AppHeader({ me, onSignOut, signingOut }: Props) {
  const intl = useIntl();
  const roles = me ? intl.formatList(me.roles.map((role) => nameOf(intl, roleMessages, role))) : '';
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <Logo />
        <span className={styles.product}>{intl.formatMessage(shellMessages.productName)}</span>
      </div>
      <div className={styles.user}>
        {me ? (
          <>
            <span className={styles.name}>{me.displayName}</span>
            <span className={styles.meta}>{intl.formatMessage(shellMessages.userSummary, { roles, agency: me.agency.name })}</span>
          </>
        ) : null}
      </div>
      <div className={styles.actions}>
        <LanguageSwitch />
        <Button variant="quiet" className={styles.signOut} onPress={onSignOut} isDisabled={signingOut}>
          {intl.formatMessage(shellMessages.signOut)}
        </Button>
      </div>
    </header>
  );
}
