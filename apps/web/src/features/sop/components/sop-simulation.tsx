import { useMutation } from '@tanstack/react-query';
import { ReactNode, useId, useState } from 'react';
import { IntlShape, useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, profileMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ChevronDown } from '../../../ui/icons';
import { StatusChip } from '../../../ui/status-chip';
import { readDuration } from '../diff-format';
import { ageBandMessages, sampleMessages, sopMessages } from '../messages';
import { inEnglish } from './sop-editor';
import { AgeBand, CaseSimulation, simulateSop, SimulationSource, SopRecentSimulationView, SopSimulationView, SopVersion } from '../sop-api';
import { ChangeGroup, groupRecentChanges, ProfileRoute, profileRoutes, RouteTo, unroutedReferrals } from '../simulation-routes';
import section from './sop-section.module.css';
import styles from './sop-simulation.module.css';

const sameRoute = (a: RouteTo, b: RouteTo): boolean => a.agency === b.agency && a.role === b.role && a.firstContact === b.firstContact;

/** A first-contact duration in words ("24 hours", "1 day 12 hours"); an unusual duration stays as written. */
export function within(intl: IntlShape, duration: string): string {
  const parsed = readDuration(duration);
  if (!parsed) return duration;
  const parts = [
    parsed.days ? intl.formatMessage(sopMessages.days, { count: parsed.days }) : null,
    parsed.hours || !parsed.days ? intl.formatMessage(sopMessages.hours, { count: parsed.hours }) : null,
  ].filter((part): part is string => part !== null);
  return parts.join(' ');
}

/** One version's referrals for a profile; beside the active version's, the lines that differ are marked. */
function Routes({ routes, found, against }: { routes: RouteTo[] | null; found: boolean; against?: RouteTo[] | null }) {
  const intl = useIntl();
  if (routes === null) return <span className={section.muted}>{intl.formatMessage(sopMessages.noActiveVersion)}</span>;
  if (!found) return <span className={section.muted}>{intl.formatMessage(sopMessages.notProfiled)}</span>;
  if (routes.length === 0) return <span className={section.muted}>{intl.formatMessage(sopMessages.noReferral)}</span>;
  return (
    <ul className={styles.routes}>
      {routes.map((route, index) => {
        const due = within(intl, route.firstContact);
        const lead = route.role === 'LEAD';
        const changed = against !== undefined && against !== null && !against.some((other) => sameRoute(other, route));
        return (
          <li key={index} className={[lead ? styles.lead : '', changed ? styles.changedRoute : ''].join(' ')}>
            {route.agency
              ? intl.formatMessage(lead ? sopMessages.routeLead : sopMessages.routeSupporting, { agency: <bdi key="agency">{route.agency}</bdi>, within: due })
              : intl.formatMessage(lead ? sopMessages.routeLeadNone : sopMessages.routeSupportingNone, { within: due })}
          </li>
        );
      })}
    </ul>
  );
}

/** A version's column head: a readable name, the version's code beside it, isolated so its digits and dots keep their order in Arabic. */
function columnLabels(intl: IntlShape, activeLabel: string | null, label: string) {
  const named = (name: string, code: string) => (
    <span className={styles.columnHead}>
      <span>{name}</span>
      <>
        {' '}
        <bdi dir="ltr" className={styles.versionCode}>
          {code}
        </bdi>
      </>
    </span>
  );
  return {
    profile: intl.formatMessage(sopMessages.colProfile),
    active: activeLabel === null ? intl.formatMessage(sopMessages.noActiveVersion) : named(intl.formatMessage(sopMessages.colActiveVersion), activeLabel),
    draft: named(intl.formatMessage(sopMessages.colThisVersion), label),
  };
}

/** Per profile, the routes under the active version and this one; on narrow screens each cell carries its column's name. */
function RoutesTable({ rows, labels }: { rows: ProfileRoute[]; labels: ReturnType<typeof columnLabels> }) {
  const intl = useIntl();
  const cellLabel = (label: ReactNode) => (
    <span className={styles.cellLabel} aria-hidden="true">
      {label}
    </span>
  );
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">{labels.profile}</th>
          <th scope="col">{labels.active}</th>
          <th scope="col">{labels.draft}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.profile} className={row.differs ? styles.differs : undefined}>
            <th scope="row">
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
            <td>
              {cellLabel(labels.active)}
              <Routes routes={row.active} found={row.inActive} />
            </td>
            <td>
              {cellLabel(labels.draft)}
              <Routes routes={row.draft} found={row.inDraft} against={row.inActive ? row.active : undefined} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A built-in sample's title in the user's language; a sample given to the api keeps its own (English) title. */
