import { assertServersReachable, assertTestDatabase } from './test-servers';

describe('test harness', () => {
  it('refuses a database whose name does not say test', () => {
    expect(() => assertTestDatabase('kivuko')).toThrow('refusing to use database "kivuko"');
    expect(() => assertTestDatabase('kivuko_test_1_w1')).not.toThrow();
  });

  it('fails at once, saying how to start each server, when none answers', async () => {
    const started = Date.now();
    const failure = assertServersReachable('postgres://postgres:pw@127.0.0.1:1/postgres', 'redis://127.0.0.1:1');
    await expect(failure).rejects.toThrow(/PostgreSQL is not answering at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres/);
    await expect(failure).rejects.toThrow(/Start it with: pg_ctlcluster/);
    await expect(failure).rejects.toThrow(/Redis is not answering at redis:\/\/127\.0\.0\.1:1[\s\S]*Start it with: redis-server/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
