import { EncryptionKey } from '../crypto/field-cipher';
import { AppConfig } from './app-config';

/** What a process knows once it has booted: its validated config and the database it talks to. */
export interface PlatformRuntime {
  config: AppConfig;
  /** The server from DATABASE_URL, or the embedded one this process started. */
  databaseUrl: string;
  /** Secrets resolved at boot: from configuration, or kept in the data folder outside production. */
  secrets: { jwtSecret: string; encryptionKeys: EncryptionKey[] };
  /** Entity classes of every bounded context the process hosts. */
  entities: Function[];
}

export const PLATFORM_RUNTIME = Symbol('PLATFORM_RUNTIME');
