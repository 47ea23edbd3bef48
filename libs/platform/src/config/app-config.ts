import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MinLength,
  validateSync,
  Validate,
  ValidateBy,
  ValidationArguments,
  ValidationError,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { parseKeyring } from '../crypto/field-cipher';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export const RUNTIME_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type RuntimeEnvironment = (typeof RUNTIME_ENVIRONMENTS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `pretty`: readable lines for a person at a terminal; `json`: one JSON object a line for a log collector. */
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/**
 * One check for a whole number within bounds, so that `PORT=abc` is told it must be a number
 * rather than that it is too large (separate checks report whichever runs first).
 */
function WholeNumber(min: number, max?: number): PropertyDecorator {
  const range = max === undefined ? `of at least ${min}` : `between ${min} and ${max}`;
  return ValidateBy({
    name: 'wholeNumber',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (max === undefined || (value as number) <= max),
      defaultMessage: (args?: ValidationArguments) =>
        Number.isInteger(args?.value)
          ? `${args?.property} must be ${range}`
          : `${args?.property} must be a number (a whole number ${range})`,
    },
  });
}

const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

@ValidatorConstraint({ name: 'keyringFormat' })
class KeyringFormat implements ValidatorConstraintInterface {
  private problems: string[] = [];
  validate(value: unknown): boolean {
    this.problems = typeof value === 'string' ? parseKeyring(value).problems : ['must be a string'];
    return this.problems.length === 0;
  }
  defaultMessage(): string {
    return `KIVUKO_ENCRYPTION_KEYS: ${this.problems.join('; ')}`;
  }
}

/**
 * The environment variables Kivuko reads, validated once at boot. Property names are the variable
 * names so that a validation message names exactly what the operator must fix.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(RUNTIME_ENVIRONMENTS)
  NODE_ENV: RuntimeEnvironment = 'development';

  @Transform(toInt)
  @WholeNumber(0, 65535)
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

  /**
   * The application role's own connection, when an operator provisions the role. Without it the
   * migrating process sets the role's password (KIVUKO_APP_DB_PASSWORD) and connects with it.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/, {
    message: 'DATABASE_APP_URL must look like postgres://kivuko_app:password@host:5432/database',
  })
  DATABASE_APP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'KIVUKO_APP_DB_PASSWORD must be at least 16 characters' })
  KIVUKO_APP_DB_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379 or rediss://host:6379' })
  REDIS_URL?: string;

  @IsString()
  @MinLength(1)
  KIVUKO_DATA_DIR = '.data';

  /** The built web app (`npm run build:web`), served at `/`; relative to the working directory. */
  @IsString()
  @MinLength(1)
  KIVUKO_WEB_DIR = 'dist/apps/web';

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Readable lines by default in development, JSON lines otherwise. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: 'KIVUKO_LOG_FORMAT must be pretty or json' })
  KIVUKO_LOG_FORMAT?: LogFormat;

  @Transform(toInt)
  @WholeNumber(1024, 50 * 1024 * 1024)
  KIVUKO_BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toInt)
  @WholeNumber(1, 200)
  KIVUKO_DB_POOL_SIZE = 20;

  /**
   * The proxies (load balancer, TLS terminator) in front of the api whose X-Forwarded-For is believed:
   * a number of hops or a list of addresses / CIDR ranges; unset trusts none. See trust-proxy.ts.
   */
  @IsOptional()
  @IsString()
  KIVUKO_TRUST_PROXY?: string;

  /** Run the queue processors inside the api process. Defaults to true when no REDIS_URL is set. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  KIVUKO_API_RUNS_JOBS?: boolean;

  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,40}$/, { message: 'KIVUKO_QUEUE_PREFIX must be lower-case letters, digits, - or _' })
  KIVUKO_QUEUE_PREFIX = 'kivuko';

  /**
   * How long the worker keeps trying to reach PostgreSQL or Redis before it exits non-zero, for its
   * supervisor (docker compose's restart policy, systemd) to start it afresh.
   */
  @Transform(toInt)
  @WholeNumber(5, 86_400)
  KIVUKO_WORKER_GIVE_UP_SECONDS = 120;

  /**
   * A job published to the queue and not finished this long after it was due is published again (Redis
   * may have lost it). Publishing again a job the queue still holds changes nothing.
   */
  @Transform(toInt)
  @WholeNumber(10, 86_400)
  KIVUKO_OUTBOX_REDELIVER_SECONDS = 300;

  /**
   * Fault-injection points for the fault drill (`npm run bench:fault-drill`): with it, SIGUSR2 makes the
   * process kill itself (as kill -9 would) at the outbox relay's next batch, after the change committed
   * and before the job reaches the queue. Refused in production.
   */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  KIVUKO_FAULT_HOOKS?: boolean;

  /** Signs access tokens (HS256). Without it, a development start keeps a generated one in the data folder. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'KIVUKO_JWT_SECRET must be at least 32 characters' })
  KIVUKO_JWT_SECRET?: string;

  @Transform(toInt)
  @WholeNumber(60, 24 * 3600)
  KIVUKO_ACCESS_TOKEN_SECONDS = 900;

  @Transform(toInt)
  @WholeNumber(300, 30 * 24 * 3600)
  KIVUKO_REFRESH_TOKEN_SECONDS = 12 * 3600;

  /** Sign-in attempts per minute from one address (a border post behind NAT shares one). */
  @Transform(toInt)
  @WholeNumber(1)
  KIVUKO_LOGIN_LIMIT_PER_IP = 120;

  @Transform(toInt)
  @WholeNumber(1)
  KIVUKO_LOGIN_LIMIT_PER_ACCOUNT = 10;

  /**
   * Keys for the sensitive narratives, `id:base64key,...` (32-byte keys; the first encrypts, all
   * decrypt). Without it, a development start keeps a generated key in the data folder.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @Validate(KeyringFormat)
  KIVUKO_ENCRYPTION_KEYS?: string;

  /** Demo jurisdiction, agencies and users. On by default on the embedded database only. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  KIVUKO_DEMO?: boolean;

  @IsString()
  @MinLength(8)
  KIVUKO_DEMO_PASSWORD = 'kivuko-demo';

  /** In demo mode, also register a few demo arrivals into an empty system (default true). */
  @Transform(toBool)
  @IsBoolean()
  KIVUKO_DEMO_CASES = true;

  /**
   * The SMTP server the duty e-mails go through, `smtp://user:password@host:587` (or `smtps://` for TLS
   * from the start). Without it e-mails are recorded as not sent.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'KIVUKO_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465' })
  KIVUKO_SMTP_URL?: string;

  /** The sender of the e-mails. */
  @IsString()
  @MinLength(3)
  KIVUKO_SMTP_FROM = 'Kivuko <no-reply@kivuko.invalid>';

  /** Where people open the web app: the links in e-mails start with it. Defaults to http://localhost:<PORT>. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'KIVUKO_PUBLIC_URL must look like https://kivuko.example.org' })
  KIVUKO_PUBLIC_URL?: string;

  /**
   * The bearer token Prometheus presents at `/metrics` (api and worker). Without it the endpoint is off
   * and answers 404: the figures (arrivals per border point, referral backlogs) are not for anyone who
   * can reach the port.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'KIVUKO_METRICS_TOKEN must be at least 16 characters' })
  KIVUKO_METRICS_TOKEN?: string;

  /** The worker's own HTTP port for `/metrics` (it serves nothing else); only with KIVUKO_METRICS_TOKEN. */
  @Transform(toInt)
  @WholeNumber(0, 65535)
  KIVUKO_WORKER_METRICS_PORT = 9464;

  /** Where traces go (OTLP over HTTP, e.g. http://collector:4318). Unset: no tracing at all. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must look like http://collector:4318' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The same as OTEL_EXPORTER_OTLP_ENDPOINT, under Kivuko's own name; the standard name wins when both are set. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'KIVUKO_OTLP_ENDPOINT must look like http://collector:4318' })
  KIVUKO_OTLP_ENDPOINT?: string;
}

export type ProcessRole = 'api' | 'worker';

/**
 * Variables without which a process may not start in production (NODE_ENV=production). The worker
 * never starts an embedded database and only exists to consume Redis queues.
 */
