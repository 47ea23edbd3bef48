import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { can, Me } from '../../auth/me';
import { sopMessages } from '../messages';
import { approveSop, SopVersion } from '../sop-api';
import { SopConfirm } from './sop-confirm';
import section from './sop-section.module.css';
import styles from './sop-approvals.module.css';

interface Props {
  api: ApiClient;
  version: SopVersion;
  me: Me | undefined;
  onDone: (notice: string) => void;
}

/** Each signatory agency, in the document's order: approved (when) or still needed; a signatory's manager approves here. */
export function SopApprovals({ api, version, me, onDone }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const approvedBy = new Map(version.approvals.approved.map((a) => [a.agency.id, a]));
  const mine = me ? version.signatories.find((s) => s.id === me.agency.id) : undefined;
  const mayApprove = version.status === 'DRAFT' && can(me, 'SOP_APPROVE') && mine !== undefined && !approvedBy.has(mine.id);
  const approve = useMutation({
    mutationFn: () => approveSop(api, version.id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['sops', version.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['sops'] });
      setConfirming(false);
      onDone(intl.formatMessage(sopMessages.approved, { agency: mine?.name ?? '' }));
    },
  });
  return (
    <section aria-labelledby="sop-approvals" className={section.section}>
      <h2 id="sop-approvals">{intl.formatMessage(sopMessages.approvalsTitle)}</h2>
      <p>{intl.formatMessage(sopMessages.approvalsSummary, { approved: version.approvals.approved.length, total: version.signatories.length })}</p>
      <ul className={styles.list}>
        {version.signatories.map((agency) => {
          const approval = approvedBy.get(agency.id);
          return (
            <li key={agency.id} className={`${styles.item} ${approval ? styles.done : styles.waiting}`}>
              <span className={styles.agency}>
                <bdi>{agency.name}</bdi>
              </span>
              {approval ? (
                <StatusChip tone="success">{intl.formatMessage(sopMessages.approvedOn, { date: intl.formatDate(approval.approvedAt, DATE_TIME) })}</StatusChip>
              ) : (
                <StatusChip tone={version.status === 'DRAFT' ? 'warning' : 'neutral'}>{intl.formatMessage(sopMessages.stillNeeded)}</StatusChip>
              )}
            </li>
          );
        })}
      </ul>
      {mayApprove && mine ? (
        <div>
          <Button onPress={() => setConfirming(true)}>{intl.formatMessage(sopMessages.approve, { agency: mine.name })}</Button>
        </div>
      ) : null}
      {mine && approvedBy.has(mine.id) && can(me, 'SOP_APPROVE') ? <p className={section.muted}>{intl.formatMessage(sopMessages.yourAgencyApproved)}</p> : null}
      <SopConfirm
        isOpen={confirming}
        title={intl.formatMessage(sopMessages.approveTitle, { label: version.label, agency: mine?.name ?? '' })}
        consequences={[intl.formatMessage(sopMessages.approveBody)]}
        confirmLabel={intl.formatMessage(sopMessages.approveConfirm)}
        onConfirm={() => approve.mutate()}
        onClose={() => {
          setConfirming(false);
          approve.reset();
        }}
        pending={approve.isPending}
        error={approve.isError ? describeError(intl, approve.error) : undefined}
      />
    </section>
  );
}
