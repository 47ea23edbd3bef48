import { useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { isolatedList } from '../../../i18n/isolated-list';
import { Alert } from '../../../ui/alert';
import { can, meQuery } from '../../auth/me';
import { AccountSummary } from '../components/account-summary';
import { AgencyDirectory } from '../components/agency-directory';
import { validateCaseFilters } from '../case-filters';
import { CaseList } from '../components/case-list';
import { caseMessages } from '../messages';
import styles from './home.module.css';

/**
 * The first page after sign-in: the cases the user may see, or (for roles without access to cases) their
 * account and the referral network's agencies.
 */
export const Route = createFileRoute('/_signed-in/')({
  validateSearch: validateCaseFilters,
  component: Home,
});

function Home() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const me = useQuery(meQuery(api));
  const filters = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  if (!can(me.data, 'CASES_READ')) {
    return (
      <div className={styles.stack}>
        <AccountSummary me={me.data} />
        <AgencyDirectory api={api} />
      </div>
    );
  }
  const borderPoints = isolatedList(intl, me.data.borderPoints.map((point) => point.name));
  return (
    <section aria-labelledby="cases-title" className={styles.section}>
      <h1 id="cases-title">{intl.formatMessage(caseMessages.title)}</h1>
      <p className={styles.intro}>
        {me.data.borderPoints.length > 0 ? intl.formatMessage(caseMessages.intro, { borderPoints }) : intl.formatMessage(caseMessages.introAgency)}
      </p>
      <CaseList api={api} filters={filters} onFiltersChange={(next) => void navigate({ search: next, replace: true })} borderPoints={me.data.borderPoints} />
    </section>
  );
}
