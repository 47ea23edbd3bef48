import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { CLOSURE_OUTCOMES } from '../casework-api';
import { outcomeMessages, workspaceMessages as m } from '../messages';
import dialog from '../../../ui/dialog.module.css';
import styles from './workspace.module.css';

type Outcome = (typeof CLOSURE_OUTCOMES)[number];

/** "Close the case" (an outcome and what happened, at the version the page read) or, on a closed case, "Reopen the case" with why. */
export function ClosureAction({ api, caseId, status, version, onChanged }: { api: ApiClient; caseId: string; status: string; version: number; onChanged: (message: string) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['case', caseId] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]);
  const reopen = useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/cases/{id}/reopen', { params: { path: { id: caseId } }, body: { reason } })),
    onSuccess: () => {
      setOpen(false);
      onChanged(intl.formatMessage(m.reopened));
      void refresh();
    },
  });
  if (status === 'CLOSED') {
    return (
      <>
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {intl.formatMessage(m.reopen)}
        </Button>
        <ReasonDialog
          isOpen={open}
          onClose={() => setOpen(false)}
          onConfirm={(reason) => reopen.mutate(reason)}
          title={intl.formatMessage(m.reopenTitle)}
          body={intl.formatMessage(m.reopenBody)}
          confirmLabel={intl.formatMessage(m.reopen)}
          minLength={5}
          pending={reopen.isPending}
          error={reopen.isError ? describeError(intl, reopen.error) : undefined}
        />
      </>
    );
  }
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {intl.formatMessage(m.closeCase)}
      </Button>
      <CloseDialog
        api={api}
        caseId={caseId}
        version={version}
        isOpen={open}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          onChanged(intl.formatMessage(m.closedNotice));
          void refresh();
        }}
      />
    </>
  );
}

function CloseDialog({ api, caseId, version, isOpen, onClose, onDone }: { api: ApiClient; caseId: string; version: number; isOpen: boolean; onClose: () => void; onDone: () => void }) {
  const intl = useIntl();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const close = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/cases/{id}/close', { params: { path: { id: caseId } }, body: { outcomeCode: outcome as Outcome, reason: reason.trim(), version } })),
    onSuccess: () => {
      setOutcome('');
      setReason('');
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || reason.trim().length < 5) {
      setProblem(true);
      return;
    }
    close.mutate();
  };
  return (
    <ModalOverlay className={dialog.overlay} isOpen={isOpen} onOpenChange={(next) => (next ? undefined : onClose())} isDismissable={!close.isPending}>
      <Modal className={dialog.modal}>
        <Dialog role="alertdialog" className={dialog.dialog}>
          <Heading slot="title" className={dialog.title}>
            {intl.formatMessage(m.closeCase)}
          </Heading>
          <p>{intl.formatMessage(m.closeIntro)}</p>
          <form onSubmit={submit} noValidate className={styles.form}>
            <label className={`${styles.field} ${styles.wide}`}>
              <span>{intl.formatMessage(m.outcome)}</span>
              <select
                value={outcome}
                onChange={(event) => {
                  setOutcome(event.target.value as Outcome);
                  setProblem(false);
                }}
              >
                <option value="">{intl.formatMessage(m.chooseOutcome)}</option>
                {CLOSURE_OUTCOMES.map((code) => (
                  <option key={code} value={code}>
                    {nameOf(intl, outcomeMessages, code)}
                  </option>
                ))}
              </select>
            </label>
            <label className={`${styles.field} ${styles.wide}`}>
              <span>{intl.formatMessage(m.closeReason)}</span>
              <textarea
                value={reason}
                maxLength={2000}
                onChange={(event) => {
                  setReason(event.target.value);
                  setProblem(false);
                }}
              />
            </label>
            {problem ? (
              <p className={styles.problem} role="alert">
                {intl.formatMessage(m.closeInvalid)}
              </p>
            ) : null}
            {close.isError ? <Alert>{describeError(intl, close.error)}</Alert> : null}
            <div className={styles.buttons}>
              <Button type="submit" variant="danger" isDisabled={close.isPending}>
                {intl.formatMessage(m.closeCase)}
              </Button>
              <Button variant="quiet" onPress={onClose} isDisabled={close.isPending}>
                {intl.formatMessage(m.cancel)}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
