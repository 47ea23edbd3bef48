import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from './case-query.service';

describe('list cursors', () => {
  it('give back the position they were made from', () => {
    const id = randomUUID();
    const at = new Date('2026-11-26T03:40:00.123Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ arrivedAt: at, id });
  });

  it.each([
    ['not base64url text', '%%%'],
    ['a cursor without an id', Buffer.from('2026-11-26T03:40:00.123Z|', 'utf8').toString('base64url')],
    ['a cursor whose id is not a uuid', Buffer.from('2026-11-26T03:40:00.123Z|42', 'utf8').toString('base64url')],
    ['a cursor with an impossible date', Buffer.from(`2026-13-45T03:40:00.123Z|${randomUUID()}`, 'utf8').toString('base64url')],
  ])('refuse %s with a 400 naming the cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'REQUEST.VALIDATION_FAILED', fields: [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }] }));
  });
});
