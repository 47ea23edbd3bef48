import { useInfiniteQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, profileMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import type { Referral } from '../../referrals/referrals-api';
import { casePageMessages, timelineMessages } from '../case-messages';
import { TimelineEntry, timelineQuery } from '../case-view';
import { OPEN_PROFILES } from '../cases-api';
import { Section } from './case-record';
import styles from './case-timeline.module.css';

/** What happened to the case, oldest first, page by page; profile names follow the shared-screen switch. */
export function CaseTimeline({ api, caseId, referrals, showDetails }: { api: ApiClient; caseId: string; referrals: readonly Referral[]; showDetails: boolean }) {
  const intl = useIntl();
  const timeline = useInfiniteQuery(timelineQuery(api, caseId));
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section id="timeline-title" title={intl.formatMessage(casePageMessages.timeline)}>
      {timeline.isError ? (
        <Alert>
          {intl.formatMessage(casePageMessages.timelineFailed)} {describeError(intl, timeline.error)}
        </Alert>
      ) : null}
      {timeline.isSuccess && entries.length === 0 ? <p>{intl.formatMessage(casePageMessages.timelineEmpty)}</p> : null}
      {entries.length > 0 ? (
        <ol className={styles.timeline}>
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${entry.kind}-${index}`} className={styles.entry}>
              <time dateTime={entry.at} className={styles.at}>
                {intl.formatDate(entry.at, DATE_TIME)}
              </time>
              <span className={styles.what}>{describeEntry(intl, entry, referrals, showDetails)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {timeline.hasNextPage ? (
        <Button variant="secondary" onPress={() => void timeline.fetchNextPage()} isDisabled={timeline.isFetchingNextPage}>
          {intl.formatMessage(casePageMessages.timelineMore)}
        </Button>
      ) : null}
    </Section>
  );
}

/** One event in words: its kind, with the profile or the agency it concerns. */
export function describeEntry(intl: ReturnType<typeof useIntl>, entry: TimelineEntry, referrals: readonly Referral[], showDetails: boolean) {
  const known = Object.hasOwn(timelineMessages, entry.kind);
  const event = known ? intl.formatMessage(timelineMessages[entry.kind as keyof typeof timelineMessages]) : null;
  if (!event) return intl.formatMessage(casePageMessages.timelineOther, { code: <bdi key="code">{entry.kind}</bdi> });
  const profile = typeof entry.details.profile === 'string' ? entry.details.profile : null;
  if (entry.kind.startsWith('PROFILE_') && profile) {
    const shown = showDetails || OPEN_PROFILES.has(profile) ? nameOf(intl, profileMessages, profile) : intl.formatMessage(casePageMessages.hiddenProfile);
    return intl.formatMessage(casePageMessages.timelineProfile, { event, profile: shown });
  }
  const referral = referrals.find((candidate) => candidate.id === entry.details.referralId);
  if (entry.kind.startsWith('REFERRAL_') && referral) {
    return intl.formatMessage(casePageMessages.timelineReferral, { event, agency: <bdi key="agency">{referral.agency.name}</bdi> });
  }
  return event;
}
