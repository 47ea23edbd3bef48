import { createContext, FormEvent, ReactNode, useContext, useId } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateField, TimeField } from '../../../ui/date-field';
import { stepMessages as s } from '../messages';
import { problemPaths } from '../protection-api';
import { RefusalAlert } from './refusal-alert';
import styles from './step-dialog.module.css';

/** The message under each field the api's 400 named (by the field's api path). */
const ProblemContext = createContext<ReadonlyMap<string, string>>(new Map());

interface Props {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  /** danger: the step ends or stops something (an episode, a tracing, a placement). */
  tone?: 'primary' | 'danger';
  pending: boolean;
  /** The api's answer to the last attempt: a 400 goes under the fields it names, anything else is explained in words. */
  error: unknown;
  /** What to say under each field (by its api path) when the api's 400 names it. */
  problems: Readonly<Record<string, string>>;
  onSubmit: () => void;
  /** false while a required choice is still unmade: the submit button waits, and says why. */
  ready?: boolean;
  children: ReactNode;
}

/**
 * One follow-up step of a record, asked deliberately in a dialog: nothing is written until it is confirmed;
 * the api checks the fields, and each one it refuses is named under the field, in the UI language.
 */
export function StepDialog({ isOpen, onClose, title, intro, submitLabel, tone = 'primary', pending, error, problems, onSubmit, ready = true, children }: Props) {
  const intl = useIntl();
  const bad = error instanceof ApiError && error.status === 400 && error.fields.length > 0 ? problemPaths(error.fields, Object.keys(problems)) : null;
  const messages = new Map<string, string>();
  for (const path of bad?.placed ?? []) messages.set(path, problems[path] ?? intl.formatMessage(s.checkField));
  const waitId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onSubmit();
  };
  return (
    <ModalOverlay className={styles.overlay} isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          {intro ? <p className={styles.intro}>{intro}</p> : null}
          <ProblemContext.Provider value={messages}>
            <form onSubmit={submit} className={styles.form} noValidate>
              {children}
              {bad ? (
                <Alert>
                  <p className={styles.alertLine}>{intl.formatMessage(s.fixFields, { count: bad.placed.size + bad.unplaced.length })}</p>
                  {bad.unplaced.length > 0 ? <p className={styles.alertLine}>{intl.formatMessage(s.otherFields)}</p> : null}
                </Alert>
              ) : error ? (
                <RefusalAlert error={error} />
              ) : null}
              {ready ? null : (
                <p id={waitId} className={styles.hint}>
                  {intl.formatMessage(s.chooseFirst)}
                </p>
              )}
              <div className={styles.buttons}>
                <Button type="submit" variant={tone} isDisabled={pending || !ready} aria-describedby={ready ? undefined : waitId}>
                  {submitLabel}
                </Button>
                <Button variant="quiet" onPress={onClose} isDisabled={pending}>
                  {intl.formatMessage(s.cancel)}
                </Button>
              </div>
            </form>
          </ProblemContext.Provider>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The id of a field's problem, and its text, when the api named the field. */
function useProblem(path: string, id: string): { problem?: string; describedBy?: string; invalid: boolean; node: ReactNode } {
  const problem = useContext(ProblemContext).get(path);
  return {
    problem,
    invalid: Boolean(problem),
    describedBy: problem ? `${id}-problem` : undefined,
    node: problem ? (
      <span id={`${id}-problem`} className={styles.problem}>
        {problem}
      </span>
    ) : null,
  };
}

const describedBy = (...ids: (string | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

interface FieldProps {
  /** The api's path of the field (its 400 names it so). */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  required?: boolean;
}

/** A labelled native input (a date or a time is a StepDate or a StepTime instead). */
export function StepInput({
  path,
  label,
  value,
  onChange,
  hint,
  required,
  type = 'text',
  min,
  max,
  maxLength,
}: FieldProps & { type?: 'text' | 'number'; min?: number; max?: number; maxLength?: number }) {
  const id = useId();
  const p = useProblem(path, id);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={styles.input}
        type={type}
        value={value}
        min={min}
        max={max}
        maxLength={maxLength}
        aria-required={required || undefined}
        aria-invalid={p.invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, p.describedBy)}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {p.node}
    </div>
  );
}

/** A date (`YYYY-MM-DD`) in the UI language's order and digits; the api's problem for its path marks it and shows under it. */
export function StepDate({ path, label, value, onChange, hint, required, min, max }: FieldProps & { min?: string; max?: string }) {
  const problem = useContext(ProblemContext).get(path);
  return (
    <DateField
      className={styles.field}
      label={label}
      value={value}
      onChange={onChange}
      description={hint}
      isRequired={required}
      min={min}
      max={max}
      isInvalid={Boolean(problem)}
      errorMessage={problem}
    />
  );
}

/** A time of day (`HH:mm`) in the UI language's hour cycle and digits; the api's problem for its path shows under it. */
export function StepTime({ path, label, value, onChange, hint, required }: FieldProps) {
  const problem = useContext(ProblemContext).get(path);
  return <TimeField className={styles.field} label={label} value={value} onChange={onChange} description={hint} isRequired={required} isInvalid={Boolean(problem)} errorMessage={problem} />;
}

export function StepTextArea({ path, label, value, onChange, hint, required, maxLength }: FieldProps & { maxLength?: number }) {
  const id = useId();
  const p = useProblem(path, id);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <textarea
        id={id}
        className={styles.input}
        rows={3}
        value={value}
        maxLength={maxLength}
        aria-required={required || undefined}
        aria-invalid={p.invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, p.describedBy)}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {p.node}
    </div>
  );
}

export function StepSelect({ path, label, value, onChange, hint, children }: FieldProps & { children: ReactNode }) {
  const id = useId();
  const p = useProblem(path, id);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        className={styles.input}
        value={value}
        aria-invalid={p.invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, p.describedBy)}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {p.node}
    </div>
  );
}

/** A choice of one (radio buttons in a fieldset named by its legend). */
export function StepChoice({ path, label, value, onChange, options, hint }: FieldProps & { options: readonly { value: string; label: string; hint?: string }[] }) {
  const id = useId();
  const p = useProblem(path, id);
  return (
    <fieldset className={styles.field} aria-describedby={describedBy(hint ? `${id}-hint` : undefined, p.describedBy)}>
      <legend className={styles.label}>{label}</legend>
      <div className={styles.choices}>
        {options.map((option) => (
          <label key={option.value} className={styles.choice}>
            <input type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {p.node}
    </fieldset>
  );
}

export function StepCheck({ path, label, checked, onChange }: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const p = useProblem(path, id);
  return (
    <div className={styles.field}>
      <label className={styles.choice}>
        <input type="checkbox" checked={checked} aria-invalid={p.invalid || undefined} aria-describedby={p.describedBy} onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </label>
      {p.node}
    </div>
  );
}

/** Two short fields side by side (a date and a time), one under the other at 360 px. */
export function StepPair({ children }: { children: ReactNode }) {
  return <div className={styles.pair}>{children}</div>;
}
