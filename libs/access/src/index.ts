export { AgencyKind, AgencyService } from './access.enums';
export { AccessModule } from './access.module';
export { BorderPoint } from './border-point.entity';
export { DEMO_BORDER_POINTS, DEMO_USERS } from './demo-data';
export { DemoService } from './demo.service';
export { allowedGroups, DEFAULT_DATA_SHARING, FIELD_GROUPS, FieldGroup, isFieldGroup, shapeRecord, withheldReason } from './field-groups';
export type { WithheldReason } from './field-groups';
export type { DataSharingMap } from './field-groups';
export { TokenService } from './token.service';
export { SESSION_CACHE_MS, SessionRegistry } from './session-registry';

import { Agency } from './agency.entity';
import { AppUser } from './app-user.entity';
import { BorderPoint } from './border-point.entity';
import { RefreshToken } from './refresh-token.entity';

export const ACCESS_ENTITIES: Function[] = [BorderPoint, Agency, AppUser, RefreshToken];
export { AccessErrors } from './access.errors';
