import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../../ui/button';
import styles from './confirm-dialog.module.css';

interface Props {
  isOpen: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  tone?: 'danger' | 'primary';
  /** Which answer is the main button: `cancel` where going on would cost something (signing out with records unsent). */
  emphasis?: 'confirm' | 'cancel';
  /** The main answer first and the cancel after it, at the start of the row, as the protection dialogs have them. */
  confirmFirst?: boolean;
}

/** A modal question with two answers; Escape and the cancel button both say no. */
export function ConfirmDialog({ isOpen, title, body, confirm, cancel, onConfirm, onCancel, tone = 'primary', emphasis = 'confirm', confirmFirst = false }: Props) {
  const cancelButton = (
    <Button variant={emphasis === 'cancel' ? undefined : confirmFirst ? 'quiet' : 'secondary'} onPress={onCancel}>
      {cancel}
    </Button>
  );
  return (
    <ModalOverlay className={styles.overlay} isOpen={isOpen} isDismissable onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          <p>{body}</p>
          <div className={`${styles.actions} ${confirmFirst ? styles.confirmFirst : ''}`}>
            {confirmFirst ? null : cancelButton}
            <Button variant={emphasis === 'cancel' ? 'secondary' : undefined} onPress={onConfirm} className={tone === 'danger' && emphasis === 'confirm' ? styles.danger : undefined}>
              {confirm}
            </Button>
            {confirmFirst ? cancelButton : null}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
