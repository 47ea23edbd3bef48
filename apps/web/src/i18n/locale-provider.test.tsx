import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useIntl } from 'react-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { describeError } from './error-messages';
import { useLocaleSwitch, LocaleProvider } from './locale-provider';
import { DEVICE_LOCALE_KEY, userLocaleKey } from './locale-preference';
import { defineMessages } from './define-messages';
import { LOCALES, Locale } from './locales';

const switchTo = (locale: Locale) => void fireEvent.click(screen.getByRole('button', { name: `switch-${locale}` }));

const probe = defineMessages({ title: { id: 'signIn.title', defaultMessage: 'Sign in' } });

function Probe({ error }: { error?: ApiError }) {
  const intl = useIntl();
  const { locale, setLocale } = useLocaleSwitch();
  return (
    <div>
      {LOCALES.map((code) => (
        <button key={code} type="button" onClick={() => setLocale(code)}>
          {`switch-${code}`}
        </button>
      ))}
      <h1 data-locale={locale}>{intl.formatMessage(probe.title)}</h1>
      {error ? <p role="alert">{describeError(intl, error)}</p> : null}
    </div>
  );
}

const renderAs = (username: string | null, error?: ApiError) =>
  render(
    <LocaleProvider username={username} storage={window.localStorage}>
      <Probe error={error} />
    </LocaleProvider>,
  );

describe('LocaleProvider', () => {
  beforeEach(() => {
    window.localStorage.clear();
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('shows Arabic right to left: <html lang="ar" dir="rtl"> and the Arabic catalog', async () => {
    window.localStorage.setItem(DEVICE_LOCALE_KEY, 'ar');
    renderAs(null);
    expect(await screen.findByRole('heading', { name: 'تسجيل الدخول' })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('switches language at once and back to left to right', async () => {
    renderAs(null);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    switchTo('ar');
    await screen.findByRole('heading', { name: 'تسجيل الدخول' });
    switchTo('sw');
    await screen.findByRole('heading', { name: 'Ingia' });
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('sw');
  });

  it("remembers each user's language on the device, and the device's before sign-in", async () => {
    const first = renderAs('amina.k');
    await screen.findByRole('heading', { name: 'Sign in' });
    switchTo('fr');
    await screen.findByRole('heading', { name: 'Connexion' });
    expect(window.localStorage.getItem(userLocaleKey('amina.k'))).toBe('fr');
    first.unmount();

    // Another official on the same laptop chose Portuguese earlier.
    window.localStorage.setItem(userLocaleKey('joao.m'), 'pt');
    const second = renderAs('joao.m');
    await screen.findByRole('heading', { name: 'Iniciar sessão' });
    second.unmount();

    // Amina signs in again: French, whatever the last user chose.
    renderAs('amina.k');
    await screen.findByRole('heading', { name: 'Connexion' });
  });

  it('brings back the user language when they sign in on a page already open', async () => {
    window.localStorage.setItem(userLocaleKey('amina.k'), 'ar');
    const view = renderAs(null);
    await screen.findByRole('heading', { name: 'Sign in' });
    view.rerender(
      <LocaleProvider username="amina.k" storage={window.localStorage}>
        <Probe />
      </LocaleProvider>,
    );
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
  });

  it('translates api error codes, with plurals for the wait after too many sign-in attempts', async () => {
    window.localStorage.setItem(DEVICE_LOCALE_KEY, 'fr');
    const view = renderAs(null, new ApiError(429, 'AUTH.TOO_MANY_ATTEMPTS', 'c-1', 1));
    expect(await screen.findByRole('alert')).toHaveTextContent('Attendez 1 seconde, puis réessayez.');
    view.unmount();
    window.localStorage.setItem(DEVICE_LOCALE_KEY, 'ar');
    renderAs(null, new ApiError(429, 'AUTH.TOO_MANY_ATTEMPTS', 'c-1', 2));
    expect(await screen.findByRole('alert')).toHaveTextContent('انتظر ثانيتين ثم حاول مرة أخرى.');
  });

  it('gives an unknown api code the general message with the correlation id to quote', async () => {
    renderAs(null, new ApiError(409, 'CASE.SOMETHING_NEW', 'corr-42'));
    expect(await screen.findByRole('alert')).toHaveTextContent('give this reference to support: corr-42.');
  });
});
