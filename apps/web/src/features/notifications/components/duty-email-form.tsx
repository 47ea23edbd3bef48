import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { isLocale, Locale, matchLocale } from '../../../i18n/locales';
import { localeNames } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { CheckIcon } from '../../../ui/icons';
import { TextField } from '../../../ui/text-field';
import { exampleAddress, notificationMessages as m } from '../messages';
import { NotificationSettings, notificationSettingsQuery, removeDutyEmail, saveDutyEmail } from '../notifications-api';
import { LanguageSelect } from './language-select';
import styles from './settings-card.module.css';

type Agency = NotificationSettings['agency'];

/** The agency's duty address: set, changed or removed by a manager; shown to everyone else. */
export function DutyEmailCard({ api, agency }: { api: ApiClient; agency: Agency }) {
  const intl = useIntl();
  const duty = agency.dutyEmail;
  // A save's confirmation, beside the card's title.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="duty-title" className={styles.card}>
      <div className={styles.titleRow}>
        <h2 id="duty-title">{intl.formatMessage(m.dutyTitle, { agency: <bdi key="agency">{agency.name}</bdi> })}</h2>
        <SavedNote notice={notice} />
      </div>
      <p className={styles.muted}>{intl.formatMessage(m.dutyIntro)}</p>
      {agency.canManage ? (
        <DutyEmailForm api={api} agencyId={agency.id} duty={duty} setNotice={setNotice} />
      ) : (
        <>
          <p data-testid="duty-current">
            {duty
              ? intl.formatMessage(m.dutyCurrent, { address: <bdi key="address">{duty.address}</bdi>, language: intl.formatMessage(localeNames[duty.language]) })
              : intl.formatMessage(m.dutyNone)}
          </p>
          <p className={styles.muted}>{intl.formatMessage(m.dutyOnlyManagers)}</p>
        </>
      )}
    </section>
  );
}

/** The confirmation of a save: green with a tick, in a live region that is there before it speaks. */
export function SavedNote({ notice }: { notice: string | null }) {
  return (
    <p aria-live="polite" role="status" className={styles.saved}>
      {notice ? (
        <>
          <CheckIcon />
          {notice}
        </>
      ) : null}
    </p>
  );
}

function DutyEmailForm({ api, agencyId, duty, setNotice }: { api: ApiClient; agencyId: string; duty: Agency['dutyEmail']; setNotice: (notice: string | null) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  // The page's language (`ar-EG` formats Arabic pages): what e-mails are written in until another is picked.
  const pageLocale = matchLocale([intl.locale]) ?? 'en';
  const [address, setAddress] = useState(duty?.address ?? '');
  const [chosenLanguage, setLanguage] = useState<Locale | null>(duty && isLocale(duty.language) ? duty.language : null);
  // Not chosen yet: the language the manager reads the page in (known once its catalog is in).
  const language: Locale = chosenLanguage ?? pageLocale;
  const [problem, setProblem] = useState<string | null>(null);
  const done = async (message: string) => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: notificationSettingsQuery(api).queryKey });
  };
  const save = useMutation({
    mutationFn: () => saveDutyEmail(api, agencyId, { address, language }),
    onSuccess: () => done(intl.formatMessage(m.dutySaved)),
    onError: (error) => setProblem(error instanceof ApiError && error.fields.some((f) => f.path === 'address') ? intl.formatMessage(m.addressInvalid, exampleAddress(intl)) : null),
  });
  const remove = useMutation({
    mutationFn: () => removeDutyEmail(api, agencyId),
    onSuccess: () => {
      setAddress('');
      return done(intl.formatMessage(m.dutyRemoved));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const trimmed = address.trim();
    const local = trimmed === '' ? m.addressRequired : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? null : m.addressInvalid;
    setProblem(local ? intl.formatMessage(local, exampleAddress(intl)) : null);
    if (!local) save.mutate();
  };
  const error = save.error ?? remove.error;
  useEffect(() => {
    if (error) setNotice(null);
  }, [error, setNotice]);
  return (
    <Form className={styles.form} onSubmit={submit} validationErrors={problem ? { address: problem } : {}} validationBehavior="aria">
      <div className={styles.row}>
        <div className={`${styles.grow} ${styles.address}`}>
          <TextField name="address" type="email" autoComplete="off" label={intl.formatMessage(m.dutyAddress)} value={address} onChange={(value) => {
            setAddress(value);
            setProblem(null);
          }} />
        </div>
        <LanguageSelect id="duty-language" label={intl.formatMessage(m.agencyLanguage)} value={language} onChange={setLanguage} />
      </div>
      {error && !problem ? <Alert>{describeError(intl, error)}</Alert> : null}
      <div className={styles.actions}>
        <Button type="submit" isPending={save.isPending}>
          {intl.formatMessage(m.saveDuty)}
        </Button>
        {duty ? (
          <Button variant="secondary" isPending={remove.isPending} onPress={() => { setNotice(null); setProblem(null); remove.mutate(); }}>
            {intl.formatMessage(m.removeDuty)}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
