import { ConfigError, loadConfig, REQUIRED_VARIABLES } from './app-config';

function problemsOf(env: Record<string, string>, role: 'api' | 'worker' = 'api'): string[] {
  try {
    loadConfig(env, role);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('starts with no variables at all: embedded database, jobs in the api, port 3000', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.jobs.runProcessors).toBe(true);
    expect(config.http.port).toBe(3000);
    expect(config.dataDir).toBe('.data');
  });

  it('leaves the jobs to the worker once Redis is configured', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kivuko', REDIS_URL: 'redis://redis:6379' });
    expect(config.jobs.runProcessors).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/kivuko', REDIS_URL: 'redis://r:6379' }, 'worker').jobs.runProcessors).toBe(true);
  });

  it('refuses a malformed DATABASE_URL, naming the variable and hiding the value', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root:secret@db/kivuko' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('DATABASE_URL must look like postgres://');
    expect(problems[0]).not.toContain('secret');
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'localhost:6379' });
    expect(problems.map((p) => p.split(/[ :]/)[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'REDIS_URL']);
  });

  it('says that PORT must be a number when it is not one', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT must be a number (a whole number between 0 and 65535) (got "abc")']);
    expect(problemsOf({ PORT: '3.5' })[0]).toContain('PORT must be a number');
    expect(problemsOf({ KIVUKO_DB_POOL_SIZE: 'twenty' })[0]).toContain('KIVUKO_DB_POOL_SIZE must be a number');
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be between 0 and 65535 (got 70000)']);
  });

  it('logs readable lines in development and JSON lines otherwise, unless KIVUKO_LOG_FORMAT says', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ KIVUKO_LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test', KIVUKO_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/k', KIVUKO_JWT_SECRET: 'x'.repeat(40), KIVUKO_APP_DB_PASSWORD: 'y'.repeat(20), KIVUKO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` };
    expect(loadConfig(production).logFormat).toBe('json');
    expect(problemsOf({ KIVUKO_LOG_FORMAT: 'colour' })).toEqual(['KIVUKO_LOG_FORMAT must be pretty or json (got "colour")']);
  });

  it('refuses a port out of range and a non-boolean switch', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toContain('PORT');
    expect(problemsOf({ KIVUKO_API_RUNS_JOBS: 'maybe' })[0]).toContain('KIVUKO_API_RUNS_JOBS');
  });

  it('will not start a worker without a database and Redis', () => {
    expect(problemsOf({}, 'worker')).toEqual(['DATABASE_URL is required for the worker', 'REDIS_URL is required for the worker']);
  });

  it('will not start the api in production on an embedded database', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('DATABASE_URL is required for the api in production');
    expect(REQUIRED_VARIABLES.api.production).toContain('DATABASE_URL');
  });

  it('reads numbers and switches from their string form', () => {
    const config = loadConfig({ PORT: '8080', KIVUKO_BODY_LIMIT_BYTES: '2048', KIVUKO_API_RUNS_JOBS: 'false' });
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8080, bodyLimitBytes: 2048, trustProxy: false });
    expect(config.jobs.runProcessors).toBe(false);
  });

  it('sends no e-mail without an SMTP server, links to localhost by default, and refuses an SMTP address of another scheme', () => {
    expect(loadConfig({ PORT: '8080' }).email).toEqual({ smtpUrl: undefined, from: 'Kivuko <no-reply@kivuko.invalid>', publicUrl: 'http://localhost:8080' });
    const configured = loadConfig({ KIVUKO_SMTP_URL: 'smtps://kivuko:secret@mail.example.org:465', KIVUKO_PUBLIC_URL: 'https://kivuko.example.org/' });
    expect(configured.email).toEqual({ smtpUrl: 'smtps://kivuko:secret@mail.example.org:465', from: 'Kivuko <no-reply@kivuko.invalid>', publicUrl: 'https://kivuko.example.org' });
    expect(problemsOf({ KIVUKO_SMTP_URL: 'http://mail.example.org' })).toEqual([
      'KIVUKO_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465 (got (value hidden))',
    ]);
  });
});

describe('loadConfig: KIVUKO_TRUST_PROXY', () => {
  it('trusts no proxy unless told, and reads a number of hops or a list of addresses and ranges', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ KIVUKO_TRUST_PROXY: '' }).http.trustProxy).toBe(false);
    expect(loadConfig({ KIVUKO_TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ KIVUKO_TRUST_PROXY: '0' }).http.trustProxy).toBe(false);
    expect(loadConfig({ KIVUKO_TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ KIVUKO_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8 ,loopback' }).http.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback']);
  });

  it('refuses true, too many hops and anything that is not an address or a range, naming the bad entries', () => {
    expect(problemsOf({ KIVUKO_TRUST_PROXY: 'true' })[0]).toContain('KIVUKO_TRUST_PROXY cannot be true');
    expect(problemsOf({ KIVUKO_TRUST_PROXY: '11' })).toEqual(['KIVUKO_TRUST_PROXY must be between 0 and 10 proxies (got 11)']);
    expect(problemsOf({ KIVUKO_TRUST_PROXY: '10.0.0.0/33,proxy.local,,::1' })).toEqual([
      'KIVUKO_TRUST_PROXY: "10.0.0.0/33" has a prefix length outside 0..32; "proxy.local" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal; an empty entry',
    ]);
    expect(problemsOf({ KIVUKO_TRUST_PROXY: 'yes', PORT: 'x' }).map((p) => p.split(/[ :]/)[0]).sort()).toEqual(['KIVUKO_TRUST_PROXY', 'PORT']);
  });
});

describe('loadConfig: demo mode and secrets', () => {
  it('turns demo mode on by default only on the embedded database, and lets KIVUKO_DEMO decide', () => {
    expect(loadConfig({}).demo.enabled).toBe(true);
    expect(loadConfig({ KIVUKO_DEMO: 'false' }).demo.enabled).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/k' }).demo.enabled).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/k', KIVUKO_DEMO: 'true' }).demo.enabled).toBe(true);
  });

  it('reads the signing secret and refuses a short one without showing it', () => {
    expect(loadConfig({ KIVUKO_JWT_SECRET: 'x'.repeat(40) }).auth.jwtSecret).toBe('x'.repeat(40));
    const problems = problemsOf({ KIVUKO_JWT_SECRET: 'short-secret' });
    expect(problems).toEqual(['KIVUKO_JWT_SECRET must be at least 32 characters (got (value hidden))']);
  });

  it('arms the fault drill hooks only when asked, never in production, and gives the worker two minutes by default', () => {
    expect(loadConfig({}).faultHooks).toBe(false);
    expect(loadConfig({ KIVUKO_FAULT_HOOKS: '1' }).faultHooks).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/k', KIVUKO_FAULT_HOOKS: 'true' })).toContain(
      'KIVUKO_FAULT_HOOKS cannot be true in production',
    );
    const worker = { DATABASE_URL: 'postgres://u:p@db:5432/k', REDIS_URL: 'redis://r:6379' };
    expect(loadConfig(worker, 'worker').jobs.workerGiveUpSeconds).toBe(120);
    expect(loadConfig({ ...worker, KIVUKO_WORKER_GIVE_UP_SECONDS: '30' }, 'worker').jobs.workerGiveUpSeconds).toBe(30);
    expect(problemsOf({ ...worker, KIVUKO_WORKER_GIVE_UP_SECONDS: '1' }, 'worker')[0]).toContain('KIVUKO_WORKER_GIVE_UP_SECONDS must be between 5 and 86400');
  });

  it('refuses demo mode in production and requires the signing secret there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/k', KIVUKO_DEMO: 'true' });
    expect(problems).toContain('KIVUKO_JWT_SECRET is required for the api in production');
    expect(problems).toContain('KIVUKO_DEMO cannot be true in production');
  });
});

describe('loadConfig: encryption keys', () => {
  it('accepts a well-formed keyring and refuses a bad one without showing it', () => {
    const good = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(loadConfig({ KIVUKO_ENCRYPTION_KEYS: good }).encryptionKeys).toBe(good);
    const problems = problemsOf({ KIVUKO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(16, 1).toString('base64')}` });
    expect(problems).toEqual(['KIVUKO_ENCRYPTION_KEYS: key "k1" must be 32 bytes (base64 of 32 random bytes), got 16 (got (value hidden))']);
  });

  it('requires encryption keys for the api and the worker in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/k', KIVUKO_JWT_SECRET: 'x'.repeat(40) })).toContain(
      'KIVUKO_ENCRYPTION_KEYS is required for the api in production',
    );
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/k', REDIS_URL: 'redis://r:6379' }, 'worker')).toContain(
      'KIVUKO_ENCRYPTION_KEYS is required for the worker in production',
    );
  });

  it('requires, in production, a way to connect as the application role', () => {
    const base = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://owner:p@db:5432/k',
      KIVUKO_JWT_SECRET: 'x'.repeat(40),
      KIVUKO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    };
    expect(problemsOf(base)).toEqual(['DATABASE_APP_URL or KIVUKO_APP_DB_PASSWORD is required for the api in production']);
    expect(loadConfig({ ...base, KIVUKO_APP_DB_PASSWORD: 'a-long-app-role-password' }).database.appPassword).toBe('a-long-app-role-password');
    expect(loadConfig({ ...base, DATABASE_APP_URL: 'postgres://kivuko_app:pw@db:5432/k' }).database.appUrl).toBe('postgres://kivuko_app:pw@db:5432/k');
  });
});
