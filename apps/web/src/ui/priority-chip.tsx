import type { ReactNode } from 'react';
import { StatusChip, Tone } from './status-chip';
import styles from './status-chip.module.css';

/**
 * A referral's priority (1 immediate, 2 urgent, 3 soon, 4 routine) → tone: the more pressing, the warmer; never
 * the only cue, the chip's text names the level and its bars count it.
 */
export function priorityTone(level: number): Tone {
  if (level <= 1) return 'danger';
  if (level === 2) return 'warning';
  if (level === 3) return 'info';
  return 'neutral';
}

/** Three bars, as many filled as the priority is pressing (3 for immediate, none for routine). */
function PriorityBars({ level }: { level: number }) {
  const filled = Math.max(0, Math.min(3, 4 - level));
  return (
    <svg className={styles.bars} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" data-filled={filled}>
      {[0, 1, 2].map((bar) => (
        <rect key={bar} x={bar * 4 + 0.5} y={8 - bar * 3.5} width="3" height={3.5 + bar * 3.5} rx="0.5" fill={bar < filled ? 'currentColor' : 'none'} stroke="currentColor" />
      ))}
    </svg>
  );
}

/** A priority chip: its colour by level, its bars and its words saying the same. */
export function PriorityChip({ level, children }: { level: number; children: ReactNode }) {
  return (
    <StatusChip tone={priorityTone(level)}>
      <PriorityBars level={level} />
      {children}
    </StatusChip>
  );
}
