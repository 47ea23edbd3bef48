import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadConfig, ProcessRole, REQUIRED_VARIABLES } from '../libs/platform/src/config/app-config';

/**
 * No Docker engine runs where the tests run, so the compose file and the Dockerfile are checked by
 * reading them: the services exist, api and worker share one image, and each process gets an
 * environment that the application's own config validation accepts in production.
 */

const ROOT = resolve(__dirname, '..');
const ROLES: ProcessRole[] = ['api', 'worker'];

type BuildSpec = string | { context?: string; dockerfile?: string; target?: string };
interface Service {
  build?: BuildSpec;
  command?: string | string[];
  environment?: unknown;
  ports?: Array<string | number | { target?: number | string }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services?: Record<string, Service> };
const services = compose.services ?? {};

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function buildOf(name: string): { context: string; dockerfile: string; target?: string } {
  const build = service(name).build;
  if (build === undefined) throw new Error(`service "${name}" has no build`);
  const spec = typeof build === 'string' ? { context: build } : build;
  const context = resolve(ROOT, spec.context ?? '.');
  return { context, dockerfile: resolve(context, spec.dockerfile ?? 'Dockerfile'), target: spec.target };
}

/** What compose substitutes with no shell variables and no .env file: defaults only, `$$` is a `$`. */
const interpolate = (value: string): string =>
  value.replace(/\$\$|\$\{\w+(?::?-([^}]*))?\}|\$\w+/g, (match, fallback?: string) => (match === '$$' ? '$' : (fallback ?? '')));

/** The environment compose hands the container, as the strings the process sees in process.env. */
function environmentOf(name: string): Record<string, string | undefined> {
  const env = service(name).environment;
  if (typeof env !== 'object' || env === null || Array.isArray(env)) throw new Error(`service "${name}" must give "environment" as a mapping`);
  return Object.fromEntries(
    Object.entries(env as Record<string, unknown>).map(([key, value]) => [key, value === null || value === undefined ? undefined : interpolate(String(value))]),
  );
}

const commandOf = (command: string | string[]): string[] => (Array.isArray(command) ? command : command.trim().split(/\s+/));

/** The instructions that make up a Dockerfile stage, including those inherited from the stage it is built FROM. */
function stageInstructions(dockerfile: string, target?: string): Array<{ keyword: string; args: string }> {
  const stages: Array<{ name?: string; parent?: string; instructions: Array<{ keyword: string; args: string }> }> = [];
  const lines = readFileSync(dockerfile, 'utf8').replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    const match = /^\s*([A-Za-z]+)\s+(.*\S)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    const [, word, args] = match;
    const keyword = word.toUpperCase();
    if (keyword === 'FROM') {
      const [image, as, name] = args.replace(/--\S+\s+/g, '').split(/\s+/);
      stages.push({ name: as?.toUpperCase() === 'AS' ? name.toLowerCase() : undefined, parent: image.toLowerCase(), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword, args });
    }
  }
  const collect = (index: number): Array<{ keyword: string; args: string }> => {
    const stage = stages[index];
    const parent = stages.findIndex((s, i) => i < index && s.name !== undefined && s.name === stage.parent);
    return [...(parent >= 0 ? collect(parent) : []), ...stage.instructions];
  };
  const index = target === undefined ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
  if (index < 0) throw new Error(`${dockerfile} has no stage ${target ?? ''}`);
  return collect(index);
}

const lastArgs = (instructions: Array<{ keyword: string; args: string }>, keyword: string): string | undefined =>
  instructions.filter((i) => i.keyword === keyword).at(-1)?.args;

describe('docker-compose.yml and Dockerfile', () => {
  it('defines postgres, redis, api and worker services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'api', 'worker']));
  });

  it('builds the api and the worker from the same context, Dockerfile and stage', () => {
    expect(buildOf('worker')).toEqual(buildOf('api'));
  });

  it.each(ROLES)('sets every variable the %s requires in production to a non-empty value, with NODE_ENV=production', (role) => {
    const env = environmentOf(role);
    const required = [...REQUIRED_VARIABLES[role].always, ...REQUIRED_VARIABLES[role].production];
    const missing = required.filter((name) => (env[name] ?? '').trim() === '');
    expect(missing).toEqual([]);
    expect(env.NODE_ENV).toBe('production');
  });

  it.each(ROLES)('gives the %s an environment that the production config validation accepts', (role) => {
    const config = loadConfig(environmentOf(role), role);
    expect(config.env).toBe('production');
    expect(config.redis.url).toBeDefined();
  });

  it('leaves the queue processors to the worker: the api does not run them, the worker does', () => {
    expect(loadConfig(environmentOf('api'), 'api').jobs.runProcessors).toBe(false);
    expect(loadConfig(environmentOf('worker'), 'worker').jobs.runProcessors).toBe(true);
  });

  it.each(ROLES)('points the %s at the compose PostgreSQL, with its user, password and database, and at the compose Redis', (role) => {
    const config = loadConfig(environmentOf(role), role);
    const database = new URL(config.database.url ?? '');
    const postgres = environmentOf('postgres');
    expect({ host: database.hostname, user: database.username, password: database.password, db: database.pathname.slice(1) }).toEqual({
      host: 'postgres',
      user: postgres.POSTGRES_USER ?? 'postgres',
      password: postgres.POSTGRES_PASSWORD,
      db: postgres.POSTGRES_DB ?? postgres.POSTGRES_USER ?? 'postgres',
    });
    expect(new URL(config.redis.url ?? '').hostname).toBe('redis');
  });

  it.each(ROLES)('starts the %s only once PostgreSQL and Redis report healthy', (role) => {
    expect(service(role).depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(service('postgres').healthcheck?.test).toBeDefined();
    expect(service('redis').healthcheck?.test).toBeDefined();
  });

  it('publishes the api on the port it listens on and checks its health on /health/ready', () => {
    const port = String(loadConfig(environmentOf('api'), 'api').http.port);
    const containerPorts = (service('api').ports ?? []).map((p) => (typeof p === 'object' ? String(p.target) : String(p).split(':').at(-1)?.split('/')[0]));
    expect(containerPorts).toContain(port);
    expect(commandOf(service('api').healthcheck?.test ?? []).join(' ')).toContain(`:${port}/health/ready`);
  });

  it('runs the api entry point by default and the worker entry point in the worker, as npm start and npm run start:worker do', () => {
    const { dockerfile, target } = buildOf('api');
    const cmd = lastArgs(stageInstructions(dockerfile, target), 'CMD') ?? '';
    const defaultCommand = cmd.startsWith('[') ? (JSON.parse(cmd) as string[]) : cmd;
    const apiCommand = service('api').command ?? defaultCommand;
    const workerCommand = service('worker').command ?? defaultCommand;
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(commandOf(apiCommand).join(' ')).toBe(scripts.start.split('&&').at(-1)?.trim());
    expect(commandOf(workerCommand).join(' ')).toBe(scripts['start:worker'].trim());
  });

  it('runs the image as an unprivileged user, not root', () => {
    const { dockerfile, target } = buildOf('api');
    const user = (lastArgs(stageInstructions(dockerfile, target), 'USER') ?? 'root').split(':')[0];
    expect(['root', '0', '']).not.toContain(user);
  });
});
