import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link, redirect, useNavigate } from '@tanstack/react-router';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Form, ToggleButton } from 'react-aria-components';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { TextField } from '../../../ui/text-field';
import { useOffline } from '../../offline/offline-context';
import { AppHeader } from '../../shell/components/app-header';
import { meQuery } from '../me';
import { passwordMessages } from '../messages';
import styles from './change-password.module.css';

/** The api's rule for a password (CreateUserDto, ChangePasswordDto). */
const MIN_LENGTH = 12;

interface PasswordSearch {
  /** Where to go once the password is changed (the page the user was sent here from). */
  next?: string;
}

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/**
 * The user's own password: where a session held at the password change (a first or temporary password) is
 * sent, and where anyone may change theirs. Outside the signed-in layout: nothing else opens before it is done.
 */
export const Route = createFileRoute('/password')({
  validateSearch: (search: Record<string, unknown>): PasswordSearch => ({
    next: typeof search.next === 'string' && search.next.startsWith('/') && !search.next.startsWith('//') && !search.next.startsWith('/password') ? search.next : undefined,
  }),
  beforeLoad: ({ context, location }) => {
    if (!context.session.username) throw redirect({ to: '/sign-in', search: { next: location.href } });
  },
  component: ChangePassword,
});

function ChangePassword() {
  const intl = useIntl();
  const { session, api } = Route.useRouteContext();
  const { next } = Route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const offline = useOffline();
  const me = useQuery(meQuery(api));
  // Read once: the page keeps its words while the change goes through (the flag clears on success).
  const [required] = useState(() => session.passwordChangeRequired);
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [show, setShow] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const set = (field: Field) => (value: string) => {
    setValues((before) => ({ ...before, [field]: value }));
    setProblems((before) => ({ ...before, [field]: undefined }));
  };

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = intl.formatMessage(passwordMessages.currentMissing);
    if (values.newPassword.length < MIN_LENGTH) found.newPassword = intl.formatMessage(passwordMessages.tooShort, { min: MIN_LENGTH });
    else if (values.newPassword === values.currentPassword) found.newPassword = intl.formatMessage(passwordMessages.same);
    if (!found.newPassword && values.repeat !== values.newPassword) found.repeat = intl.formatMessage(passwordMessages.mismatch);
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await session.changePassword(values.currentPassword, values.newPassword);
      const username = session.username;
      // The key that seals this user's records on the device follows the password (offline sign-in takes the new one).
      if (username) await offline.vault.changePassword(username, values.currentPassword, values.newPassword).catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      if (required) {
        await navigate({ href: next ?? '/' });
        return;
      }
      setDone(true);
      setPending(false);
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fields : [];
      if (fields.some((f) => f.path === 'currentPassword')) setProblems({ currentPassword: intl.formatMessage(passwordMessages.currentWrong) });
      else if (fields.some((f) => f.path === 'newPassword')) setProblems({ newPassword: intl.formatMessage(values.newPassword === values.currentPassword ? passwordMessages.same : passwordMessages.tooShort, { min: MIN_LENGTH }) });
      else setError(failure);
      setPending(false);
    }
  };

  const signOut = async () => {
    setSigningOut(true);
    offline.vault.lock();
    await session.signOut();
    await navigate({ to: '/sign-in' });
  };

  const invalid = (field: Field) => (problems[field] ? { validate: () => problems[field] ?? null } : {});

  return (
    <div className={styles.page}>
      <AppHeader me={me.data} onSignOut={() => void signOut()} signingOut={signingOut} passwordLink={false} />
      <main id="main" className={styles.main}>
        <section className={styles.card} aria-labelledby="password-title">
          <h1 id="password-title">{intl.formatMessage(required ? passwordMessages.requiredTitle : passwordMessages.title)}</h1>
          {required ? <p className={styles.lead}>{intl.formatMessage(passwordMessages.requiredIntro)}</p> : null}
          {done ? null : <p className={styles.intro}>{intl.formatMessage(passwordMessages.intro)}</p>}
          {done ? (
            <div ref={doneRef} tabIndex={-1} className={styles.done}>
              <p role="status" className={styles.status}>
                {intl.formatMessage(passwordMessages.changed)}
              </p>
              <Link to="/" className={styles.back}>
                {intl.formatMessage(passwordMessages.back)}
              </Link>
            </div>
          ) : (
            <>
              {error ? <Alert>{describeError(intl, error)}</Alert> : null}
              <Form className={styles.form} onSubmit={(event) => void submit(event)} validationBehavior="aria">
                <TextField
                  label={intl.formatMessage(passwordMessages.current)}
                  description={required ? intl.formatMessage(passwordMessages.currentRequiredHint) : undefined}
                  name="currentPassword"
                  type={show ? 'text' : 'password'}
                  autoComplete="current-password"
                  value={values.currentPassword}
                  onChange={set('currentPassword')}
                  {...invalid('currentPassword')}
                />
                <TextField
                  label={intl.formatMessage(passwordMessages.new)}
                  description={intl.formatMessage(passwordMessages.newHint, { min: MIN_LENGTH })}
                  name="newPassword"
                  type={show ? 'text' : 'password'}
                  autoComplete="new-password"
                  value={values.newPassword}
                  onChange={set('newPassword')}
                  {...invalid('newPassword')}
                />
                <TextField
                  label={intl.formatMessage(passwordMessages.repeat)}
                  name="repeat"
                  type={show ? 'text' : 'password'}
                  autoComplete="new-password"
                  value={values.repeat}
                  onChange={set('repeat')}
                  {...invalid('repeat')}
                />
                <ToggleButton className={styles.showPassword} isSelected={show} onChange={setShow}>
                  <span className={styles.box} aria-hidden="true" />
                  {intl.formatMessage(passwordMessages.show)}
                </ToggleButton>
                <div className={styles.actions}>
                  <Button type="submit" isDisabled={pending} className={styles.submit}>
                    {intl.formatMessage(passwordMessages.submit)}
                  </Button>
                  {required ? null : (
                    <Link to="/" className={styles.back}>
                      {intl.formatMessage(passwordMessages.cancel)}
                    </Link>
                  )}
                </div>
              </Form>
            </>
          )}
        </section>
      </main>
    </div>
  );
}
