import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { can, meQuery } from '../../auth/me';
import { SopVersionTable } from '../components/sop-version-table';
import { sopMessages } from '../messages';
import { sopListQuery } from '../sop-api';
import styles from './sop-pages.module.css';

/** The joint SOP's versions, newest first, with their approvals. */
export const Route = createFileRoute('/_signed-in/sops')({
  component: SopVersions,
});

function SopVersions() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const me = useQuery(meQuery(api));
  const list = useQuery(sopListQuery(api));
  return (
    <section aria-labelledby="sops-title" className={styles.section}>
      <div className={styles.titleRow}>
        <h1 id="sops-title">{intl.formatMessage(sopMessages.listTitle)}</h1>
        {can(me.data, 'SOP_MANAGE') ? (
          <Link to="/sops/new" className={styles.primaryLink}>
            {intl.formatMessage(sopMessages.upload)}
          </Link>
        ) : null}
      </div>
      <p className={styles.intro}>{intl.formatMessage(sopMessages.listIntro)}</p>
      {list.isError ? (
        <Alert>
          {intl.formatMessage(sopMessages.loadFailed)} {describeError(intl, list.error)}
        </Alert>
      ) : list.data ? (
        list.data.items.length > 0 ? (
          <SopVersionTable versions={list.data.items} />
        ) : (
          <p className={styles.empty}>{intl.formatMessage(sopMessages.empty)}</p>
        )
      ) : null}
    </section>
  );
}
