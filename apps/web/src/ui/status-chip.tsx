import type { ReactNode } from 'react';
import styles from './status-chip.module.css';

/** What a status means, and so its colour: the same meaning looks the same on every page. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A case's status → tone. */
export const CASE_STATUS_TONE: Record<string, Tone> = {
  OPEN: 'success',
  INCOMPLETE: 'warning',
  CLOSED: 'neutral',
};

/** A referral's status → tone: waiting on someone is a warning, moving is info, done well is success. */
export const REFERRAL_STATUS_TONE: Record<string, Tone> = {
  AWAITING_CONSENT: 'warning',
  PENDING: 'info',
  ACKNOWLEDGED: 'info',
  ACCEPTED: 'success',
  IN_PROGRESS: 'success',
  COMPLETED: 'success',
  SUSPENDED: 'warning',
  DECLINED: 'danger',
  WITHDRAWN: 'neutral',
};

/** A consent decision → tone (a withdrawn consent is neutral, whatever it was). */
export const CONSENT_DECISION_TONE: Record<string, Tone> = {
  GIVEN: 'success',
  LEGAL_BASIS: 'success',
  REFUSED: 'danger',
  WITHDRAWN: 'neutral',
};

export type ToneKind = 'case' | 'referral' | 'consent';

const TONES: Record<ToneKind, Record<string, Tone>> = {
  case: CASE_STATUS_TONE,
  referral: REFERRAL_STATUS_TONE,
  consent: CONSENT_DECISION_TONE,
};

/** The one mapping from a case status, referral status or consent decision to its tone; unknown values are neutral. */
export function toneOf(kind: ToneKind, value: string): Tone {
  return (Object.hasOwn(TONES[kind], value) ? TONES[kind][value] : undefined) ?? 'neutral';
}

interface Props {
  tone: Tone;
  children: ReactNode;
  className?: string;
}

/** A status shown as a chip: one shape everywhere, coloured by its tone. */
export function StatusChip({ tone, children, className }: Props) {
  return (
    <span className={[styles.chip, styles[tone], className].filter(Boolean).join(' ')} data-tone={tone}>
      {children}
    </span>
  );
}
