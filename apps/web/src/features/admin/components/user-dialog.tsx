import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import { TextField } from '../../../ui/text-field';
import { AdminAgency, AdminBorderPoint, AdminUser, ROLES, Role } from '../admin-api';
import { checkUser, createUserBody, PASSWORD_MIN, Problems, updateUserBody, UserField, userFormOf } from '../admin-forms';
import { adminMessages } from '../messages';
import { CheckGroup, SelectField, useProblemText } from './fields';
import { FormDialog } from './form-dialog';

interface Props {
  api: ApiClient;
  /** null: a new user. */
  user: AdminUser | null;
  agencies: AdminAgency[];
  borderPoints: AdminBorderPoint[];
  onClose: () => void;
  onSaved: (user: AdminUser, created: boolean) => void;
}

/** Creating a user (with a first password), or changing one's name, agency, roles and border points. */
export function UserDialog({ api, user, agencies, borderPoints, onClose, onSaved }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const creating = user === null;
  const [form, setForm] = useState(() => userFormOf(user));
  const [problems, setProblems] = useState<Problems<UserField>>({});
  const save = useMutation({
    mutationFn: async (): Promise<AdminUser> => {
      if (creating) return unwrap<AdminUser>(api.POST('/api/v1/users', { body: createUserBody(form) }));
      const change = updateUserBody(user, form);
      if (!change) return user;
      return unwrap<AdminUser>(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: change }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onSaved(saved, creating);
    },
  });
  const submit = () => {
    const found = checkUser(form, creating);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const set = (change: Partial<typeof form>) => setForm((current) => ({ ...current, ...change }));
  const invalid = (field: UserField) => (problems[field] ? { validate: () => problemText(problems[field]) ?? null } : {});

  return (
    <FormDialog
      isOpen
      title={creating ? intl.formatMessage(adminMessages.createUserTitle) : intl.formatMessage(adminMessages.editUserTitle, { username: user.username })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={intl.formatMessage(creating ? adminMessages.createUser : adminMessages.save)}
      pending={save.isPending}
      error={save.isError ? describeError(intl, save.error) : undefined}
    >
      {creating ? (
        <TextField
            label={intl.formatMessage(adminMessages.username)}
            description={intl.formatMessage(adminMessages.usernameHint)}
            value={form.username}
            onChange={(username) => set({ username })}
            autoComplete="off"
            validationBehavior="aria"
          {...invalid('username')}
        />
      ) : null}
      <TextField
        label={intl.formatMessage(adminMessages.displayName)}
        value={form.displayName}
        onChange={(displayName) => set({ displayName })}
        validationBehavior="aria"
        {...invalid('displayName')}
      />
      <SelectField
        label={intl.formatMessage(adminMessages.agency)}
        value={form.agencyId}
        onChange={(agencyId) => set({ agencyId })}
        placeholder={intl.formatMessage(adminMessages.chooseAgency)}
        options={[...agencies].sort((a, b) => a.name.localeCompare(b.name)).map((agency) => ({ value: agency.id, label: agency.name }))}
        problem={problemText(problems.agencyId)}
      />
      <CheckGroup<Role>
        legend={intl.formatMessage(adminMessages.roles)}
        options={ROLES.map((role) => ({ value: role, label: nameOf(intl, roleMessages, role) }))}
        selected={form.roles}
        onChange={(roles) => set({ roles })}
        problem={problemText(problems.roles)}
      />
      <CheckGroup<string>
        legend={intl.formatMessage(adminMessages.borderPoints)}
        options={borderPoints.map((point) => ({
          value: point.id,
          label: intl.formatMessage(adminMessages.pointOption, { name: <bdi key="n">{point.name}</bdi>, code: <bdi key="c">{point.code}</bdi> }),
        }))}
        selected={form.borderPointIds}
        onChange={(borderPointIds) => set({ borderPointIds })}
      />
      {creating ? (
        <TextField
          label={intl.formatMessage(adminMessages.password)}
          description={intl.formatMessage(adminMessages.passwordHint, { min: PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(password) => set({ password })}
          validationBehavior="aria"
          {...invalid('password')}
        />
      ) : null}
    </FormDialog>
  );
}
