import { PlatformOutbox1764100000000 } from './1764100000000-platform-outbox';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const ALL_MIGRATIONS: Function[] = [PlatformOutbox1764100000000];
