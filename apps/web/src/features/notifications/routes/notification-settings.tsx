import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { DutyEmailCard } from '../components/duty-email-form';
import { MyEmailCard } from '../components/my-email-form';
import { notificationMessages as m } from '../messages';
import { notificationSettingsQuery } from '../notifications-api';
import cardStyles from '../components/settings-card.module.css';
import styles from './notification-settings.module.css';

/** Who is e-mailed about the agency's referrals: its duty address (managers set it) and the user's own choices. */
export const Route = createFileRoute('/_signed-in/settings/notifications')({
  component: NotificationSettingsPage,
});

function NotificationSettingsPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const settings = useQuery(notificationSettingsQuery(api));
  return (
    <section aria-labelledby="notifications-title" className={styles.page}>
      <h1 id="notifications-title">{intl.formatMessage(m.title)}</h1>
      <p className={styles.intro}>{intl.formatMessage(m.intro)}</p>
      {settings.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, settings.error)}
        </Alert>
      ) : null}
      {settings.data ? (
        <>
          {settings.data.smtpConfigured ? null : <Alert tone="warning">{intl.formatMessage(m.noServer)}</Alert>}
          <DutyEmailCard key={settings.data.agency.id} api={api} agency={settings.data.agency} />
          <MyEmailCard api={api} mine={settings.data.mine} />
          {settings.data.agency.canManage ? (
            <section aria-labelledby="deliveries-card-title" className={cardStyles.card}>
              <h2 id="deliveries-card-title">{intl.formatMessage(m.deliveriesCardTitle)}</h2>
              <p className={cardStyles.muted}>{intl.formatMessage(m.deliveriesCardIntro)}</p>
              <Link to="/settings/notifications/deliveries" className={styles.cardLink}>
                {intl.formatMessage(m.deliveriesCardLink)}
              </Link>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
