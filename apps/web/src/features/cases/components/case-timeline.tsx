import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../api/client';
import { DATE_TIME } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, profileMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import type { Referral } from '../../referrals/referrals-api';
import { consentMessages } from '../../rights/messages';
import { taskKindMessages } from '../../tasks/messages';
import { casePageMessages, timelineMessages } from '../case-messages';
import { TimelineEntry, timelineQuery } from '../case-view';
import { OPEN_PROFILES } from '../cases-api';
import { Section } from './case-record';
import styles from './case-timeline.module.css';

/** How many of the newest events show before "Show all events". */
export const TIMELINE_SHOWN = 10;

/** Who the reader is and the names the page knows, to say who did each thing. */
export interface TimelinePeople {
  meId: string;
  users: ReadonlyMap<string, string>;
  agencies: ReadonlyMap<string, string>;
}

/**
 * What happened to the case, newest first, each event with who did it; the latest ten, then all that are
 * loaded, and earlier ones page by page. Profile names follow the shared-screen switch.
 */
export function CaseTimeline({ api, caseId, referrals, showDetails, people }: { api: ApiClient; caseId: string; referrals: readonly Referral[]; showDetails: boolean; people: TimelinePeople }) {
  const intl = useIntl();
  const timeline = useInfiniteQuery(timelineQuery(api, caseId));
  const [all, setAll] = useState(false);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = all ? entries : entries.slice(0, TIMELINE_SHOWN);
  return (
    <Section id="timeline-title" title={intl.formatMessage(casePageMessages.timeline)}>
      {timeline.isError ? (
        <Alert>
          {intl.formatMessage(casePageMessages.timelineFailed)} {describeError(intl, timeline.error)}
        </Alert>
      ) : null}
      {timeline.isSuccess && entries.length === 0 ? <p>{intl.formatMessage(casePageMessages.timelineEmpty)}</p> : null}
      {shown.length > 0 ? (
        <ol className={styles.timeline}>
          {shown.map((entry, index) => {
            const actor = describeActor(intl, entry, referrals, people);
            return (
              <li key={`${entry.at}-${entry.kind}-${index}`} className={styles.entry}>
                <time dateTime={entry.at} className={styles.at}>
                  {intl.formatDate(entry.at, DATE_TIME)}
                </time>
                <span className={styles.what}>
                  {describeEntry(intl, entry, referrals, showDetails)}
                  {actor ? <span className={styles.who}>{intl.formatMessage(casePageMessages.timelineBy, { actor })}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className={styles.more}>
        {entries.length > TIMELINE_SHOWN ? (
          <Button variant="secondary" onPress={() => setAll((open) => !open)} aria-expanded={all}>
            {intl.formatMessage(all ? casePageMessages.timelineFewer : casePageMessages.timelineAll)}
          </Button>
        ) : null}
        {all && timeline.hasNextPage ? (
          <Button variant="secondary" onPress={() => void timeline.fetchNextPage()} isDisabled={timeline.isFetchingNextPage}>
            {intl.formatMessage(casePageMessages.timelineMore)}
          </Button>
        ) : null}
      </div>
    </Section>
  );
}

/** Who did it: "you", a colleague by name (with the agency), or the agency; null when the api names no one the page knows. */
export function describeActor(intl: ReturnType<typeof useIntl>, entry: TimelineEntry, referrals: readonly Referral[], people: TimelinePeople) {
  if (entry.actorUserId && entry.actorUserId === people.meId) return intl.formatMessage(casePageMessages.timelineYou);
  const agencyId = entry.actorAgencyId;
  const agency = agencyId ? (people.agencies.get(agencyId) ?? referrals.find((referral) => referral.agency.id === agencyId)?.agency.name) : undefined;
  const person = entry.actorUserId ? people.users.get(entry.actorUserId) : undefined;
  if (person && agency) return intl.formatMessage(casePageMessages.timelinePersonOf, { person: <bdi key="person">{person}</bdi>, agency: <bdi key="agency">{agency}</bdi> });
  if (person) return <bdi key="person">{person}</bdi>;
  if (agency) return <bdi key="agency">{agency}</bdi>;
  return null;
}

const CONSENT_PURPOSES: Readonly<Record<string, keyof typeof consentMessages>> = {
  REFERRAL: 'purposeREFERRAL',
  DATA_SHARING: 'purposeDATA_SHARING',
  FAMILY_TRACING: 'purposeFAMILY_TRACING',
  STATISTICS: 'purposeSTATISTICS',
};

/** One event in words: its kind, with the profile, the agency, the task or the consent's purpose it concerns. */
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
  const task = typeof entry.details.task === 'string' ? entry.details.task : null;
  if (entry.kind.startsWith('TASK_') && task && task !== 'CUSTOM' && Object.hasOwn(taskKindMessages, task)) {
    return intl.formatMessage(casePageMessages.timelineObject, { event, object: nameOf(intl, taskKindMessages, task) });
  }
  const purpose = typeof entry.details.purpose === 'string' ? CONSENT_PURPOSES[entry.details.purpose] : undefined;
  if (entry.kind.startsWith('CONSENT_') && purpose) {
    return intl.formatMessage(casePageMessages.timelineObject, { event, object: intl.formatMessage(consentMessages[purpose]) });
  }
  return event;
}
