/** The monitor's report rows as the api answers them (and the CSV reads them). */

export interface MonitoredDetention {
  episodeId: string;
  caseNumber: string;
  borderPoint: string;
  detainingAgency: string;
  place: string;
  startedAt: string;
  nextReviewOn: string;
  reviewOverdue: boolean;
  endedAt: string | null;
  /** Why the person is protected: the exact grounds found at opening, and whether the case shows a child now. */
  protectedGrounds: string[];
  childNow: boolean;
  override: { justification: string; at: string } | null;
  accessVisits: number;
}

export interface MonitoredSafeguardEvent {
  id: string;
  caseNumber: string;
  borderPoint: string;
  safeguard: string;
  outcome: 'BLOCKED' | 'OVERRIDDEN';
  attempted: string;
  reasons: string[];
  justification: string | null;
  agency: string;
  at: string;
}

export interface MonitoredReferral {
  referralId: string;
  caseNumber: string;
  borderPoint: string;
  agency: string;
  agencyKind: string;
  role: string;
  priority: number;
  status: string;
  dueAt: string;
  overdueSince: string;
  escalationLevel: number;
}