export const REQUIRED_VARIABLES: Record<ProcessRole, { always: string[]; production: string[] }> = {
  api: { always: [], production: ['NODE_ENV', 'DATABASE_URL', 'KIVUKO_JWT_SECRET', 'KIVUKO_ENCRYPTION_KEYS'] },
  worker: { always: ['DATABASE_URL', 'REDIS_URL'], production: ['NODE_ENV', 'KIVUKO_ENCRYPTION_KEYS'] },
};

const OWN_VARIABLE = /^(NODE_ENV|PORT|HOST|DATABASE_URL|DATABASE_APP_URL|REDIS_URL|LOG_LEVEL|OTEL_EXPORTER_OTLP_ENDPOINT|KIVUKO_[A-Z0-9_]+)$/;

export interface AppConfig {
  role: ProcessRole;
  env: RuntimeEnvironment;
  http: { host: string; port: number; bodyLimitBytes: number; trustProxy: TrustProxy };
  database: { url?: string; appUrl?: string; appPassword?: string; poolSize: number };
  redis: { url?: string };
  dataDir: string;
  /** Where the built web app lives; the api serves it at `/` when it holds an index.html. */
  webDir: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  auth: {
    jwtSecret?: string;
    accessTokenSeconds: number;
    refreshTokenSeconds: number;
    loginLimitPerIp: number;
    loginLimitPerAccount: number;
  };
  demo: { enabled: boolean; password: string; cases: boolean };
  /** The raw keyring text, parsed into keys at boot. */
  encryptionKeys?: string;
  /** Whether this process consumes the queues (always for the worker). */
  jobs: { runProcessors: boolean; prefix: string; workerGiveUpSeconds: number; redeliverAfterSeconds: number };
  /** Whether the fault drill's injection points are armed by SIGUSR2 (never in production). */
  faultHooks: boolean;
  /** E-mail notifications: the SMTP server (none: recorded as not sent), the sender, the web app's address for links. */
  email: { smtpUrl?: string; from: string; publicUrl: string };
  /** Prometheus metrics: off without a token; the worker's own port. */
  metrics: { token?: string; workerPort: number };
  /** OpenTelemetry tracing: off without an OTLP endpoint. */
  tracing: { otlpEndpoint?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => {
    const shown = /URL|SECRET|PASSWORD|KEYS|TOKEN|ENDPOINT/.test(e.property) ? '(value hidden)' : JSON.stringify(e.value);
    return Object.values(e.constraints ?? {}).map((msg) =>
      msg.startsWith(e.property) ? `${msg} (got ${shown})` : `${e.property}: ${msg} (got ${shown})`,
    );
  });
}

