import { Controller, Get, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { QueueBackend } from '../jobs/queue-backend';

type CheckState = 'up' | 'down';

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queueBackend: QueueBackend,
  ) {}

  /** The process is up and serving HTTP. */
  @ApiOperation({ summary: 'Whether the process is up and serving HTTP' })
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The process can do its work: the database answers, and Redis when the queues run on it. */
  @ApiOperation({ summary: 'Whether the database (and Redis, when the queues use it) answer' })
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, CheckState> }> {
    const checks: Record<string, CheckState> = { postgres: await this.postgres() };
    if (this.queueBackend.kind === 'redis') checks.redis = (await this.queueBackend.ping()) ? 'up' : 'down';
    const ok = Object.values(checks).every((c) => c === 'up');
    if (!ok) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  private async postgres(): Promise<CheckState> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
