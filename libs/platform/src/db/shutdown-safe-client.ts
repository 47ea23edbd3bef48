import { Client } from 'pg';

/**
 * A pg client that cannot crash the process when its connection fails after its owner stopped
 * listening to it. A library closing a client may drop its listeners first; if the server ends the
 * connection meanwhile (57P01 as the database shuts down), a plain client emits an 'error' that
 * nobody handles, and Node ends the process. Such an error concerns a connection being thrown away.
 */
export class ShutdownSafeClient extends Client {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error' && this.listenerCount('error') === 0) return false;
    return super.emit(event, ...args);
  }
}
