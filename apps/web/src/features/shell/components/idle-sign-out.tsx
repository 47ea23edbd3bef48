import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../../ui/button';
import { shellMessages } from '../messages';
import styles from './idle-sign-out.module.css';

/** Shared devices: the warning after 5 minutes without activity, sign-out 60 s later. */
export const IDLE_TIMINGS = { idleMs: 5 * 60_000, warnMs: 60_000 };

/** What counts as the user being there. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

interface Props {
  /** Called once the warning has run out: sign out. */
  onIdle: () => void;
  idleMs?: number;
  warnMs?: number;
}

/**
 * Signs a forgotten session out on a shared device: after `idleMs` without pointer, key, wheel, touch or
 * scroll activity it shows a modal dialog counting down `warnMs`; "Stay signed in" starts over, and
 * when the count reaches zero `onIdle` runs.
 */
export function IdleSignOut({ onIdle, idleMs = IDLE_TIMINGS.idleMs, warnMs = IDLE_TIMINGS.warnMs }: Props) {
  const intl = useIntl();
  const [deadline, setDeadline] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(Math.ceil(warnMs / 1000));
  const lastActivity = useRef(0);
  const idleRef = useRef(onIdle);
  useEffect(() => {
    idleRef.current = onIdle;
  });

  // Watching: note each activity (cheap), and check when the idle time could be up.
  useEffect(() => {
    if (deadline !== null) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const quiet = Date.now() - lastActivity.current;
      if (quiet >= idleMs) {
        setSecondsLeft(Math.ceil(warnMs / 1000));
        setDeadline(Date.now() + warnMs);
      } else timer = setTimeout(check, idleMs - quiet);
    };
    timer = setTimeout(check, idleMs);
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [deadline, idleMs, warnMs]);

  // Warning: count down each second, then sign out.
  useEffect(() => {
    if (deadline === null) return;
    const tick = setInterval(() => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(tick);
        idleRef.current();
      } else setSecondsLeft(left);
    }, 1000);
    return () => clearInterval(tick);
  }, [deadline]);

  return (
    <ModalOverlay className={styles.overlay} isOpen={deadline !== null} isDismissable={false} isKeyboardDismissDisabled>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.title}>
            {intl.formatMessage(shellMessages.idleTitle)}
          </Heading>
          <p>{intl.formatMessage(shellMessages.idleBody, { seconds: secondsLeft, minutes: Math.max(1, Math.round(idleMs / 60_000)) })}</p>
          <Button onPress={() => setDeadline(null)}>
            {intl.formatMessage(shellMessages.idleStay)}
          </Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
