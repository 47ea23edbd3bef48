import { Clock } from '@kivuko/platform';
import { DEFAULT_SOP_DOCUMENT } from '@kivuko/sop';
import { EntityManager } from 'typeorm';
import { SopVersions } from './sop-versions';

/** A manager that answers the two queries SopVersions asks, and counts them. */
function fakeManager(active: { id: string } | null, document: unknown) {
  const asked: { sql: string; params: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      asked.push({ sql, params });
      if (sql.includes(`status = 'ACTIVE'`)) return active ? [{ ...active, jurisdiction: 'TZA', label: 'v1', status: 'ACTIVE' }] : [];
      if (sql.startsWith('SELECT document')) return [{ document }];
      throw new Error(`unexpected query ${sql}`);
    },
  } as unknown as EntityManager;
  return { manager, asked };
}

describe('SopVersions', () => {
  it('reads and parses a version once, however often it is asked for', async () => {
    const versions = new SopVersions(new Clock());
    const { manager, asked } = fakeManager({ id: 'v-1' }, DEFAULT_SOP_DOCUMENT);
    const first = await versions.active(manager, 'TZA');
    const second = await versions.active(manager, 'TZA');
    expect(first?.id).toBe('v-1');
    expect(second?.sop).toBe(first?.sop);
    expect(asked.filter((q) => q.sql.startsWith('SELECT document'))).toHaveLength(1);
    expect(await versions.parsed(manager, 'v-1')).toBe(first?.sop);
  });

  it('asks for the version in effect at the given time, now by default (the clock), any ACTIVE one with null', async () => {
    const clock = new Clock();
    clock.fixAt(new Date('2027-03-01T10:00:00Z'));
    const versions = new SopVersions(clock);
    const { manager, asked } = fakeManager(null, DEFAULT_SOP_DOCUMENT);
    expect(await versions.active(manager, 'TZA')).toBeNull();
    await versions.activeRow(manager, 'KEN', new Date('2027-01-01T00:00:00Z'));
    await versions.activeRow(manager, 'UGA', null);
    expect(asked.map((q) => q.params)).toEqual([
      ['TZA', new Date('2027-03-01T10:00:00Z')],
      ['KEN', new Date('2027-01-01T00:00:00Z')],
      ['UGA', null],
    ]);
  });

  it('parses a document the caller has read already without reading it again', async () => {
    const versions = new SopVersions(new Clock());
    const { manager, asked } = fakeManager(null, null);
    const sop = await versions.parsed(manager, 'v-2', DEFAULT_SOP_DOCUMENT);
    expect(sop.version).toBe((DEFAULT_SOP_DOCUMENT as { version: string }).version);
    expect(asked).toHaveLength(0);
  });
});
