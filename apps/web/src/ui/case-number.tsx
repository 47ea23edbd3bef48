import { Link } from '@tanstack/react-router';
import styles from './case-number.module.css';

interface Props {
  caseNumber: string;
  /** When given (and the user may open the case), the number links to the case page. */
  caseId?: string;
  /** False when the user may not open the case: the number is shown without a link. */
  mayOpen?: boolean;
  className?: string;
}

/** A case number, shown the same way everywhere: even-width digits, never wrapped, isolated left-to-right. */
export function CaseNumber({ caseNumber, caseId, mayOpen = true, className }: Props) {
  const number = (
    <bdi dir="ltr" className={[styles.number, className].filter(Boolean).join(' ')} data-case-number-text="">
      {caseNumber}
    </bdi>
  );
  if (caseId && mayOpen) {
    return (
      <Link to="/cases/$caseId" params={{ caseId }} className={styles.link}>
        {number}
      </Link>
    );
  }
  return number;
}
