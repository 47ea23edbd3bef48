import { errorCodeList } from '@kivuko/platform';
import { CaseworkErrors } from './casework.errors';

describe('the refusals of case work', () => {
  it('are listed once each, with the status their kind gives', () => {
    const list = errorCodeList([CaseworkErrors]);
    const status = Object.fromEntries(list.map((e) => [e.code, e.status]));
    expect(status['RECORD.NOT_FOUND']).toBe(404);
    expect(status['RECORD.NOT_YOUR_MANDATE']).toBe(403);
    expect(status['RECORD.INVALID']).toBe(400);
    expect(status['SAFEGUARD.NON_REFOULEMENT']).toBe(409);
    expect(status['CASE.OPEN_REFERRALS']).toBe(409);
    expect(status['TRANSFER.NOT_YOURS']).toBe(403);
    expect(list.every((e) => e.context === 'casework')).toBe(true);
  });

  it('carry the declared message unless the raiser names the data, and keep the details', () => {
    expect(CaseworkErrors.raise('FLAG.CLOSED')).toMatchObject({ code: 'FLAG.CLOSED', kind: 'CONFLICT', message: 'This flag is already closed' });
    const named = CaseworkErrors.raise('TASK.CLOSED', 'This task is already done', { taskId: 't-1' });
    expect(named).toMatchObject({ code: 'TASK.CLOSED', kind: 'CONFLICT', message: 'This task is already done', details: { taskId: 't-1' } });
  });

  it('answer bad input with the fields named', () => {
    const error = CaseworkErrors.badInput('RECORD.INVALID', [{ path: 'date', problem: 'An interview cannot come before the claim was registered' }]);
    expect(error).toMatchObject({ code: 'RECORD.INVALID', kind: 'BAD_INPUT', message: 'The request has 1 invalid field', fields: [{ path: 'date', problem: 'An interview cannot come before the claim was registered' }] });
  });
});
