import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { DueTime } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateField, TimeField } from '../../../ui/date-field';
import { Section } from '../../cases/components/case-record';
import { taskName } from '../../tasks/components/task-list';
import { taskMessages } from '../../tasks/messages';
import { SELF_CLOSING } from '../../tasks/tasks-api';
import { agencyOptionsQuery, CaseTask, caseTasksQuery, Colleague, orderTasks, today, zonedDateTime } from '../casework-api';
import { workspaceMessages as m } from '../messages';
import styles from './workspace.module.css';

/**
 * The case's tasks: open ones first, soonest due first (overdue marked), each with "Done" where the agency
 * holds it; closed ones after. A caseworker adds their own task with a due date; a manager may give it to a colleague.
 */
export function TasksSection({
  api,
  caseId,
  me,
  canManage,
  colleagues,
  formOpen,
  onFormOpenChange,
}: {
  api: ApiClient;
  caseId: string;
  me: { id: string; agencyId: string };
  canManage: boolean;
  /** The agency's users, when the reader may assign (else tasks go to the agency or to the reader). */
  colleagues: readonly Colleague[] | undefined;
  formOpen: boolean;
  onFormOpenChange: (open: boolean) => void;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const tasks = useQuery(caseTasksQuery(api, caseId));
  // To name the agency that holds another's task (the case page reads the same list for its timeline).
  const agencies = useQuery(agencyOptionsQuery(api));
  const [notice, setNotice] = useState('');
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['case', caseId] }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]);
  const complete = useMutation({
    mutationFn: (task: CaseTask) => unwrap<CaseTask>(api.POST('/api/v1/tasks/{taskId}/complete', { params: { path: { taskId: task.id } }, body: {} })),
    onSuccess: (_, task) => {
      setNotice(intl.formatMessage(taskMessages.done, { task: taskName(intl, task) }));
      void refresh();
    },
  });
  const all = orderTasks(tasks.data ?? []);
  const otherHolder = (agencyId: string | null) => {
    const agency = agencyId ? agencies.data?.find((candidate) => candidate.id === agencyId)?.name : undefined;
    return agency ? intl.formatMessage(m.taskHeldBy, { agency: <bdi key="agency">{agency}</bdi> }) : intl.formatMessage(m.taskOtherHolder);
  };
  const nameOfUser = (userId: string | null): string | null =>
    userId === null ? null : userId === me.id ? intl.formatMessage(m.taskForMe) : (colleagues?.find((colleague) => colleague.id === userId)?.displayName ?? null);

  return (
    <Section id="casework-tasks-title" title={intl.formatMessage(m.tasks)}>
      {canManage && formOpen ? (
        <AddTaskForm
          api={api}
          caseId={caseId}
          me={me}
          colleagues={colleagues}
          onDone={() => {
            setNotice(intl.formatMessage(m.saved));
            onFormOpenChange(false);
            void refresh();
          }}
          onCancel={() => onFormOpenChange(false)}
        />
      ) : canManage ? (
        <div className={styles.buttons}>
          <Button variant="secondary" onPress={() => onFormOpenChange(true)}>
            {intl.formatMessage(m.jumpTask)}
          </Button>
        </div>
      ) : null}
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {tasks.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, tasks.error)}
        </Alert>
      ) : null}
      {complete.isError ? (
        <Alert>
          {intl.formatMessage(taskMessages.actionFailed)} {describeError(intl, complete.error)}
        </Alert>
      ) : null}
      {tasks.isSuccess && all.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.noTasks)}</p> : null}
      {all.length > 0 ? (
        <ul className={styles.list} aria-labelledby="casework-tasks-title">
          {all.map((task) => {
            const open = task.status === 'OPEN';
            const ours = task.holder.agencyId === me.agencyId;
            const holder = nameOfUser(task.assignedTo);
            return (
              <li key={task.id} className={!open ? styles.closedItem : task.overdue ? styles.late : undefined}>
                <div className={styles.item}>
                  <span className={styles.itemTitle}>{taskName(intl, task)}</span>
                  <span className={`${styles.meta} ${styles.dots}`}>
                    {open && task.overdue ? <span>{intl.formatMessage(taskMessages.overdue)}</span> : null}
                    <span>{open ? intl.formatMessage(taskMessages.due, { time: <DueTime key="due" intl={intl} at={task.dueAt} /> }) : intl.formatMessage(m.taskStatus, { status: task.status })}</span>
                    {holder ? <span>{intl.formatMessage(m.taskAssignedTo, { name: <bdi key="name">{holder}</bdi> })}</span> : null}
                    {ours ? null : <span>{otherHolder(task.holder.agencyId)}</span>}
                  </span>
                </div>
                {open && ours && canManage && !SELF_CLOSING.has(task.kind) ? (
                  <Button
                    variant="secondary"
                    aria-label={intl.formatMessage(m.completeLabel, { task: taskName(intl, task) })}
                    isDisabled={complete.isPending}
                    onPress={() => {
                      setNotice('');
                      complete.mutate(task);
                    }}
                  >
                    {intl.formatMessage(m.complete)}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Section>
  );
}

function AddTaskForm({
  api,
  caseId,
  me,
  colleagues,
  onDone,
  onCancel,
}: {
  api: ApiClient;
  caseId: string;
  me: { id: string };
  colleagues: readonly Colleague[] | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const [title, setTitle] = useState('');
  const [day, setDay] = useState(today());
  const [time, setTime] = useState('17:00');
  const [assignee, setAssignee] = useState(me.id);
  const [problem, setProblem] = useState(false);
  const add = useMutation({
    mutationFn: (dueAt: string) =>
      unwrap<CaseTask>(
        api.POST('/api/v1/cases/{id}/tasks', {
          params: { path: { id: caseId } },
          body: { title: title.trim(), dueAt, ...(assignee ? { assignedTo: assignee } : {}) },
        }),
      ),
    onSuccess: () => onDone(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dueAt = zonedDateTime(day, time);
    if (title.trim().length < 3 || !dueAt) {
      setProblem(true);
      return;
    }
    add.mutate(dueAt);
  };
  const others = (colleagues ?? []).filter((colleague) => colleague.active && colleague.id !== me.id);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={intl.formatMessage(m.jumpTask)}>
      <label className={`${styles.field} ${styles.wide}`}>
        <span>{intl.formatMessage(m.taskTitle)}</span>
        <input
          // The form opens on the user's request ("Add a task"): the title takes the focus.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          value={title}
          maxLength={200}
          aria-invalid={problem || undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setProblem(false);
          }}
        />
      </label>
      <DateField className={styles.field} label={intl.formatMessage(m.taskDueDay)} value={day} onChange={setDay} />
      <TimeField className={styles.field} label={intl.formatMessage(m.taskDueTime)} value={time} onChange={setTime} />
      <label className={styles.field}>
        <span>{intl.formatMessage(m.taskAssignee)}</span>
        <select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
          <option value={me.id}>{intl.formatMessage(m.taskForMe)}</option>
          <option value="">{intl.formatMessage(m.taskForAgency)}</option>
          {others.map((colleague) => (
            <option key={colleague.id} value={colleague.id}>
              {colleague.displayName}
            </option>
          ))}
        </select>
      </label>
      {problem ? (
        <p className={styles.problem} role="alert">
          {intl.formatMessage(m.taskInvalid)}
        </p>
      ) : null}
      {add.isError ? (
        <Alert>
          {intl.formatMessage(m.failed)} {describeError(intl, add.error)}
        </Alert>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" isDisabled={add.isPending}>
          {intl.formatMessage(m.addTask)}
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </div>
    </form>
  );
}
