import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type request from 'supertest';
import { DemoApi, startDemoApi } from './demo-api';
import { describePermissionMatrix, RouteBehaviour } from './permission-matrix';
import { at, CASE_WORK_ROUTE, day, detentionBody, registerArrival, shareWith } from './protection-fixtures';

/**
 * Each role × each endpoint of the protection records, the safeguards and case management, allowed and
 * denied, as one table: the companion of case-permissions.spec.ts (which leaves these routes out, see
 * CASE_WORK_ROUTE), built the same way, for the case routes CASE_WORK_ROUTE names and for the routes
 * under `tasks`, `transfers`, `dashboard` and `monitor` (read and checked by the harness of permission-matrix.ts).
 *
 * Columns: every demo user (together they hold every role), and a request with no token at all.
 */
const COLUMNS = {
  BO: 'border.official', //        BORDER_OFFICIAL at NMG and KGM (Border Management Service: a border authority)
  AO: 'airport.official', //       BORDER_OFFICIAL at DAR only (Border Management Service)
  BS: 'border.supervisor', //      SUPERVISOR at every border point (Border Management Service)
  AR: 'asylum.reviewer', //        CASEWORKER, Refugee Status Authority (the asylum authority)
  CP: 'child.protection', //       CASEWORKER, Child Protection Service
  TC: 'trafficking.coordinator', // CASEWORKER, Anti-Trafficking Secretariat
  IO: 'immigration.officer', //    CASEWORKER, Immigration Department (the immigration authority)
  RC: 'return.counsellor', //      CASEWORKER, Migration Agency (international organisation, assisted voluntary return)
  LC: 'legal.caseworker', //       CASEWORKER, Haki Legal Aid (NGO)
  SC: 'shelter.caseworker', //     CASEWORKER, Tumaini Shelter (NGO)
  SM: 'shelter.manager', //        AGENCY_MANAGER + SUPERVISOR, Tumaini Shelter, no border points
  SA: 'sop.admin', //              SOP_ADMIN
  AN: 'analyst', //                ANALYST
  MO: 'monitor', //                MONITOR (Independent Protection Monitor)
  SY: 'sysadmin', //               SYSADMIN (Border Management Service)
  anon: null, //                   no bearer token
} as const;

/** The agencies a `shared` case is shared with (a fixture shortcut: case_share rows, as their referrals would add). */
const SHARED_WITH = ['Refugee Status Authority', 'Child Protection Service', 'Anti-Trafficking Secretariat', 'Immigration Department', 'Migration Agency', 'Tumaini Shelter'];

/**
 * Fixtures (the `fixture` column). Every case is a labour migrant (`reasons_for_leaving: WORK`, no protection
 * profile) registered at NMG by border.official, so the non-refoulement lock stands aside for removal orders and
 * voluntary returns (the lock itself: safeguards.spec.ts).
 *   shared     a case shared with the agencies of SHARED_WITH (not Haki Legal Aid) and led by the Child Protection
 *              Service (a case_lead row, as its accepted lead referral would leave: a fixture shortcut)
 *   shared-PR  a shared case, on the flag row: flagged for prosecution (irregular entry) instead of a refoulement risk
 *   unshared   a case nobody but the border point sees, and led by no agency (the records a row needs were made
 *              while it was shared as above, then all its case_share rows were removed: a fixture shortcut)
 * A row acts on the record its path names, on a case of its fixture, made through the api by the agency
 * mandated for it: a claim registered by the asylum authority (decided REJECTED, appealed, as the step needs), a
 * trafficking identification (PRESUMED), an open BIA or age assessment, a detention episode opened by
 * border.official, a removal order, a voluntary return (counselled, confirmed, assessed, as the step needs), a
 * refoulement-risk flag raised by border.official, a case closed by its closer. On the non-case rows:
 *   tasks      [shared] a task the Child Protection Service added to a shared case (held by the agency);
 *              [unshared] the OBTAIN_CONSENT task NMG holds once the MIGRANT profile is confirmed (its referral to the
 *              Migration Agency waits for consent; the Immigration Department's share from its referral is removed too)
 *   transfers  [shared] the lead of a shared case, proposed by the Child Protection Service to Haki Legal Aid (which
 *              does not see the case, but sees the proposal), with the person's consent for Haki on record
 *   dashboard  [shared] the caller's caseload, the shared cases in it
 *   monitor    [shared] on a shared case: a detention opened by border.supervisor over the detention guard (the person
 *              seriously ill; border.official's attempt blocked first) and its OVERRIDDEN safeguard event; the
 *              immigration authority's referral after the MIGRANT profile is confirmed, made overdue and escalated
 *              (overdue_at and escalation_level set directly: a fixture shortcut for the deadline job)
 * A path may carry a query (`transfers?direction=OUTGOING`).
 *
 * Cells:
 *   200, 201    allowed, with this status, and its effect checked (the record is stored, or moved to the step's
 *               state; the read is audited; the task, transfer, case closed or reopened, ...)
 *   200+, 200-  a list answered 200 with the row's fixture in it (+), or without it (-)
 *   404         hidden: CASE.NOT_FOUND (TASK.NOT_FOUND, TRANSFER.NOT_FOUND on those routes), word for word the
 *               answer for an id that does not exist
 *   403         refused: ACCESS.FORBIDDEN, the role lacks the route's permission (checked before scope)
 *   403M        refused: RECORD.NOT_YOUR_MANDATE: the caller sees the case, but its agency does not write this kind
 *               of record (MANDATES in record-support.ts; closing another agency's flag needs the flag's kind's mandate)
 *   403NL       refused: TRANSFER.NOT_LEAD: only the lead agency proposes to transfer the lead
 *   403CL       refused: CASE.NOT_THE_LEAD: the lead agency closes and reopens (the border point, while none leads)
 *   403NY       refused: TASK.NOT_YOURS / TRANSFER.NOT_YOURS: only the holder closes a task; only the receiving agency
 *               accepts or declines a transfer, only the proposing one cancels it
 *   401         no token: AUTH.TOKEN_MISSING
 * Every refused, hidden and unauthenticated cell also checks that nothing changed (the rows of the record's tables
 * for that case, as stored; the task, the transfer with the case's lead and shares; no read audited).
 *
 * State-changing rows where a second identical call would be a 409 (registering a claim, a decision, a reflection
 * period, opening a BIA or an age assessment or a detention, every step that moves a record on, closing a flag, a
 * task, a case, answering a transfer): each allowed cell acts on a fixture of its own; every other cell of the row
 * acts on one standing fixture of that row, which must stay as it was. Rows that may be repeated (a second
 * interview, guardian, review, visit, flag, task, service, ...) act on one standing fixture of the row.
 */
