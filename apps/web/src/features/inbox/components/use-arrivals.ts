import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Referral } from '../../referrals/referrals-api';
import { inboxMessages } from '../messages';

/**
 * Which referrals arrived since the page first read the queue: ids new in a page that was read before (a
 * poll brought them), never those of a page loaded for the first time (scrolling down is no arrival).
 */
export function newArrivals(seen: ReadonlySet<string>, previousPageCount: number, pages: readonly { items: readonly Referral[] }[]): Referral[] {
  return pages.slice(0, previousPageCount).flatMap((page) => page.items.filter((referral) => !seen.has(referral.id)));
}

/**
 * Tracks the referrals the page has shown; answers those that arrived by a poll (marked "New") and the
 * polite announcement of the last arrivals (read by screen readers without moving the focus).
 */
export function useArrivals(pages: readonly { items: readonly Referral[] }[] | undefined): { fresh: ReadonlySet<string>; announcement: string } {
  const intl = useIntl();
  const seen = useRef<Set<string>>(new Set());
  const pageCount = useRef(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!pages) return;
    const arrived = newArrivals(seen.current, pageCount.current, pages);
    for (const page of pages) for (const referral of page.items) seen.current.add(referral.id);
    pageCount.current = pages.length;
    if (arrived.length === 0) return;
    setFresh((before) => new Set([...before, ...arrived.map((referral) => referral.id)]));
    setAnnouncement(intl.formatMessage(inboxMessages.arrived, { count: arrived.length, caseNumber: arrived[0]?.caseNumber ?? '' }));
  }, [pages, intl]);
  return { fresh, announcement };
}
