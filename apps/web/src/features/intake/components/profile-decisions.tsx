import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { Form } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { profileMessages, profileStatusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { can, meQuery } from '../../auth/me';
import { CaseProfile, caseProfilesQuery, writes } from '../intake-api';
import { intakeMessages, urgencyMessages } from '../messages';
import { SelectInput, TextAreaInput } from './fields';
import styles from './profile-decisions.module.css';

const REASON_LIMIT = 1000;

type Pending = { kind: 'remove'; profile: string } | { kind: 'add' } | null;

const profileName = (intl: ReturnType<typeof useIntl>, code: string): string =>
  Object.hasOwn(profileMessages, code) ? intl.formatMessage(profileMessages[code as keyof typeof profileMessages]) : code;

/**
 * A case's profiles with why each was suggested (the indicators that fired), and the decisions on them:
 * confirm a suggestion, remove a profile with a reason, or add one the rules missed with a reason.
 */
export function ProfileDecisions({ api, caseId }: { api: ApiClient; caseId: string }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery(api));
  const profiles = useQuery(caseProfilesQuery(api, caseId));
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [toAdd, setToAdd] = useState('');
  const mayDecide = can(me.data, 'PROFILES_DECIDE');
  const base = `/api/v1/cases/${encodeURIComponent(caseId)}/profiles`;

  const decide = useMutation({
    mutationFn: (action: { kind: 'confirm' | 'remove'; profile: string; reason?: string } | { kind: 'add'; profile: string; reason: string }) =>
      action.kind === 'add'
        ? unwrap<CaseProfile[]>(writes(api).POST(base, { body: { profile: action.profile, reason: action.reason } }))
        : unwrap<CaseProfile[]>(writes(api).POST(`${base}/${encodeURIComponent(action.profile)}/${action.kind}`, { body: action.reason ? { reason: action.reason } : {} })),
    onSuccess: async () => {
      setPending(null);
      setReason('');
      setToAdd('');
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['case', caseId] }), queryClient.invalidateQueries({ queryKey: ['referrals'] })]);
    },
  });

  const startPending = (next: Pending) => {
    setPending(next);
    setReason('');
    setReasonError(undefined);
    decide.reset();
  };

  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    if (reason.trim() === '') {
      setReasonError([intl.formatMessage(intakeMessages.reasonRequired)]);
      return;
    }
    if (pending.kind === 'add') {
      if (!toAdd) return;
      decide.mutate({ kind: 'add', profile: toAdd, reason: reason.trim() });
    } else decide.mutate({ kind: 'remove', profile: pending.profile, reason: reason.trim() });
  };

  if (profiles.isError) return <Alert>{describeError(intl, profiles.error)}</Alert>;
  if (!profiles.data) return null;
  const current = profiles.data.current.filter((p) => p.status !== 'SUPERSEDED');
  const addable = Object.keys(profileMessages).filter((code) => !current.some((p) => p.profile === code && p.status !== 'REMOVED'));

  const reasonForm = (title: string, extra?: ReactNode) => (
    <Form className={styles.reasonForm} onSubmit={submitReason} aria-label={title} validationBehavior="aria">
      <p className={styles.reasonTitle}>{title}</p>
      {extra}
      <TextAreaInput label={intl.formatMessage(intakeMessages.reason)} path="reason" errors={reasonError}
        value={reason}
        onChange={(next) => {
          setReason(next);
          setReasonError(undefined);
        }}
        maxLength={REASON_LIMIT}
      />
      <div className={styles.actions}>
        <Button type="submit" isPending={decide.isPending}>
          {pending?.kind === 'add' ? intl.formatMessage(intakeMessages.add) : intl.formatMessage(intakeMessages.removeProfile)}
        </Button>
        <Button variant="quiet" onPress={() => startPending(null)}>
          {intl.formatMessage(intakeMessages.cancel)}
        </Button>
      </div>
    </Form>
  );

  return (
    <div className={styles.decisions}>
      {decide.isError ? <Alert>{describeError(intl, decide.error)}</Alert> : null}
      {current.length === 0 ? <p className={styles.muted}>{intl.formatMessage(intakeMessages.noProfiles)}</p> : null}
      <ul className={styles.list}>
        {current.map((profile) => {
          const name = profileName(intl, profile.profile);
          return (
            <li key={profile.profile} className={`${styles.profile} ${styles[profile.status.toLowerCase()] ?? ''}`} data-profile={profile.profile}>
              <div className={styles.head}>
                <span className={styles.name}>{name}</span>
                <span className={styles.status}>{intl.formatMessage(profileStatusMessages[profile.status])}</span>
                {profile.urgency !== 'NORMAL' ? (
                  <span className={styles.urgent}>
                    {intl.formatMessage(intakeMessages.urgency, { urgency: intl.formatMessage(urgencyMessages[profile.urgency]) })}
                  </span>
                ) : null}
              </div>
              {profile.indicators.length > 0 ? (
                <div className={styles.why}>
                  <span className={styles.whyLabel}>{intl.formatMessage(intakeMessages.why)}</span>
                  <ul>
                    {profile.indicators.map((indicator) => (
                      <li key={indicator.id}>
                        <bdi>{indicator.reason}</bdi>
                        {indicator.evidence.length > 0 ? (
                          <span className={styles.evidence}>{intl.formatMessage(intakeMessages.evidence, { evidence: <bdi key="e">{indicator.evidence.join('; ')}</bdi> })}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {profile.reason ? (
                <p className={styles.muted}>
                  <bdi>{profile.reason}</bdi>
                </p>
              ) : null}
              {mayDecide && profile.status !== 'REMOVED' ? (
                pending?.kind === 'remove' && pending.profile === profile.profile ? (
                  reasonForm(intl.formatMessage(intakeMessages.removeTitle, { profile: name }))
                ) : (
                  <div className={styles.actions}>
                    {profile.status === 'SUGGESTED' ? (
                      <Button variant="secondary" isPending={decide.isPending && decide.variables?.profile === profile.profile} onPress={() => decide.mutate({ kind: 'confirm', profile: profile.profile })}>
                        {intl.formatMessage(intakeMessages.confirm)}
                        <span className={styles.visuallyHidden}> {name}</span>
                      </Button>
                    ) : null}
                    <Button variant="quiet" onPress={() => startPending({ kind: 'remove', profile: profile.profile })}>
                      {intl.formatMessage(intakeMessages.removeProfile)}
                      <span className={styles.visuallyHidden}> {name}</span>
                    </Button>
                  </div>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      {mayDecide ? (
        pending?.kind === 'add' ? (
          reasonForm(
            intl.formatMessage(intakeMessages.addTitle),
            <SelectInput
              label={intl.formatMessage(intakeMessages.profileToAdd)}
              path="profile"
              value={toAdd}
              onChange={setToAdd}
              options={addable.map((code) => ({ value: code, label: profileName(intl, code) }))}
            />,
          )
        ) : (
          <div>
            <Button variant="quiet" onPress={() => startPending({ kind: 'add' })}>
              {intl.formatMessage(intakeMessages.add)}
            </Button>
          </div>
        )
      ) : null}
    </div>
  );
}
