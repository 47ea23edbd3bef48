import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { isolatedList } from '../../../i18n/isolated-list';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import type { Me } from '../../auth/me';
import { passwordMessages } from '../../auth/messages';
import { accountMessages } from '../messages';
import styles from './account-summary.module.css';

/** For roles without access to cases (SOP admin, analyst, monitor, sysadmin): what the account holds. */
export function AccountSummary({ me }: { me: Me }) {
  const intl = useIntl();
  return (
    <section aria-labelledby="account-title" className={styles.card}>
      <h1 id="account-title">{intl.formatMessage(accountMessages.title)}</h1>
      <p className={styles.intro}>{intl.formatMessage(accountMessages.intro)}</p>
      <dl className={styles.facts}>
        <dt>{intl.formatMessage(accountMessages.agency)}</dt>
        <dd>{me.agency.name}</dd>
        <dt>{intl.formatMessage(accountMessages.roles)}</dt>
        <dd>{intl.formatList(me.roles.map((role) => nameOf(intl, roleMessages, role)))}</dd>
        <dt>{intl.formatMessage(accountMessages.borderPoints)}</dt>
        <dd>{me.borderPoints.length > 0 ? isolatedList(intl, me.borderPoints.map((point) => point.name)) : intl.formatMessage(accountMessages.noBorderPoints)}</dd>
      </dl>
      <p className={styles.muted}>{intl.formatMessage(accountMessages.permissions, { count: me.permissions.length })}</p>
      <p>
        <Link to="/password" className={styles.password}>
          {intl.formatMessage(passwordMessages.link)}
        </Link>
      </p>
    </section>
  );
}
