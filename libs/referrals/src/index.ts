export { ReferralAction } from './referral-status';
export { ReferralService } from './referral.service';
export { ReferralRouter } from './referral-router';
export { ReferralActionDto } from './referral.dto';
export { ReferralsModule } from './referrals.module';
export { ReferralDeadlinesModule } from './deadlines/referral-deadlines.module';
export { ReferralErrors } from './referrals.errors';
