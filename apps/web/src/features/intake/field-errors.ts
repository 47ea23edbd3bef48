import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { FieldProblem } from '../../api/api-error';
import { controlFor, Problem } from './form-state';
import { intakeMessages } from './messages';

/**
 * The form's field errors by api path: the client's own checks (translated), or a 400's field problems
 * placed on the control that shows them (the deepest `data-field-path` that the problem's path starts with).
 * Problems no control shows are kept apart for the summary.
 */
export function useFieldErrors() {
  const intl = useIntl();
  const [errors, setErrors] = useState<Map<string, string[]>>(new Map());
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const showClientProblems = useCallback(
    (problems: readonly Problem[]) => {
      const next = new Map<string, string[]>();
      for (const problem of problems) next.set(problem.path, [...(next.get(problem.path) ?? []), intl.formatMessage(intakeMessages[problem.code], problem.values)]);
      setErrors(next);
      setUnplaced([]);
    },
    [intl],
  );

  const showServerProblems = useCallback(
    (fields: readonly FieldProblem[], root: HTMLElement | null) => {
      const controls = [...(root?.querySelectorAll<HTMLElement>('[data-field-path]') ?? [])].map((el) => el.dataset.fieldPath ?? '');
      const next = new Map<string, string[]>();
      const rest: string[] = [];
      for (const field of fields) {
        const text = intl.formatMessage(intakeMessages.serverProblem, { detail: field.problem });
        const control = controlFor(field.path, controls);
        if (control) next.set(control, [...(next.get(control) ?? []), text]);
        else rest.push(`${field.path}: ${field.problem}`);
      }
      setErrors(next);
      setUnplaced(rest);
    },
    [intl],
  );

  const clear = useCallback(() => {
    setErrors(new Map());
    setUnplaced([]);
  }, []);

  const errorsFor = useCallback((path: string) => errors.get(path), [errors]);
  return { errors, unplaced, errorsFor, showClientProblems, showServerProblems, clear, count: [...errors.values()].reduce((n, list) => n + list.length, 0) + unplaced.length };
}
