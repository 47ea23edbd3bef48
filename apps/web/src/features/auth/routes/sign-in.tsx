import { useQuery } from '@tanstack/react-query';
import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { FormEvent, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Form, ToggleButton } from 'react-aria-components';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Logo } from '../../../ui/icons';
import { TextField } from '../../../ui/text-field';
import { offlineMessages } from '../../offline/messages';
import { useOffline } from '../../offline/offline-context';
import { VaultError } from '../../offline/vault';
import { LanguageSwitch } from '../../shell/components/language-switch';
import { shellMessages } from '../../shell/messages';
import { DemoAccountList } from '../components/demo-account-list';
import { demoAccountsQuery } from '../demo-accounts';
import { signInMessages } from '../messages';
import styles from './sign-in.module.css';

interface SignInSearch {
  /** Where to go after signing in (a deep link that needed sign-in). */
  next?: string;
}

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    next: typeof search.next === 'string' && search.next.startsWith('/') && !search.next.startsWith('//') ? search.next : undefined,
  }),
  beforeLoad: ({ context }) => {
    if (context.session.username) throw redirect({ to: '/' });
  },
  component: SignIn,
});

function SignIn() {
  const intl = useIntl();
  const { session } = Route.useRouteContext();
  const { next } = Route.useSearch();
  const navigate = useNavigate();
  const demo = useQuery(demoAccountsQuery(window.location.origin));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const offline = useOffline();
  const [kept] = useState(() => offline.lastSignOut());

  /**
   * Online, the api checks the password and the device's store opens (or makes) the user's key with it.
   * With no network, a user who signed in on this device before signs in with the password that wraps
   * their key, and nothing else; the session resumes with the api when the network is back.
   */
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      try {
        await session.signIn(username, password);
        await offline.vault.unlockOnline(username, password).catch((failure: unknown) => {
          // The password changed at the api while records made under the old one wait: they stay sealed
          // until unlocked with it (the outbox asks); signing in goes on.
          if (!(failure instanceof VaultError)) throw failure;
        });
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.status === 0)) throw failure;
        const profile = await offline.vault.unlockOffline(username, password);
        session.resume(username, profile.refreshToken);
      }
      offline.noteSignOut(null);
      if (session.passwordChangeRequired) await navigate({ to: '/password', search: { next } });
      else await navigate({ href: next ?? '/' });
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  };

  return (
    <div className={styles.page}>
      <header className={styles.top}>
        <div className={styles.brand}>
          <Logo size={40} />
          <div>
            <p className={styles.product}>{intl.formatMessage(shellMessages.productName)}</p>
            <p className={styles.tagline}>{intl.formatMessage(shellMessages.productTagline)}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <section className={styles.card} aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">{intl.formatMessage(signInMessages.title)}</h1>
          <p className={styles.intro}>{intl.formatMessage(signInMessages.intro)}</p>
          {error instanceof VaultError ? (
            <Alert>{intl.formatMessage(offlineMessages[error.code === 'OFFLINE.LOCKED' ? 'OFFLINE.WRONG_PASSWORD' : error.code])}</Alert>
          ) : error ? (
            <Alert>{describeError(intl, error)}</Alert>
          ) : session.expired ? (
            <Alert tone="info">{intl.formatMessage(signInMessages.expired)}</Alert>
          ) : session.idle ? (
            <Alert tone="info">{intl.formatMessage(signInMessages.idle)}</Alert>
          ) : null}
          {kept && !error ? <Alert tone="info">{intl.formatMessage(offlineMessages.keptAfterSignOut, { count: kept.unsent })}</Alert> : null}
          <Form className={styles.form} onSubmit={(event) => void submit(event)}>
            <TextField
              label={intl.formatMessage(signInMessages.username)}
              name="username"
              autoComplete="username"
              isRequired
              value={username}
              onChange={setUsername}
              validate={(value) => (value.trim() ? null : intl.formatMessage(signInMessages.required, { field: 'username' }))}
            />
            <TextField
              label={intl.formatMessage(signInMessages.password)}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              isRequired
              value={password}
              onChange={setPassword}
              validate={(value) => (value ? null : intl.formatMessage(signInMessages.required, { field: 'password' }))}
              inputRef={passwordRef}
            />
            <ToggleButton className={styles.showPassword} isSelected={showPassword} onChange={setShowPassword}>
              <span className={styles.box} aria-hidden="true" />
              {intl.formatMessage(signInMessages.showPassword)}
            </ToggleButton>
            <Button type="submit" isDisabled={pending} className={styles.submit}>
              {intl.formatMessage(signInMessages.submit)}
            </Button>
          </Form>
        </section>
        {demo.data ? (
          <DemoAccountList
            demo={demo.data}
            onChoose={(name) => {
              setUsername(name);
              setError(null);
              passwordRef.current?.focus();
            }}
          />
        ) : null}
      </main>
    </div>
  );
}
