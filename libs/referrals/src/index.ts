export * from './referral-status';
export * from './referral.service';
export * from './referral-router';
export * from './referral.dto';
export * from './referrals.module';
export * from './deadlines/referral-deadlines';
export * from './deadlines/referral-deadlines.module';
export * from './webhooks/webhooks';
