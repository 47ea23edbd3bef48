import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export const RUNTIME_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type RuntimeEnvironment = (typeof RUNTIME_ENVIRONMENTS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * The environment variables Kivuko reads, validated once at boot. Property names are the variable
 * names so that a validation message names exactly what the operator must fix.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(RUNTIME_ENVIRONMENTS)
  NODE_ENV: RuntimeEnvironment = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379 or rediss://host:6379' })
  REDIS_URL?: string;

  @IsString()
  @MinLength(1)
  KIVUKO_DATA_DIR = '.data';

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  KIVUKO_BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  KIVUKO_DB_POOL_SIZE = 20;

  /** Run the queue processors inside the api process. Defaults to true when no REDIS_URL is set. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  KIVUKO_API_RUNS_JOBS?: boolean;

  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,40}$/, { message: 'KIVUKO_QUEUE_PREFIX must be lower-case letters, digits, - or _' })
  KIVUKO_QUEUE_PREFIX = 'kivuko';
}

export type ProcessRole = 'api' | 'worker';

/**
 * Variables without which a process may not start in production (NODE_ENV=production). The worker
 * never starts an embedded database and only exists to consume Redis queues.
 */
export const REQUIRED_VARIABLES: Record<ProcessRole, { always: string[]; production: string[] }> = {
  api: { always: [], production: ['NODE_ENV', 'DATABASE_URL'] },
  worker: { always: ['DATABASE_URL', 'REDIS_URL'], production: ['NODE_ENV'] },
};

export interface AppConfig {
  role: ProcessRole;
  env: RuntimeEnvironment;
  http: { host: string; port: number; bodyLimitBytes: number };
  database: { url?: string; poolSize: number };
  redis: { url?: string };
  dataDir: string;
  logLevel: LogLevel;
  /** Whether this process consumes the queues (always for the worker). */
  jobs: { runProcessors: boolean; prefix: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => {
    const shown = e.property.includes('URL') ? '(value hidden)' : JSON.stringify(e.value);
    return Object.values(e.constraints ?? {}).map((msg) =>
      msg.startsWith(e.property) ? `${msg} (got ${shown})` : `${e.property}: ${msg} (got ${shown})`,
    );
  });
}

/** Validates the given environment into a typed config. The one place the environment is read. */
export function loadConfig(env: Record<string, string | undefined>, role: ProcessRole = 'api'): AppConfig {
  const known = Object.fromEntries(
    Object.keys(new EnvironmentVariables()).concat(['DATABASE_URL', 'REDIS_URL', 'KIVUKO_API_RUNS_JOBS'])
      .filter((k) => env[k] !== undefined)
      .map((k) => [k, env[k]]),
  );
  const parsed = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(parsed, { whitelist: true, stopAtFirstError: true });
  const problems = describe(errors);
  const required = REQUIRED_VARIABLES[role];
  const mustHave = [...required.always, ...(parsed.NODE_ENV === 'production' ? required.production : [])];
  for (const name of mustHave) {
    if (env[name] === undefined || env[name]?.trim() === '') problems.push(`${name} is required for the ${role}${required.always.includes(name) ? '' : ' in production'}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    role,
    env: parsed.NODE_ENV,
    http: { host: parsed.HOST, port: parsed.PORT, bodyLimitBytes: parsed.KIVUKO_BODY_LIMIT_BYTES },
    database: { url: parsed.DATABASE_URL, poolSize: parsed.KIVUKO_DB_POOL_SIZE },
    redis: { url: parsed.REDIS_URL },
    dataDir: parsed.KIVUKO_DATA_DIR,
    logLevel: parsed.LOG_LEVEL,
    jobs: {
      runProcessors: role === 'worker' || (parsed.KIVUKO_API_RUNS_JOBS ?? parsed.REDIS_URL === undefined),
      prefix: parsed.KIVUKO_QUEUE_PREFIX,
    },
  };
}
