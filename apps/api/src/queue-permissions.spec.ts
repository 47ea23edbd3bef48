import { JobHandler, JobName, jobId, OutboxPruneJob, OutboxService } from '@kivuko/platform';
import { eventually } from '@kivuko/platform/testing';
import { UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DemoApi, startDemoApi } from './demo-api';
import { describePermissionMatrix, RouteBehaviour } from './permission-matrix';

/**
 * Each role × each endpoint of the job queues page (`admin/queues`), allowed and denied, as one table (read and
 * checked by the harness of permission-matrix.ts). Only the system administrator holds QUEUES_MANAGE.
 *
 * Fixture `failed`: a prune job on the platform queue that failed for good (its handler throws an unrecoverable
 * error for that job alone). An allowed retry or removal acts on a failed job of its own; every refused cell acts on
 * one standing failed job, which must stay failed, with no audit event about it.
 */
const COLUMNS = {
  BO: 'border.official',
  BS: 'border.supervisor',
  SC: 'shelter.caseworker',
  SM: 'shelter.manager',
  SA: 'sop.admin',
  AN: 'analyst',
  MO: 'monitor',
  SY: 'sysadmin',
  anon: null,
} as const;

const POLICY = `
  method path                                     fixture  BO    BS    SC    SM    SA    AN    MO    SY    anon
  GET    admin/queues                             failed   403   403   403   403   403   403   403   200   401
  POST   admin/queues/:queue/jobs/:jobId/retry    failed   403   403   403   403   403   403   403   204   401
  DELETE admin/queues/:queue/jobs/:jobId          failed   403   403   403   403   403   403   403   204   401
`;

type Fixture = 'failed';
interface Target {
  queue: string;
  jobId: string;
}
interface JobState {
  state: string | null;
  audits: number;
}

describe('permissions of the job queues page: every role × every route', () => {
  let api: DemoApi;
  let standing: Target | null = null;
  const doomed = new Set<string>();

  async function failedJob(): Promise<Target> {
    const key = `matrix-${randomUUID()}`;
    const id = jobId(JobName.OutboxPrune, key);
    doomed.add(id);
    await api.app.get(DataSource).transaction((em) => api.app.get(OutboxService).enqueue(em, JobName.OutboxPrune, { publishedBefore: new Date(0).toISOString() }, { key }));
    await eventually(async () => expect(await jobState({ queue: 'platform', jobId: id })).toMatchObject({ state: 'failed' }), 20_000);
    return { queue: 'platform', jobId: id };
  }

  async function jobState(t: Target): Promise<JobState> {
    const res = await api.http().get('/api/v1/admin/queues').set(await api.as('sysadmin')).expect(200);
    const job = (res.body.queues as { name: string; jobs: { id: string; state: string }[] }[]).find((q) => q.name === t.queue)?.jobs.find((j) => j.id === t.jobId);
    const [{ n }] = await api.owner<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action LIKE 'QUEUE.%' AND details->>'jobId' = $1`, [t.jobId]);
    return { state: job?.state ?? null, audits: Number(n) };
  }

  const target = async (_fixture: Fixture, fresh: boolean): Promise<Target> => {
    if (fresh) return failedJob();
    standing ??= await failedJob();
    return standing;
  };

  const BEHAVIOUR: Record<string, RouteBehaviour<Target, Fixture>> = {
    'GET admin/queues': {
      target,
      state: jobState,
      allowed: (res, t, before, after) => {
        const listed = (res.body.queues as { name: string; jobs: { id: string }[] }[]).find((q) => q.name === t.queue)?.jobs.some((j) => j.id === t.jobId);
        return listed && JSON.stringify(before) === JSON.stringify(after) ? undefined : `answered ${JSON.stringify(res.body).slice(0, 300)}`;
      },
    },
    'POST admin/queues/:queue/jobs/:jobId/retry': {
      target,
      state: jobState,
      allowed: (_res, t, before, after) => {
        const [was, now] = [before, after] as JobState[];
        // Sent round again (it fails again at once: its handler still refuses it), and audited once.
        return was.state === 'failed' && now.audits === was.audits + 1 ? undefined : `the job is ${JSON.stringify(now)} (was ${JSON.stringify(was)})`;
      },
    },
    'DELETE admin/queues/:queue/jobs/:jobId': {
      target,
      state: jobState,
      allowed: (_res, _t, before, after) => {
        const [was, now] = [before, after] as JobState[];
        return was.state === 'failed' && now.state === null && now.audits === was.audits + 1 ? undefined : `the job is ${JSON.stringify(now)} (was ${JSON.stringify(was)})`;
      },
    },
  };

  beforeAll(async () => {
    api = await startDemoApi('queuepermissions');
    const handler = api.app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob);
    const real = handler.handle.bind(handler);
    jest.spyOn(handler, 'handle').mockImplementation(async (payload, ctx) => {
      if (doomed.has(ctx.jobId)) throw new UnrecoverableError('refused for the permission matrix');
      return real(payload, ctx);
    });
  }, 60_000);
  afterAll(() => api.close());

  describePermissionMatrix({
    api: () => api,
    columns: COLUMNS,
    policy: POLICY,
    fixtures: ['failed'],
    behaviour: BEHAVIOUR,
    param: (t, name) => ({ queue: t.queue, jobId: t.jobId })[name],
    refusals: { 'ACCESS.FORBIDDEN': '403' },
    hidden: { code: () => 'QUEUE.JOB_NOT_FOUND', unknown: (t) => ({ ...t, jobId: `platform.outbox-prune-${randomUUID()}` }), what: 'job' },
    routes: { under: 'under admin/queues', match: (path) => /^admin\/queues(\/|$)/.test(path), atLeast: 3 },
  });
});
