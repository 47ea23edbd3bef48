import { FormEvent, ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { adminMessages } from '../messages';
import styles from './admin.module.css';

interface Props {
  isOpen: boolean;
  title: string;
  onClose: () => void;
  /** Absent: the dialog only shows (a secret, a status) and has one Close button. */
  onSubmit?: () => void;
  submitLabel?: string;
  pending?: boolean;
  /** The api's refusal, already in words. */
  error?: string;
  tone?: 'primary' | 'danger';
  /** An alert dialog for a question (deactivate, reset); a plain one for a form. */
  role?: 'dialog' | 'alertdialog';
  /** The cancel button's words (default: Cancel); a question asked before an action says "Go back". */
  cancelLabel?: string;
  /** A short question sits in the middle of the screen; a long form starts at the top and scrolls. */
  centred?: boolean;
  children: ReactNode;
}

/** A modal form of the administrators' pages: nothing is sent until its main button. */
export function FormDialog({ isOpen, title, onClose, onSubmit, submitLabel, pending = false, error, tone = 'primary', role = 'dialog', cancelLabel, centred = false, children }: Props) {
  const intl = useIntl();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <ModalOverlay className={`${styles.overlay} ${centred ? styles.overlayCentred : ''}`} isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={styles.modal}>
        <Dialog role={role} className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          <form onSubmit={submit} className={styles.form} noValidate>
            {children}
            {error ? <Alert>{error}</Alert> : null}
            <div className={styles.buttons}>
              {onSubmit ? (
                <Button type="submit" variant={tone} isDisabled={pending}>
                  {submitLabel}
                </Button>
              ) : null}
              <Button variant={onSubmit ? 'quiet' : 'primary'} onPress={onClose} isDisabled={pending}>
                {onSubmit ? (cancelLabel ?? intl.formatMessage(adminMessages.cancel)) : intl.formatMessage(adminMessages.close)}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
