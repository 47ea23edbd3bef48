import { Client } from 'pg';
import { adminClient, TEST_DATABASE_URL } from '../testing/test-servers';
import { ShutdownSafeClient } from './shutdown-safe-client';

describe('ShutdownSafeClient', () => {
  it('does not throw an error nobody listens to any more, where a plain client does', () => {
    const error = new Error('terminating connection due to administrator command');
    expect(() => new Client().emit('error', error)).toThrow(/terminating connection due to administrator command/);
    expect(new ShutdownSafeClient().emit('error', error)).toBe(false);
  });

  it('still hands an error to whoever listens', () => {
    const client = new ShutdownSafeClient();
    const heard: Error[] = [];
    client.on('error', (e) => heard.push(e));
    client.emit('error', new Error('lost'));
    expect(heard.map((e) => e.message)).toEqual(['lost']);
  });

  it('survives the server ending its connection (57P01) after its owner dropped its listeners', async () => {
    const client = new ShutdownSafeClient({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0];
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    client.removeAllListeners('error');
    const admin = await adminClient();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // A plain client would have thrown its 'error' out of the socket handler by now, failing the run.
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow();
  }, 10_000);
});
