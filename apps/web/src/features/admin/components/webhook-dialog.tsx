import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { TextField } from '../../../ui/text-field';
import { AdminAgency, webhookQuery } from '../admin-api';
import { adminMessages } from '../messages';
import { FormDialog } from './form-dialog';
import styles from './admin.module.css';

/** An agency's webhook: where events go, a new address (and secret, shown once), removal and a test event. */
export function WebhookDialog({ api, agency, onClose }: { api: ApiClient; agency: AdminAgency; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const status = useQuery(webhookQuery(api, agency.id));
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['agencies', agency.id, 'webhook'] });
  const register = useMutation({
    mutationFn: () => unwrap<{ url: string; secret: string }>(api.PUT('/api/v1/agencies/{id}/webhook', { params: { path: { id: agency.id } }, body: { url: url.trim() } })),
    onSuccess: (answer) => {
      setSecret(answer.secret);
      setUrl('');
      setNotice('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap<void>(api.DELETE('/api/v1/agencies/{id}/webhook', { params: { path: { id: agency.id } } })),
    onSuccess: () => {
      setSecret(null);
      setNotice(intl.formatMessage(adminMessages.webhookRemoved));
      void refresh();
    },
  });
  const test = useMutation({
    mutationFn: () => unwrap<{ eventId: string }>(api.POST('/api/v1/agencies/{id}/webhook/test', { params: { path: { id: agency.id } } })),
    onSuccess: (answer) => setNotice(intl.formatMessage(adminMessages.webhookTestQueued, { eventId: answer.eventId.slice(0, 8) })),
  });
  const failed = register.error ?? remove.error ?? test.error ?? status.error;
  const hook = status.data;

  return (
    <FormDialog isOpen title={intl.formatMessage(adminMessages.webhookTitle, { name: agency.name })} onClose={onClose}>
      <p className={styles.hint}>{intl.formatMessage(adminMessages.webhookIntro)}</p>
      {hook ? (
        <p data-testid="webhook-status">
          {hook.url
            ? intl.formatMessage(adminMessages.webhookSet, {
                url: (
                  <bdi key="url" className={styles.mono} dir="ltr">
                    {hook.url}
                  </bdi>
                ),
                date: intl.formatDate(hook.registeredAt ?? undefined, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
              })
            : intl.formatMessage(adminMessages.webhookNone)}
        </p>
      ) : null}
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {secret ? (
        <div className={styles.field}>
          <p className={styles.label} id="secret-label">
            {intl.formatMessage(adminMessages.webhookSecret)}
          </p>
          <output className={styles.secret} aria-labelledby="secret-label" dir="ltr">
            {secret}
          </output>
          <p className={styles.hint}>{intl.formatMessage(adminMessages.webhookSecretBody)}</p>
        </div>
      ) : null}
      {failed ? <Alert>{describeError(intl, failed)}</Alert> : null}
      <div className={styles.toolbar}>
        <TextField label={intl.formatMessage(adminMessages.webhookUrl)} type="url" value={url} onChange={setUrl} />
        <Button variant="secondary" onPress={() => register.mutate()} isDisabled={register.isPending || url.trim() === ''}>
          {intl.formatMessage(adminMessages.webhookSave)}
        </Button>
      </div>
      {hook?.url ? (
        <div className={styles.buttons}>
          <Button variant="secondary" onPress={() => test.mutate()} isDisabled={test.isPending}>
            {intl.formatMessage(adminMessages.webhookTest)}
          </Button>
          <Button variant="quiet" onPress={() => remove.mutate()} isDisabled={remove.isPending}>
            {intl.formatMessage(adminMessages.webhookRemove)}
          </Button>
        </div>
      ) : null}
    </FormDialog>
  );
}
