import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { TextField } from '../../../ui/text-field';
import { AdminBorderPoint, BORDER_POINT_KINDS, BorderPointKind } from '../admin-api';
import { BorderPointField, borderPointBody, checkBorderPoint, Problems } from '../admin-forms';
import { adminMessages } from '../messages';
import { CheckField, SelectField, useProblemText } from './fields';
import { FormDialog } from './form-dialog';
import styles from './admin.module.css';

export const POINT_KIND_MESSAGES = {
  LAND: adminMessages.kindLAND,
  SEA: adminMessages.kindSEA,
  AIR: adminMessages.kindAIR,
  RECEPTION_CENTRE: adminMessages.kindRECEPTION_CENTRE,
} as const;

/** A border point: its code once, then name, country, kind, region and whether it is in use. */
export function BorderPointDialog({ api, point, onClose, onSaved }: { api: ApiClient; point: AdminBorderPoint | null; onClose: () => void; onSaved: (point: AdminBorderPoint) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const creating = point === null;
  const [form, setForm] = useState(() => ({
    code: point?.code ?? '',
    name: point?.name ?? '',
    country: point?.country ?? '',
    kind: (point?.kind ?? '') as BorderPointKind | '',
    region: point?.region ?? '',
    active: point?.active ?? true,
  }));
  const [problems, setProblems] = useState<Problems<BorderPointField>>({});
  const save = useMutation({
    mutationFn: () =>
      creating
        ? unwrap<AdminBorderPoint>(api.POST('/api/v1/border-points', { body: { ...borderPointBody(form, true), code: form.code.trim().toUpperCase() } }))
        : unwrap<AdminBorderPoint>(api.PATCH('/api/v1/border-points/{id}', { params: { path: { id: point.id } }, body: borderPointBody(form, false) })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['border-points'] });
      onSaved(saved);
    },
  });
  const submit = () => {
    const found = checkBorderPoint(form, creating);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const set = (change: Partial<typeof form>) => setForm((current) => ({ ...current, ...change }));
  const invalid = (field: BorderPointField) => (problems[field] ? { validate: () => problemText(problems[field]) ?? null } : {});

  return (
    <FormDialog
      isOpen
      title={creating ? intl.formatMessage(adminMessages.createPointTitle) : intl.formatMessage(adminMessages.editPointTitle, { name: point.name })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={intl.formatMessage(creating ? adminMessages.createPoint : adminMessages.save)}
      pending={save.isPending}
      error={save.isError ? describeError(intl, save.error) : undefined}
    >
      <div className={styles.grid}>
        {creating ? (
          <TextField
            label={intl.formatMessage(adminMessages.code)}
            description={intl.formatMessage(adminMessages.codeHint)}
            value={form.code}
            onChange={(code) => set({ code })}
            validationBehavior="aria"
            {...invalid('code')}
          />
        ) : null}
        <TextField label={intl.formatMessage(adminMessages.name)} value={form.name} onChange={(name) => set({ name })} validationBehavior="aria" {...invalid('name')} />
        <TextField
          label={intl.formatMessage(adminMessages.country)}
          description={intl.formatMessage(adminMessages.countryHint)}
          value={form.country}
          onChange={(country) => set({ country })}
          validationBehavior="aria"
          {...invalid('country')}
        />
        <SelectField
          label={intl.formatMessage(adminMessages.kind)}
          value={form.kind}
          onChange={(kind) => set({ kind: kind as BorderPointKind | '' })}
          placeholder={intl.formatMessage(adminMessages.chooseKind)}
          options={BORDER_POINT_KINDS.map((kind) => ({ value: kind, label: intl.formatMessage(POINT_KIND_MESSAGES[kind]) }))}
          problem={problemText(problems.kind)}
        />
        <TextField label={intl.formatMessage(adminMessages.region)} value={form.region} onChange={(region) => set({ region })} />
      </div>
      {creating ? null : <CheckField label={intl.formatMessage(adminMessages.pointActive)} checked={form.active} onChange={(active) => set({ active })} />}
    </FormDialog>
  );
}