/** Validates the given environment into a typed config. The one place the environment is read. */
export function loadConfig(env: Record<string, string | undefined>, role: ProcessRole = 'api'): AppConfig {
  // Only Kivuko's own variables are read; the rest of the environment is none of its business.
  const known = Object.fromEntries(Object.entries(env).filter(([k, v]) => OWN_VARIABLE.test(k) && v !== undefined));
  const parsed = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(parsed, { whitelist: true, stopAtFirstError: true });
  const problems = describe(errors);
  const trustProxy = parseTrustProxy(parsed.KIVUKO_TRUST_PROXY);
  problems.push(...trustProxy.problems);
  const required = REQUIRED_VARIABLES[role];
  const mustHave = [...required.always, ...(parsed.NODE_ENV === 'production' ? required.production : [])];
  for (const name of mustHave) {
    if (env[name] === undefined || env[name]?.trim() === '') problems.push(`${name} is required for the ${role}${required.always.includes(name) ? '' : ' in production'}`);
  }
  if (parsed.NODE_ENV === 'production' && !parsed.DATABASE_APP_URL && !parsed.KIVUKO_APP_DB_PASSWORD) {
    problems.push(`DATABASE_APP_URL or KIVUKO_APP_DB_PASSWORD is required for the ${role} in production`);
  }
  if (parsed.NODE_ENV === 'production' && parsed.KIVUKO_DEMO === true) problems.push('KIVUKO_DEMO cannot be true in production');
  if (parsed.NODE_ENV === 'production' && parsed.KIVUKO_FAULT_HOOKS === true) problems.push('KIVUKO_FAULT_HOOKS cannot be true in production');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    role,
    env: parsed.NODE_ENV,
    http: { host: parsed.HOST, port: parsed.PORT, bodyLimitBytes: parsed.KIVUKO_BODY_LIMIT_BYTES, trustProxy: trustProxy.value },
    database: { url: parsed.DATABASE_URL, appUrl: parsed.DATABASE_APP_URL, appPassword: parsed.KIVUKO_APP_DB_PASSWORD, poolSize: parsed.KIVUKO_DB_POOL_SIZE },
    redis: { url: parsed.REDIS_URL },
    dataDir: parsed.KIVUKO_DATA_DIR,
    webDir: parsed.KIVUKO_WEB_DIR,
    logLevel: parsed.LOG_LEVEL,
    logFormat: parsed.KIVUKO_LOG_FORMAT ?? (parsed.NODE_ENV === 'development' ? 'pretty' : 'json'),
    auth: {
      jwtSecret: parsed.KIVUKO_JWT_SECRET,
      accessTokenSeconds: parsed.KIVUKO_ACCESS_TOKEN_SECONDS,
      refreshTokenSeconds: parsed.KIVUKO_REFRESH_TOKEN_SECONDS,
      loginLimitPerIp: parsed.KIVUKO_LOGIN_LIMIT_PER_IP,
      loginLimitPerAccount: parsed.KIVUKO_LOGIN_LIMIT_PER_ACCOUNT,
    },
    encryptionKeys: parsed.KIVUKO_ENCRYPTION_KEYS,
    demo: { enabled: parsed.KIVUKO_DEMO ?? parsed.DATABASE_URL === undefined, password: parsed.KIVUKO_DEMO_PASSWORD, cases: parsed.KIVUKO_DEMO_CASES },
    jobs: {
      runProcessors: role === 'worker' || (parsed.KIVUKO_API_RUNS_JOBS ?? parsed.REDIS_URL === undefined),
      prefix: parsed.KIVUKO_QUEUE_PREFIX,
      workerGiveUpSeconds: parsed.KIVUKO_WORKER_GIVE_UP_SECONDS,
      redeliverAfterSeconds: parsed.KIVUKO_OUTBOX_REDELIVER_SECONDS,
    },
    faultHooks: parsed.KIVUKO_FAULT_HOOKS === true,
    email: {
      smtpUrl: parsed.KIVUKO_SMTP_URL,
      from: parsed.KIVUKO_SMTP_FROM,
      publicUrl: (parsed.KIVUKO_PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
    },
    metrics: { token: parsed.KIVUKO_METRICS_TOKEN, workerPort: parsed.KIVUKO_WORKER_METRICS_PORT },
    tracing: { otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT ?? parsed.KIVUKO_OTLP_ENDPOINT },
  };
}
