import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf, serviceMessages } from '../../../i18n/vocabulary';
import { TextField } from '../../../ui/text-field';
import { AdminAgency, AdminBorderPoint, AGENCY_KINDS, AGENCY_SERVICES, AgencyKind, AgencyService } from '../admin-api';
import { AgencyField, agencyBody, agencyFormOf, checkAgency, Problems } from '../admin-forms';
import { adminMessages } from '../messages';
import { CheckField, CheckGroup, SelectField, useProblemText } from './fields';
import { FormDialog } from './form-dialog';
import styles from './admin.module.css';

interface Props {
  api: ApiClient;
  /** null: a new agency. */
  agency: AdminAgency | null;
  borderPoints: AdminBorderPoint[];
  onClose: () => void;
  onSaved: (agency: AdminAgency) => void;
}

/** An agency's kind, services, coverage, languages, capacity and contacts. */
export function AgencyDialog({ api, agency, borderPoints, onClose, onSaved }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const creating = agency === null;
  const [form, setForm] = useState(() => agencyFormOf(agency));
  const [problems, setProblems] = useState<Problems<AgencyField>>({});
  const save = useMutation({
    mutationFn: () => {
      const { dailyCapacity, contactEmail, contactPhone, ...body } = agencyBody(form, creating);
      return creating
        ? unwrap<AdminAgency>(
            api.POST('/api/v1/agencies', {
              body: {
                ...body,
                ...(dailyCapacity === null || dailyCapacity === undefined ? {} : { dailyCapacity }),
                ...(contactEmail ? { contactEmail } : {}),
                ...(contactPhone ? { contactPhone } : {}),
              },
            }),
          )
        : unwrap<AdminAgency>(api.PATCH('/api/v1/agencies/{id}', { params: { path: { id: agency.id } }, body: { ...body, dailyCapacity, contactEmail, contactPhone } }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
      onSaved(saved);
    },
  });
  const submit = () => {
    const found = checkAgency(form);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const set = (change: Partial<typeof form>) => setForm((current) => ({ ...current, ...change }));
  const invalid = (field: AgencyField) => (problems[field] ? { validate: () => problemText(problems[field]) ?? null } : {});

  return (
    <FormDialog
      isOpen
      title={creating ? intl.formatMessage(adminMessages.createAgencyTitle) : intl.formatMessage(adminMessages.editAgencyTitle, { name: agency.name })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={intl.formatMessage(creating ? adminMessages.createAgency : adminMessages.save)}
      pending={save.isPending}
      error={save.isError ? describeError(intl, save.error) : undefined}
    >
      <div className={styles.grid}>
        <TextField label={intl.formatMessage(adminMessages.name)} value={form.name} onChange={(name) => set({ name })} validationBehavior="aria" {...invalid('name')} />
        <SelectField
          label={intl.formatMessage(adminMessages.kind)}
          value={form.kind}
          onChange={(kind) => set({ kind: kind as AgencyKind | '' })}
          placeholder={intl.formatMessage(adminMessages.chooseKind)}
          options={AGENCY_KINDS.map((kind) => ({ value: kind, label: nameOf(intl, agencyKindMessages, kind) }))}
          problem={problemText(problems.kind)}
        />
      </div>
      <CheckGroup<AgencyService>
        legend={intl.formatMessage(adminMessages.services)}
        options={AGENCY_SERVICES.map((service) => ({ value: service, label: nameOf(intl, serviceMessages, service) }))}
        selected={form.services}
        onChange={(services) => set({ services })}
      />
      <CheckGroup<string>
        legend={intl.formatMessage(adminMessages.coverage)}
        options={borderPoints.map((point) => ({
          value: point.id,
          label: intl.formatMessage(adminMessages.pointOption, { name: <bdi key="n">{point.name}</bdi>, code: <bdi key="c">{point.code}</bdi> }),
        }))}
        selected={form.coverageBorderPointIds}
        onChange={(coverageBorderPointIds) => set({ coverageBorderPointIds })}
      />
      <div className={styles.grid}>
        <TextField
          label={intl.formatMessage(adminMessages.regions)}
          description={intl.formatMessage(adminMessages.regionsHint)}
          value={form.coverageRegions}
          onChange={(coverageRegions) => set({ coverageRegions })}
        />
        <TextField
          label={intl.formatMessage(adminMessages.languages)}
          description={intl.formatMessage(adminMessages.languagesHint)}
          value={form.languages}
          onChange={(languages) => set({ languages })}
          validationBehavior="aria"
          {...invalid('languages')}
        />
        <TextField
          label={intl.formatMessage(adminMessages.capacity)}
          description={intl.formatMessage(adminMessages.capacityHint)}
          inputMode="numeric"
          value={form.dailyCapacity}
          onChange={(dailyCapacity) => set({ dailyCapacity })}
          validationBehavior="aria"
          {...invalid('dailyCapacity')}
        />
        <TextField
          label={intl.formatMessage(adminMessages.contactEmail)}
          type="email"
          value={form.contactEmail}
          onChange={(contactEmail) => set({ contactEmail })}
          validationBehavior="aria"
          {...invalid('contactEmail')}
        />
        <TextField label={intl.formatMessage(adminMessages.contactPhone)} type="tel" value={form.contactPhone} onChange={(contactPhone) => set({ contactPhone })} />
      </div>
      <CheckField label={intl.formatMessage(adminMessages.agencyActive)} checked={form.active} onChange={(active) => set({ active })} />
    </FormDialog>
  );
}
