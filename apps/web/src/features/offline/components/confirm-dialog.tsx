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
}

/** A modal question with two answers; Escape and the cancel button both say no. */
export function ConfirmDialog({ isOpen, title, body, confirm, cancel, onConfirm, onCancel, tone = 'primary' }: Props) {
  return (
    <ModalOverlay className={styles.overlay} isOpen={isOpen} isDismissable onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          <p>{body}</p>
          <div className={styles.actions}>
            <Button variant="secondary" onPress={onCancel}>
              {cancel}
            </Button>
            <Button onPress={onConfirm} className={tone === 'danger' ? styles.danger : undefined}>
              {confirm}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