const POLICY = `
  method path                                                            fixture   BO     AO     BS     AR     CP     TC     IO     RC     LC     SC     SM     SA     AN     MO     SY     anon
  GET    cases/:id/protection                                            shared    200    404    200    200    200    200    200    200    404    200    200    403    403    403    403    401
  GET    cases/:id/protection                                            unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/safeguards                                            shared    200    404    200    200    200    200    200    200    404    200    200    403    403    403    403    401
  GET    cases/:id/safeguards                                            unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-claim                                          shared    403M   404    403M   201    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-claim                                          unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-claim/interviews                               shared    403M   404    403M   200    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-claim/interviews                               unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-claim/decision                                 shared    403M   404    403M   200    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-claim/decision                                 unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-claim/appeal                                   shared    403M   404    403M   200    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-claim/appeal                                   unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-claim/appeal-outcome                           shared    403M   404    403M   200    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-claim/appeal-outcome                           unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-claim/withdraw                                 shared    403M   404    403M   200    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-claim/withdraw                                 unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/asylum-wish/withdrawal                                shared    403M   404    403M   201    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/asylum-wish/withdrawal                                unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  PUT    cases/:id/trafficking/identification                            shared    403M   404    403M   403M   403M   200    403M   403M   404    403M   403M   403    403    403    403    401
  PUT    cases/:id/trafficking/identification                            unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/trafficking/reflection-period                         shared    403M   404    403M   403M   403M   200    403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/trafficking/reflection-period                         unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/trafficking/residence-permit                          shared    403M   404    403M   403M   403M   200    403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/trafficking/residence-permit                          unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/trafficking/assistance                                shared    403M   404    403M   403M   403M   200    403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/trafficking/assistance                                unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/trafficking/export                                    shared    403M   404    403M   403M   403M   200    403M   403M   404    403M   403M   403    403    403    403    401
  GET    cases/:id/trafficking/export                                    unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/guardians                                             shared    403M   404    403M   403M   201    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/guardians                                             unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/best-interests                                        shared    403M   404    403M   403M   201    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/best-interests                                        unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/best-interests/:procedureId/complete                  shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/best-interests/:procedureId/complete                  unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/age-assessments                                       shared    403M   404    403M   403M   201    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/age-assessments                                       unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/age-assessments/:assessmentId/complete                shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/age-assessments/:assessmentId/complete                unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/family-tracing                                        shared    403M   404    403M   403M   201    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/family-tracing                                        unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/family-tracing/:tracingId/stop                        shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/family-tracing/:tracingId/stop                        unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/family-tracing/:tracingId/outcome                     shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/family-tracing/:tracingId/outcome                     unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/reunifications                                        shared    403M   404    403M   403M   201    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/reunifications                                        unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/reunifications/:reunificationId/outcome               shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/reunifications/:reunificationId/child-views           shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/reunifications/:reunificationId/outcome               unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/reunifications/:reunificationId/child-views           unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/care-placements                                       shared    403M   404    403M   403M   201    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/care-placements                                       unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/care-placements/:placementId/end                      shared    403M   404    403M   403M   200    403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/care-placements/:placementId/end                      unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/detentions                                            shared    201    404    201    403M   403M   403M   201    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/detentions                                            unshared  201    404    201    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/detentions/:episodeId/reviews                         shared    201    404    201    403M   403M   403M   201    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/detentions/:episodeId/reviews                         unshared  201    404    201    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/detentions/:episodeId/access                          shared    201    404    201    403M   403M   403M   201    201    404    201    201    403    403    403    403    401
  POST   cases/:id/detentions/:episodeId/access                          unshared  201    404    201    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/detentions/:episodeId/end                             shared    200    404    200    403M   403M   403M   200    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/detentions/:episodeId/end                             unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/removal-orders                                        shared    403M   404    403M   403M   403M   403M   201    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/removal-orders                                        unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/removal-orders/:orderId/execute                       shared    403M   404    403M   403M   403M   403M   200    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/removal-orders/:orderId/execute                       unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/removal-orders/:orderId/cancel                        shared    403M   404    403M   403M   403M   403M   200    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/removal-orders/:orderId/cancel                        unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/voluntary-returns                                     shared    403M   404    403M   403M   403M   403M   403M   201    404    403M   403M   403    403    403    403    401
  POST   cases/:id/voluntary-returns                                     unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/counselling               shared    403M   404    403M   403M   403M   403M   403M   200    404    403M   403M   403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/counselling               unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/voluntariness             shared    403M   404    403M   403M   403M   403M   403M   200    404    403M   403M   403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/voluntariness             unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/vulnerability-assessment  shared    403M   404    403M   403M   403M   403M   403M   200    404    403M   403M   403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/vulnerability-assessment  unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/depart                    shared    403M   404    403M   403M   403M   403M   403M   200    404    403M   403M   403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/depart                    unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/withdraw                  shared    403M   404    403M   403M   403M   403M   403M   200    404    403M   403M   403    403    403    403    401
  POST   cases/:id/voluntary-returns/:returnId/withdraw                  unshared  403M   404    403M   404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/flags                                                 shared    201    404    201    201    201    201    201    201    404    201    201    403    403    403    403    401
  POST   cases/:id/flags                                                 shared-PR 201    404    201    403M   403M   403M   201    403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/flags                                                 unshared  201    404    201    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/flags/:flagId/close                                   shared    200    404    200    200    403M   403M   403M   403M   404    403M   403M   403    403    403    403    401
  POST   cases/:id/flags/:flagId/close                                   unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/tasks                                                 shared    200    404    200    200    200    200    200    200    404    200    200    403    403    403    403    401
  GET    cases/:id/tasks                                                 unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/tasks                                                 shared    201    404    201    201    201    201    201    201    404    201    201    403    403    403    403    401
  POST   cases/:id/tasks                                                 unshared  201    404    201    404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/responsibility                                        shared    200    404    200    200    200    200    200    200    404    200    200    403    403    403    403    401
  GET    cases/:id/responsibility                                        unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  PUT    cases/:id/assignment                                            shared    403    403    200    403    403    403    403    403    403    403    200    403    403    403    403    401
  PUT    cases/:id/assignment                                            unshared  403    403    200    403    403    403    403    403    403    403    404    403    403    403    403    401
  POST   cases/:id/transfers                                             shared    403NL  404    403NL  403NL  201    403NL  403NL  403NL  404    403NL  403NL  403    403    403    403    401
  POST   cases/:id/transfers                                             unshared  403NL  404    403NL  404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/services                                              shared    200    404    200    200    200    200    200    200    404    200    200    403    403    403    403    401
  GET    cases/:id/services                                              unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/services                                              shared    201    404    201    201    201    201    201    201    404    201    201    403    403    403    403    401
  POST   cases/:id/services                                              unshared  201    404    201    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/close                                                 shared    403CL  404    403CL  403CL  200    403CL  403CL  403CL  404    403CL  403CL  403    403    403    403    401
  POST   cases/:id/close                                                 unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/reopen                                                shared    403CL  404    403CL  403CL  200    403CL  403CL  403CL  404    403CL  403CL  403    403    403    403    401
  POST   cases/:id/reopen                                                unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    tasks                                                           shared    200-   200-   200-   200-   200+   200-   200-   200-   200-   200-   200-   403    403    403    403    401
  GET    tasks                                                           unshared  200+   200-   200+   200-   200-   200-   200-   200-   200-   200-   200-   403    403    403    403    401
  POST   tasks/:taskId/complete                                          shared    403NY  404    403NY  403NY  200    403NY  403NY  403NY  404    403NY  403NY  403    403    403    403    401
  POST   tasks/:taskId/complete                                          unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  POST   tasks/:taskId/cancel                                            shared    403NY  404    403NY  403NY  200    403NY  403NY  403NY  404    403NY  403NY  403    403    403    403    401
  POST   tasks/:taskId/cancel                                            unshared  200    404    200    404    404    404    404    404    404    404    404    403    403    403    403    401
  GET    transfers                                                       shared    200-   200-   200-   200-   200-   200-   200-   200-   200+   200-   200-   403    403    403    403    401
  GET    transfers?direction=OUTGOING                                    shared    200-   200-   200-   200-   200+   200-   200-   200-   200-   200-   200-   403    403    403    403    401
  POST   transfers/:transferId/accept                                    shared    403NY  404    403NY  403NY  403NY  403NY  403NY  403NY  200    403NY  403NY  403    403    403    403    401
  POST   transfers/:transferId/decline                                   shared    403NY  404    403NY  403NY  403NY  403NY  403NY  403NY  200    403NY  403NY  403    403    403    403    401
  POST   transfers/:transferId/cancel                                    shared    403NY  404    403NY  403NY  200    403NY  403NY  403NY  403NY  403NY  403NY  403    403    403    403    401
  GET    dashboard                                                       shared    403    403    200    403    403    403    403    403    403    403    200    403    403    403    403    401
  GET    monitor/detentions                                              shared    403    403    403    403    403    403    403    403    403    403    403    403    403    200+   403    401
  GET    monitor/safeguard-events                                        shared    403    403    403    403    403    403    403    403    403    403    403    403    403    200+   403    401
  GET    monitor/overdue-referrals                                       shared    403    403    403    403    403    403    403    403    403    403    403    403    403    200+   403    401
`;

