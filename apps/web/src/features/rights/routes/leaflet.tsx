import { useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { leafletLanguageNames, leafletMessages as m } from '../messages';
import { isLeafletLanguage, LEAFLET_LANGUAGES, leafletQuery } from '../rights-api';
import styles from './leaflet.module.css';

export const Route = createFileRoute('/_signed-in/leaflets/$language')({
  component: LeafletPage,
});

type Paper = 'A4' | 'A5';

/**
 * The rights leaflet in the person's language, its own direction whatever the UI's, to show on screen
 * (large text on request) or print without the app around it (A4 or A5).
 */
function LeafletPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { language } = Route.useParams();
  const navigate = useNavigate();
  const [large, setLarge] = useState(false);
  const [paper, setPaper] = useState<Paper>('A4');
  const known = isLeafletLanguage(language);
  const leaflet = useQuery({ ...leafletQuery(api, language), enabled: known });
  const missing = !known || (leaflet.error instanceof ApiError && leaflet.error.status === 404);

  return (
    <section aria-labelledby="leaflet-page-title" className={`${styles.page} ${large ? styles.large : ''} ${paper === 'A5' ? styles.a5 : ''}`}>
      <div className={styles.tools}>
        <h1 id="leaflet-page-title" className={styles.pageTitle}>
          {intl.formatMessage(m.pageTitle)}
        </h1>
        <p className={styles.intro}>{intl.formatMessage(m.intro)}</p>
        <div className={styles.controls}>
          <label className={styles.field}>
            <span>{intl.formatMessage(m.language)}</span>
            <select value={known ? language : ''} onChange={(event) => void navigate({ to: '/leaflets/$language', params: { language: event.target.value } })}>
              {!known ? <option value="" disabled /> : null}
              {LEAFLET_LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {intl.formatMessage(leafletLanguageNames[code])}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span>{intl.formatMessage(m.paper)}</span>
            <select value={paper} onChange={(event) => setPaper(event.target.value as Paper)}>
              <option value="A4">{intl.formatMessage(m.paperA4)}</option>
              <option value="A5">{intl.formatMessage(m.paperA5)}</option>
            </select>
          </label>
          <Button variant="secondary" aria-pressed={large} onPress={() => setLarge(!large)}>
            {intl.formatMessage(m.largeText)}
          </Button>
          <Button onPress={() => window.print()} isDisabled={!leaflet.data}>
            {intl.formatMessage(m.print)}
          </Button>
        </div>
      </div>

      {missing ? <Alert tone="warning">{intl.formatMessage(m.notFound)}</Alert> : null}
      {leaflet.isError && !missing ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, leaflet.error)}
        </Alert>
      ) : null}

      {/* Before the leaflet: the official reads this before handing it over. */}
      {leaflet.data?.reviewStatus === 'NATIVE_REVIEW_PENDING' ? (
        <p className={styles.review} role="note">
          {intl.formatMessage(m.reviewPending)}
        </p>
      ) : null}
      {leaflet.data ? (
        <article className={styles.leaflet} lang={leaflet.data.language} dir={leaflet.data.direction} aria-labelledby="leaflet-title">
          <header className={styles.leafletHead}>
            <h2 id="leaflet-title" className={styles.leafletTitle}>
              {leaflet.data.title}
            </h2>
          </header>
          {leaflet.data.sections.map((section) => (
            <section key={section.topic} className={styles.section} data-topic={section.topic}>
              <h3>{section.heading}</h3>
              {section.body.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </section>
          ))}
        </article>
      ) : null}
      {leaflet.data ? (
        <footer className={styles.meta}>
          <p className={styles.version}>
            {intl.formatMessage(m.version, {
              language: (
                <span key="language" lang={leaflet.data.language}>
                  {intl.formatMessage(leafletLanguageNames[language as keyof typeof leafletLanguageNames])}
                </span>
              ),
              version: <bdi key="version">{leaflet.data.version}</bdi>,
            })}
          </p>
        </footer>
      ) : null}
    </section>
  );
}