function SampleTitle({ sample }: { sample: CaseSimulation }) {
  const intl = useIntl();
  if (sample.code && Object.hasOwn(sampleMessages, sample.code)) return <>{intl.formatMessage(sampleMessages[sample.code as keyof typeof sampleMessages])}</>;
  return (
    <>
      <bdi lang="en" dir="ltr">
        {sample.name}
      </bdi>
      {inEnglish(intl.locale) ? null : <span className={styles.inEnglish}>{intl.formatMessage(sopMessages.inEnglish)}</span>}
    </>
  );
}

function SampleResults({ result }: { result: SopSimulationView }) {
  const intl = useIntl();
  const { summary, cases } = result.simulation;
  const labels = columnLabels(intl, result.active?.label ?? null, result.version.label);
  const unrouted = cases.map(unroutedReferrals);
  const total = unrouted.reduce((sum, u) => sum + u.total, 0);
  const alsoInActive = unrouted.reduce((sum, u) => sum + u.alsoInActive, 0);
  return (
    <div className={styles.results}>
      <p role="status" className={styles.summary}>
        {intl.formatMessage(sopMessages.simulateSummary, { cases: summary.cases, differ: summary.casesThatDiffer })}
      </p>
      {total > 0 ? (
        <Alert tone="warning">
          {result.active === null
            ? intl.formatMessage(sopMessages.simulateNoAgency, { count: total })
            : intl.formatMessage(sopMessages.simulateNoAgencySplit, { count: total, alsoInActive, fresh: total - alsoInActive })}
        </Alert>
      ) : null}
      {cases.map((sample, index) => {
        const differs = sample.differences.length > 0;
        const gaps = unrouted[index] ?? { total: 0, alsoInActive: 0 };
        const fresh = result.active === null || gaps.total > gaps.alsoInActive;
        return (
          <article key={index} className={styles.sample} aria-labelledby={`sample-${index}`}>
            {/* A sample routed as today is folded: what changes comes first to the eye. */}
            <details open={differs} className={styles.details}>
              <summary className={styles.sampleHead}>
                <ChevronDown />
                <h3 id={`sample-${index}`}>
                  <SampleTitle sample={sample} />
                </h3>
                <StatusChip tone={differs ? 'warning' : 'neutral'}>{intl.formatMessage(differs ? sopMessages.differentRouting : sopMessages.sameRouting)}</StatusChip>
                {gaps.total > 0 ? (
                  <StatusChip tone={fresh ? 'danger' : 'warning'}>{intl.formatMessage(fresh ? sopMessages.noAgencyNewBadge : sopMessages.noAgencyBadge)}</StatusChip>
                ) : null}
              </summary>
              <RoutesTable rows={profileRoutes(sample)} labels={labels} />
            </details>
          </article>
        );
      })}
    </div>
  );
}

const ADULT_BANDS: readonly AgeBand[] = ['FROM_18_TO_59', 'FROM_60'];

/** Recent cases whose routing changes alike: what changes, once; the cases with their age bands; a warning when adults would be led by child protection. */
function ChangedGroup({ group, labels, index }: { group: ChangeGroup; labels: ReturnType<typeof columnLabels>; index: number }) {
  const intl = useIntl();
  const count = group.cases.length;
  const profile = nameOf(intl, profileMessages, group.rows[0]?.profile ?? '');
  const agency = (name: string | null, key: string) => (name === null ? intl.formatMessage(sopMessages.noAgencyLeft) : <bdi key={key}>{name}</bdi>);
  const adults = group.cases.filter((c) => ADULT_BANDS.includes(c.ageBand)).length;
  return (
    <article className={styles.sample} aria-labelledby={`recent-${index}`}>
      <h4 id={`recent-${index}`} className={styles.caseHead}>
        {group.lead
          ? intl.formatMessage(sopMessages.groupLead, { count, profile, from: agency(group.lead.from, 'from'), to: agency(group.lead.to, 'to') })
          : intl.formatMessage(sopMessages.groupOther, { count, profile })}
      </h4>
      {group.lead?.toKind === 'CHILD_PROTECTION' && adults > 0 ? <Alert tone="warning">{intl.formatMessage(sopMessages.adultsToChildProtection, { count: adults })}</Alert> : null}
      <p className={styles.groupCasesTitle} id={`recent-${index}-cases`}>
        {intl.formatMessage(sopMessages.groupCases)}
      </p>
      <ul className={styles.caseList} aria-labelledby={`recent-${index}-cases`}>
        {group.cases.map((item) => (
          <li key={item.caseNumber}>
            <bdi dir="ltr" className={styles.caseNumber}>
              {item.caseNumber}
            </bdi>
            <>
              {' '}
              <span className={ADULT_BANDS.includes(item.ageBand) ? styles.adult : styles.ageBand}>{nameOf(intl, ageBandMessages, item.ageBand)}</span>
            </>
          </li>
        ))}
      </ul>
      <RoutesTable rows={group.rows} labels={labels} />
    </article>
  );
}

