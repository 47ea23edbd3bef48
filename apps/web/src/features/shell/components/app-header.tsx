import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useIntl } from 'react-intl';
import type { Me } from '../../auth/me';
import { passwordMessages } from '../../auth/messages';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import { Logo, SignOutIcon } from '../../../ui/icons';
import { LanguageSwitch } from './language-switch';
import { shellMessages } from '../messages';
import styles from './app-header.module.css';

/** A username with line-break opportunities after its dots, @ and hyphens (border.<wbr>supervisor). */
function breakable(username: string) {
  return username.split(/(?<=[.@_-])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

interface Props {
  me: Me | undefined;
  onSignOut: () => void;
  signingOut: boolean;
  /** The link to the password page (left out on that page itself). */
  passwordLink?: boolean;
}

/**
 * First row: the product, who is signed in ("Signed in as <name> · <username>") and sign-out, at every
 * width; then the roles and agency, and the language.
 */
export function AppHeader({ me, onSignOut, signingOut, passwordLink = true }: Props) {
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
            {/* Narrow screens: the username alone, whole: it wraps after a dot rather than being cut. */}
            <span className={styles.short}>
              {intl.formatMessage(shellMessages.signedInAsShort, {
                username: (
                  <bdi key="username" className={styles.shortUsername}>
                    {breakable(me.username)}
                  </bdi>
                ),
              })}
            </span>
            <span className={styles.name}>
              {intl.formatMessage(shellMessages.signedInAs, {
                name: <bdi key="name">{me.displayName}</bdi>,
                username: (
                  <bdi key="username" className={styles.username}>
                    {me.username}
                  </bdi>
                ),
              })}
            </span>
            <span className={styles.meta}>{intl.formatMessage(shellMessages.userSummary, { roles, agency: <bdi key="agency">{me.agency.name}</bdi> })}</span>
          </>
        ) : null}
      </div>
      <Button variant="secondary" className={styles.signOut} onPress={onSignOut} isDisabled={signingOut}>
        <SignOutIcon />
        {intl.formatMessage(shellMessages.signOut)}
      </Button>
      {/* Wide: each in its own column; narrow: one second row that wraps, the language at its end. */}
      <div className={styles.tools}>
        {me && passwordLink ? (
          <Link to="/password" className={styles.account}>
            {intl.formatMessage(passwordMessages.link)}
          </Link>
        ) : null}
        <div className={styles.language}>
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
