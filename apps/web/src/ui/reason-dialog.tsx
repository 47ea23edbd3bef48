import { FormEvent, ReactNode, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { commonMessages } from '../i18n/common-messages';
import { Alert } from './alert';
import { Button } from './button';
import { TextField } from './text-field';
import styles from './reason-dialog.module.css';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  title: string;
  body: string;
  confirmLabel: string;
  /** The fewest characters the api accepts for the reason. */
  minLength: number;
  pending: boolean;
  /** The api's refusal, already in words. */
  error?: string;
  /** danger: the confirmation ends or refuses something (decline, withdraw, close); it is styled so. */
  tone?: 'primary' | 'danger';
  /** The field's label, when "Reason" is not the word the page uses (a written finding). */
  label?: string;
  /** What the confirmation is about, shown under the body (the record being flagged, closed or withdrawn). */
  details?: ReactNode;
}

/** A confirmation that asks why (withdrawing a referral, cancelling a task): nothing happens until confirmed; the reason is checked on submit, not while it is typed. */
export function ReasonDialog({ isOpen, onClose, onConfirm, title, body, confirmLabel, minLength, pending, error, tone = 'primary', label, details }: Props) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < minLength) {
      setTooShort(true);
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <ModalOverlay className={styles.overlay} isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          <p>{body}</p>
          {details}
          <form onSubmit={submit} className={styles.form} noValidate>
            <TextField
              label={label ?? intl.formatMessage(commonMessages.reason)}
              description={intl.formatMessage(commonMessages.reasonHint, { min: minLength })}
              value={reason}
              onChange={(value) => {
                setReason(value);
                setTooShort(false);
              }}
              rows={3}
              isInvalid={tooShort}
              validationBehavior="aria"
            />
            {tooShort ? <p className={styles.problem} role="alert">{intl.formatMessage(commonMessages.reasonTooShort, { min: minLength })}</p> : null}
            {error ? <Alert>{error}</Alert> : null}
            <div className={styles.buttons}>
              <Button type="submit" variant={tone} isDisabled={pending}>
                {confirmLabel}
              </Button>
              <Button variant="quiet" onPress={onClose} isDisabled={pending}>
                {intl.formatMessage(commonMessages.goBack)}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
