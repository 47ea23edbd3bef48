import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export enum Role {
  BorderOfficial = 'BORDER_OFFICIAL',
  Caseworker = 'CASEWORKER',
  Supervisor = 'SUPERVISOR',
  AgencyManager = 'AGENCY_MANAGER',
  SopAdmin = 'SOP_ADMIN',
  Analyst = 'ANALYST',
  Monitor = 'MONITOR',
  Sysadmin = 'SYSADMIN',
}

/** What a route needs. Roles grant permissions (ROLE_PERMISSIONS); routes never name roles. */
export enum Permission {
  /** Any signed-in user: their own profile, signing out. */
  SignedIn = 'SIGNED_IN',
  ReferenceDataRead = 'REFERENCE_DATA_READ',
  ReferenceDataManage = 'REFERENCE_DATA_MANAGE',
  UsersRead = 'USERS_READ',
  UsersManage = 'USERS_MANAGE',
  AuditVerify = 'AUDIT_VERIFY',
  /** Register arrivals at one's own border points. */
  IntakeRegister = 'INTAKE_REGISTER',
  /** Complete or correct an intake record. */
  IntakeUpdate = 'INTAKE_UPDATE',
  /** Read and list the cases in one's scope (border points, or referrals held by one's agency). */
  CasesRead = 'CASES_READ',
  /** Link a possible previous encounter to the case (same person) or dismiss it. */
  EncountersReview = 'ENCOUNTERS_REVIEW',
  /** Confirm, add or remove a case's profiles (officials of the border point of arrival). */
  ProfilesDecide = 'PROFILES_DECIDE',
  /** See referral queues: one's agency's, or those sent from one's border points. */
  ReferralsRead = 'REFERRALS_READ',
  /** Acknowledge, accept, decline, start and complete one's agency's referrals. */
  ReferralsWork = 'REFERRALS_WORK',
  /** Withdraw a referral sent from one's border point. */
  ReferralsWithdraw = 'REFERRALS_WITHDRAW',
  /** Read joint SOP versions, their approvals and diffs. */
  SopRead = 'SOP_READ',
  /** Upload, validate, simulate, activate and retire joint SOP versions. */
  SopManage = 'SOP_MANAGE',
  /** Approve a draft SOP on behalf of one's agency (a signatory). */
  SopApprove = 'SOP_APPROVE',
  /** Register or remove one's agency's webhook (a system administrator: any agency's). */
  WebhooksManage = 'WEBHOOKS_MANAGE',
  /** Write notes on the cases one sees. */
  NotesWrite = 'NOTES_WRITE',
  /** Mark a claimed relationship between travel companions as verified (or not). */
  RelationshipsVerify = 'RELATIONSHIPS_VERIFY',
  /** Record a person's consent or refusal, and its withdrawal. */
  ConsentRecord = 'CONSENT_RECORD',
  /** Record a legal basis standing in for consent (a child's best interests, a legal duty, a vital interest). */
  ConsentLegalBasis = 'CONSENT_LEGAL_BASIS',
  /** Record the case work one's agency is mandated for: asylum claims, trafficking identification, child protection, detention, removal, return, flags. */
  CaseRecordsWrite = 'CASE_RECORDS_WRITE',
  /** Override the detention guard with a written justification (never the non-refoulement lock: it has no override). */
  SafeguardOverride = 'SAFEGUARD_OVERRIDE',
  /** The independent monitor's safeguard reports across every case (no narratives). */
  SafeguardReportsRead = 'SAFEGUARD_REPORTS_READ',
  /** Work a case one sees: tasks, services delivered, transfer of the lead, closure and reopening. */
  CaseManage = 'CASE_MANAGE',
  /** Assign a case to a caseworker of one's own agency. */
  CasesAssign = 'CASES_ASSIGN',
  /** The supervisor's dashboard over one's own caseload. */
  DashboardRead = 'DASHBOARD_READ',
  /** The job queues: their counts and failed jobs, retrying or removing a job (system administrators). */
  QueuesManage = 'QUEUES_MANAGE',
}

const EVERYONE: Permission[] = [Permission.SignedIn, Permission.ReferenceDataRead];

export const ROLE_PERMISSIONS: { readonly [R in Role]: readonly Permission[] } = {
  [Role.BorderOfficial]: [
    ...EVERYONE,
    Permission.IntakeRegister,
    Permission.IntakeUpdate,
    Permission.ProfilesDecide,
    Permission.CasesRead,
    Permission.ConsentRecord,
    Permission.ReferralsRead,
    Permission.ReferralsWithdraw,
    Permission.NotesWrite,
    Permission.CaseRecordsWrite,
    Permission.CaseManage,
  ],
  [Role.Caseworker]: [
    ...EVERYONE,
    Permission.CasesRead,
    Permission.ConsentRecord,
    Permission.RelationshipsVerify,
    Permission.ReferralsRead,
    Permission.ReferralsWork,
    Permission.NotesWrite,
    Permission.CaseRecordsWrite,
    Permission.CaseManage,
  ],
  [Role.Supervisor]: [
    ...EVERYONE,
    Permission.UsersRead,
    Permission.IntakeRegister,
    Permission.IntakeUpdate,
    Permission.ProfilesDecide,
    Permission.CasesRead,
    Permission.EncountersReview,
    Permission.RelationshipsVerify,
    Permission.ConsentRecord,
    Permission.ConsentLegalBasis,
    Permission.ReferralsRead,
    Permission.ReferralsWork,
    Permission.ReferralsWithdraw,
    Permission.NotesWrite,
    Permission.CaseRecordsWrite,
    Permission.SafeguardOverride,
    Permission.CaseManage,
    Permission.CasesAssign,
    Permission.DashboardRead,
  ],
  [Role.AgencyManager]: [
    ...EVERYONE,
    Permission.UsersRead,
    Permission.CasesRead,
    Permission.ConsentRecord,
    Permission.ConsentLegalBasis,
    Permission.ReferralsRead,
    Permission.ReferralsWork,
    Permission.SopRead,
    Permission.SopApprove,
    Permission.WebhooksManage,
    Permission.NotesWrite,
    Permission.CaseRecordsWrite,
    Permission.CaseManage,
    Permission.CasesAssign,
    Permission.DashboardRead,
  ],
  [Role.SopAdmin]: [...EVERYONE, Permission.SopRead, Permission.SopManage],
  [Role.Analyst]: EVERYONE,
  [Role.Monitor]: [...EVERYONE, Permission.AuditVerify, Permission.SafeguardReportsRead],
  [Role.Sysadmin]: [...EVERYONE, Permission.ReferenceDataManage, Permission.UsersRead, Permission.UsersManage, Permission.AuditVerify, Permission.WebhooksManage, Permission.QueuesManage],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

/** The authenticated user a request or job acts for. */
export interface Actor {
  userId: string;
  username: string;
  agencyId: string;
  roles: Role[];
  borderPointIds: string[];
}

export const REQUIRED_PERMISSION = 'kivuko:permission';

/** Declares the permission a route needs. A route with neither this nor @Public() is refused. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_PERMISSION, permission);

export interface RequestWithActor {
  actor?: Actor;
  id?: unknown;
  ip?: string;
}

/** The request's correlation id (the request id the logs and the audit trail carry), when it has one. */
export const correlationOf = (req: RequestWithActor): string | undefined => (req.id ? String(req.id) : undefined);

/** The request's authenticated actor (set by the access guard). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated actor');
  return actor;
});
