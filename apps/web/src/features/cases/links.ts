/**
 * The intake feature's page this one links to by path: a plain href (not a typed router link) until the
 * route is in the route tree.
 */
export const completeRecordHref = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}/complete`;
