import { FormEvent, useState } from 'react';
import { Dialog, Heading, Label, Modal, ModalOverlay, Text, TextArea, TextField } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { overrideMessages as m } from '../messages';
import { OVERRIDE_MIN_LENGTH, OverrideKind } from '../override';
import styles from './override-dialog.module.css';

interface Props {
  kind: OverrideKind | null;
  /** The refusal in plain words (describeError of the api's 409). */
  refusal: string;
  onClose: () => void;
  /** Sends the same request again with the justification. */
  onConfirm: (justification: string) => void;
  pending: boolean;
  error?: string;
}

/**
 * A deliberate override of a safeguard the rules let a supervisor lift: the refusal in plain words, then a
 * written justification of at least 40 characters, told that the monitor sees it at once.
 */
export function OverrideDialog({ kind, refusal, onClose, onConfirm, pending, error }: Props) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length < OVERRIDE_MIN_LENGTH) {
      setTooShort(true);
      return;
    }
    onConfirm(text.trim());
  };
  return (
    <ModalOverlay className={styles.overlay} isOpen={kind !== null} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {intl.formatMessage(kind === 'PROSECUTION' ? m.prosecutionTitle : m.detentionTitle)}
          </Heading>
          <Alert tone="warning">{refusal}</Alert>
          <p>{intl.formatMessage(kind === 'PROSECUTION' ? m.prosecutionBody : m.detentionBody)}</p>
          <form onSubmit={submit} className={styles.form} noValidate>
            <TextField
              value={text}
              onChange={(value) => {
                setText(value);
                setTooShort(false);
              }}
              isInvalid={tooShort}
              maxLength={4000}
              className={styles.field}
            >
              <Label className={styles.label}>{intl.formatMessage(kind === 'PROSECUTION' ? m.finding : m.justification)}</Label>
              <TextArea className={styles.textarea} rows={5} />
              <Text slot="description" className={styles.hint}>
                {intl.formatMessage(m.hint, { min: OVERRIDE_MIN_LENGTH, count: text.trim().length })}
              </Text>
            </TextField>
            {tooShort ? (
              <p className={styles.problem} role="alert">
                {intl.formatMessage(m.tooShort, { min: OVERRIDE_MIN_LENGTH })}
              </p>
            ) : null}
            {error ? <Alert>{error}</Alert> : null}
            <div className={styles.buttons}>
              <Button type="submit" isDisabled={pending}>
                {intl.formatMessage(kind === 'PROSECUTION' ? m.prosecutionConfirm : m.detentionConfirm)}
              </Button>
              <Button variant="quiet" onPress={onClose} isDisabled={pending}>
                {intl.formatMessage(m.keep)}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
