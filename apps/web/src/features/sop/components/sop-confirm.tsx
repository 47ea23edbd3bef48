import { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { commonMessages } from '../../../i18n/common-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import styles from './sop-confirm.module.css';

interface Props {
  isOpen: boolean;
  title: string;
  /** The one line to read first (irreversible: "This cannot be undone…"), in bold above the consequences. */
  warning?: ReactNode;
  /** What happens, one consequence a line. */
  consequences: ReactNode[];
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  /** The api's refusal, in words. */
  error?: string;
}

/** A confirmation that spells out the consequences of a lifecycle step before anything happens; its button is the destructive one (activating retires a version, withdrawing ends a draft). */
export function SopConfirm({ isOpen, title, warning, consequences, confirmLabel, onConfirm, onClose, pending, error }: Props) {
  const intl = useIntl();
  return (
    <ModalOverlay className={styles.overlay} isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          {warning ? <p className={styles.warning}>{warning}</p> : null}
          <ul className={styles.consequences}>
            {consequences.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
          {error ? <Alert>{error}</Alert> : null}
          <div className={styles.buttons}>
            <Button variant="danger" onPress={onConfirm} isDisabled={pending}>
              {confirmLabel}
            </Button>
            <Button variant="quiet" onPress={onClose} isDisabled={pending}>
              {intl.formatMessage(commonMessages.goBack)}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
