import { useMutation } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, profileMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ChevronDown } from '../../../ui/icons';
import { StatusChip } from '../../../ui/status-chip';
import { sopMessages } from '../messages';
import { inEnglish } from './sop-editor';
import { simulateSop, SopSimulationView, SopVersion } from '../sop-api';
import { profileRoutes, RouteTo } from '../simulation-routes';
import section from './sop-section.module.css';
import styles from './sop-simulation.module.css';

const sameRoute = (a: RouteTo, b: RouteTo): boolean => a.agency === b.agency && a.role === b.role && a.dueAt === b.dueAt;

/** One version's referrals for a profile; beside the active version's, the lines that differ are marked. */
function Routes({ routes, found, against }: { routes: RouteTo[] | null; found: boolean; against?: RouteTo[] | null }) {
  const intl = useIntl();
  if (routes === null) return <span className={section.muted}>{intl.formatMessage(sopMessages.noActiveVersion)}</span>;
  if (!found) return <span className={section.muted}>{intl.formatMessage(sopMessages.notProfiled)}</span>;
  if (routes.length === 0) return <span className={section.muted}>{intl.formatMessage(sopMessages.noReferral)}</span>;
  return (
    <ul className={styles.routes}>
      {routes.map((route, index) => {
        const due = intl.formatDate(route.dueAt, DATE_TIME);
        const lead = route.role === 'LEAD';
        const changed = against !== undefined && against !== null && !against.some((other) => sameRoute(other, route));
        return (
          <li key={index} className={[lead ? styles.lead : '', changed ? styles.changedRoute : ''].join(' ')}>
            {route.agency
              ? intl.formatMessage(lead ? sopMessages.routeLead : sopMessages.routeSupporting, { agency: <bdi key="agency">{route.agency}</bdi>, due })
              : intl.formatMessage(lead ? sopMessages.routeLeadNone : sopMessages.routeSupportingNone, { due })}
          </li>
        );
      })}
    </ul>
  );
}

function Results({ result }: { result: SopSimulationView }) {
  const intl = useIntl();
  const { summary, cases } = result.simulation;
  const activeLabel = result.active?.label ?? intl.formatMessage(sopMessages.noActiveVersion);
  const colProfile = intl.formatMessage(sopMessages.colProfile);
  // Plain text (the narrow layout shows it through CSS attr()), so the labels are isolated with FSI…PDI.
  const colActive = intl.formatMessage(sopMessages.colActive, { label: `\u2068${activeLabel}\u2069` });
  const colThis = intl.formatMessage(sopMessages.colThis, { label: `\u2068${result.version.label}\u2069` });
  return (
    <div className={styles.results}>
      <p role="status" className={styles.summary}>
        {intl.formatMessage(sopMessages.simulateSummary, { cases: summary.cases, differ: summary.casesThatDiffer })}
      </p>
      {summary.draftWithoutAgency > 0 ? <Alert tone="warning">{intl.formatMessage(sopMessages.simulateNoAgency, { count: summary.draftWithoutAgency })}</Alert> : null}
      {cases.map((sample, index) => {
        const rows = profileRoutes(sample);
        const differs = sample.differences.length > 0;
        return (
          <article key={index} className={styles.sample} aria-labelledby={`sample-${index}`}>
            {/* A sample routed as today is folded: what changes comes first to the eye. */}
            <details open={differs} className={styles.details}>
              <summary className={styles.sampleHead}>
                <ChevronDown />
                <h3 id={`sample-${index}`}>
                  {/* The api gives each invented sample an English title and no code to translate it from. */}
                  <bdi lang="en" dir="ltr">
                    {sample.name}
                  </bdi>
                  {inEnglish(intl.locale) ? null : <span className={styles.inEnglish}>{intl.formatMessage(sopMessages.inEnglish)}</span>}
                </h3>
                <StatusChip tone={differs ? 'warning' : 'neutral'}>{intl.formatMessage(differs ? sopMessages.differentRouting : sopMessages.sameRouting)}</StatusChip>
              </summary>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{colProfile}</th>
                  <th scope="col">
                    <bdi>{colActive}</bdi>
                  </th>
                  <th scope="col">
                    <bdi>{colThis}</bdi>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.profile} className={row.differs ? styles.differs : undefined}>
                    <th scope="row" data-label={colProfile}>
                      {nameOf(intl, profileMessages, row.profile)}
                      {row.differs ? (
                        <>
                          {' '}
                          <StatusChip tone="warning" className={styles.mark}>
                            {intl.formatMessage(sopMessages.changedMark)}
                          </StatusChip>
                        </>
                      ) : null}
                    </th>
                    <td data-label={colActive}>
                      <Routes routes={row.active} found={row.inActive} />
                    </td>
                    <td data-label={colThis}>
                      <Routes routes={row.draft} found={row.inDraft} against={row.inActive ? row.active : undefined} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </details>
          </article>
        );
      })}
    </div>
  );
}

/** Sample arrivals routed under the active version and this one, per profile, side by side. */
export function SopSimulation({ api, version }: { api: ApiClient; version: SopVersion }) {
  const intl = useIntl();
  const run = useMutation({ mutationFn: () => simulateSop(api, version.id) });
  return (
    <section aria-labelledby="sop-simulation" className={section.section}>
      <h2 id="sop-simulation">{intl.formatMessage(sopMessages.simulateTitle)}</h2>
      <p className={section.muted}>{intl.formatMessage(sopMessages.simulateIntro)}</p>
      <div>
        <Button variant={run.data ? 'secondary' : 'primary'} onPress={() => run.mutate()} isDisabled={run.isPending}>
          {intl.formatMessage(run.data ? sopMessages.simulateAgain : sopMessages.simulate)}
        </Button>
      </div>
      {run.isError ? (
        <Alert>
          {intl.formatMessage(sopMessages.simulateFailed)} {describeError(intl, run.error)}
        </Alert>
      ) : null}
      {run.data ? <Results result={run.data} /> : null}
    </section>
  );
}
