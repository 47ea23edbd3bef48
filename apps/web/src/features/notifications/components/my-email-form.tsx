import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { isLocale, Locale, matchLocale } from '../../../i18n/locales';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { TextField } from '../../../ui/text-field';
import { exampleAddress, notificationMessages as m } from '../messages';
import { choiceProblem, EMAIL_KINDS, EmailKind, MyChoice, NotificationSettings, notificationSettingsQuery, saveMyChoice } from '../notifications-api';
import { LanguageSelect } from './language-select';
import { SavedNote } from './duty-email-form';
import styles from './settings-card.module.css';

const KIND_LABEL = { NEW_REFERRAL: m.kindNEW_REFERRAL, DEADLINE_SOON: m.kindDEADLINE_SOON, ESCALATION: m.kindESCALATION } as const;

/** The user's own e-mails: which kinds, to which address, in which language. */
export function MyEmailCard({ api, mine }: { api: ApiClient; mine: NotificationSettings['mine'] }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  // The page's language (`ar-EG` formats Arabic pages): what e-mails are written in until another is picked.
  const pageLocale = matchLocale([intl.locale]) ?? 'en';
  const [edited, setEdited] = useState<Omit<MyChoice, 'language'> & { language: Locale | null }>({
    kinds: mine.kinds,
    address: mine.address ?? '',
    language: mine.language && isLocale(mine.language) ? mine.language : null,
  });
  // Not chosen yet: the language the user reads the page in (known once its catalog is in).
  const choice: MyChoice = { ...edited, language: edited.language ?? pageLocale };
  const setChoice = (change: (c: MyChoice) => MyChoice) => setEdited(change(choice));
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveMyChoice(api, choice),
    onSuccess: async () => {
      setNotice(intl.formatMessage(choice.kinds.length === 0 ? m.mineOff : m.mineSaved));
      await queryClient.invalidateQueries({ queryKey: notificationSettingsQuery(api).queryKey });
    },
    onError: (error) => setProblem(error instanceof ApiError && error.fields.some((f) => f.path === 'address') ? intl.formatMessage(m.addressInvalid, exampleAddress(intl)) : null),
  });
  const toggle = (kind: EmailKind, on: boolean) => setChoice((c) => ({ ...c, kinds: on ? [...c.kinds, kind] : c.kinds.filter((k) => k !== kind) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const local = choiceProblem(choice);
    setProblem(local ? intl.formatMessage(m[local], exampleAddress(intl)) : null);
    if (!local) save.mutate();
  };
  return (
    <section aria-labelledby="mine-title" className={styles.card}>
      <div className={styles.titleRow}>
        <h2 id="mine-title">{intl.formatMessage(m.mineTitle)}</h2>
        <SavedNote notice={save.error ? null : notice} />
      </div>
      <p className={styles.muted}>{intl.formatMessage(m.mineIntro)}</p>
      <Form className={styles.form} onSubmit={submit} validationErrors={problem ? { address: problem } : {}} validationBehavior="aria">
        <fieldset className={styles.kinds}>
          <legend>{intl.formatMessage(m.kinds)}</legend>
          {EMAIL_KINDS.map((kind) => (
            <label key={kind} className={styles.check}>
              <input type="checkbox" name="kinds" value={kind} checked={choice.kinds.includes(kind)} onChange={(event) => toggle(kind, event.target.checked)} />
              {intl.formatMessage(KIND_LABEL[kind])}
            </label>
          ))}
        </fieldset>
        <div className={styles.row}>
          <div className={`${styles.grow} ${styles.address}`}>
            <TextField name="address" type="email" autoComplete="email" label={intl.formatMessage(m.myAddress)} value={choice.address} onChange={(address) => {
              setChoice((c) => ({ ...c, address }));
              // Said while typing, so the message below does not vanish (and move the button) on the way to Save.
              setProblem(null);
            }} />
          </div>
          <LanguageSelect id="my-language" label={intl.formatMessage(m.myLanguage)} value={choice.language} onChange={(language) => setChoice((c) => ({ ...c, language }))} />
        </div>
        {save.error && !problem ? <Alert>{describeError(intl, save.error)}</Alert> : null}
        <div className={styles.actions}>
          <Button type="submit" isPending={save.isPending}>
            {intl.formatMessage(m.saveMine)}
          </Button>
        </div>
      </Form>
    </section>
  );
}
