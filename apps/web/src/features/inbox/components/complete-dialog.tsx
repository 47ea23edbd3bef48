import { FormEvent, useId, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { commonMessages } from '../../../i18n/common-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { outcomeMessages } from '../../referrals/messages';
import type { Referral } from '../../referrals/referrals-api';
import { OUTCOMES } from '../inbox-api';
import { inboxMessages } from '../messages';
import styles from './complete-dialog.module.css';

interface Props {
  referral: Referral | null;
  onClose: () => void;
  onConfirm: (outcomeCode: string, note: string | undefined) => void;
  pending: boolean;
  /** The api's refusal, already in words. */
  error?: string;
}

/** Completing a referral: the outcome the sender sees, and an optional note (no sensitive details). */
export function CompleteDialog({ referral, onClose, onConfirm, pending, error }: Props) {
  const intl = useIntl();
  const id = useId();
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(outcome, note.trim() || undefined);
  };
  return (
    <ModalOverlay className={styles.overlay} isOpen={referral !== null} onOpenChange={(open) => (open ? undefined : onClose())} isDismissable={!pending}>
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {referral ? intl.formatMessage(inboxMessages.completeTitle, { caseNumber: referral.caseNumber }) : ''}
          </Heading>
          <p>{intl.formatMessage(inboxMessages.completeBody)}</p>
          <form onSubmit={submit} className={styles.form}>
            <div className={styles.field}>
              <label htmlFor={`${id}-outcome`}>{intl.formatMessage(inboxMessages.outcome)}</label>
              <select id={`${id}-outcome`} className={styles.select} value={outcome} onChange={(event) => setOutcome(event.target.value)}>
                {OUTCOMES.map((code) => (
                  <option key={code} value={code}>
                    {nameOf(intl, outcomeMessages, code)}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-note`}>{intl.formatMessage(inboxMessages.note)}</label>
              <textarea id={`${id}-note`} className={styles.textarea} value={note} maxLength={2000} rows={3} onChange={(event) => setNote(event.target.value)} />
            </div>
            {error ? <Alert>{error}</Alert> : null}
            <div className={styles.buttons}>
              <Button type="submit" isDisabled={pending}>
                {intl.formatMessage(inboxMessages.completeConfirm)}
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
