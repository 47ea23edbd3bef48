import { PlatformOutbox1764100000000 } from './1764100000000-platform-outbox';
import { AuditTrail1764200000000 } from './1764200000000-audit-trail';
import { Access1764300000000 } from './1764300000000-access';
import { AppRole1764400000000 } from './1764400000000-app-role';
import { AccessScope1764500000000 } from './1764500000000-access-scope';
import { CaseNumber1764600000000 } from './1764600000000-case-number';
import { Cases1764700000000 } from './1764700000000-cases';
import { Profiling1764800000000 } from './1764800000000-profiling';
import { Referrals1764900000000 } from './1764900000000-referrals';
import { NameSearchTuning1765000000000 } from './1765000000000-name-search-tuning';
import { ReferralDeadlines1765050000000 } from './1765050000000-referral-deadlines';
import { Webhooks1765060000000 } from './1765060000000-webhooks';
import { ProfilingSopVersion1765070000000 } from './1765070000000-profiling-sop-version';
import { ReferralVisibility1765080000000 } from './1765080000000-referral-visibility';
import { SopLifecycle1765100000000 } from './1765100000000-sop-lifecycle';
import { CaseNotes1765200000000 } from './1765200000000-case-notes';
import { ProtectionRecords1765300000000 } from './1765300000000-protection-records';
import { CaseManagement1765400000000 } from './1765400000000-case-management';
import { ReferralQueueScale1765500000000 } from './1765500000000-referral-queue-scale';
import { ChildCare1765600000000 } from './1765600000000-child-care';
import { OneOpenRecord1765700000000 } from './1765700000000-one-open-record';
import { UnrelatedOffenceFinding1765800000000 } from './1765800000000-unrelated-offence-finding';
import { AsylumWishWithdrawal1765810000000 } from './1765810000000-asylum-wish-withdrawal';
import { TrustRouting1765820000000 } from './1765820000000-trust-routing';
import { LoginSlowdown1765840000000 } from './1765840000000-login-slowdown';
import { KeyedAuditChain1765841000000 } from './1765841000000-keyed-audit-chain';
import { AsylumWishReexpressed1765860000000 } from './1765860000000-asylum-wish-reexpressed';
import { ConsentInterpreter1765920000000 } from './1765920000000-consent-interpreter';
import { DutyEmails1765930000000 } from './1765930000000-duty-emails';
import { EmailDeliveryResend1765937000000 } from './1765937000000-email-delivery-resend';
import { PasswordChangeRequired1765940000000 } from './1765940000000-password-change-required';
import { JobRunAttempts1765945000000 } from './1765945000000-job-run-attempts';
import { EncounterComparison1765951000000 } from './1765951000000-encounter-comparison';
import { OperationsMetrics1765990000000 } from './1765990000000-operations-metrics';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const ALL_MIGRATIONS: Function[] = [
  PlatformOutbox1764100000000,
  AuditTrail1764200000000,
  Access1764300000000,
  AppRole1764400000000,
  AccessScope1764500000000,
  CaseNumber1764600000000,
  Cases1764700000000,
  Profiling1764800000000,
  Referrals1764900000000,
  NameSearchTuning1765000000000,
  ReferralDeadlines1765050000000,
  Webhooks1765060000000,
  ProfilingSopVersion1765070000000,
  ReferralVisibility1765080000000,
  SopLifecycle1765100000000,
  CaseNotes1765200000000,
  ProtectionRecords1765300000000,
  CaseManagement1765400000000,
  ReferralQueueScale1765500000000,
  ChildCare1765600000000,
  OneOpenRecord1765700000000,
  UnrelatedOffenceFinding1765800000000,
  AsylumWishWithdrawal1765810000000,
  TrustRouting1765820000000,
  LoginSlowdown1765840000000,
  KeyedAuditChain1765841000000,
  AsylumWishReexpressed1765860000000,
  ConsentInterpreter1765920000000,
  DutyEmails1765930000000,
  EmailDeliveryResend1765937000000,
  PasswordChangeRequired1765940000000,
  JobRunAttempts1765945000000,
  EncounterComparison1765951000000,
  OperationsMetrics1765990000000,
];
