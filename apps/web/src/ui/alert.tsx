import { ReactNode } from 'react';
import styles from './alert.module.css';

/** A message the screen reader announces at once (role="alert"). */
export function Alert({ tone = 'danger', children }: { tone?: 'danger' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <div role="alert" className={`${styles.alert} ${styles[tone]}`}>
      {children}
    </div>
  );
}
