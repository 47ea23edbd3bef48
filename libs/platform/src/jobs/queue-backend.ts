import {
  createPostgresBackend,
  createRedisBackend,
  JobsOptions,
  Processor,
  Queue,
  runMigrations,
  withBackend,
  Worker,
} from 'bullmq';
import { OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { Client } from 'pg';

/** Where the PostgreSQL backend keeps BullMQ's own tables, apart from the application's schema. */
export const BULLMQ_PG_SCHEMA = 'bullmq';

export type BackendKind = 'redis' | 'postgres';

export interface QueueBackendOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** Redis key prefix; lets several test runs share one Redis without seeing each other's jobs. */
  prefix: string;
}

/** A minimal view of a queue the application needs; both backends provide it. */
export interface AppQueue {
  on(event: 'error', listener: (error: Error) => void): unknown;
  addBulk(jobs: { name: string; data: object; opts: JobsOptions }[]): Promise<unknown>;
  close(): Promise<void>;
}

export interface AppWorker {
  waitUntilReady(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'failed', listener: (job: { id?: string; name: string } | undefined, error: Error) => void): unknown;
  close(): Promise<void>;
}

/**
 * Builds BullMQ queues and workers on one of its two backends: Redis when a REDIS_URL is set,
 * otherwise BullMQ's PostgreSQL backend on the application's own database. The rest of the
 * application does not know which one it talks to.
 */
export class QueueBackend implements OnApplicationShutdown {
  readonly kind: BackendKind;
  private healthClient: IORedis | null = null;

  constructor(private readonly options: QueueBackendOptions) {
    this.kind = options.redisUrl ? 'redis' : 'postgres';
  }

  /** The caller owns the queue: closing it closes its connections. */
  createQueue(name: string): AppQueue {
    if (this.options.redisUrl) {
      // A producer gives up on a command after one reconnection attempt while Redis is away: the
      // outbox still holds the job and the relay tries again later.
      const connection = { url: this.options.redisUrl, maxRetriesPerRequest: 1 };
      const { Queue: RedisQueue } = withBackend(createRedisBackend);
      return new RedisQueue(name, { connection, prefix: this.options.prefix, skipWaitingForReady: true }) as Queue;
    }
    const { Queue: PgQueue } = withBackend(createPostgresBackend);
    return new PgQueue(name, { connection: this.pgConnection() });
  }

  createWorker(name: string, processor: Processor, concurrency: number): AppWorker {
    if (this.options.redisUrl) {
      const connection = { url: this.options.redisUrl, maxRetriesPerRequest: null };
      const { Worker: RedisWorker } = withBackend(createRedisBackend);
      return new RedisWorker(name, processor, { connection, prefix: this.options.prefix, concurrency }) as Worker;
    }
    const { Worker: PgWorker } = withBackend(createPostgresBackend);
    return new PgWorker(name, processor, { connection: this.pgConnection(), concurrency });
  }

  /** Answers whether the backend is reachable now (for /health/ready). */
  async ping(timeoutMs = 1_000): Promise<boolean> {
    if (!this.options.redisUrl) return true; // the PostgreSQL backend is checked with the database
    // One long-lived connection serves every probe; it reconnects by itself after an outage.
    if (!this.healthClient) {
      this.healthClient = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: timeoutMs });
      this.healthClient.on('error', () => undefined);
      await new Promise<void>((resolve) => {
        const done = (): void => resolve();
        this.healthClient?.once('ready', done).once('error', done);
      });
    }
    if (this.healthClient.status !== 'ready') return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('TIMEOUT'), timeoutMs);
    });
    try {
      return (await Promise.race([this.healthClient.ping(), timeout])) === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.healthClient;
    this.healthClient = null;
    if (client) await client.quit().catch(() => client.disconnect());
  }

  private pgConnection(): { connectionString: string; schema: string; migrate: boolean } {
    return { connectionString: this.options.databaseUrl, schema: BULLMQ_PG_SCHEMA, migrate: false };
  }
}

/** Creates or upgrades BullMQ's tables for the PostgreSQL backend. Safe to run concurrently. */
export async function migrateQueueSchema(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await runMigrations(client, BULLMQ_PG_SCHEMA);
  } finally {
    await client.end();
  }
}
