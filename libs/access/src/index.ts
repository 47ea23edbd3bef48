export * from './access.enums';
export { AccessErrors } from './access.errors';
export type { AccessErrorCode } from './access.errors';
export * from './access.module';
export * from './agency.entity';
export * from './app-user.entity';
export * from './auth.service';
export * from './border-point.entity';
export * from './demo-data';
export { DemoService } from './demo.service';
export * from './field-groups';
export * from './refresh-token.entity';
export * from './token.service';
export { SESSION_CACHE_MS, SessionRegistry } from './session-registry';

import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { BorderPoint } from './border-point.entity';
import { RefreshToken } from './refresh-token.entity';

export const ACCESS_ENTITIES: Function[] = [BorderPoint, Agency, AppUser, RefreshToken];
