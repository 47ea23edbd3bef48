import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateField } from '../../../ui/date-field';
import { Section } from '../../cases/components/case-record';
import { DeliveredService, SERVICE_KINDS, servicesQuery, today } from '../casework-api';
import { deliveredServiceMessages, workspaceMessages as m } from '../messages';
import styles from './workspace.module.css';

/** The services delivered to the person, most recent first (the closed loop: the border point sees them), and a form to record one. */
export function ServicesSection({
  api,
  caseId,
  agencyName,
  canManage,
  formOpen,
  onFormOpenChange,
}: {
  api: ApiClient;
  caseId: string;
  /** The reader's agency: the usual provider. */
  agencyName: string;
  canManage: boolean;
  formOpen: boolean;
  onFormOpenChange: (open: boolean) => void;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const services = useQuery(servicesQuery(api, caseId));
  const [notice, setNotice] = useState('');
  const items = [...(services.data ?? [])].sort((a, b) => b.deliveredOn.localeCompare(a.deliveredOn) || b.recordedAt.localeCompare(a.recordedAt));
  return (
    <Section id="services-title" title={intl.formatMessage(m.services)}>
      {canManage && formOpen ? (
        <ServiceForm
          api={api}
          caseId={caseId}
          agencyName={agencyName}
          onDone={() => {
            setNotice(intl.formatMessage(m.saved));
            onFormOpenChange(false);
            void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
          }}
          onCancel={() => onFormOpenChange(false)}
        />
      ) : canManage ? (
        <div className={styles.buttons}>
          <Button variant="secondary" onPress={() => onFormOpenChange(true)}>
            {intl.formatMessage(m.jumpService)}
          </Button>
        </div>
      ) : null}
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {services.isError ? (
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, services.error)}
        </Alert>
      ) : null}
      {services.isSuccess && items.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.noServices)}</p> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-labelledby="services-title">
          {items.map((service) => (
            <li key={service.id}>
              <div className={styles.item}>
                <span className={styles.itemTitle}>
                  {intl.formatMessage(m.serviceLine, {
                    service: nameOf(intl, deliveredServiceMessages, service.kind),
                    provider: <bdi key="provider">{service.provider}</bdi>,
                  })}
                </span>
                <span className={`${styles.meta} ${styles.dots}`}>
                  <time dateTime={service.deliveredOn}>{intl.formatDate(`${service.deliveredOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</time>
                  {/* The separator belongs to the page's direction: it goes on a wrapper, never inside the note's <bdi>. */}
                  {service.note ? (
                    <span>
                      <bdi>{service.note}</bdi>
                    </span>
                  ) : null}
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function ServiceForm({ api, caseId, agencyName, onDone, onCancel }: { api: ApiClient; caseId: string; agencyName: string; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const [kind, setKind] = useState<(typeof SERVICE_KINDS)[number]>('SHELTER');
  const [provider, setProvider] = useState(agencyName);
  const [deliveredOn, setDeliveredOn] = useState(today());
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState(false);
  const record = useMutation({
    mutationFn: () =>
      unwrap<DeliveredService>(
        api.POST('/api/v1/cases/{id}/services', {
          params: { path: { id: caseId } },
          body: { kind, provider: provider.trim(), deliveredOn, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (provider.trim().length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(deliveredOn)) {
      setProblem(true);
      return;
    }
    record.mutate();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={intl.formatMessage(m.jumpService)}>
      <label className={styles.field}>
        <span>{intl.formatMessage(m.serviceKind)}</span>
        {/* The form opens on the user's request ("Record a service"): its first control takes the focus. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <select autoFocus value={kind} onChange={(event) => setKind(event.target.value as (typeof SERVICE_KINDS)[number])}>
          {SERVICE_KINDS.map((code) => (
            <option key={code} value={code}>
              {nameOf(intl, deliveredServiceMessages, code)}
            </option>
          ))}
        </select>
      </label>
      <DateField className={styles.field} label={intl.formatMessage(m.deliveredOn)} value={deliveredOn} max={today()} onChange={setDeliveredOn} />
      <label className={`${styles.field} ${styles.wide}`}>
        <span>{intl.formatMessage(m.provider)}</span>
        <input
          value={provider}
          maxLength={200}
          aria-invalid={problem || undefined}
          onChange={(event) => {
            setProvider(event.target.value);
            setProblem(false);
          }}
        />
      </label>
      <label className={`${styles.field} ${styles.wide}`}>
        <span>{intl.formatMessage(m.serviceNote)}</span>
        <input value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </label>
      {problem ? (
        <p className={styles.problem} role="alert">
          {intl.formatMessage(m.serviceInvalid)}
        </p>
      ) : null}
      {record.isError ? (
        <Alert>
          {intl.formatMessage(m.failed)} {describeError(intl, record.error)}
        </Alert>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" isDisabled={record.isPending}>
          {intl.formatMessage(m.addService)}
        </Button>
        <Button variant="quiet" onPress={onCancel}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </div>
    </form>
  );
}
