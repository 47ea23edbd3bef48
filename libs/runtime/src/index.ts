import { PLATFORM_ENTITIES } from '@kivuko/platform';
import { ALL_MIGRATIONS } from '@kivuko/migrations';

export { KivukoModule } from './kivuko.module';
export { ALL_MIGRATIONS };

/** Every entity of every bounded context. */
export const KIVUKO_ENTITIES: Function[] = [...PLATFORM_ENTITIES];
