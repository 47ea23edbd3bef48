import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { productSources } from './product-sources';

const ROOT = resolve(__dirname, '..');

/** A job handler class: `@HandlesJob(JobName.X)`. */
const HANDLER = /@HandlesJob\(\s*JobName\.(\w+)\s*\)/g;

/**
 * Job handlers that still live beside other code instead of in a `*.job.ts` file of their own, with the
 * number of handlers in each. Moving one out removes (or lowers) its entry.
 */
const NOT_YET_MOVED: Record<string, number> = {
};

function handlersByFile(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of productSources(join(ROOT, 'libs'))) {
    const jobs = [...readFileSync(file, 'utf8').matchAll(HANDLER)].map((m) => m[1]);
    if (jobs.length > 0) found.set(relative(ROOT, file), jobs);
  }
  return found;
}

describe('job handlers', () => {
  const handlers = handlersByFile();

  it('live in *.job.ts files, one handler per file', () => {
    const misplaced = Object.fromEntries([...handlers].filter(([file]) => !file.endsWith('.job.ts')).map(([file, jobs]) => [file, jobs.length]));
    expect(misplaced).toEqual(NOT_YET_MOVED);
    for (const [file, jobs] of [...handlers].filter(([f]) => f.endsWith('.job.ts'))) expect([file, jobs.length]).toEqual([file, 1]);
  });

  it('are found where they are declared (the platform\'s outbox prune among them)', () => {
    expect(handlers.get('libs/platform/src/jobs/outbox-prune.job.ts')).toEqual(['OutboxPrune']);
  });
});
