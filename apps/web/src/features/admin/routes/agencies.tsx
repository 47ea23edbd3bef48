import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf, serviceMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { AdminAgency, agenciesQuery, borderPointsQuery } from '../admin-api';
import { AgencyDialog } from '../components/agency-dialog';
import { WebhookDialog } from '../components/webhook-dialog';
import { adminMessages } from '../messages';
import styles from '../components/admin.module.css';

/** The referral network's agencies: create, edit, and each one's webhook. */
export const Route = createFileRoute('/_signed-in/admin/agencies')({
  component: Agencies,
});

type Open = { kind: 'edit'; agency: AdminAgency | null } | { kind: 'webhook'; agency: AdminAgency } | null;

function Agencies() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const agencies = useQuery(agenciesQuery(api));
  const points = useQuery(borderPointsQuery(api));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const pointCode = new Map((points.data ?? []).map((point) => [point.id, point.code]));
  const language = (code: string): string => intl.formatDisplayName(code, { type: 'language' }) ?? code;
  const error = agencies.error ?? points.error;

  return (
    <section aria-labelledby="agencies-title" className={styles.section}>
      <div className={styles.head}>
        <div>
          <h1 id="agencies-title">{intl.formatMessage(adminMessages.agenciesTitle)}</h1>
          <p className={styles.intro}>{intl.formatMessage(adminMessages.agenciesIntro)}</p>
        </div>
        <Button onPress={() => setOpen({ kind: 'edit', agency: null })} isDisabled={!points.data}>
          {intl.formatMessage(adminMessages.newAgency)}
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
      {agencies.data ? (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage(adminMessages.colName)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colServices)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colCoverage)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colLanguages)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colCapacity)}</th>
              <th scope="col">{intl.formatMessage(adminMessages.colActions)}</th>
            </tr>
          </thead>
          <tbody>
            {[...agencies.data]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((agency) => (
                <tr key={agency.id} className={agency.active ? undefined : styles.retired} data-agency={agency.name}>
                  <td data-label={intl.formatMessage(adminMessages.colName)}>
                    <span className={styles.name}>
                      <bdi>{agency.name}</bdi>
                      <span className={styles.sub}>
                        {nameOf(intl, agencyKindMessages, agency.kind)}
                        {agency.active ? null : (
                          <>
                            {' '}
                            <StatusChip tone="neutral">{intl.formatMessage(adminMessages.inactive)}</StatusChip>
                          </>
                        )}
                      </span>
                    </span>
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colServices)}>
                    {agency.services.length > 0 ? (
                      <ul className={styles.chips}>
                        {agency.services.map((service) => (
                          <li key={service} className={styles.chip}>
                            {nameOf(intl, serviceMessages, service)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className={styles.muted}>{intl.formatMessage(adminMessages.none)}</span>
                    )}
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colCoverage)}>
                    {agency.coverageBorderPointIds.length + agency.coverageRegions.length > 0 ? (
                      <span>
                        <bdi dir="ltr" className={styles.mono}>{agency.coverageBorderPointIds.map((id) => pointCode.get(id) ?? '').join(' · ')}</bdi>
                        {agency.coverageRegions.length > 0 ? <span className={styles.muted}> {intl.formatList(agency.coverageRegions)}</span> : null}
                      </span>
                    ) : (
                      <span className={styles.muted}>{intl.formatMessage(adminMessages.none)}</span>
                    )}
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colLanguages)}>{intl.formatList(agency.languages.map(language))}</td>
                  <td data-label={intl.formatMessage(adminMessages.colCapacity)} className={styles.nowrap}>
                    {agency.dailyCapacity === null ? <span className={styles.muted}>{intl.formatMessage(adminMessages.noLimit)}</span> : intl.formatNumber(agency.dailyCapacity)}
                  </td>
                  <td data-label={intl.formatMessage(adminMessages.colActions)}>
                    <div className={styles.actions}>
                      <Button variant="secondary" onPress={() => setOpen({ kind: 'edit', agency })} aria-label={intl.formatMessage(adminMessages.editAgencyLabel, { name: agency.name })} isDisabled={!points.data}>
                        {intl.formatMessage(adminMessages.edit)}
                      </Button>
                      <Button variant="quiet" onPress={() => setOpen({ kind: 'webhook', agency })} aria-label={intl.formatMessage(adminMessages.webhookLabel, { name: agency.name })}>
                        {intl.formatMessage(adminMessages.webhook)}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
      {open?.kind === 'edit' && points.data ? (
        <AgencyDialog
          api={api}
          agency={open.agency}
          borderPoints={points.data}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(intl.formatMessage(adminMessages.saved, { name: saved.name }));
          }}
        />
      ) : null}
      {open?.kind === 'webhook' ? <WebhookDialog api={api} agency={open.agency} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
