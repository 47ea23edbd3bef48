import type { IntlShape, MessageDescriptor } from 'react-intl';
import { ApiError } from '../../api/api-error';
import { refusalMessages as r } from './messages';

/** A calendar day (YYYY-MM-DD) in words, in the UI language: "12 March 2027". */
export const formatDay = (intl: IntlShape, day: string): string => intl.formatDate(`${day}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });

/** A safeguard's refusal in plain words: what protects the person, what can be done instead, who leads. */
export interface RefusalExplanation {
  title: string;
  reasons: string[];
  instead: string[];
  /** The agency leading the case (its name goes in <bdi>); null: none yet; undefined: the refusal does not say. */
  lead?: { name: string; kind: string } | null;
  noOverride: boolean;
}

const REASONS: Readonly<Record<string, MessageDescriptor>> = {
  ASYLUM_WISH_PENDING: r.ASYLUM_WISH_PENDING,
  ASYLUM_CLAIM_PENDING: r.ASYLUM_CLAIM_PENDING,
  ASYLUM_APPEAL_PENDING: r.ASYLUM_APPEAL_PENDING,
  INTERNATIONAL_PROTECTION_GRANTED: r.INTERNATIONAL_PROTECTION_GRANTED,
  PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD: r.PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD,
  CHILD_WITHOUT_BID_SUPPORTING_RETURN: r.CHILD_WITHOUT_BID_SUPPORTING_RETURN,
  REFOULEMENT_RISK_FLAG_OPEN: r.REFOULEMENT_RISK_FLAG_OPEN,
  PROTECTION_PROFILE_OPEN: r.PROTECTION_PROFILE_OPEN,
  PROTECTION_NEED_OPEN: r.PROTECTION_NEED_OPEN,
};

const INSTEAD: Readonly<Record<string, MessageDescriptor>> = {
  ASYLUM_WISH_PENDING: r.insteadAsylum,
  ASYLUM_CLAIM_PENDING: r.insteadAsylum,
  ASYLUM_APPEAL_PENDING: r.insteadAsylum,
  INTERNATIONAL_PROTECTION_GRANTED: r.insteadGranted,
  REFLECTION_PERIOD_RUNNING: r.insteadReflection,
  PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD: r.insteadPresumed,
  CHILD_WITHOUT_BID_SUPPORTING_RETURN: r.insteadChild,
  REFOULEMENT_RISK_FLAG_OPEN: r.insteadFlag,
  PROTECTION_PROFILE_OPEN: r.insteadProfile,
};

const GROUNDS: Readonly<Record<string, MessageDescriptor>> = {
  UNACCOMPANIED_OR_SEPARATED_CHILD: r.GROUND_UNACCOMPANIED_OR_SEPARATED_CHILD,
  CHILD: r.GROUND_CHILD,
  TRAFFICKING_VICTIM: r.GROUND_TRAFFICKING_VICTIM,
  TORTURE_SURVIVOR: r.GROUND_TORTURE_SURVIVOR,
  SGBV_SURVIVOR: r.GROUND_SGBV_SURVIVOR,
  PREGNANT: r.GROUND_PREGNANT,
  SERIOUSLY_ILL: r.GROUND_SERIOUSLY_ILL,
  OTHER_PROTECTED_GROUND: r.GROUND_OTHER_PROTECTED_GROUND,
};

interface Reason {
  code: string;
  until?: string;
  /** For an open refoulement-risk flag: each open flag, the agency that opened it and when. */
  flags?: unknown;
}

interface OpenFlag {
  openedAt: string;
  agency: { name: string; kind: string };
}

const isOpenFlag = (value: unknown): value is OpenFlag =>
  typeof value === 'object' && value !== null && typeof (value as OpenFlag).openedAt === 'string' && typeof (value as OpenFlag).agency?.name === 'string';

/** What can be done about one reason: for an open flag, whom to ask (each flagging agency by name, isolated from the sentence's direction, and since when). */
function insteadOf(intl: IntlShape, reason: Reason): string[] {
  const flags = Array.isArray(reason.flags) ? reason.flags.filter(isOpenFlag) : [];
  if (reason.code === 'REFOULEMENT_RISK_FLAG_OPEN' && flags.length > 0) {
    return flags.map((f) => intl.formatMessage(r.insteadFlagNamed, { agency: `\u2068${f.agency.name}\u2069`, date: intl.formatDate(f.openedAt, { dateStyle: 'long' }) }));
  }
  const instead = INSTEAD[reason.code];
  return instead ? [intl.formatMessage(instead)] : [];
}

const isReason = (value: unknown): value is Reason => typeof value === 'object' && value !== null && typeof (value as Reason).code === 'string';

/** One reason of the non-refoulement lock (from a refusal or from the case's safeguard status) in words. */
export function reasonText(intl: IntlShape, reason: Reason): string {
  if (reason.code === 'REFLECTION_PERIOD_RUNNING') {
    return reason.until ? intl.formatMessage(r.REFLECTION_PERIOD_RUNNING, { until: formatDay(intl, reason.until) }) : intl.formatMessage(r.REFLECTION_PERIOD_RUNNING_noDate);
  }
  const message = REASONS[reason.code];
  return message ? intl.formatMessage(message) : intl.formatMessage(r.otherReason);
}

/** A detention ground in words ("a presumed or identified victim of trafficking"). */
export function groundText(intl: IntlShape, code: string): string {
  return intl.formatMessage(GROUNDS[code] ?? r.GROUND_OTHER_PROTECTED_GROUND);
}

const unique = (items: string[]): string[] => items.filter((item, i) => items.indexOf(item) === i);

function leadOf(details: Readonly<Record<string, unknown>>): RefusalExplanation['lead'] {
  if (!('lead' in details)) return undefined;
  const lead = details['lead'] as { name?: unknown; kind?: unknown } | null;
  return lead && typeof lead.name === 'string' && typeof lead.kind === 'string' ? { name: lead.name, kind: lead.kind } : null;
}

/**
 * The plain-language explanation of a removal or detention refused by a safeguard (409 SAFEGUARD.NON_REFOULEMENT
 * or SAFEGUARD.DETENTION_GUARD), from the reasons the api names; null for any other error (the shared error
 * sentence then says it).
 */
export function explainRefusal(intl: IntlShape, error: unknown): RefusalExplanation | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details;
  if (error.code === 'SAFEGUARD.NON_REFOULEMENT') {
    const reasons = (Array.isArray(details['reasons']) ? details['reasons'] : []).filter(isReason);
    return {
      title: intl.formatMessage(r.removalTitle),
      reasons: reasons.length > 0 ? reasons.map((reason) => reasonText(intl, reason)) : [intl.formatMessage(r.otherReason)],
      instead: unique(reasons.flatMap((reason) => insteadOf(intl, reason))),
      lead: leadOf(details),
      noOverride: true,
    };
  }
  if (error.code === 'SAFEGUARD.DETENTION_GUARD') {
    const grounds = (Array.isArray(details['grounds']) ? details['grounds'] : []).filter((g): g is string => typeof g === 'string');
    const override = details['override'];
    const instead =
      override === 'NO_OVERRIDE_EXISTS'
        ? [intl.formatMessage(r.detentionInsteadCare)]
        : override === 'JUSTIFICATION_TOO_SHORT'
          ? [intl.formatMessage(r.detentionJustificationShort)]
          : override === 'BEST_INTERESTS_ASSESSMENT_REQUIRED'
            ? [intl.formatMessage(r.detentionNeedsBia)]
            : [intl.formatMessage(r.detentionNeedsOverride)];
    return {
      title: intl.formatMessage(r.detentionTitle),
      reasons: [
        intl.formatMessage(r.detentionGrounds, { grounds: intl.formatList(grounds.map((g) => groundText(intl, g)), { type: 'conjunction' }) }),
        ...(override === 'NO_OVERRIDE_EXISTS' ? [intl.formatMessage(r.detentionNoOverride)] : []),
      ],
      instead,
      lead: leadOf(details),
      noOverride: override === 'NO_OVERRIDE_EXISTS',
    };
  }
  return null;
}
