import { QueryFailedError } from 'typeorm';
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
