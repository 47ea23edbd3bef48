import { AuditService } from '@kivuko/audit';
import {
  Actor,
  actorScope,
  ALL_QUEUES,
  ApiConflict,
  CurrentActor,
  InspectedJob,
  isQueueName,
  Permission,
  QueueCounts,
  QueueInspector,
  QueueName,
  RequirePermission,
  UnitOfWork,
} from '@kivuko/platform';
import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { OperationsErrors } from './operations.errors';
import { abandonOutboxJob, reopenOutboxJob, webhookTargets } from './queues.queries';

/** How many troubled jobs of one queue the page lists. */
export const TROUBLED_JOBS_SHOWN = 50;
/** The job ids the outbox gives (`<job name>-<key>`), and BullMQ's own numeric ids. */
const JOB_ID = /^[A-Za-z0-9._-]{1,200}$/;

class QueueCountsDto implements QueueCounts {
  @ApiProperty({ type: 'integer', description: 'Jobs waiting for their next attempt after a failed one (counted among the delayed too)' }) retrying!: number;
  @ApiProperty({ type: 'integer' }) waiting!: number;
  @ApiProperty({ type: 'integer' }) active!: number;
  @ApiProperty({ type: 'integer' }) delayed!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
}

class JobTargetDto {
  @ApiProperty({ description: 'The agency the job delivers to' }) agency!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: "The host of the agency's webhook address (never its path, query or credentials); null when it has none now" })
  host!: string | null;
}

