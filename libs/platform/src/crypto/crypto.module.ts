import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';
import { FieldCipher } from './field-cipher';

/** The process's cipher, built from the keyring resolved at boot. PlatformModule provides it. */
export const fieldCipherProvider = {
  provide: FieldCipher,
  inject: [PLATFORM_RUNTIME],
  useFactory: (runtime: PlatformRuntime): FieldCipher => new FieldCipher(runtime.secrets.encryptionKeys),
};
