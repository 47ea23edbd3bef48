import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { isolatedList } from '../../../i18n/isolated-list';
import { Alert } from '../../../ui/alert';
import { can, meQuery } from '../../auth/me';
import { TaskList } from '../components/task-list';
import { taskMessages } from '../messages';
import styles from './tasks.module.css';

/** The user's open tasks, soonest due first. */
export const Route = createFileRoute('/_signed-in/tasks')({
  component: Tasks,
});

function Tasks() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const me = useQuery(meQuery(api));
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  const points = me.data.borderPoints.map((point) => point.name);
  return (
    <section aria-labelledby="tasks-title" className={styles.section}>
      <h1 id="tasks-title">{intl.formatMessage(taskMessages.title)}</h1>
      <p className={styles.intro}>
        {points.length > 0 ? intl.formatMessage(taskMessages.intro, { borderPoints: isolatedList(intl, points) }) : intl.formatMessage(taskMessages.introAgency)}
      </p>
      <TaskList api={api} canManage={can(me.data, 'CASE_MANAGE')} />
    </section>
  );
}