/** The host of an address, without its path, query or credentials; null when it is not one. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

class QueueJobDto implements Omit<InspectedJob, 'agencyId'> {
  @ApiProperty({ enum: ALL_QUEUES }) queue!: QueueName;
  @ApiProperty({ description: 'The job id: its name and the key of what it acts on (an id, never a name).', example: 'referrals.webhook-6f1c2a44-8a53-4f7e-9b1e-0c5d4b1e2f30' })
  id!: string;
  @ApiProperty({ description: 'The job name', example: 'referrals.webhook' }) name!: string;
  @ApiProperty({ enum: ['failed', 'delayed'], description: 'failed: no attempt left; delayed: to be tried again after a failed attempt' })
  state!: 'failed' | 'delayed';
  @ApiProperty({ type: 'integer' }) attemptsMade!: number;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'The error of the last attempt (at most 500 characters)' }) error!: string | null;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true, description: 'When a job waiting after a failure is tried next; null for a failed one' })
  nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: JobTargetDto, nullable: true, description: 'Where a webhook job delivers: the agency and its webhook host; null for other jobs' })
  target!: JobTargetDto | null;
}

class QueueDto {
  @ApiProperty({ enum: ALL_QUEUES }) name!: QueueName;
  @ApiProperty({ type: QueueCountsDto }) counts!: QueueCountsDto;
  @ApiProperty({ type: [QueueJobDto], description: `The failed jobs and those waiting to be tried again after a failure, newest first (at most ${TROUBLED_JOBS_SHOWN}). The job's data is never shown.` })
  jobs!: QueueJobDto[];
}

class QueuesDto {
  @ApiProperty({ enum: ['redis', 'postgres'], description: 'Where the queues live: Redis, or BullMQ\'s PostgreSQL backend' }) backend!: 'redis' | 'postgres';
  @ApiProperty({ type: [QueueDto] }) queues!: QueueDto[];
}

/** The job queues for the system administrators: what waits, what failed, and sending a failed job round again. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller({ path: 'admin/queues', version: '1' })
export class QueuesController {
  constructor(
    private readonly inspector: QueueInspector,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  @ApiOperation({ summary: 'Every queue: its jobs counted by state, and its failed jobs with their errors' })
  @ApiOkResponse({ type: QueuesDto })
  @RequirePermission(Permission.QueuesManage)
  @Get()
  async list(@CurrentActor() actor: Actor): Promise<QueuesDto> {
    const read = await Promise.all(
      ALL_QUEUES.map(async (name) => ({
        name,
        counts: { ...(await this.inspector.counts(name)), retrying: await this.inspector.retrying(name) },
        jobs: await this.inspector.troubled(name, TROUBLED_JOBS_SHOWN),
      })),
    );
    const agencyIds = [...new Set(read.flatMap((queue) => queue.jobs.flatMap((job) => (job.agencyId ? [job.agencyId] : []))))];
    const targets = new Map((await this.uow.run(actorScope(actor), (manager) => webhookTargets(manager, agencyIds))).map((t) => [t.id, { agency: t.name, host: hostOf(t.url) }]));
    const queues = read.map((queue) => ({
      ...queue,
      jobs: queue.jobs.map(({ agencyId, ...job }) => ({ ...job, target: (agencyId && targets.get(agencyId)) || null })),
    }));
    return { backend: this.inspector.backend.kind, queues };
  }

  @ApiOperation({ summary: 'Run a failed job again (its attempts start afresh), or now a job waiting for its next attempt; audited' })
  @ApiConflict('The job is neither failed nor waiting to be tried again after a failure')
  @ApiNoContentResponse({ description: 'The job is queued to run' })
  @ApiParam({ name: 'queue', enum: ALL_QUEUES })
  @ApiParam({ name: 'jobId', schema: { type: 'string', pattern: JOB_ID.source }, example: 'referrals.webhook-6f1c2a44-8a53-4f7e-9b1e-0c5d4b1e2f30' })
  @RequirePermission(Permission.QueuesManage)
  @Post(':queue/jobs/:jobId/retry')
  @HttpCode(204)
  async retry(@CurrentActor() actor: Actor, @Param('queue') queue: string, @Param('jobId') jobId: string): Promise<void> {
    const found = await this.troubledJob(queue, jobId);
    await this.uow.run(actorScope(actor), async (manager) => {
      await reopenOutboxJob(manager, jobId);
      await this.audit.record(manager, { action: 'QUEUE.JOB_RETRIED', actor, details: { queue, jobId, job: found.job.name, state: found.state } });
      // Last: should the queue refuse, the transaction (and its audit event) rolls back with it.
      await this.inspector.retry(found.job, found.state);
    });
  }

  @ApiOperation({ summary: 'Remove a failed job (or one waiting to be tried again after a failure) from its queue; audited' })
  @ApiConflict('The job is neither failed nor waiting to be tried again after a failure')
  @ApiNoContentResponse({ description: 'The job is removed' })
  @ApiParam({ name: 'queue', enum: ALL_QUEUES })
  @ApiParam({ name: 'jobId', schema: { type: 'string', pattern: JOB_ID.source }, example: 'referrals.webhook-6f1c2a44-8a53-4f7e-9b1e-0c5d4b1e2f30' })
  @RequirePermission(Permission.QueuesManage)
  @Delete(':queue/jobs/:jobId')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('queue') queue: string, @Param('jobId') jobId: string): Promise<void> {
    const found = await this.troubledJob(queue, jobId);
    await this.uow.run(actorScope(actor), async (manager) => {
      await abandonOutboxJob(manager, jobId);
      await this.audit.record(manager, { action: 'QUEUE.JOB_REMOVED', actor, details: { queue, jobId, job: found.job.name, state: found.state } });
      await this.inspector.remove(found.job);
    });
  }

  private async troubledJob(queue: string, jobId: string): Promise<NonNullable<Awaited<ReturnType<QueueInspector['job']>>>> {
    if (!isQueueName(queue)) throw OperationsErrors.raise('QUEUE.NOT_FOUND');
    if (!JOB_ID.test(jobId)) throw OperationsErrors.badInput('QUEUE.JOB_INVALID', [{ path: 'jobId', problem: 'must be 1 to 200 letters, digits, dots, dashes or underscores' }]);
    const found = await this.inspector.job(queue, jobId);
    if (!found) throw OperationsErrors.raise('QUEUE.JOB_NOT_FOUND');
    const troubled = found.state === 'failed' || (found.state === 'delayed' && found.job.attemptsMade > 0 && Boolean(found.job.failedReason));
    if (!troubled) throw OperationsErrors.raise('QUEUE.JOB_NOT_TROUBLED');
    return found;
  }
}
