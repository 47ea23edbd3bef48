import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { DueTime } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { AlertIcon } from '../../../ui/icons';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { taskKindMessages, taskMessages } from '../messages';
import { SELF_CLOSING, Task, tasksQuery } from '../tasks-api';
import styles from './task-list.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip } from '../../../ui/status-chip';

/** What a task is called: its kind, or for a caseworker's own task its title. */
export function taskName(intl: ReturnType<typeof useIntl>, task: Pick<Task, 'kind' | 'title'>): string {
  if (task.kind === 'CUSTOM' && task.title) return task.title;
  if (!Object.hasOwn(taskKindMessages, task.kind) && task.title) return task.title;
  return nameOf(intl, taskKindMessages, task.kind);
}

/**
 * The user's open tasks, soonest due first: each names its case, its due time (overdue marked), and links
 * to where it is done; tasks that do not close themselves can be marked done, and any can be cancelled with a reason.
 */
export function TaskList({ api, canManage }: { api: ApiClient; canManage: boolean }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const tasks = useInfiniteQuery(tasksQuery(api));
  const all = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  const [cancelling, setCancelling] = useState<Task | null>(null);
  const [notice, setNotice] = useState('');

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tasks'] });
  const complete = useMutation({
    mutationFn: (task: Task) => unwrap<Task>(api.POST('/api/v1/tasks/{taskId}/complete', { params: { path: { taskId: task.id } }, body: {} })),
    onSuccess: (_, task) => {
      setNotice(intl.formatMessage(taskMessages.done, { task: taskName(intl, task) }));
      void refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: ({ task, reason }: { task: Task; reason: string }) =>
      unwrap<Task>(api.POST('/api/v1/tasks/{taskId}/cancel', { params: { path: { taskId: task.id } }, body: { reason } })),
    onSuccess: (_, { task }) => {
      setCancelling(null);
      setNotice(intl.formatMessage(taskMessages.cancelled, { task: taskName(intl, task) }));
      void refresh();
    },
  });
  const overdue = all.filter((task) => task.overdue).length;

  return (
    <div className={styles.wrap}>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {tasks.isError ? (
        <Alert>
          {intl.formatMessage(taskMessages.loadFailed)} {describeError(intl, tasks.error)}
        </Alert>
      ) : null}
      {complete.isError ? (
        <Alert>
          {intl.formatMessage(taskMessages.actionFailed)} {describeError(intl, complete.error)}
        </Alert>
      ) : null}
      {tasks.isSuccess && all.length === 0 ? <p className={styles.empty}>{intl.formatMessage(taskMessages.empty)}</p> : null}
      {all.length > 0 ? (
        <>
          <p className={styles.count}>{intl.formatMessage(taskMessages.shown, { shown: all.length, overdue, more: String(tasks.hasNextPage) })}</p>
          <ul className={styles.list}>
            {all.map((task) => (
              <li key={task.id} className={`${styles.task} ${task.overdue ? styles.late : ''}`}>
                <div className={styles.main}>
                  <h2 className={styles.name}>{taskName(intl, task)}</h2>
                  <p className={styles.meta}>
                    <Link to="/cases/$caseId" params={{ caseId: task.caseId }} className={styles.caseLink}>
                      {intl.formatMessage(taskMessages.caseLink, { caseNumber: <CaseNumber key="number" caseNumber={task.caseNumber} /> })}
                    </Link>
                  </p>
                  <p className={styles.due}>
                    {task.overdue ? (
                      <StatusChip tone="danger">
                        <AlertIcon />
                        {intl.formatMessage(taskMessages.overdue)}
                      </StatusChip>
                    ) : null}
                    <span>{intl.formatMessage(taskMessages.due, { time: <DueTime key="due" intl={intl} at={task.dueAt} /> })}</span>
                  </p>
                </div>
                <div className={styles.actions}>
                  <WhereDone task={task} />
                  {canManage && !SELF_CLOSING.has(task.kind) ? (
                    <Button
                      variant="secondary"
                      onPress={() => complete.mutate(task)}
                      isDisabled={complete.isPending}
                      aria-label={intl.formatMessage(taskMessages.markDoneLabel, { task: taskName(intl, task), caseNumber: task.caseNumber })}
                    >
                      {intl.formatMessage(taskMessages.markDone)}
                    </Button>
                  ) : null}
                  {canManage ? (
                    <Button
                      variant="quiet"
                      onPress={() => {
                        cancel.reset();
                        setCancelling(task);
                      }}
                      aria-label={intl.formatMessage(taskMessages.cancelLabel, { task: taskName(intl, task), caseNumber: task.caseNumber })}
                    >
                      {intl.formatMessage(taskMessages.cancel)}
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {tasks.hasNextPage ? (
        <Button variant="secondary" onPress={() => void tasks.fetchNextPage()} isDisabled={tasks.isFetchingNextPage}>
          {intl.formatMessage(taskMessages.loadMore)}
        </Button>
      ) : null}
      <ReasonDialog
        key={cancelling?.id ?? 'none'}
        isOpen={cancelling !== null}
        onClose={() => setCancelling(null)}
        onConfirm={(reason) => cancelling && cancel.mutate({ task: cancelling, reason })}
        title={intl.formatMessage(taskMessages.cancelTitle)}
        body={cancelling ? intl.formatMessage(taskMessages.cancelBody, { task: taskName(intl, cancelling), caseNumber: cancelling.caseNumber }) : ''}
        confirmLabel={intl.formatMessage(taskMessages.cancelConfirm)}
        minLength={3}
        pending={cancel.isPending}
        error={cancel.isError ? describeError(intl, cancel.error) : undefined}
      />
    </div>
  );
}

/** The link to where the task is done: the consent page, the completion form, or the case. */
function WhereDone({ task }: { task: Task }) {
  const intl = useIntl();
  if (task.kind === 'OBTAIN_CONSENT') {
    return (
      <Link to="/cases/$caseId/consent" params={{ caseId: task.caseId }} className={styles.doIt}>
        {intl.formatMessage(taskMessages.recordConsent)}
      </Link>
    );
  }
  if (task.kind === 'COMPLETE_INTAKE') {
    return (
      <Link to="/cases/$caseId/complete" params={{ caseId: task.caseId }} className={styles.doIt}>
        {intl.formatMessage(taskMessages.completeRecord)}
      </Link>
    );
  }
  return (
    <Link to="/cases/$caseId" params={{ caseId: task.caseId }} className={styles.doIt}>
      {intl.formatMessage(taskMessages.openCase)}
    </Link>
  );
}
