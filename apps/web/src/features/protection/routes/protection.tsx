import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { Alert } from '../../../ui/alert';
import { CaseNumber } from '../../../ui/case-number';
import { describeError } from '../../../i18n/error-messages';
import { can, meQuery } from '../../auth/me';
import { sectionMessages } from '../../cases/case-messages';
import { caseQuery } from '../../cases/case-view';
import { nameOf } from '../../../i18n/vocabulary';
import { AsylumCard } from '../components/asylum-card';
import { ChildrenCard } from '../components/children-card';
import { DetentionCard } from '../components/detention-card';
import { FlagsCard } from '../components/flags-card';
import { RemovalCard } from '../components/removal-card';
import { ReturnCard } from '../components/return-card';
import { SafeguardsCard } from '../components/safeguards-card';
import { TraffickingCard } from '../components/trafficking-card';
import { detentionMessages, legalMessages, protectionMessages as m, returnMessages } from '../messages';
import { lastDayOf, mandatesOf, protectionQuery, safeguardsQuery } from '../protection-api';
import styles from './protection.module.css';

export const Route = createFileRoute('/_signed-in/cases/$caseId/protection')({
  component: ProtectionPage,
});

/**
 * The case's protection records, each section as far as the reader's agency receives it, and the forms of the
 * records its agency is mandated to write; what the safeguards refuse now, and a refusal explained in words.
 */
function ProtectionPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { caseId } = Route.useParams();
  const me = useQuery(meQuery(api));
  const person = useQuery(caseQuery(api, caseId));
  const records = useQuery(protectionQuery(api, caseId));
  const safeguards = useQuery(safeguardsQuery(api, caseId));
  const mandates = mandatesOf(me.data?.agency.kind, can(me.data, 'CASE_RECORDS_WRITE'));
  const data = records.data;
  const period = data?.trafficking?.reflectionPeriod;
  const caseNumber = person.data?.caseNumber;
  // The sections the reader receives or writes, the reader's own mandate first.
  const cards = data
    ? [
        {
          mine: mandates.has('asylum'),
          title: m.asylumTitle,
          some: (data.asylumClaims ?? []).length > 0,
          shown: data.asylumClaims !== undefined || mandates.has('asylum'),
          node: <AsylumCard key="asylum" api={api} caseId={caseId} claims={data.asylumClaims ?? []} mandate={mandates.has('asylum')} />,
        },
        {
          mine: mandates.has('trafficking'),
          title: m.traffickingTitle,
          some: Boolean(data.trafficking),
          shown: data.trafficking !== undefined || mandates.has('trafficking'),
          node: <TraffickingCard key="trafficking" api={api} caseId={caseId} record={data.trafficking ?? null} mandate={mandates.has('trafficking')} />,
        },
        {
          mine: mandates.has('detention'),
          title: detentionMessages.title,
          some: (data.detentions ?? []).length > 0,
          shown: data.detentions !== undefined || mandates.has('detention'),
          node: <DetentionCard key="detention" api={api} caseId={caseId} episodes={data.detentions ?? []} mandate={mandates.has('detention')} mayOverride={can(me.data, 'SAFEGUARD_OVERRIDE')} />,
        },
        {
          mine: mandates.has('removal'),
          title: m.returnTitle,
          some: (data.removalOrders ?? []).length > 0,
          shown: data.removalOrders !== undefined || mandates.has('removal'),
          node: <RemovalCard key="removal" api={api} caseId={caseId} orders={data.removalOrders} mandate={mandates.has('removal')} />,
        },
        {
          mine: mandates.has('voluntaryReturn'),
          title: returnMessages.title,
          some: (data.voluntaryReturns ?? []).length > 0,
          shown: data.voluntaryReturns !== undefined || mandates.has('voluntaryReturn'),
          node: <ReturnCard key="return" api={api} caseId={caseId} returns={data.voluntaryReturns ?? []} mandate={mandates.has('voluntaryReturn')} />,
        },
        {
          mine: can(me.data, 'CASE_RECORDS_WRITE') && data.flags !== undefined,
          title: legalMessages.flagsTitle,
          some: (data.flags ?? []).length > 0,
          shown: data.flags !== undefined,
          node: (
            <FlagsCard
              key="flags"
              api={api}
              caseId={caseId}
              flags={data.flags ?? []}
              agency={me.data?.agency}
              mayWrite={can(me.data, 'CASE_RECORDS_WRITE')}
              mayOverride={can(me.data, 'SAFEGUARD_OVERRIDE')}
              blockedOffences={safeguards.data?.prosecution?.blockedOffences ?? []}
            />
          ),
        },
        {
          mine: mandates.has('children'),
          title: m.childrenTitle,
          some: [data.guardians, data.bestInterests, data.ageAssessments, data.familyTracing, data.reunifications, data.carePlacements].some((rows) => (rows ?? []).length > 0),
          shown: data.bestInterests !== undefined || mandates.has('children'),
          node: (
            <ChildrenCard
              key="children"
              api={api}
              caseId={caseId}
              guardians={data.guardians ?? []}
              bestInterests={data.bestInterests ?? []}
              ageAssessments={data.ageAssessments ?? []}
              tracing={data.familyTracing ?? []}
              reunifications={data.reunifications ?? []}
              placements={data.carePlacements ?? []}
              mandate={mandates.has('children')}
            />
          ),
        },
      ]
        .filter((card) => card.shown)
        .sort((a, b) => Number(b.mine) - Number(a.mine))
    : [];
  // Sections the reader receives but neither writes nor has anything in: named in one line, not as empty cards.
  const empty = cards.filter((card) => !card.mine && !card.some);

  return (
    <section aria-labelledby="protection-title" className={styles.page}>
      <Link to="/cases/$caseId" params={{ caseId }} className={styles.back}>
        {intl.formatMessage(m.back)}
      </Link>
      <h1 id="protection-title">{caseNumber ? intl.formatMessage(m.titleCase, { caseNumber: <CaseNumber key="caseNumber" caseNumber={caseNumber} /> }) : intl.formatMessage(m.title)}</h1>
      <p className={styles.intro}>{intl.formatMessage(m.intro)}</p>
      {records.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, records.error)}
        </Alert>
      ) : null}
      {data && data.withheld.length > 0 ? (
        <Alert tone="info">
          {intl.formatMessage(m.withheld, { sections: intl.formatList(data.withheld.map((group) => nameOf(intl, sectionMessages, group)), { type: 'conjunction' }) })}
        </Alert>
      ) : null}
      {safeguards.data ? <SafeguardsCard status={safeguards.data} reflectionUntil={period && !period.endedOn ? lastDayOf(period.endsOn) : undefined} /> : null}
      {data ? <div className={styles.grid}>{cards.filter((card) => card.mine || card.some).map((card) => card.node)}</div> : null}
      {empty.length > 0 ? (
        <p className={styles.intro} data-testid="nothing-recorded">
          {intl.formatMessage(m.nothingIn, { sections: intl.formatList(empty.map((card) => intl.formatMessage(card.title)), { type: 'conjunction' }) })}
        </p>
      ) : null}
    </section>
  );
}
