import { createContext, FormEvent, ReactNode, useContext, useId } from 'react';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import { commonMessages } from '../../../i18n/common-messages';
import { Button } from '../../../ui/button';
import { DateField } from '../../../ui/date-field';
import { legalMessages as l } from '../messages';
import { RefusalAlert } from './refusal-alert';
import dialogStyles from '../../../ui/reason-dialog.module.css';
import styles from './record-dialog.module.css';

/** The api's 400 field problems, each on the field of that name (the api's own words stay out of the page: it speaks English). */
export function fieldErrors(error: unknown, message: string, names: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.filter((f) => names.includes(f.path)).map((f) => [f.path, message]));
}

/** Called when a field is edited while the api's field problems show (they no longer apply). */
const EditedContext = createContext<(() => void) | undefined>(undefined);

interface Props {
  isOpen: boolean;
  onClose: () => void;
  onSubmit: () => void;
  title: string;
  /** What the step means and who may take it, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  pending: boolean;
  /** The api's answer: a 400 goes on the fields named in `fields`; anything else (a safeguard's refusal) in words under them. */
  error: unknown;
  /** The names (api paths) of the dialog's fields. */
  fields: readonly string[];
  tone?: 'primary' | 'danger';
  /** A field was edited: the api's answer no longer applies (its field problems go until the next try). */
  onEdit?: () => void;
  children: ReactNode;
}

/**
 * A deliberate step on a protection record in a modal dialog: nothing happens until confirmed; a 400's field
 * problems show under their fields, a safeguard's refusal in plain words, never a code.
 */
export function RecordDialog({ isOpen, onClose, onSubmit, title, body, confirmLabel, pending, error, fields, tone = 'primary', onEdit, children }: Props) {
  const intl = useIntl();
  const invalid = fieldErrors(error, intl.formatMessage(l.fieldProblem), fields);
  const placed = Object.keys(invalid).length > 0;
  // A safeguard's refusal would only come again for the same answers: confirming waits for a change to a field.
  const refused = error instanceof ApiError && error.code.startsWith('SAFEGUARD.') && !placed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <ModalOverlay className={dialogStyles.overlay} isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={`${dialogStyles.modal} ${styles.modal}`}>
        <Dialog className={dialogStyles.dialog}>
          <Heading slot="title" className={dialogStyles.title}>
            {title}
          </Heading>
          <div className={styles.body}>{body}</div>
          <Form onSubmit={submit} className={dialogStyles.form} validationErrors={invalid} validationBehavior="aria">
            <div className={dialogStyles.form} onChange={placed || refused ? onEdit : undefined}>
              <EditedContext.Provider value={placed || refused ? onEdit : undefined}>{children}</EditedContext.Provider>
            </div>
            {error && !placed ? <RefusalAlert error={error} /> : null}
            <div className={dialogStyles.buttons}>
              <Button type="submit" variant={tone} isDisabled={pending || refused}>
                {confirmLabel}
              </Button>
              <Button variant="quiet" onPress={onClose} isDisabled={pending}>
                {intl.formatMessage(commonMessages.goBack)}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * A date (`YYYY-MM-DD`), or a date and time (`YYYY-MM-DDTHH:mm` on the user's clock) with granularity minute, in the UI
 * language's order, digits and hour cycle; the api's 400 for its name marks it and shows under it.
 */
export function DialogDate({ name, label, value, onChange, granularity, isRequired }: { name: string; label: string; value: string; onChange: (value: string) => void; granularity?: 'day' | 'minute'; isRequired?: boolean }) {
  const edited = useContext(EditedContext);
  return (
    <DateField
      name={name}
      label={label}
      value={value}
      granularity={granularity}
      isRequired={isRequired}
      onChange={(next) => {
        onChange(next);
        edited?.();
      }}
    />
  );
}

/** A labelled native select in a dialog, with the api's problem for it under it. */
export function DialogSelect({ label, name, value, onChange, error, children }: { label: string; name: string; value: string; onChange: (value: string) => void; error?: unknown; children: ReactNode }) {
  const intl = useIntl();
  const id = useId();
  const problem = fieldErrors(error, intl.formatMessage(l.fieldProblem), [name])[name];
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={styles.input}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {problem ? (
        <span id={`${id}-problem`} className={styles.problem}>
          {problem}
        </span>
      ) : null}
    </div>
  );
}

/** A checkbox the person's own decision rests on: required before the dialog may be confirmed. */
export function DialogCheck({ label, checked, onChange, missing }: { label: string; checked: boolean; onChange: (checked: boolean) => void; missing?: boolean }) {
  const intl = useIntl();
  const id = useId();
  return (
    <div className={styles.field}>
      <label className={styles.check}>
        <input type="checkbox" checked={checked} aria-invalid={missing ? true : undefined} aria-describedby={missing ? `${id}-problem` : undefined} onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </label>
      {missing ? (
        <span id={`${id}-problem`} className={styles.problem} role="alert">
          {intl.formatMessage(l.mustConfirm)}
        </span>
      ) : null}
    </div>
  );
}

/** Now, as `YYYY-MM-DDTHH:mm` on the user's own clock (a date field with minutes). */
export function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A `YYYY-MM-DDTHH:mm` value on the user's clock as an instant the api accepts (with its zone). */
export function instantOf(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}