const REFUSALS: Record<string, string> = {
  'ACCESS.FORBIDDEN': '403',
  'RECORD.NOT_YOUR_MANDATE': '403M',
  'TRANSFER.NOT_LEAD': '403NL',
  'CASE.NOT_THE_LEAD': '403CL',
  'TASK.NOT_YOURS': '403NY',
  'TRANSFER.NOT_YOURS': '403NY',
};
/** The answer that hides a row the caller may not see, by the path's first segment. */
const HIDDEN_CODES: Record<string, string> = { cases: 'CASE.NOT_FOUND', tasks: 'TASK.NOT_FOUND', transfers: 'TRANSFER.NOT_FOUND' };
/** The non-case routes of this table (the case routes are those CASE_WORK_ROUTE names). */
const OTHER_ROUTE = /^(tasks|transfers|dashboard|monitor)(\/|$)/;

type Fixture = 'shared' | 'shared-PR' | 'unshared';
const FIXTURES: Fixture[] = ['shared', 'shared-PR', 'unshared'];

interface Target {
  fixture: Fixture;
  /** The path's `:id`. */
  caseId?: string;
  /** Any other id of the path (`:procedureId`, `:episodeId`, `:taskId`, ...), or the record a row looks for. */
  id?: string;
}

type Behaviour = RouteBehaviour<Target, Fixture>;

/** The rows of a case's tables, as stored (snake_case, as jsonb). */
type StoredRow = Record<string, unknown>;
type Snapshot = Record<string, StoredRow[]>;

