import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { SopEditor } from '../components/sop-editor';
import { sopMessages } from '../messages';
import { activeSopQuery } from '../sop-api';
import styles from './sop-pages.module.css';

/** A new version in an editor, started from the active version's document; checked, then uploaded as a draft. */
export const Route = createFileRoute('/_signed-in/sops/new')({
  component: NewSop,
});

function NewSop() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const active = useQuery({ ...activeSopQuery(api), staleTime: Infinity, refetchOnWindowFocus: false });
  return (
    <section aria-labelledby="new-sop-title" className={styles.section}>
      <Link to="/sops" className={styles.back}>
        {intl.formatMessage(sopMessages.allVersions)}
      </Link>
      <h1 id="new-sop-title">{intl.formatMessage(sopMessages.newTitle)}</h1>
      {active.isError ? <Alert>{describeError(intl, active.error)}</Alert> : null}
      {active.isSuccess ? (
        <>
          <p className={styles.intro}>
            {active.data
              ? intl.formatMessage(sopMessages.newIntro, {
                  label: (
                    <bdi key="label" dir="ltr" className={styles.versionLabel}>
                      {active.data.label}
                    </bdi>
                  ),
                })
              : intl.formatMessage(sopMessages.newIntroEmpty)}
          </p>
          <SopEditor api={api} initial={active.data ? JSON.stringify(active.data.document, null, 2) : ''} />
        </>
      ) : null}
    </section>
  );
}
