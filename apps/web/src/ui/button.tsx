import { Button as AriaButton, ButtonProps } from 'react-aria-components';
import styles from './button.module.css';

interface Props extends ButtonProps {
  /** danger: the confirmation of something irreversible or high-impact (decline, close, activate, deactivate, withdraw). */
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
}

/** The one button: at least 44 px high, a visible focus ring, a pending state that keeps its width. */
export function Button({ variant = 'primary', className, ...props }: Props) {
  return <AriaButton {...props} className={[styles.button, styles[variant], typeof className === 'string' ? className : ''].join(' ')} />;
}
