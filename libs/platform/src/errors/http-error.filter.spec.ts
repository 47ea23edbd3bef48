import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { toErrorResponse } from './http-error.filter';

/** How database errors reach a client: a lost race for a unique record is a conflict, anything else stays a 500 without details. */
describe('database errors in responses', () => {
  const failed = (code: string, constraint?: string): QueryFailedError => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), { code, constraint });
    return new QueryFailedError('INSERT INTO detention_episode …', [], driverError);
  };

  it('answers 409 naming the constraint when two requests raced for one of the named unique indexes', () => {
    const { status, body } = toErrorResponse(failed('23505', 'detention_episode_open_uq'), 'c-1');
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'CONFLICT.ALREADY_EXISTS', details: { constraint: 'detention_episode_open_uq' }, correlationId: 'c-1' });
  });

  it('keeps other database errors a 500 that says nothing of the query', () => {
    for (const error of [failed('23505', 'case_file_pk'), failed('23503', 'referral_case_fk'), failed('42501')]) {
      const { status, body } = toErrorResponse(error, 'c-2');
      expect(status).toBe(500);
      expect(body).toEqual({ code: 'INTERNAL', message: expect.any(String), correlationId: 'c-2' });
    }
  });
});

/** The shapes a lost database connection takes on its way up (see database-outage.spec for the real thing). */
describe('database connection loss in responses', () => {
  const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], '');

  it('answers 503 asking to retry, for a restart, a refused connection, a dropped one and a released query runner', () => {
    for (const error of [
      new QueryFailedError('SELECT 1', [], terminated),
      refused,
      new Error('Connection terminated unexpectedly'),
      new QueryRunnerProviderAlreadyReleasedError(),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      const { status, body } = toErrorResponse(error, 'c-3');
      expect(status).toBe(503);
      expect(body).toEqual({ code: 'SERVICE.DATABASE_UNAVAILABLE', message: expect.any(String), details: { retryAfterSeconds: 5 }, correlationId: 'c-3' });
    }
  });

  it('keeps a wrong statement a 500', () => {
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });
    expect(toErrorResponse(new QueryFailedError('SELEC 1', [], syntax), 'c-4').status).toBe(500);
  });
});
