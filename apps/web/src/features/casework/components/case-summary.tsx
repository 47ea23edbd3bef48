import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { DueTime } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { taskName } from '../../tasks/components/task-list';
import { assigneeOf, CaseTask, caseTasksQuery, Responsibility, responsibilityQuery } from '../casework-api';
import { workspaceMessages as m } from '../messages';
import styles from './workspace.module.css';

/** This agency's open tasks on the case: the soonest due first, and how many are overdue. */
export function taskSummary(tasks: readonly CaseTask[], agencyId: string): { next: CaseTask | null; overdue: number } {
  const ours = tasks.filter((task) => task.status === 'OPEN' && task.holder.agencyId === agencyId).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { next: ours[0] ?? null, overdue: ours.filter((task) => task.overdue).length };
}

/**
 * The workspace's summary strip under the case title: the next task and when it is due, how many are
 * overdue, the lead agency (and a lead transfer waiting for this agency), and who holds the case here,
 * with "Assign to me" for whoever may assign.
 */
export function CaseSummary({ api, caseId, me, canAssign }: { api: ApiClient; caseId: string; me: { id: string; agencyId: string }; canAssign: boolean }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const tasks = useQuery(caseTasksQuery(api, caseId));
  const responsibility = useQuery(responsibilityQuery(api, caseId));
  const assign = useMutation({
    mutationFn: () => unwrap<Responsibility>(api.PUT('/api/v1/cases/{id}/assignment', { params: { path: { id: caseId } }, body: { userId: me.id } })),
    onSuccess: (view) => {
      queryClient.setQueryData(responsibilityQuery(api, caseId).queryKey, view);
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const { next, overdue } = taskSummary(tasks.data ?? [], me.agencyId);
  const view = responsibility.data;
  const assignee = assigneeOf(view, me.agencyId);
  const waiting = view?.transfers.some((transfer) => transfer.status === 'PROPOSED' && transfer.toAgency.id === me.agencyId) ?? false;
  return (
    <section className={styles.summary} aria-label={intl.formatMessage(m.summary)}>
      <dl className={styles.summaryList}>
        <div className={next?.overdue ? styles.summaryLate : undefined}>
          <dt>{intl.formatMessage(m.summaryNext)}</dt>
          <dd>
            {tasks.isSuccess
              ? next
                ? intl.formatMessage(m.summaryNextTask, { task: <bdi key="task">{taskName(intl, next)}</bdi>, due: <DueTime key="due" intl={intl} at={next.dueAt} /> })
                : intl.formatMessage(m.summaryNoTask)
              : null}
          </dd>
        </div>
        <div className={overdue > 0 ? styles.summaryLate : undefined}>
          <dt>{intl.formatMessage(m.summaryOverdue)}</dt>
          <dd>{tasks.isSuccess ? intl.formatNumber(overdue) : null}</dd>
        </div>
        <div>
          <dt>{intl.formatMessage(m.lead)}</dt>
          <dd>{view ? (view.lead ? <bdi>{view.lead.agencyName}</bdi> : intl.formatMessage(m.noLead)) : null}</dd>
        </div>
        {waiting ? (
          <div className={styles.summaryLate}>
            <dt>{intl.formatMessage(m.summaryTransfer)}</dt>
            <dd>
              <a href="#responsibility-title">{intl.formatMessage(m.summaryTransferWaiting)}</a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{intl.formatMessage(m.caseworker)}</dt>
          <dd className={styles.summaryAssignee}>
            {view ? assignee?.userId === me.id ? intl.formatMessage(m.summaryYou) : assignee ? <bdi>{assignee.displayName}</bdi> : intl.formatMessage(m.unassigned) : null}
            {canAssign && view && assignee?.userId !== me.id ? (
              <Button variant="secondary" isPending={assign.isPending} onPress={() => assign.mutate()}>
                {intl.formatMessage(m.assignToMe)}
              </Button>
            ) : null}
          </dd>
        </div>
      </dl>
      {assign.isError ? (
        <Alert>
          {intl.formatMessage(m.assignFailed)} {describeError(intl, assign.error)}
        </Alert>
      ) : null}
    </section>
  );
}
