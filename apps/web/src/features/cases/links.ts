/**
 * Pages of other features this one links to by path. They are plain hrefs (not typed router links)
 * until those routes are in the route tree.
 */
export const completeRecordHref = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}/complete`;
export const recordConsentHref = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}/consent`;
