import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, roleMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { TextField } from '../../../ui/text-field';
import { meQuery } from '../../auth/me';
import { AdminUser, agenciesQuery, borderPointsQuery, usersQuery } from '../admin-api';
import { FormDialog } from '../components/form-dialog';
import { UserDialog } from '../components/user-dialog';
import { adminMessages } from '../messages';
import styles from '../components/admin.module.css';

/** Who may sign in: create, edit, reset a password, deactivate, reactivate. */
export const Route = createFileRoute('/_signed-in/admin/users')({
  component: Users,
});

type Open = { kind: 'edit'; user: AdminUser | null } | { kind: 'reset'; user: AdminUser } | { kind: 'deactivate'; user: AdminUser } | { kind: 'reactivate'; user: AdminUser } | { kind: 'temporary'; user: AdminUser; password: string } | null;

function Users() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery(api));
  // One's own account is never deactivated from here (the api refuses it too): another administrator does it.
  const me = useQuery(meQuery(api));
  const agencies = useQuery(agenciesQuery(api));
  const points = useQuery(borderPointsQuery(api));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const [filter, setFilter] = useState('');

  const reset = useMutation({
    mutationFn: (user: AdminUser) => unwrap<{ temporaryPassword: string }>(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id: user.id } } })),
    onSuccess: (answer, user) => {
      setOpen({ kind: 'temporary', user, password: answer.temporaryPassword });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const deactivate = useMutation({
    mutationFn: (user: AdminUser) => unwrap<AdminUser>(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: user.id } } })),
    onSuccess: (_, user) => {
      setOpen(null);
      setNotice(intl.formatMessage(adminMessages.deactivated, { username: user.username }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const reactivate = useMutation({
    mutationFn: (user: AdminUser) => unwrap<AdminUser>(api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id: user.id } } })),
    onSuccess: (_, user) => {
      setOpen(null);
      setNotice(intl.formatMessage(adminMessages.reactivated, { username: user.username }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const agencyName = new Map((agencies.data ?? []).map((agency) => [agency.id, agency.name]));
  const pointCode = new Map((points.data ?? []).map((point) => [point.id, point.code]));
  const needle = filter.trim().toLowerCase();
  const all = users.data ?? [];
  const shown = needle ? all.filter((user) => `${user.username} ${user.displayName} ${agencyName.get(user.agencyId) ?? ''}`.toLowerCase().includes(needle)) : all;
  const error = users.error ?? agencies.error ?? points.error;

  return (
    <section aria-labelledby="users-title" className={styles.section}>
      <div className={styles.head}>
        <div>
          <h1 id="users-title">{intl.formatMessage(adminMessages.usersTitle)}</h1>
          <p className={styles.intro}>{intl.formatMessage(adminMessages.usersIntro)}</p>
        </div>
        <Button onPress={() => setOpen({ kind: 'edit', user: null })} isDisabled={!agencies.data || !points.data}>
          {intl.formatMessage(adminMessages.newUser)}
        </Button>
      </div>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {error ? (
        <Alert>
          {intl.formatMessage(adminMessages.loadFailed)} {describeError(intl, error)}
        </Alert>
      ) : null}
      {users.data ? (
        <>
          <div className={styles.toolbar}>
            <TextField label={intl.formatMessage(adminMessages.filter)} value={filter} onChange={setFilter} type="search" />
            <p className={styles.count}>{intl.formatMessage(adminMessages.shown, { shown: shown.length, total: all.length })}</p>
          </div>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{intl.formatMessage(adminMessages.colUser)}</th>
                <th scope="col">{intl.formatMessage(adminMessages.colAgency)}</th>
                <th scope="col">{intl.formatMessage(adminMessages.colRoles)}</th>
                <th scope="col">{intl.formatMessage(adminMessages.colBorderPoints)}</th>
                <th scope="col">{intl.formatMessage(adminMessages.colStatus)}</th>
                <th scope="col">{intl.formatMessage(adminMessages.colActions)}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => (
                <tr key={user.id} className={user.active ? undefined : styles.retired} data-username={user.username}>
                  <td data-label={intl.formatMessage(adminMessages.colUser)}>
                    <span className={styles.name}>
                      <bdi>{user.displayName}</bdi>
                      <bdi className={`${styles.sub} ${styles.mono}`}>{user.username}</bdi>
                    </span>
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colAgency)}>
                    <bdi>{agencyName.get(user.agencyId) ?? ''}</bdi>
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colRoles)}>
                    <ul className={styles.chips}>
                      {user.roles.map((role) => (
                        <li key={role} className={styles.chip}>
                          {nameOf(intl, roleMessages, role)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colBorderPoints)}>
                    {user.borderPointIds.length > 0 ? (
                      <bdi dir="ltr" className={styles.mono}>{user.borderPointIds.map((id) => pointCode.get(id) ?? '').join(' · ')}</bdi>
                    ) : (
                      <span className={styles.muted}>{intl.formatMessage(adminMessages.none)}</span>
                    )}
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colStatus)}>
                    <span className={styles.statuses}>
                      <StatusChip tone={user.active ? 'success' : 'neutral'}>{intl.formatMessage(user.active ? adminMessages.active : adminMessages.inactive)}</StatusChip>
                      {user.active && user.mustChangePassword ? <StatusChip tone="warning">{intl.formatMessage(adminMessages.mustChangePassword)}</StatusChip> : null}
                    </span>
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colActions)}>
                    {user.active ? (
                      <div className={styles.actions}>
                        <Button variant="secondary" onPress={() => setOpen({ kind: 'edit', user })} aria-label={intl.formatMessage(adminMessages.editUserLabel, { username: user.username })} isDisabled={!agencies.data || !points.data}>
                          {intl.formatMessage(adminMessages.edit)}
                        </Button>
                        <Button
                          variant="quiet"
                          onPress={() => {
                            reset.reset();
                            setOpen({ kind: 'reset', user });
                          }}
                          aria-label={intl.formatMessage(adminMessages.resetPasswordLabel, { username: user.username })}
                        >
                          {intl.formatMessage(adminMessages.resetPassword)}
                        </Button>
                        {user.id === me.data?.id ? null : (
                          <Button
                            variant="quiet"
                            onPress={() => {
                              deactivate.reset();
                              setOpen({ kind: 'deactivate', user });
                            }}
                            aria-label={intl.formatMessage(adminMessages.deactivateLabel, { username: user.username })}
                          >
                            {intl.formatMessage(adminMessages.deactivate)}
                          </Button>
                        )}
                      </div>
                    ) : (
                      <div className={styles.actions}>
                        <Button
                          variant="secondary"
                          onPress={() => {
                            reactivate.reset();
                            setOpen({ kind: 'reactivate', user });
                          }}
                          aria-label={intl.formatMessage(adminMessages.reactivateLabel, { username: user.username })}
                        >
                          {intl.formatMessage(adminMessages.reactivate)}
                        </Button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {open?.kind === 'edit' && agencies.data && points.data ? (
        <UserDialog
          api={api}
          user={open.user}
          agencies={agencies.data}
          borderPoints={points.data}
          onClose={() => setOpen(null)}
          onSaved={(saved, created) => {
            setOpen(null);
            setNotice(intl.formatMessage(created ? adminMessages.created : adminMessages.saved, { username: saved.username, name: saved.displayName }));
          }}
        />
      ) : null}
      {open?.kind === 'reset' ? (
        <FormDialog
          isOpen
          role="alertdialog"
          title={intl.formatMessage(adminMessages.resetTitle, { username: open.user.username })}
          onClose={() => setOpen(null)}
          onSubmit={() => reset.mutate(open.user)}
          submitLabel={intl.formatMessage(adminMessages.resetConfirm)}
          pending={reset.isPending}
          error={reset.isError ? describeError(intl, reset.error) : undefined}
        >
          <p>{intl.formatMessage(adminMessages.resetBody, { username: <bdi key="u">{open.user.username}</bdi> })}</p>
        </FormDialog>
      ) : null}
      {open?.kind === 'temporary' ? (
        <FormDialog isOpen role="alertdialog" title={intl.formatMessage(adminMessages.temporaryTitle, { username: open.user.username })} onClose={() => setOpen(null)}>
          <p>{intl.formatMessage(adminMessages.temporaryBody)}</p>
          <p>{intl.formatMessage(adminMessages.temporaryNext)}</p>
          <p className={styles.label} id="temporary-label">
            {intl.formatMessage(adminMessages.temporaryPassword)}
          </p>
          <output className={styles.secret} aria-labelledby="temporary-label" dir="ltr" data-testid="temporary-password">
            {open.password}
          </output>
        </FormDialog>
      ) : null}
      {open?.kind === 'deactivate' ? (
        <FormDialog
          isOpen
          role="alertdialog"
          tone="danger"
          title={intl.formatMessage(adminMessages.deactivateTitle, { username: open.user.username })}
          onClose={() => setOpen(null)}
          onSubmit={() => deactivate.mutate(open.user)}
          submitLabel={intl.formatMessage(adminMessages.deactivateConfirm)}
          pending={deactivate.isPending}
          error={deactivate.isError ? describeError(intl, deactivate.error) : undefined}
        >
          <p>{intl.formatMessage(adminMessages.deactivateBody, { username: <bdi key="u">{open.user.username}</bdi> })}</p>
        </FormDialog>
      ) : null}
      {open?.kind === 'reactivate' ? (
        <FormDialog
          isOpen
          role="alertdialog"
          title={intl.formatMessage(adminMessages.reactivateTitle, { username: open.user.username })}
          onClose={() => setOpen(null)}
          onSubmit={() => reactivate.mutate(open.user)}
          submitLabel={intl.formatMessage(adminMessages.reactivateConfirm)}
          pending={reactivate.isPending}
          error={reactivate.isError ? describeError(intl, reactivate.error) : undefined}
        >
          <p>{intl.formatMessage(adminMessages.reactivateBody, { username: <bdi key="u">{open.user.username}</bdi> })}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}
