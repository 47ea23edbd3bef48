import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { StatusChip } from '../../../ui/status-chip';
import { can, meQuery } from '../../auth/me';
import { SopApprovals } from '../components/sop-approvals';
import { SopDiffView } from '../components/sop-diff';
import { SopLifecycle } from '../components/sop-lifecycle';
import { SopSimulation } from '../components/sop-simulation';
import { sopTone } from '../components/sop-status';
import { sopMessages, sopStatusMessages } from '../messages';
import { sopListQuery, sopQuery } from '../sop-api';
import styles from './sop.module.css';

/** One version: its lifecycle, the signatories' approvals, what it changes, and how it would route sample arrivals. */
export const Route = createFileRoute('/_signed-in/sops/$sopId')({
  component: SopVersionPage,
});

function SopVersionPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { sopId } = Route.useParams();
  const me = useQuery(meQuery(api));
  const version = useQuery(sopQuery(api, sopId));
  const list = useQuery(sopListQuery(api));
  const [notice, setNotice] = useState('');
  if (version.isError) return <Alert>{describeError(intl, version.error)}</Alert>;
  if (!version.data) return null;
  const v = version.data;
  const active = list.data?.items.find((item) => item.status === 'ACTIVE' && item.jurisdiction === v.jurisdiction && item.id !== v.id) ?? null;
  const date = (at: string) => intl.formatDate(at, DATE_TIME);
  return (
    <section aria-labelledby="sop-title" className={styles.page}>
      <Link to="/sops" className={styles.back}>
        {intl.formatMessage(sopMessages.allVersions)}
      </Link>
      <header className={styles.head}>
        <div className={styles.titleRow}>
          <h1 id="sop-title">{intl.formatMessage(sopMessages.versionTitle, { label: <bdi key="label" dir="ltr" className={styles.versionLabel}>{v.label}</bdi> })}</h1>
          <StatusChip tone={sopTone(v.status)}>{nameOf(intl, sopStatusMessages, v.status)}</StatusChip>
        </div>
        {v.title ? (
          <p className={styles.subtitle}>
            <bdi>{v.title}</bdi>
          </p>
        ) : null}
        <p className={styles.meta}>
          <span>{intl.formatMessage(sopMessages.jurisdiction, { country: v.jurisdiction })}</span>
          {v.effectiveFrom ? <span>{intl.formatMessage(sopMessages.effectiveFrom, { date: intl.formatDate(v.effectiveFrom, { dateStyle: 'medium', timeZone: 'UTC' }) })}</span> : null}
          <span>{intl.formatMessage(sopMessages.uploadedOn, { date: date(v.createdAt) })}</span>
          {v.activatedAt ? <span>{intl.formatMessage(sopMessages.activatedOn, { date: date(v.activatedAt) })}</span> : null}
          {v.retiredAt ? <span>{intl.formatMessage(sopMessages.retiredOn, { date: date(v.retiredAt) })}</span> : null}
        </p>
      </header>
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      {v.status === 'ACTIVE' ? <Alert tone="info">{intl.formatMessage(sopMessages.activeNote)}</Alert> : null}
      {v.status === 'RETIRED' ? <Alert tone="info">{intl.formatMessage(sopMessages.retiredNote)}</Alert> : null}
      {v.status === 'DRAFT' && can(me.data, 'SOP_MANAGE') ? <SopLifecycle api={api} version={v} active={active} onDone={setNotice} /> : null}
      <SopApprovals api={api} version={v} me={me.data} onDone={setNotice} />
      <SopDiffView api={api} version={v} others={(list.data?.items ?? []).filter((item) => item.id !== v.id)} />
      {can(me.data, 'SOP_MANAGE') && v.status !== 'RETIRED' ? <SopSimulation api={api} version={v} /> : null}
    </section>
  );
}
