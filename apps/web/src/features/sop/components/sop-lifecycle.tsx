import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { Button } from '../../../ui/button';
import { sopMessages } from '../messages';
import { activateSop, retireSop, SopSummary, SopVersion } from '../sop-api';
import { SopConfirm } from './sop-confirm';
import section from './sop-section.module.css';

interface Props {
  api: ApiClient;
  version: SopVersion;
  /** The jurisdiction's active version, which activating this one retires. */
  active: SopSummary | null;
  onDone: (notice: string) => void;
}

/** Activating a fully approved draft, or withdrawing it, each after a confirmation that says what follows. */
export function SopLifecycle({ api, version, active, onDone }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<'activate' | 'withdraw' | null>(null);
  const label = <bdi key="label">{version.label}</bdi>;
  const done = async (updated: SopVersion, notice: string) => {
    queryClient.setQueryData(['sops', version.id], updated);
    await queryClient.invalidateQueries({ queryKey: ['sops'] });
    setAsking(null);
    onDone(notice);
  };
  const activate = useMutation({
    mutationFn: () => activateSop(api, version.id),
    onSuccess: (updated) =>
      done(
        updated,
        updated.superseded
          ? intl.formatMessage(sopMessages.activatedRetired, { label: version.label, retired: updated.superseded.label })
          : intl.formatMessage(sopMessages.activated, { label: version.label }),
      ),
  });
  const withdraw = useMutation({
    mutationFn: () => retireSop(api, version.id),
    onSuccess: (updated) => done(updated, intl.formatMessage(sopMessages.withdrawn, { label: version.label })),
  });
  const missing = version.approvals.missing.length;
  const close = () => {
    setAsking(null);
    activate.reset();
    withdraw.reset();
  };
  return (
    <div className={section.row}>
      <Button onPress={() => setAsking('activate')} isDisabled={missing > 0}>
        {intl.formatMessage(sopMessages.activate)}
      </Button>
      <Button variant="quiet" onPress={() => setAsking('withdraw')}>
        {intl.formatMessage(sopMessages.withdraw)}
      </Button>
      {missing > 0 ? <p className={section.muted}>{intl.formatMessage(sopMessages.activateNeeds, { missing })}</p> : null}
      <SopConfirm
        isOpen={asking === 'activate'}
        title={intl.formatMessage(sopMessages.activateTitle, { label: version.label })}
        warning={intl.formatMessage(sopMessages.activateFinal)}
        consequences={[
          intl.formatMessage(sopMessages.activateNew, { label, country: version.jurisdiction }),
          active
            ? intl.formatMessage(sopMessages.activateRetires, { label: <bdi key="active">{active.label}</bdi> })
            : intl.formatMessage(sopMessages.activateNoneActive, { country: version.jurisdiction }),
          intl.formatMessage(sopMessages.activateOpen),
        ]}
        confirmLabel={intl.formatMessage(sopMessages.activateConfirm, { label: version.label })}
        onConfirm={() => activate.mutate()}
        onClose={close}
        pending={activate.isPending}
        error={activate.isError ? describeError(intl, activate.error) : undefined}
      />
      <SopConfirm
        isOpen={asking === 'withdraw'}
        title={intl.formatMessage(sopMessages.withdrawTitle, { label: version.label })}
        consequences={[
          intl.formatMessage(sopMessages.withdrawBody),
          ...(active ? [intl.formatMessage(sopMessages.withdrawActive, { label: <bdi key="active">{active.label}</bdi> })] : []),
        ]}
        confirmLabel={intl.formatMessage(sopMessages.withdrawConfirm)}
        onConfirm={() => withdraw.mutate()}
        onClose={close}
        pending={withdraw.isPending}
        error={withdraw.isError ? describeError(intl, withdraw.error) : undefined}
      />
    </div>
  );
}
