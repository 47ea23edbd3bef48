/**
 * What the routing benchmark needs beside `support.ts`: a small keep-alive HTTP client with sign-in
 * tokens, the worker as a child process, CPU of the worker and of Redis, and a webhook receiver that
 * notes when each referral event arrives.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { processCpuSeconds, ROOT } from './support';

/* ---------------------------------------------------------------------------------------------- */
/* HTTP                                                                                            */
/* ---------------------------------------------------------------------------------------------- */

export interface HttpAnswer {
  status: number;
  body: string;
  /** performance.now() when the whole answer had arrived. */
  at: number;
}

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    readonly base: string,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, body?: unknown, token?: string): Promise<HttpAnswer> {
    const url = new URL(path, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** A request that must answer `expected`; the parsed JSON body. */
  async json<T>(method: string, path: string, body: unknown, token: string | undefined, expected: number): Promise<T> {
    const res = await this.request(method, path, body, token);
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 400)}`);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Access tokens per user, renewed a minute before they expire. */
export class Tokens {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly client: HttpClient,
    private readonly password: string,
  ) {}

  async of(username: string): Promise<string> {
    const held = this.tokens.get(username);
    if (held && held.renewAt > Date.now()) return held.token;
    const res = await this.client.request('POST', '/api/v1/auth/login', { username, password: this.password });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.body}`);
    const { accessToken, expiresIn } = JSON.parse(res.body) as { accessToken: string; expiresIn: number };
    this.tokens.set(username, { token: accessToken, renewAt: Date.now() + Math.max(30, expiresIn - 60) * 1000 });
    return accessToken;
  }

  forget(username: string): void {
    this.tokens.delete(username);
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The worker as a child process                                                                   */
/* ---------------------------------------------------------------------------------------------- */

export interface RunningWorker {
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built worker (`node dist/apps/worker/src/main.js`) and waits for "worker ready". */
export async function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  const main = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(KIVUKO_|DATABASE_|REDIS_URL$|PORT$|HOST$|LOG_LEVEL$|NODE_ENV$)/.test(k)));
  const child = spawn(process.execPath, [main], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(line);
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start in 90 s:\n${output.join('\n')}`)), 90_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (/worker ready/.test(chunk.toString('utf8'))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${code}) before it was ready:\n${output.join('\n')}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    pid: child.pid as number,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* CPU of named processes                                                                          */
/* ---------------------------------------------------------------------------------------------- */

/** Pids of the processes whose command name is `name` (e.g. redis-server). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone in between
    }
  }
  return pids;
}

/** CPU seconds per second of wall time of some processes, from now until `report()`. */
export function extraCpuWindow(pids: Record<string, number[]>): { report(): Record<string, number> } {
  const started = process.hrtime.bigint();
  const sum = (list: number[]): number => list.reduce((s, pid) => s + processCpuSeconds(pid), 0);
  const before = Object.fromEntries(Object.entries(pids).map(([name, list]) => [name, sum(list)]));
  return {
    report() {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      return Object.fromEntries(Object.entries(pids).map(([name, list]) => [name, (sum(list) - before[name]) / wall]));
    },
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Webhook receiver                                                                                */
/* ---------------------------------------------------------------------------------------------- */

export interface WebhookReceiver {
  url: string;
  /** performance.now() of the first delivery of each referral's `referral.created`. */
  created: Map<string, number>;
  deliveries: number;
  close(): Promise<void>;
}

/** Answers every delivery 204 at once and notes when each referral's first `referral.created` arrived. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const created = new Map<string, number>();
  const receiver: WebhookReceiver = {
    url: '',
    created,
    deliveries: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      receiver.deliveries += 1;
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { event: string; referral: { id: string } };
        if (event.event === 'referral.created' && !created.has(event.referral.id)) created.set(event.referral.id, at);
      } catch {
        // not an event: ignored
      }
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kivuko/events`;
  return receiver;
}
