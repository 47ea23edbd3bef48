import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { protectionMessages as m } from '../messages';
import { dayOf, daysBetween, lastDayOf, TraffickingRecord } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import styles from './record-card.module.css';

/** Today, re-read every minute, so that a page left open counts the days down at midnight. */
function useToday(): string {
  const [today, setToday] = useState(() => dayOf(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setToday(dayOf(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

/** The reflection period: days left while it runs (a live countdown), else when it starts or how it ended. */
export function ReflectionCountdown({ period }: { period: NonNullable<TraffickingRecord['reflectionPeriod']> }) {
  const intl = useIntl();
  const today = useToday();
  const until = formatDay(intl, lastDayOf(period.endsOn));
  if (period.endedOn) return <p className={styles.muted}>{intl.formatMessage(m.reflectionEnded, { endedOn: formatDay(intl, period.endedOn) })}</p>;
  if (today < period.startsOn) return <p className={styles.countdown}>{intl.formatMessage(m.reflectionUpcoming, { startsOn: formatDay(intl, period.startsOn), until })}</p>;
  if (today >= period.endsOn) return <p className={styles.muted}>{intl.formatMessage(m.reflectionOver, { startsOn: formatDay(intl, period.startsOn), until })}</p>;
  return (
    <p className={styles.countdown} data-testid="reflection-countdown">
      {intl.formatMessage(m.reflectionRunning, { days: daysBetween(today, period.endsOn), until })}
    </p>
  );
}
