import { MonitoredDetention, MonitoredReferral, MonitoredSafeguardEvent } from './monitor-views';

/** One column of a report's CSV: its header and how a row's cell reads. */
export interface CsvColumn<T> {
  header: string;
  cell: (row: T) => string | number | boolean | null;
}

/**
 * RFC 4180 text: CRLF line ends, a field quoted when it holds a comma, quote or line break. A text cell
 * that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) is prefixed with an
 * apostrophe: a justification is typed by a person and must not become a formula in the monitor's sheet.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const field = (value: string | number | boolean | null): string => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((c) => field(c.header)), ...rows.map((row) => columns.map((c) => field(c.cell(row))))].map((line) => line.join(',')).join('\r\n') + '\r\n';
}

const list = (values: readonly string[]): string => values.join(' ');

/** Case numbers, codes, dates and justifications: the columns the monitor is entitled to, never a name or a narrative. */
export const DETENTION_COLUMNS: readonly CsvColumn<MonitoredDetention>[] = [
  { header: 'episode_id', cell: (r) => r.episodeId },
  { header: 'case_number', cell: (r) => r.caseNumber },
  { header: 'border_point', cell: (r) => r.borderPoint },
  { header: 'detaining_agency', cell: (r) => r.detainingAgency },
  { header: 'place', cell: (r) => r.place },
  { header: 'started_at', cell: (r) => r.startedAt },
  { header: 'next_review_on', cell: (r) => r.nextReviewOn },
  { header: 'review_overdue', cell: (r) => r.reviewOverdue },
  { header: 'ended_at', cell: (r) => r.endedAt },
  { header: 'protected_grounds', cell: (r) => list(r.protectedGrounds) },
  { header: 'child_now', cell: (r) => r.childNow },
  { header: 'override_justification', cell: (r) => r.override?.justification ?? null },
  { header: 'access_visits', cell: (r) => r.accessVisits },
];

export const SAFEGUARD_EVENT_COLUMNS: readonly CsvColumn<MonitoredSafeguardEvent>[] = [
  { header: 'event_id', cell: (r) => r.id },
  { header: 'at', cell: (r) => r.at },
  { header: 'case_number', cell: (r) => r.caseNumber },
  { header: 'border_point', cell: (r) => r.borderPoint },
  { header: 'safeguard', cell: (r) => r.safeguard },
  { header: 'outcome', cell: (r) => r.outcome },
  { header: 'attempted', cell: (r) => r.attempted },
  { header: 'reasons', cell: (r) => list(r.reasons) },
  { header: 'agency', cell: (r) => r.agency },
  { header: 'justification', cell: (r) => r.justification },
];

export const OVERDUE_REFERRAL_COLUMNS: readonly CsvColumn<MonitoredReferral>[] = [
  { header: 'referral_id', cell: (r) => r.referralId },
  { header: 'case_number', cell: (r) => r.caseNumber },
  { header: 'border_point', cell: (r) => r.borderPoint },
  { header: 'agency', cell: (r) => r.agency },
  { header: 'agency_kind', cell: (r) => r.agencyKind },
  { header: 'role', cell: (r) => r.role },
  { header: 'priority', cell: (r) => r.priority },
  { header: 'status', cell: (r) => r.status },
  { header: 'due_at', cell: (r) => r.dueAt },
  { header: 'overdue_since', cell: (r) => r.overdueSince },
  { header: 'escalation_level', cell: (r) => r.escalationLevel },
];