describe('protection records, safeguards and case management permissions: each role × each endpoint', () => {
  let api: DemoApi;
  let NMG: string;
  let CPS: string;
  let HAKI: string;
  let borderPointsOf: Map<string, string[]>;
  /** Each demo user's id and agency id. */
  let users: Map<string, { id: string; agency: string }>;
  const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> => (await api.owner<{ v: T }>(sql, params))[0]?.v;
  const userOf = (username: string): { id: string; agency: string } => {
    const found = users.get(username);
    if (!found) throw new Error(`no demo user ${username}`);
    return found;
  };

  /** A call a fixture needs, by the user whose agency makes it; anything but the expected status stops the test. */
  async function call(username: string, method: 'POST' | 'PUT', path: string, body: object, expected: number): Promise<Record<string, unknown>> {
    const url = `/api/v1/${path}`;
    const res = await (method === 'POST' ? api.http().post(url) : api.http().put(url)).set(await api.as(username)).send(body);
    if (res.status !== expected) throw new Error(`fixture ${method} ${path} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  }

  // --- Cases ------------------------------------------------------------------------------------------------------

  /**
   * A new migrant case at NMG, shared with SHARED_WITH while `prepare` makes the records the row needs; a `shared`
   * case is led by the Child Protection Service; an `unshared` one loses its shares afterwards (fixture shortcuts).
   */
  async function newCase(fixture: Fixture, prepare?: (caseId: string) => Promise<string | undefined>, answers: Record<string, unknown> = { reasons_for_leaving: ['WORK'] }): Promise<Target> {
    const caseId = await registerArrival(api, { answers });
    for (const agency of SHARED_WITH) await shareWith(api, caseId, agency);
    if (fixture !== 'unshared') await api.owner(`INSERT INTO case_lead (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL')`, [caseId, CPS]);
    const id = prepare ? await prepare(caseId) : undefined;
    if (fixture === 'unshared') await api.owner(`DELETE FROM case_share WHERE case_id = $1`, [caseId]);
    return { fixture, caseId, id };
  }

  /** A fixture for every cell of the row: one standing case per fixture. */
  const standing = (make: (fixture: Fixture) => Promise<Target>): Behaviour['target'] => {
    const store = new Map<Fixture, Promise<Target>>();
    return (fixture) => {
      let found = store.get(fixture);
      if (!found) {
        found = make(fixture);
        store.set(fixture, found);
      }
      return found;
    };
  };
  /** A fresh fixture for each allowed cell; one standing one for every other cell. */
  const fresh = (make: (fixture: Fixture) => Promise<Target>): Behaviour['target'] => {
    const standingOne = standing(make);
    return (fixture, isAllowed) => (isAllowed ? make(fixture) : standingOne(fixture, false));
  };
  /** One case per fixture for the rows that only read (made in beforeAll). */
  const base = new Map<Fixture, Promise<Target>>();
  const onBase = (fixture: Fixture): Promise<Target> => {
    const found = base.get(fixture === 'shared-PR' ? 'shared' : fixture);
    if (!found) throw new Error(`no case for the fixture ${fixture}`);
    return found;
  };
  const prepared = (prepare: (caseId: string, fixture: Fixture) => Promise<string | undefined>) => (fixture: Fixture) => newCase(fixture, (caseId) => prepare(caseId, fixture));
  const plain = (fixture: Fixture): Promise<Target> => newCase(fixture);

  // --- State --------------------------------------------------------------------------------------------------------

  /** Every row of these tables for the case, as stored. */
  const snapshot =
    (...tables: string[]) =>
    async (t: Target): Promise<Snapshot> => {
      const each = tables.map((table) => `'${table}', (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x::text), '[]'::jsonb) FROM ${table} x WHERE x.${table === 'case_file' ? 'id' : 'case_id'} = $1)`);
      return (await one<Snapshot>(`SELECT jsonb_build_object(${each.join(', ')}) AS v`, [t.caseId])) ?? {};
    };
  /** How often an action was audited (for the case, when there is one). */
  const audits = (action: string) => async (t: Target) =>
    t.caseId
      ? one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE action = $1 AND case_id = $2`, [action, t.caseId])
      : one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE action = $1`, [action]);
  const answer = (res: request.Response): string => JSON.stringify(res.body).slice(0, 300);

  /** The call stored one more row in `table`, the one answered, and the row passes `check`. */
  const added =
    (table: string, check: (row: StoredRow, username: string) => boolean = () => true) =>
    (res: request.Response, _t: Target, before: unknown, after: unknown, username: string): string | undefined => {
      const [was, now] = [before, after] as Snapshot[];
      const row = now[table].find((r) => r['id'] === res.body.id);
      return now[table].length === was[table].length + 1 && row && !was[table].some((r) => r['id'] === res.body.id) && check(row, username)
        ? undefined
        : `${table} rows ${was[table].length} → ${now[table].length}, answered ${answer(res)}`;
    };
  /** The call stored one more row in `table` (a row of the record answered). */
  const grew =
    (table: string) =>
    (res: request.Response, t: Target, before: unknown, after: unknown): string | undefined => {
      const [was, now] = [before, after] as Snapshot[];
      return now[table].length === was[table].length + 1 && res.body.id === t.id ? undefined : `${table} rows ${was[table].length} → ${now[table].length}, answered ${answer(res)}`;
    };
  /** The record `t.id` in `table` changed as `check` says (and no row was added). */
  const updated =
    (table: string, check: (now: StoredRow, was: StoredRow) => boolean) =>
    (res: request.Response, t: Target, before: unknown, after: unknown): string | undefined => {
      const [was, now] = [before, after] as Snapshot[];
      const [old, row] = [was[table].find((r) => r['id'] === t.id), now[table].find((r) => r['id'] === t.id)];
      return old && row && now[table].length === was[table].length && check(row, old) && res.body.id === t.id
        ? undefined
        : `${table} ${JSON.stringify(old)} → ${JSON.stringify(row)}, answered ${answer(res)}`;
    };
  const audited = (check: (res: request.Response, t: Target, username: string) => boolean) => (res: request.Response, t: Target, before: unknown, after: unknown, username: string) =>
    check(res, t, username) && after === Number(before) + 1 ? undefined : `answered ${answer(res)}, audits ${String(before)} → ${String(after)}`;
  const length = (value: unknown): number => (Array.isArray(value) ? value.length : -1);

  // --- Records a row needs, made through the api by the mandated agency ---------------------------------------------

  const claim = () => ({ registeredOn: day(), reference: 'RSA/2026/00991', procedure: 'REGULAR' });
  const refoulementRisk = { kind: 'REFOULEMENT_RISK', reason: 'Reports of persecution of returnees at the destination' };
  const returnRequest = () => ({ requestedOn: day(), destinationCountry: 'ETH' });
  const counselling = () => ({ heldOn: day(), counsellor: 'Return counsellor, Migration Agency', interpreter: true });

  /** A claim registered by the asylum authority, taken `steps` further. */
  const withClaim =
    (...steps: ('REJECTED' | 'APPEALED')[]) =>
    async (caseId: string): Promise<string> => {
      const registered = await call('asylum.reviewer', 'POST', `cases/${caseId}/asylum-claim`, claim(), 201);
      if (steps.includes('REJECTED')) await call('asylum.reviewer', 'POST', `cases/${caseId}/asylum-claim/decision`, { decision: 'REJECTED', decidedOn: day() }, 200);
      if (steps.includes('APPEALED')) await call('asylum.reviewer', 'POST', `cases/${caseId}/asylum-claim/appeal`, { lodgedOn: day() }, 200);
      return registered['id'] as string;
    };
  const withIdentification = async (caseId: string): Promise<string> => (await call('trafficking.coordinator', 'PUT', `cases/${caseId}/trafficking/identification`, { status: 'PRESUMED' }, 200))['id'] as string;
  const withBia = async (caseId: string): Promise<string> => (await call('child.protection', 'POST', `cases/${caseId}/best-interests`, { kind: 'BIA', openedOn: day() }, 201))['id'] as string;
  const withAgeAssessment = async (caseId: string): Promise<string> =>
    (await call('child.protection', 'POST', `cases/${caseId}/age-assessments`, { seriousDoubt: 'His passport gives 1990 as the year of birth', requestedOn: day() }, 201))['id'] as string;
  /** The family-tracing consent for the child-protection service, recorded at the border point. */
  const withTracingConsent = async (caseId: string): Promise<undefined> => {
    await call('border.official', 'POST', `cases/${caseId}/consents`, { purpose: 'FAMILY_TRACING', recipientAgencyKind: 'CHILD_PROTECTION', decision: 'GIVEN', language: 'am' }, 201);
    return undefined;
  };
  const withTracing = async (caseId: string): Promise<string> => {
    await withTracingConsent(caseId);
    return (await call('child.protection', 'POST', `cases/${caseId}/family-tracing`, { soughtRelatives: [{ relationship: 'MOTHER' }] }, 201))['id'] as string;
  };
  const withReunification = async (caseId: string): Promise<string> =>
    (await call('child.protection', 'POST', `cases/${caseId}/reunifications`, { relative: { relationship: 'AUNT_OR_UNCLE', name: 'Saba Tesfaye', country: 'TZA' }, abroad: false, relationshipVerified: true, childConsent: true }, 201))[
      'id'
    ] as string;
  const withPlacement = async (caseId: string): Promise<string> =>
    (await call('child.protection', 'POST', `cases/${caseId}/care-placements`, { kind: 'KINSHIP_CARE', provider: 'His aunt in Arusha', startedOn: day(-3) }, 201))['id'] as string;
  const withDetention = async (caseId: string): Promise<string> => (await call('border.official', 'POST', `cases/${caseId}/detentions`, detentionBody(), 201))['id'] as string;
  const withRemovalOrder = async (caseId: string): Promise<string> =>
    (await call('immigration.officer', 'POST', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' }, 201))['id'] as string;
  /** A voluntary return requested with the return agency, taken `steps` further. */
  const withReturn =
    (...steps: ('COUNSELLED' | 'CONFIRMED' | 'ASSESSED')[]) =>
    async (caseId: string): Promise<string> => {
      const id = (await call('return.counsellor', 'POST', `cases/${caseId}/voluntary-returns`, returnRequest(), 201))['id'] as string;
      const on = `cases/${caseId}/voluntary-returns/${id}`;
      if (steps.includes('COUNSELLED')) await call('return.counsellor', 'POST', `${on}/counselling`, counselling(), 200);
      if (steps.includes('CONFIRMED')) await call('return.counsellor', 'POST', `${on}/voluntariness`, { confirmedOn: day(), freeAndInformed: true }, 200);
      if (steps.includes('ASSESSED')) await call('return.counsellor', 'POST', `${on}/vulnerability-assessment`, { assessedOn: day(), outcome: 'NO_CONCERN' }, 200);
      return id;
    };
  const withFlag = async (caseId: string): Promise<string> => (await call('border.official', 'POST', `cases/${caseId}/flags`, refoulementRisk, 201))['id'] as string;
  /** The person's consent to share the case with Haki Legal Aid (recorded at the border point); a transfer to Haki needs it. */
  const withConsentForHaki = async (caseId: string): Promise<undefined> => {
    await call('border.official', 'POST', `cases/${caseId}/consents`, { purpose: 'REFERRAL', recipientAgencyId: HAKI, decision: 'GIVEN', language: 'am' }, 201);
    return undefined;
  };
  /** Closed by its closer: the lead agency, or (unshared: no lead) the border point. */
  const closed = async (caseId: string, fixture: Fixture): Promise<undefined> => {
    await call(fixture === 'unshared' ? 'border.official' : 'child.protection', 'POST', `cases/${caseId}/close`, { outcomeCode: 'NO_PROTECTION_NEEDS', reason: 'Moved on to Nairobi for work' }, 200);
    return undefined;
  };
  /** shared: a task the Child Protection Service added; unshared: the border point's OBTAIN_CONSENT task. */
  const withTask = async (caseId: string, fixture: Fixture): Promise<string> => {
    if (fixture !== 'unshared') return (await call('child.protection', 'POST', `cases/${caseId}/tasks`, { title: 'Visit the family in Arusha', dueAt: at(72) }, 201))['id'] as string;
    await call('border.official', 'POST', `cases/${caseId}/profiles/MIGRANT/confirm`, {}, 200);
    const id = await one<string>(`SELECT id AS v FROM case_task WHERE case_id = $1 AND kind = 'OBTAIN_CONSENT' AND status = 'OPEN' AND border_point_id IS NOT NULL`, [caseId]);
    if (!id) throw new Error('fixture task: no OBTAIN_CONSENT task for the border point');
    return id;
  };
  /** The lead proposed to Haki Legal Aid by the Child Protection Service, with the person's consent for Haki. */
  const withTransfer = async (caseId: string): Promise<string> => {
    await withConsentForHaki(caseId);
    return (await call('child.protection', 'POST', `cases/${caseId}/transfers`, { toAgencyId: HAKI, reason: 'The legal aid office in Namanga takes the case over' }, 201))['id'] as string;
  };

  /** The monitor's fixtures, made once: a detention over the guard and its safeguard event, an escalated overdue referral. */
  let monitored: Promise<{ episode: Target; event: Target; referral: Target }> | undefined;
  const monitorFixtures = () =>
    (monitored ??= (async () => {
      const ill = detentionBody({ individualAssessment: { pregnant: false, seriouslyIll: true, summary: 'No address in the country; did not report as asked.' } });
      const episode = await newCase('shared', async (caseId) => {
        await call('border.official', 'POST', `cases/${caseId}/detentions`, ill, 409);
        const justification = 'No hospital bed free tonight; held in the sick bay of the post with a nurse until the morning transfer.';
        return (await call('border.supervisor', 'POST', `cases/${caseId}/detentions`, { ...ill, overrideJustification: justification }, 201))['id'] as string;
      });
      const eventId = await one<string>(`SELECT id AS v FROM safeguard_event WHERE case_id = $1 AND outcome = 'OVERRIDDEN'`, [episode.caseId]);
      const referral = await newCase('shared', async (caseId) => {
        await call('border.official', 'POST', `cases/${caseId}/profiles/MIGRANT/confirm`, {}, 200);
        const id = await one<string>(`SELECT id AS v FROM referral WHERE case_id = $1 AND status IN ('AWAITING_CONSENT', 'PENDING') ORDER BY role LIMIT 1`, [caseId]);
        if (!id) throw new Error('fixture referral: the MIGRANT profile routed nothing');
        await api.owner(`UPDATE referral SET overdue_at = now() - interval '2 hours', escalation_level = 1 WHERE id = $1`, [id]);
        return id;
      });
      return { episode, event: { ...episode, id: eventId }, referral };
    })());

  // --- How each route is called and checked --------------------------------------------------------------------

  const CLAIM = snapshot('asylum_claim');
  const TRAFFICKING = snapshot('trafficking_record');
  const DETENTION = snapshot('detention_episode', 'detention_review', 'detention_access', 'safeguard_event');
  const REMOVAL = snapshot('removal_order', 'safeguard_event');
  const RETURN = snapshot('voluntary_return', 'safeguard_event');
  const FLAGS = snapshot('protection_flag', 'safeguard_event');
  const TASKS = snapshot('case_task');
  const CLOSURE = snapshot('case_file', 'case_closure', 'case_task');
  const TRANSFER = snapshot('case_transfer', 'case_lead', 'case_share');
  const claimStep = (check: (now: StoredRow, was: StoredRow) => boolean): Pick<Behaviour, 'state' | 'allowed'> => ({ state: CLAIM, allowed: updated('asylum_claim', check) });
  const returnStep = (body: () => object, check: (now: StoredRow, was: StoredRow) => boolean): Pick<Behaviour, 'body' | 'state' | 'allowed'> => ({ body, state: RETURN, allowed: updated('voluntary_return', check) });
  const transferAnswer = (status: string, body?: object): Behaviour => ({
    target: fresh(prepared(withTransfer)),
    body: body ? () => body : undefined,
    state: TRANSFER,
    allowed: (res, t, before, after) => {
      const [was, now] = [before, after] as Snapshot[];
      const transfer = now['case_transfer'].find((r) => r['id'] === t.id);
      const lead = now['case_lead'][0]?.['agency_id'];
      const sharedWithHaki = now['case_share'].some((s) => s['agency_id'] === HAKI);
      // Accepted: Haki leads the case and sees it. Declined or cancelled: nothing else moves.
      const rest = status === 'ACCEPTED' ? lead === HAKI && sharedWithHaki && res.body.caseNumber !== null : isDeepStrictEqual(was['case_lead'], now['case_lead']) && !sharedWithHaki;
      return res.body.id === t.id && res.body.status === status && transfer?.['status'] === status && rest ? undefined : `the transfer is ${JSON.stringify(transfer)}, lead ${String(lead)}, answered ${answer(res)}`;
    },
  });
  const taskClose = (status: string, body: object): Behaviour => ({
    target: fresh(prepared(withTask)),
    body: () => body,
    state: TASKS,
    allowed: updated('case_task', (now) => now['status'] === status && now['closed_at'] !== null),
  });
  const report = (action: string, pick: (m: { episode: Target; event: Target; referral: Target }) => Target, key: string): Behaviour => ({
    target: async () => pick(await monitorFixtures()),
    query: { limit: 200 },
    state: (t) => audits(action)({ fixture: t.fixture }),
    listed: (body, t) => (body as { items: Record<string, unknown>[] }).items.some((item) => item[key] === t.id),
  });

  const BEHAVIOUR: Record<string, Behaviour> = {
    'GET cases/:id/protection': {
      target: onBase,
      state: audits('CASE.PROTECTION_RECORDS_READ'),
      allowed: audited((res) => Array.isArray(res.body.withheld)),
    },
    'GET cases/:id/safeguards': {
      target: onBase,
      state: audits('CASE.SAFEGUARDS_READ'),
      // A labour migrant: nothing stops a removal or a return.
      allowed: audited((res) => res.body.removal?.allowed === true && res.body.voluntaryReturn?.allowed === true),
    },

    // Asylum
    'POST cases/:id/asylum-claim': { target: fresh(plain), body: claim, state: CLAIM, allowed: added('asylum_claim', (row) => row['procedure'] === 'REGULAR') },
    'POST cases/:id/asylum-claim/interviews': {
      target: standing(prepared(withClaim())),
      body: () => ({ date: day() }),
      ...claimStep((now, was) => length(now['interview_dates']) === length(was['interview_dates']) + 1),
    },
    'POST cases/:id/asylum-claim/decision': { target: fresh(prepared(withClaim())), body: () => ({ decision: 'REJECTED', decidedOn: day() }), ...claimStep((now) => now['decision'] === 'REJECTED') },
    'POST cases/:id/asylum-claim/appeal': { target: fresh(prepared(withClaim('REJECTED'))), body: () => ({ lodgedOn: day() }), ...claimStep((now) => now['appeal_lodged_on'] !== null) },
    'POST cases/:id/asylum-claim/appeal-outcome': {
      target: fresh(prepared(withClaim('REJECTED', 'APPEALED'))),
      body: () => ({ outcome: 'DISMISSED', decidedOn: day() }),
      ...claimStep((now) => now['appeal_outcome'] === 'DISMISSED'),
    },
    'POST cases/:id/asylum-claim/withdraw': { target: fresh(prepared(withClaim())), body: () => ({ withdrawnOn: day() }), ...claimStep((now) => now['withdrawn_on'] !== null) },
    // On a labour migrant who also said, in his own words, that he wants asylum (the only fixture here with a wish to withdraw).
    'POST cases/:id/asylum-wish/withdrawal': {
      target: fresh((fixture) => newCase(fixture, undefined, { reasons_for_leaving: ['WORK'], asylum_wish_expressed: true })),
      body: () => ({ withdrawnOn: day(), words: 'I do not want asylum any more; I go on to Nairobi.', interpreterUsed: true, language: 'am' }),
      state: snapshot('asylum_wish_withdrawal'),
      allowed: added('asylum_wish_withdrawal', (row) => row['interpreter_used'] === true && row['language'] === 'am'),
    },

    // Trafficking
    'PUT cases/:id/trafficking/identification': { target: fresh(plain), body: () => ({ status: 'PRESUMED' }), state: TRAFFICKING, allowed: added('trafficking_record', (row) => row['status'] === 'PRESUMED') },
    'POST cases/:id/trafficking/reflection-period': {
      target: fresh(prepared(withIdentification)),
      body: () => ({ startsOn: day() }),
      state: TRAFFICKING,
      allowed: updated('trafficking_record', (now) => now['reflection_starts_on'] !== null && now['reflection_ends_on'] !== null),
    },
    'POST cases/:id/trafficking/residence-permit': {
      target: standing(prepared(withIdentification)),
      body: () => ({ reference: 'RP-2026-0042', grantedOn: day(), expiresOn: day(365) }),
      state: TRAFFICKING,
      allowed: updated('trafficking_record', (now) => now['permit_reference'] === 'RP-2026-0042'),
    },
    'POST cases/:id/trafficking/assistance': {
      target: standing(prepared(withIdentification)),
      body: () => ({ kind: 'SHELTER', providedOn: day(), provider: 'Tumaini Shelter' }),
      state: TRAFFICKING,
      allowed: updated('trafficking_record', (now, was) => length(now['assistance']) === length(was['assistance']) + 1),
    },
    'GET cases/:id/trafficking/export': {
      target: standing(prepared(withIdentification)),
      state: audits('TRAFFICKING.EXPORTED'),
      allowed: audited((res, t) => res.body.row?.['recordId'] === t.id && Array.isArray(res.body.fields)),
    },

    // Children
    'POST cases/:id/guardians': {
      target: standing(plain),
      body: () => ({ guardianName: 'Asha Mwakyusa', organisation: 'District Social Welfare Office', appointedOn: day() }),
      state: snapshot('guardian_appointment'),
      allowed: added('guardian_appointment'),
    },
    'POST cases/:id/best-interests': {
      target: fresh(plain),
      body: () => ({ kind: 'BIA', openedOn: day() }),
      state: snapshot('best_interests_procedure'),
      allowed: added('best_interests_procedure', (row) => row['kind'] === 'BIA'),
    },
    'POST cases/:id/best-interests/:procedureId/complete': {
      target: fresh(prepared(withBia)),
      body: () => ({ completedOn: day(), reasons: 'An adult by his documents; no concern for a child here.' }),
      state: snapshot('best_interests_procedure'),
      allowed: updated('best_interests_procedure', (now) => now['completed_on'] !== null),
    },
    'POST cases/:id/age-assessments': {
      target: fresh(plain),
      body: () => ({ seriousDoubt: 'His passport gives 1990 as the year of birth', requestedOn: day() }),
      state: snapshot('age_assessment'),
      allowed: added('age_assessment'),
    },
    'POST cases/:id/age-assessments/:assessmentId/complete': {
      target: fresh(prepared(withAgeAssessment)),
      body: () => ({ method: 'DOCUMENTARY', completedOn: day(), minimumAge: 30, maximumAge: 34 }),
      state: snapshot('age_assessment'),
      allowed: updated('age_assessment', (now) => now['completed_on'] !== null && now['minimum_age'] === 30),
    },

    'POST cases/:id/family-tracing': {
      target: fresh(prepared(withTracingConsent)),
      body: () => ({ soughtRelatives: [{ relationship: 'MOTHER', name: 'Almaz Bekele', lastKnownLocation: 'Gondar (2025)' }] }),
      state: snapshot('family_tracing'),
      allowed: added('family_tracing', (row) => row['status'] === 'OPEN'),
    },
    'POST cases/:id/family-tracing/:tracingId/stop': {
      target: fresh(prepared(withTracing)),
      body: () => ({ reason: 'The uncle sought is the suspected recruiter' }),
      state: snapshot('family_tracing'),
      allowed: updated('family_tracing', (now) => now['status'] === 'STOPPED' && now['endangers'] === true),
    },
    'POST cases/:id/family-tracing/:tracingId/outcome': {
      target: fresh(prepared(withTracing)),
      body: () => ({ status: 'LOCATED', on: day() }),
      state: snapshot('family_tracing'),
      allowed: updated('family_tracing', (now) => now['status'] === 'LOCATED'),
    },
    'POST cases/:id/reunifications': {
      target: fresh(plain),
      body: () => ({ relative: { relationship: 'AUNT_OR_UNCLE', name: 'Saba Tesfaye', country: 'TZA' }, abroad: false, relationshipVerified: true, childConsent: true }),
      state: snapshot('family_reunification'),
      allowed: added('family_reunification', (row) => row['status'] === 'PROPOSED'),
    },
    'POST cases/:id/reunifications/:reunificationId/outcome': {
      target: fresh(prepared(withReunification)),
      body: () => ({ status: 'REUNIFIED', on: day() }),
      state: snapshot('family_reunification'),
      allowed: updated('family_reunification', (now) => now['status'] === 'REUNIFIED'),
    },
    'POST cases/:id/reunifications/:reunificationId/child-views': {
      target: fresh(prepared(withReunification)),
      body: () => ({ childConsent: false }),
      state: snapshot('family_reunification'),
      allowed: updated('family_reunification', (now) => now['child_consent'] === false),
    },
    'POST cases/:id/care-placements': {
      target: fresh(plain),
      body: () => ({ kind: 'FOSTER_FAMILY', provider: 'Namanga foster family network', startedOn: day() }),
      state: snapshot('care_placement'),
      allowed: added('care_placement', (row) => row['ended_on'] === null),
    },
    'POST cases/:id/care-placements/:placementId/end': {
      target: fresh(prepared(withPlacement)),
      body: () => ({ endedOn: day(), reason: 'Reunified with his aunt' }),
      state: snapshot('care_placement'),
      allowed: updated('care_placement', (now) => now['ended_on'] !== null),
    },

    // Detention
    'POST cases/:id/detentions': { target: fresh(plain), body: () => detentionBody(), state: DETENTION, allowed: added('detention_episode', (row, username) => row['agency_id'] === userOf(username).agency) },
    'POST cases/:id/detentions/:episodeId/reviews': {
      target: standing(prepared(withDetention)),
      body: () => ({ reviewedOn: day(), outcome: 'CONTINUE', nextReviewOn: day(14) }),
      state: DETENTION,
      allowed: grew('detention_review'),
    },
    'POST cases/:id/detentions/:episodeId/access': {
      target: standing(prepared(withDetention)),
      body: () => ({ visitorKind: 'UNHCR', organisation: 'Refugee Agency', visitedAt: at(), granted: true }),
      state: DETENTION,
      allowed: grew('detention_access'),
    },
    'POST cases/:id/detentions/:episodeId/end': {
      target: fresh(prepared(withDetention)),
      body: () => ({ endedAt: at(), reason: 'Released to the shelter' }),
      state: DETENTION,
      allowed: updated('detention_episode', (now) => now['ended_at'] !== null),
    },

    // Removal and assisted voluntary return
    'POST cases/:id/removal-orders': {
      target: standing(plain),
      body: () => ({ decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' }),
      state: REMOVAL,
      allowed: added('removal_order', (row) => row['status'] === 'ORDERED'),
    },
    'POST cases/:id/removal-orders/:orderId/execute': {
      target: fresh(prepared(withRemovalOrder)),
      body: () => ({ executedAt: at() }),
      state: REMOVAL,
      allowed: updated('removal_order', (now) => now['status'] === 'EXECUTED'),
    },
    'POST cases/:id/removal-orders/:orderId/cancel': {
      target: fresh(prepared(withRemovalOrder)),
      body: () => ({ on: day(), reason: 'Asylum claim registered' }),
      state: REMOVAL,
      allowed: updated('removal_order', (now) => now['status'] === 'CANCELLED'),
    },
    'POST cases/:id/voluntary-returns': { target: fresh(plain), body: returnRequest, state: RETURN, allowed: added('voluntary_return', (row) => row['status'] === 'REQUESTED') },
    'POST cases/:id/voluntary-returns/:returnId/counselling': {
      target: standing(prepared(withReturn())),
      ...returnStep(counselling, (now, was) => length(now['counselling_sessions']) === length(was['counselling_sessions']) + 1),
    },
    'POST cases/:id/voluntary-returns/:returnId/voluntariness': {
      target: fresh(prepared(withReturn('COUNSELLED'))),
      ...returnStep(
        () => ({ confirmedOn: day(), freeAndInformed: true }),
        (now) => now['status'] === 'CONFIRMED',
      ),
    },
    'POST cases/:id/voluntary-returns/:returnId/vulnerability-assessment': {
      target: standing(prepared(withReturn())),
      ...returnStep(
        () => ({ assessedOn: day(), outcome: 'NO_CONCERN' }),
        (now, was) => now['vulnerability_outcome'] === 'NO_CONCERN' && now['version'] === Number(was['version']) + 1,
      ),
    },
    'POST cases/:id/voluntary-returns/:returnId/depart': {
      target: fresh(prepared(withReturn('COUNSELLED', 'CONFIRMED', 'ASSESSED'))),
      ...returnStep(
        () => ({ departedAt: at() }),
        (now) => now['status'] === 'DEPARTED',
      ),
    },
    'POST cases/:id/voluntary-returns/:returnId/withdraw': {
      target: fresh(prepared(withReturn())),
      ...returnStep(
        () => ({ on: day(), reason: 'Decided to stay and apply for a work permit' }),
        (now) => now['status'] === 'WITHDRAWN',
      ),
    },

    // Flags
    'POST cases/:id/flags': {
      target: standing(plain),
      body: (t) => (t.fixture === 'shared-PR' ? { kind: 'PROSECUTION', offence: 'IRREGULAR_ENTRY', reason: 'Crossed outside the post at night' } : refoulementRisk),
      state: FLAGS,
      allowed: added('protection_flag', (row, username) => row['agency_id'] === userOf(username).agency && row['closed_at'] === null),
    },
    'POST cases/:id/flags/:flagId/close': {
      target: fresh(prepared(withFlag)),
      body: () => ({ reason: 'Country information reviewed; risk no longer present' }),
      state: FLAGS,
      allowed: updated('protection_flag', (now) => now['closed_at'] !== null),
    },

    // Case management on a case
    'GET cases/:id/tasks': {
      target: onBase,
      state: TASKS,
      allowed: (res, t) => (Array.isArray(res.body) && (res.body as { caseId: string }[]).every((task) => task.caseId === t.caseId) ? undefined : `answered ${answer(res)}`),
    },
    'POST cases/:id/tasks': {
      target: standing(plain),
      body: () => ({ title: 'Book an interpreter for the interview', dueAt: at(48) }),
      state: TASKS,
      // Held by the caller: the border point of arrival (NMG) for its officials, the caller's agency for everyone else.
      allowed: added('case_task', (row, username) => {
        const official = (borderPointsOf.get(username) ?? []).some((b) => b === 'NMG' || b === NMG);
        const holder = official ? row['border_point_id'] === NMG && row['agency_id'] === null : row['agency_id'] === userOf(username).agency && row['border_point_id'] === null;
        return holder && row['kind'] === 'CUSTOM' && row['status'] === 'OPEN';
      }),
    },
    'GET cases/:id/responsibility': {
      target: onBase,
      state: snapshot('case_lead', 'case_assignment'),
      allowed: (res, t) => {
        const lead = (res.body.lead as { agencyId: string } | null)?.agencyId ?? null;
        return lead === (t.fixture === 'unshared' ? null : CPS) && Array.isArray(res.body.assignments) ? undefined : `answered ${answer(res)}`;
      },
    },
    'PUT cases/:id/assignment': {
      target: standing(plain),
      // The caller gives the case to themself (a user of their own agency); without a token, to border.official.
      body: (_t, { username }) => ({ userId: userOf(username ?? 'border.official').id }),
      state: snapshot('case_assignment'),
      allowed: (res, _t, before, after, username) => {
        const [was, now] = [before, after] as Snapshot[];
        const me = userOf(username);
        const active = now['case_assignment'].filter((a) => a['ended_at'] === null && a['agency_id'] === me.agency);
        return now['case_assignment'].length === was['case_assignment'].length + 1 && active.length === 1 && active[0]['user_id'] === me.id && Array.isArray(res.body.assignments)
          ? undefined
          : `assignments ${JSON.stringify(now['case_assignment'])}, answered ${answer(res)}`;
      },
    },
    'POST cases/:id/transfers': {
      target: fresh(prepared(withConsentForHaki)),
      body: () => ({ toAgencyId: HAKI, reason: 'The legal aid office in Namanga takes the case over' }),
      state: TRANSFER,
      allowed: added('case_transfer', (row) => row['status'] === 'PROPOSED' && row['to_agency_id'] === HAKI && row['from_agency_id'] === CPS),
    },
    'GET cases/:id/services': {
      target: onBase,
      state: snapshot('service_delivery'),
      allowed: (res) => (Array.isArray(res.body) ? undefined : `answered ${answer(res)}`),
    },
    'POST cases/:id/services': {
      target: standing(plain),
      body: () => ({ kind: 'SHELTER', provider: 'Tumaini Shelter', deliveredOn: day() }),
      state: snapshot('service_delivery'),
      allowed: added('service_delivery', (row, username) => row['agency_id'] === userOf(username).agency),
    },
    'POST cases/:id/close': {
      target: fresh(plain),
      body: () => ({ outcomeCode: 'NO_PROTECTION_NEEDS', reason: 'Moved on to Nairobi for work' }),
      state: CLOSURE,
      allowed: (res, _t, before, after) => {
        const [was, now] = [before, after] as Snapshot[];
        return now['case_file'][0]?.['status'] === 'CLOSED' && now['case_closure'].length === was['case_closure'].length + 1 && res.body.status === 'CLOSED'
          ? undefined
          : `the case is ${String(now['case_file'][0]?.['status'])}, answered ${answer(res)}`;
      },
    },
    'POST cases/:id/reopen': {
      target: fresh(prepared(closed)),
      body: () => ({ reason: 'Returned to the border point asking for help' }),
      state: CLOSURE,
      allowed: (res, _t, _before, after) => {
        const now = after as Snapshot;
        return now['case_file'][0]?.['status'] === 'OPEN' && now['case_closure'].every((k) => k['reopened_at'] !== null) && res.body.status === 'OPEN'
          ? undefined
          : `the case is ${String(now['case_file'][0]?.['status'])}, answered ${answer(res)}`;
      },
    },

    // Tasks, transfers, the dashboard and the monitor's reports
    'GET tasks': {
      target: standing(prepared(withTask)),
      query: { limit: 200 },
      state: TASKS,
      listed: (body, t) => (body as { items: { id: string }[] }).items.some((task) => task.id === t.id),
    },
    'POST tasks/:taskId/complete': taskClose('DONE', {}),
    'POST tasks/:taskId/cancel': taskClose('CANCELLED', { reason: 'Done by the asylum authority instead' }),
    'GET transfers': {
      target: standing(prepared(withTransfer)),
      state: TRANSFER,
      listed: (body, t) => (body as { id: string }[]).some((transfer) => transfer.id === t.id),
    },
    'POST transfers/:transferId/accept': transferAnswer('ACCEPTED'),
    'POST transfers/:transferId/decline': transferAnswer('DECLINED', { reason: 'No lawyer free in Namanga this month' }),
    'POST transfers/:transferId/cancel': transferAnswer('CANCELLED', { reason: 'The child protection service keeps the case' }),
    'GET dashboard': {
      target: async (fixture) => ({ fixture }),
      state: audits('DASHBOARD.READ'),
      allowed: audited((res, _t, username) => {
        const scope = (borderPointsOf.get(username) ?? []).length > 0 ? 'BORDER_POINTS' : 'AGENCY';
        return res.body.scope === scope && Number(res.body.caseload?.byStatus?.['OPEN']) > 0;
      }),
    },
    'GET monitor/detentions': report('MONITOR.DETENTIONS_READ', (m) => m.episode, 'episodeId'),
    'GET monitor/safeguard-events': report('MONITOR.SAFEGUARD_EVENTS_READ', (m) => m.event, 'id'),
    'GET monitor/overdue-referrals': report('MONITOR.OVERDUE_REFERRALS_READ', (m) => m.referral, 'referralId'),
  };

  beforeAll(async () => {
    api = await startDemoApi('protectionpermissions');
    NMG = await api.borderPointId('NMG');
    CPS = await api.agencyId('Child Protection Service');
    HAKI = await api.agencyId('Haki Legal Aid');
    const demo = await api.http().get('/api/v1/demo/accounts').expect(200);
    const accounts = demo.body.accounts as { username: string; borderPoints: string[] }[];
    borderPointsOf = new Map(accounts.map((a) => [a.username, a.borderPoints]));
    users = new Map((await api.owner<{ username: string; id: string; agency: string }>(`SELECT username, id, agency_id AS agency FROM app_user`)).map((u) => [u.username, { id: u.id, agency: u.agency }]));
    base.set('shared', newCase('shared'));
    base.set('unshared', newCase('unshared'));
    await Promise.all(base.values());
  }, 60_000);
  afterAll(() => api.close());

  describePermissionMatrix({
    api: () => api,
    columns: COLUMNS,
    policy: POLICY,
    fixtures: FIXTURES,
    behaviour: BEHAVIOUR,
    param: (t, name) => (name === 'id' ? t.caseId : t.id),
    refusals: REFUSALS,
    hidden: {
      code: (row) => HIDDEN_CODES[row.path.split('/')[0]],
      unknown: (t, row) => (row.path.split('/')[0] === 'cases' ? { ...t, caseId: randomUUID() } : { ...t, id: randomUUID() }),
      what: 'id',
    },
    routes: {
      under: 'where CASE_WORK_ROUTE names it and under tasks, transfers, dashboard and monitor',
      match: (path) => CASE_WORK_ROUTE.test(path) || OTHER_ROUTE.test(path),
      atLeast: 53,
    },
    // The fixtures first, made side by side; then each cell, one after the other.
    fixturesFirst: true,
  });
});
