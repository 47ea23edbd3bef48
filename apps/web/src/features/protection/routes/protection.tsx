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
import { ChildrenCard } from '../components/children-card';
import { RemovalCard } from '../components/removal-card';
import { SafeguardsCard } from '../components/safeguards-card';
import { TraffickingCard } from '../components/trafficking-card';
import { protectionMessages as m } from '../messages';
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
      {data ? (
        <div className={styles.grid}>
          {data.trafficking !== undefined || mandates.has('trafficking') ? (
            <TraffickingCard api={api} caseId={caseId} record={data.trafficking ?? null} mandate={mandates.has('trafficking')} />
          ) : null}
          {data.removalOrders !== undefined || mandates.has('removal') ? <RemovalCard api={api} caseId={caseId} orders={data.removalOrders} mandate={mandates.has('removal')} /> : null}
          {data.bestInterests !== undefined || mandates.has('children') ? (
            <ChildrenCard
              api={api}
              caseId={caseId}
              guardians={data.guardians ?? []}
              bestInterests={data.bestInterests ?? []}
              ageAssessments={data.ageAssessments ?? []}
              mandate={mandates.has('children')}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
