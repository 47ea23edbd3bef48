import { FormEvent, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { AuthSession } from '../../auth/auth-session';
import { signInMessages } from '../../auth/messages';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { TextField } from '../../../ui/text-field';
import { offlineMessages } from '../messages';
import { useOffline, useVault } from '../offline-context';
import { VaultError } from '../vault';
import styles from './confirm-dialog.module.css';

/**
 * After a reload the data key is gone from memory: when the signed-in user has records on this device,
 * or there is no network, or a page needs the key, this dialog asks for their password to open them.
 */
export function UnlockDialog({ session }: { session: AuthSession }) {
  const intl = useIntl();
  const { vault, outbox } = useOffline();
  const { username: unlocked, unlockRequested } = useVault();
  const username = session.username;
  const [needed, setNeeded] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!username || unlocked === username) return;
    let live = true;
    void (async () => {
      if (!(await vault.knows(username))) return;
      const unsent = await outbox.unsentCount(username);
      if (live) setNeeded(unsent > 0 || !window.navigator.onLine);
    })();
    return () => {
      live = false;
    };
  }, [username, unlocked, vault, outbox]);

  const open = Boolean(username) && unlocked !== username && (needed || unlockRequested);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!username) return;
    setPending(true);
    setError(null);
    try {
      if (await vault.knows(username)) await vault.unlockOffline(username, password);
      else {
        await session.signIn(username, password);
        await vault.unlockOnline(username, password);
      }
      setPassword('');
      setNeeded(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalOverlay className={styles.overlay} isOpen={open} isDismissable={false} isKeyboardDismissDisabled>
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {intl.formatMessage(offlineMessages.unlockTitle)}
          </Heading>
          <p>{intl.formatMessage(offlineMessages.unlockBody, { username: <bdi key="user">{username}</bdi> })}</p>
          {error ? <Alert>{error instanceof VaultError ? intl.formatMessage(offlineMessages[error.code === 'OFFLINE.LOCKED' ? 'OFFLINE.WRONG_PASSWORD' : error.code]) : describeError(intl, error)}</Alert> : null}
          <Form onSubmit={(event) => void submit(event)} className={styles.form}>
            <TextField label={intl.formatMessage(signInMessages.password)} type="password" autoComplete="current-password" isRequired value={password} onChange={setPassword} />
            <div className={styles.actions}>
              <Button
                variant="secondary"
                onPress={() => {
                  setNeeded(false);
                  vault.lock();
                }}
              >
                {intl.formatMessage(offlineMessages.cancel)}
              </Button>
              <Button type="submit" isDisabled={pending}>
                {intl.formatMessage(offlineMessages.unlockSubmit)}
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