function RecentResults({ result }: { result: SopRecentSimulationView }) {
  const intl = useIntl();
  const labels = columnLabels(intl, result.active?.label ?? null, result.version.label);
  const groups = groupRecentChanges(result.cases);
  const id = useId();
  return (
    <div className={styles.results}>
      <p role="status" className={styles.summary}>
        {intl.formatMessage(sopMessages.recentSummary, { cases: result.summary.cases, days: result.period.days, changed: result.summary.changed })}
      </p>
      {result.truncated ? <p className={section.muted}>{intl.formatMessage(sopMessages.recentTruncated, { limit: result.limit })}</p> : null}
      {result.profiles.length > 0 ? (
        <section aria-labelledby={`${id}-profiles`} className={styles.block}>
          <h3 id={`${id}-profiles`}>{intl.formatMessage(sopMessages.byProfileTitle)}</h3>
          <div className={styles.countsFrame}>
            <table className={styles.counts}>
              <thead>
                <tr>
                  <th scope="col">{intl.formatMessage(sopMessages.colProfile)}</th>
                  <th scope="col">{intl.formatMessage(sopMessages.colCases)}</th>
                  <th scope="col">{intl.formatMessage(sopMessages.colChanged)}</th>
                  <th scope="col">{intl.formatMessage(sopMessages.colAgencyChanged)}</th>
                </tr>
              </thead>
              <tbody>
                {result.profiles.map((p) => (
                  <tr key={p.profile} className={p.changed > 0 ? styles.differs : undefined}>
                    <th scope="row">{nameOf(intl, profileMessages, p.profile)}</th>
                    <td>{intl.formatNumber(p.cases)}</td>
                    <td>{intl.formatNumber(p.changed)}</td>
                    <td>{intl.formatNumber(p.agencyChanged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby={`${id}-cases`} className={styles.block}>
        <h3 id={`${id}-cases`}>{intl.formatMessage(sopMessages.changedCasesTitle)}</h3>
        {groups.length === 0 ? <p className={section.muted}>{intl.formatMessage(sopMessages.noChangedCases)}</p> : null}
        {groups.map((group, index) => (
          <ChangedGroup key={group.cases[0]?.caseNumber ?? index} group={group} labels={labels} index={index} />
        ))}
      </section>
    </div>
  );
}

const SOURCES: { value: string; on: SimulationSource }[] = [
  { value: 'samples', on: { source: 'SAMPLES' } },
  { value: 'recent-7', on: { source: 'RECENT', days: 7 } },
  { value: 'recent-30', on: { source: 'RECENT', days: 30 } },
  { value: 'recent-90', on: { source: 'RECENT', days: 90 } },
];

/** Sample arrivals, or the recent cases, routed under the active version and this one, per profile, side by side. */
export function SopSimulation({ api, version }: { api: ApiClient; version: SopVersion }) {
  const intl = useIntl();
  const id = useId();
  const [source, setSource] = useState('samples');
  const run = useMutation({ mutationFn: (on: SimulationSource) => simulateSop(api, version.id, on) });
  const chosen: SimulationSource = SOURCES.find((s) => s.value === source)?.on ?? { source: 'SAMPLES' };
  return (
    <section aria-labelledby="sop-simulation" className={section.section}>
      <h2 id="sop-simulation">{intl.formatMessage(sopMessages.simulateTitle)}</h2>
      <p className={section.muted}>{intl.formatMessage(sopMessages.simulateIntro)}</p>
      <div className={styles.controls}>
        <div className={styles.source}>
          <label htmlFor={`${id}-source`}>{intl.formatMessage(sopMessages.simulateOn)}</label>
          <select id={`${id}-source`} className={styles.select} value={source} onChange={(event) => setSource(event.target.value)}>
            {SOURCES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.on.source === 'RECENT' ? intl.formatMessage(sopMessages.sourceRecent, { days: s.on.days }) : intl.formatMessage(sopMessages.sourceSamples)}
              </option>
            ))}
          </select>
        </div>
        <Button variant={run.data ? 'secondary' : 'primary'} onPress={() => run.mutate(chosen)} isDisabled={run.isPending}>
          {intl.formatMessage(run.data ? sopMessages.simulateAgain : sopMessages.simulate)}
        </Button>
      </div>
      {run.isError ? (
        <Alert>
          {intl.formatMessage(sopMessages.simulateFailed)} {describeError(intl, run.error)}
        </Alert>
      ) : null}
      {run.data ? run.data.source === 'RECENT' ? <RecentResults result={run.data} /> : <SampleResults result={run.data} /> : null}
    </section>
  );
}
