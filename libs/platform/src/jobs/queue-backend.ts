import {
  createPostgresBackend,
  createRedisBackend,
  JobsOptions,
  Processor,
  Queue,
  runMigrations,
  Telemetry,
  withBackend,
  Worker,
} from 'bullmq';
import { OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { Client, Pool } from 'pg';
import { ShutdownSafeClient } from '../db/shutdown-safe-client';

/** Where the PostgreSQL backend keeps BullMQ's own tables, apart from the application's schema. */
export const BULLMQ_PG_SCHEMA = 'bullmq';

export type BackendKind = 'redis' | 'postgres';

export interface QueueBackendOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** Redis key prefix; lets several test runs share one Redis without seeing each other's jobs. */
  prefix: string;
  /** BullMQ's OpenTelemetry bridge, when tracing is on: job spans linked to the request that queued them. */
  telemetry?: Telemetry;
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
  on(event: 'completed', listener: (job: { id?: string; name: string }) => void): unknown;
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
      return new RedisQueue(name, { connection, prefix: this.options.prefix, skipWaitingForReady: true, telemetry: this.options.telemetry }) as Queue;
    }
    const { Queue: PgQueue } = withBackend(createPostgresBackend);
    const pool = this.pgPool();
    return closingPool(new PgQueue(name, { connection: pool, telemetry: this.options.telemetry }), pool);
  }

  /**
   * A queue with BullMQ's whole reading and triage surface (counts, failed jobs, retry, remove), for the
   * operators' page and the metrics. The caller owns it.
   */
  createInspectionQueue(name: string): Queue {
    return this.createQueue(name) as Queue;
  }

  createWorker(name: string, processor: Processor, concurrency: number): AppWorker {
    if (this.options.redisUrl) {
      const connection = { url: this.options.redisUrl, maxRetriesPerRequest: null };
      const { Worker: RedisWorker } = withBackend(createRedisBackend);
      return new RedisWorker(name, processor, { connection, prefix: this.options.prefix, concurrency, telemetry: this.options.telemetry }) as Worker;
    }
    const { Worker: PgWorker } = withBackend(createPostgresBackend);
    const pool = this.pgPool();
    return closingPool(new PgWorker(name, processor, { connection: pool, concurrency, telemetry: this.options.telemetry }), pool);
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

  /**
   * The pool of one queue or worker, ours rather than BullMQ's so that its clients (the LISTEN one
   * included, which BullMQ takes from it) survive the database dropping them while they close.
   */
  private pgPool(): Pool {
    const pool = new Pool({
      connectionString: this.options.databaseUrl,
      options: `-c search_path=${BULLMQ_PG_SCHEMA}`,
      keepAlive: true,
      Client: ShutdownSafeClient,
    });
    // BullMQ forwards idle-client errors as the queue's or worker's 'error'; this guard is for after it let go.
    pool.on('error', () => undefined);
    return pool;
  }
}

/** How long closing waits for a pool's last clients; a client never given back must not hold the shutdown. */
const POOL_END_WAIT_MS = 5_000;

/** Closing the queue or worker also ends its pool (BullMQ leaves a pool it was given open). */
function closingPool<T extends { close(): Promise<void> }>(user: T, pool: Pool): T {
  const close = user.close.bind(user);
  user.close = async () => {
    try {
      await close();
    } finally {
      if (!pool.ending) {
        let timer: NodeJS.Timeout | undefined;
        const gaveUp = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, POOL_END_WAIT_MS);
        });
        await Promise.race([pool.end().catch(() => undefined), gaveUp]);
        clearTimeout(timer);
      }
    }
  };
  return user;
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
