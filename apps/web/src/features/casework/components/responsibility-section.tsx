import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { StatusChip, Tone } from '../../../ui/status-chip';
import { Section } from '../../cases/components/case-record';
import { agencyOptionsQuery, assigneeOf, Colleague, Responsibility, responsibilityQuery, Transfer } from '../casework-api';
import { workspaceMessages as m } from '../messages';
import styles from './workspace.module.css';

const TRANSFER_TONE: Record<Transfer['status'], Tone> = { PROPOSED: 'warning', ACCEPTED: 'success', DECLINED: 'neutral', CANCELLED: 'neutral' };

/**
 * Who holds the case: the lead agency, this agency's caseworker (a manager assigns one of the agency's users),
 * and the transfers of the lead (proposed by the lead agency; accepted or declined by the other; a refusal
 * for want of consent or a legal basis said in plain words, with the way to record one).
 */
export function ResponsibilitySection({
  api,
  caseId,
  me,
  canAssign,
  canManage,
  colleagues,
}: {
  api: ApiClient;
  caseId: string;
  me: { id: string; agencyId: string };
  canAssign: boolean;
  canManage: boolean;
  colleagues: readonly Colleague[] | undefined;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const responsibility = useQuery(responsibilityQuery(api, caseId));
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState('');
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<{ transfer: Transfer; action: 'decline' | 'cancel' } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['case', caseId] });

  const assign = useMutation({
    mutationFn: (userId: string) => unwrap<Responsibility>(api.PUT('/api/v1/cases/{id}/assignment', { params: { path: { id: caseId } }, body: { userId } })),
    onSuccess: (view) => {
      queryClient.setQueryData(responsibilityQuery(api, caseId).queryKey, view);
      const who = assigneeOf(view, me.agencyId);
      setNotice(who ? intl.formatMessage(m.assigned, { name: who.displayName }) : intl.formatMessage(m.saved));
      setChosen('');
      void refresh();
    },
  });
  const accept = useMutation({
    mutationFn: (transfer: Transfer) => unwrap<Transfer>(api.POST('/api/v1/transfers/{transferId}/accept', { params: { path: { transferId: transfer.id } } })),
    onSuccess: () => {
      setNotice(intl.formatMessage(m.saved));
      void refresh();
    },
  });
  const decide = useMutation({
    mutationFn: ({ transfer, action, reason }: { transfer: Transfer; action: 'decline' | 'cancel'; reason: string }) =>
      unwrap<Transfer>(
        action === 'decline'
          ? api.POST('/api/v1/transfers/{transferId}/decline', { params: { path: { transferId: transfer.id } }, body: { reason } })
          : api.POST('/api/v1/transfers/{transferId}/cancel', { params: { path: { transferId: transfer.id } }, body: { reason } }),
      ),
    onSuccess: () => {
      setDeciding(null);
      setNotice(intl.formatMessage(m.saved));
      void refresh();
    },
  });

  const view = responsibility.data;
  const assignee = assigneeOf(view, me.agencyId);
  const weLead = view?.lead?.agencyId === me.agencyId;
  const open = view?.transfers.find((transfer) => transfer.status === 'PROPOSED');
  const choices = (colleagues ?? []).filter((colleague) => colleague.active && colleague.id !== assignee?.userId);

  return (
    <Section id="responsibility-title" title={intl.formatMessage(m.responsibility)}>
      {responsibility.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, responsibility.error)}
        </Alert>
      ) : null}
      {view ? (
        <dl className={styles.facts}>
          <dt>{intl.formatMessage(m.lead)}</dt>
          <dd>
            {view.lead
              ? intl.formatMessage(m.leadSince, {
                  agency: <bdi key="agency">{view.lead.agencyName}</bdi>,
                  date: (
                    <time key="since" dateTime={view.lead.since}>
                      {intl.formatDate(view.lead.since, { dateStyle: 'medium' })}
                    </time>
                  ),
                })
              : intl.formatMessage(m.noLead)}
          </dd>
          <dt>{intl.formatMessage(m.caseworker)}</dt>
          <dd data-testid="assignee">{assignee ? <bdi>{assignee.displayName}</bdi> : intl.formatMessage(m.unassigned)}</dd>
        </dl>
      ) : null}
      {canAssign && view ? (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) assign.mutate(chosen);
          }}
        >
          <label className={styles.field}>
            <span>{intl.formatMessage(m.assignTo)}</span>
            <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">{intl.formatMessage(m.chooseColleague)}</option>
              {choices.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {colleague.displayName}
                </option>
              ))}
            </select>
          </label>
          <div className={styles.buttons}>
            <Button type="submit" variant="secondary" isDisabled={!chosen || assign.isPending}>
              {intl.formatMessage(m.assign)}
            </Button>
          </div>
          {assign.isError ? (
            <Alert>
              {intl.formatMessage(m.failed)} {describeError(intl, assign.error)}
            </Alert>
          ) : null}
        </form>
      ) : null}
      <p className={styles.notice} role="status">
        {notice}
      </p>

      {view && (view.transfers.length > 0 || (weLead && canManage)) ? (
        <>
          <h3 className={styles.subheading}>{intl.formatMessage(m.transfers)}</h3>
          {accept.isError ? (
            <Alert>
              {intl.formatMessage(m.failed)} {describeError(intl, accept.error)}
            </Alert>
          ) : null}
          {view.transfers.length > 0 ? (
            <ul className={styles.list}>
              {view.transfers.map((transfer) => (
                <li key={transfer.id}>
                  <div className={styles.item}>
                    <span className={styles.itemTitle}>
                      {intl.formatMessage(m.transferLine, { from: <bdi key="from">{transfer.fromAgency.name}</bdi>, to: <bdi key="to">{transfer.toAgency.name}</bdi> })}
                    </span>
                    <span className={`${styles.meta} ${styles.dots}`}>
                      <time dateTime={transfer.proposedAt}>{intl.formatDate(transfer.proposedAt, DATE_TIME)}</time>
                      <span>{intl.formatMessage(m.transferBasis, { kind: transfer.basis.kind })}</span>
                    </span>
                    <span dir="auto">{transfer.reason}</span>
                    {transfer.decisionReason ? (
                      <span className={styles.meta} dir="auto">
                        {transfer.decisionReason}
                      </span>
                    ) : null}
                  </div>
                  <StatusChip tone={TRANSFER_TONE[transfer.status]}>{intl.formatMessage(m.transferStatus, { status: transfer.status })}</StatusChip>
                  {transfer.status === 'PROPOSED' && canManage ? (
                    <div className={styles.buttons}>
                      {transfer.toAgency.id === me.agencyId ? (
                        <>
                          <Button onPress={() => accept.mutate(transfer)} isDisabled={accept.isPending}>
                            {intl.formatMessage(m.accept)}
                          </Button>
                          <Button variant="secondary" onPress={() => setDeciding({ transfer, action: 'decline' })}>
                            {intl.formatMessage(m.decline)}
                          </Button>
                        </>
                      ) : null}
                      {transfer.fromAgency.id === me.agencyId ? (
                        <Button variant="secondary" onPress={() => setDeciding({ transfer, action: 'cancel' })}>
                          {intl.formatMessage(m.cancelTransfer)}
                        </Button>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {weLead && canManage && !open ? (
            proposing ? (
              <ProposeTransfer
                api={api}
                caseId={caseId}
                myAgencyId={me.agencyId}
                onDone={() => {
                  setProposing(false);
                  setNotice(intl.formatMessage(m.saved));
                  void refresh();
                }}
                onCancel={() => setProposing(false)}
              />
            ) : (
              <div className={styles.buttons}>
                <Button variant="secondary" onPress={() => setProposing(true)}>
                  {intl.formatMessage(m.proposeTransfer)}
                </Button>
              </div>
            )
          ) : null}
        </>
      ) : null}
      <ReasonDialog
        isOpen={deciding !== null}
        onClose={() => setDeciding(null)}
        onConfirm={(reason) => deciding && decide.mutate({ ...deciding, reason })}
        title={intl.formatMessage(deciding?.action === 'cancel' ? m.cancelTransferTitle : m.declineTitle)}
        body={
          deciding?.action === 'cancel'
            ? intl.formatMessage(m.cancelTransferBody)
            : intl.formatMessage(m.declineBody, { agency: deciding?.transfer.fromAgency.name ?? '' })
        }
        confirmLabel={intl.formatMessage(deciding?.action === 'cancel' ? m.cancelTransfer : m.decline)}
        minLength={3}
        pending={decide.isPending}
        error={decide.isError ? describeError(intl, decide.error) : undefined}
      />
    </Section>
  );
}

function ProposeTransfer({ api, caseId, myAgencyId, onDone, onCancel }: { api: ApiClient; caseId: string; myAgencyId: string; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const agencies = useQuery(agencyOptionsQuery(api));
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const propose = useMutation({
    mutationFn: () => unwrap<Transfer>(api.POST('/api/v1/cases/{id}/transfers', { params: { path: { id: caseId } }, body: { toAgencyId: to, reason: reason.trim() } })),
    onSuccess: onDone,
  });
  const choices = (agencies.data ?? []).filter((agency) => agency.active && agency.id !== myAgencyId && agency.kind !== 'MONITOR');
  const toName = choices.find((agency) => agency.id === to)?.name ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to && reason.trim().length >= 10) propose.mutate();
  };
  const noConsent = propose.error instanceof ApiError && propose.error.code === 'TRANSFER.NO_CONSENT';
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={intl.formatMessage(m.proposeTransfer)}>
      <label className={`${styles.field} ${styles.wide}`}>
        <span>{intl.formatMessage(m.transferTo)}</span>
        <select value={to} onChange={(event) => setTo(event.target.value)}>
          <option value="">{intl.formatMessage(m.chooseAgency)}</option>
          {choices.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </label>
      <label className={`${styles.field} ${styles.wide}`}>
        <span>{intl.formatMessage(m.transferReason)}</span>
        <textarea value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
      </label>
      {noConsent ? (
        <Alert tone="warning">
          <span>{intl.formatMessage(m.transferNoConsent, { agency: <bdi key="agency">{toName}</bdi> })}</span>
          <Link to="/cases/$caseId/consent" params={{ caseId }} className={styles.inlineLink}>
            {intl.formatMessage(m.recordConsent)}
          </Link>
        </Alert>
      ) : propose.isError ? (
        <Alert>
          {intl.formatMessage(m.failed)} {describeError(intl, propose.error)}
        </Alert>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" isDisabled={!to || reason.trim().length < 10 || propose.isPending}>
          {intl.formatMessage(m.sendTransfer)}
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </div>
    </form>
  );
}
