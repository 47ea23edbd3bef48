import { BadInputError, ConflictError, createHttpApp, DomainError, NotFoundError, PlatformRuntime, Public } from '@kivuko/platform';
import { createTestDatabase, createTestQueuePrefix, eventually, startTcpProxy, TEST_REDIS_URL, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES, KivukoModule } from '@kivuko/runtime';
import { Body, Controller, DynamicModule, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { createApiApp } from './api-app';

class LineDto {
  @IsString() sku!: string;
  @IsInt() @Min(1) qty!: number;
}

class ProbeDto {
  @IsString() @MaxLength(5) name!: string;
  @IsInt() @Min(0) age!: number;
  @ValidateNested({ each: true }) @Type(() => LineDto) @ArrayMaxSize(3) lines!: LineDto[];
}

/** Routes that raise each kind of failure, to see what the platform makes of them. */
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeDto): { name: string } {
    return { name: body.name };
  }

  @Get('echo/:code')
  echo(@Param('code') code: string, @Query() query: Record<string, unknown>): { code: string; query: Record<string, unknown> } {
    return { code, query };
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundError('PROBE.NOT_FOUND', 'No such probe');
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictError('PROBE.VERSION_CONFLICT', 'The probe was changed by someone else', { currentVersion: 4 });
  }

  @Get('bad')
  bad(): never {
    throw new BadInputError('PROBE.BAD', 'One field is wrong', [{ path: 'x', problem: 'x must be y' }]);
  }

  @Get('busy')
  busy(): never {
    throw new DomainError('PROBE.BUSY', 'TOO_MANY', 'Slow down', { retryAfterSeconds: 7.2 });
  }

  @Get('busy-unsaid')
  busyUnsaid(): never {
    throw new DomainError('PROBE.BUSY', 'TOO_MANY', 'Slow down');
  }

  @Get('crash')
  crash(): never {
    throw new Error('connection string postgres://admin:hunter2@db leaked');
  }
}

/** Declares neither @Public() nor a permission: the guard must refuse it. */
@Controller('undeclared')
class UndeclaredController {
  @Get()
  open(): { leaked: boolean } {
    return { leaked: true };
  }
}

@Module({})
class ProbeAppModule {
  static forRoot(runtime: PlatformRuntime): DynamicModule {
    return { module: ProbeAppModule, imports: [KivukoModule.forRoot(runtime)], controllers: [ProbeController, UndeclaredController] };
  }
}

describe('HTTP platform', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    const runtime = testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, env: { KIVUKO_BODY_LIMIT_BYTES: '4096' } });
    app = await createHttpApp(ProbeAppModule.forRoot(runtime), runtime.config);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const http = () => request(app.getHttpServer());

  it('answers liveness and readiness with the database up', async () => {
    await http().get('/health/live').expect(200, { status: 'ok' });
    await http().get('/health/ready').expect(200, { status: 'ok', checks: { postgres: 'up' } });
  });

  it('serves versioned routes under /api/v1 only', async () => {
    await http().post('/api/v1/probe').send({ name: 'Amina', age: 16, lines: [] }).expect(201, { name: 'Amina' });
    await http().post('/probe').send({ name: 'Amina', age: 16, lines: [] }).expect(404);
  });

  it('answers an unknown route with a 404 JSON error and a correlation id', async () => {
    const res = await http().get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ code: 'REQUEST.NOT_FOUND', message: 'Cannot GET /api/v1/no-such-thing', correlationId: expect.any(String) });
    expect(res.headers['x-correlation-id']).toBe(res.body.correlationId);
  });

  it('answers a malformed JSON body with a 400 JSON error', async () => {
    const res = await http().post('/api/v1/probe').set('content-type', 'application/json').send('{"name": "Amina",').expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.BAD_INPUT', correlationId: expect.any(String) });
    expect(res.body.message).toMatch(/JSON/);
  });

  it('answers an oversize body with 413 before any handler runs', async () => {
    const res = await http().post('/api/v1/probe').send({ name: 'x'.repeat(5_000), age: 1, lines: [] }).expect(413);
    expect(res.body).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('names every bad field, nested ones by path, and unknown fields', async () => {
    const res = await http()
      .post('/api/v1/probe')
      .send({ name: 'Abdirahman', age: -1, lines: [{ sku: 'a', qty: 1 }, { sku: 7, qty: 0 }], nickname: 'x' })
      .expect(400);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    const paths = res.body.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['age', 'lines[1].qty', 'lines[1].sku', 'name', 'nickname']);
    expect(res.body.details.fields).toContainEqual({ path: 'nickname', problem: 'property nickname should not exist' });
    expect(res.body.message).toContain('5 invalid fields');
  });

  it('says a missing field is required, once, and never echoes submitted values', async () => {
    const res = await http().post('/api/v1/probe').send({ age: 'Fatuma-secret-value', lines: [] }).expect(400);
    expect(res.body.details.fields).toEqual(
      expect.arrayContaining([{ path: 'name', problem: 'name is required' }]),
    );
    expect(res.body.details.fields.filter((f: { path: string }) => f.path === 'name')).toHaveLength(1);
    expect(res.body.message).toBe('The request has 2 invalid fields: name, age');
    expect(JSON.stringify(res.body)).not.toContain('Fatuma-secret-value');
  });

  describe('text PostgreSQL refuses and bodies nested deep enough to overflow the validator', () => {
    const fieldsOf = (res: { body: { details?: { fields?: { path: string; problem: string }[] } } }) => res.body.details?.fields ?? [];

    it('refuses a NUL character in a body field with a 400 naming the field, without echoing the value', async () => {
      const res = await http().post('/api/v1/probe').send({ name: 'Ab\u0000c', age: 1, lines: [{ sku: 'sku-\u0000-secret', qty: 1 }] }).expect(400);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual([
        { path: 'name', problem: 'name must not contain a NUL character (U+0000)' },
        { path: 'lines[0].sku', problem: 'lines[0].sku must not contain a NUL character (U+0000)' },
      ]);
      expect(JSON.stringify(res.body)).not.toContain('secret');
    });

    it('refuses lone surrogates (high or low) anywhere in the body, keys included', async () => {
      const res = await http().post('/api/v1/probe').send({ name: 'A\ud800', age: 1, lines: [], ['x\udc00']: 1 }).expect(400);
      expect(fieldsOf(res).map((f) => f.path).sort()).toEqual(['["x\\udc00"]', 'name']);
      expect(fieldsOf(res).every((f) => f.problem.includes('unpaired surrogate'))).toBe(true);
      // A well-formed pair (an emoji) is text like any other.
      await http().post('/api/v1/probe').send({ name: '\ud83d\ude00', age: 1, lines: [] }).expect(201);
    });

    it('refuses a body nested 1,900 levels deep (as deep as this 4 KiB limit allows) with a 400 before validation, on a public route', async () => {
      const deep = '['.repeat(1_900) + ']'.repeat(1_900);
      const res = await http().post('/api/v1/probe').set('content-type', 'application/json').send(`{"name":"A","age":1,"lines":${deep}}`).expect(400);
      expect(fieldsOf(res)).toHaveLength(1);
      expect(fieldsOf(res)[0].path).toMatch(/^lines\[0\]\[0\]/);
      expect(fieldsOf(res)[0].problem).toContain('nested deeper than 32 levels');
      const top = await http().post('/api/v1/probe').set('content-type', 'application/json').send(deep).expect(400);
      expect(fieldsOf(top)[0].path).toMatch(/^\[0\]/);
    });

    it('accepts nesting up to the limit (the validator then judges it)', async () => {
      const nested = (levels: number): unknown => (levels === 0 ? 'x' : [nested(levels - 1)]);
      const res = await http().post('/api/v1/probe').send({ name: 'A', age: 1, lines: nested(31) }).expect(400);
      expect(fieldsOf(res).some((f) => f.problem.includes('nested deeper'))).toBe(false);
    });

    it('refuses a NUL or a lone surrogate in a query string or a path parameter', async () => {
      await http().get('/api/v1/probe/echo/ok?q=fine').expect(200, { code: 'ok', query: { q: 'fine' } });
      const query = await http().get('/api/v1/probe/echo/ok?q=a%00b').expect(400);
      expect(fieldsOf(query)).toEqual([{ path: 'q', problem: 'q must not contain a NUL character (U+0000)' }]);
      const repeated = await http().get('/api/v1/probe/echo/ok?q=a&q=%00').expect(400);
      expect(fieldsOf(repeated).map((f) => f.path)).toEqual(['q[1]']);
      const param = await http().get('/api/v1/probe/echo/a%00b').expect(400);
      expect(fieldsOf(param)).toEqual([{ path: 'code', problem: 'code must not contain a NUL character (U+0000)' }]);
    });

    it('answers a sign-in with a NUL or a lone surrogate in the username 400, not 500', async () => {
      for (const username of ['border.official\u0000', 'border\ud800.official']) {
        const res = await http().post('/api/v1/auth/login').send({ username, password: 'whatever' }).expect(400);
        expect(fieldsOf(res).map((f) => f.path)).toEqual(['username']);
      }
      const deep = await http().post('/api/v1/auth/login').set('content-type', 'application/json').send(`{"username":${'{"a":'.repeat(600)}1${'}'.repeat(600)},"password":"x"}`).expect(400);
      expect(fieldsOf(deep)[0].path).toMatch(/^username\.a\.a/);
    });
  });

  it('maps domain errors to their status with code and details', async () => {
    expect((await http().get('/api/v1/probe/missing').expect(404)).body).toMatchObject({ code: 'PROBE.NOT_FOUND', message: 'No such probe' });
    expect((await http().get('/api/v1/probe/conflict').expect(409)).body).toMatchObject({
      code: 'PROBE.VERSION_CONFLICT',
      details: { currentVersion: 4 },
    });
    expect((await http().get('/api/v1/probe/bad').expect(400)).body.details).toEqual({ fields: [{ path: 'x', problem: 'x must be y' }] });
  });

  it('answers an unexpected error with 500 and reveals nothing of it', async () => {
    const res = await http().get('/api/v1/probe/crash').expect(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it("keeps a caller's well-formed correlation id and replaces a malformed one", async () => {
    const kept = await http().get('/api/v1/probe/missing').set('x-correlation-id', 'border-post-7-req-0001').expect(404);
    expect(kept.body.correlationId).toBe('border-post-7-req-0001');
    const replaced = await http().get('/api/v1/probe/missing').set('x-correlation-id', 'bad id with spaces').expect(404);
    expect(replaced.body.correlationId).not.toBe('bad id with spaces');
  });

  it('refuses a route that declares neither @Public() nor a permission (deny by default)', async () => {
    const res = await http().get('/api/v1/undeclared').expect(403);
    expect(res.body.code).toBe('ACCESS.ROUTE_UNDECLARED');
    expect(res.body).not.toHaveProperty('leaked');
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const doc = await http().get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/health/ready', '/api/v1/probe']));
    const ui = await http().get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('sends the security headers on every answer: a strict CSP, nosniff, no referrer, no framing, and no HSTS outside production', async () => {
    for (const res of [await http().post('/api/v1/probe').send({ name: 'Amina', age: 16, lines: [] }).expect(201), await http().get('/api/v1/probe/missing').expect(404), await http().get('/health/live').expect(200)]) {
      const csp = String(res.headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
        expect(csp.split(';').map((d) => d.trim())).toContain(directive);
      }
      expect(csp).not.toContain('unsafe');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('marks every /api answer no-store, successes and errors alike', async () => {
    expect((await http().post('/api/v1/probe').send({ name: 'Amina', age: 16, lines: [] }).expect(201)).headers['cache-control']).toBe('no-store');
    expect((await http().get('/api/v1/probe/missing').expect(404)).headers['cache-control']).toBe('no-store');
    expect((await http().get('/api/v1/undeclared').expect(403)).headers['cache-control']).toBe('no-store');
  });

  it('serves /docs under a CSP that allows every script and style the page loads, and no inline script', async () => {
    const ui = await http().get('/docs').expect(200);
    const csp = String(ui.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    // Every <script> has a same-origin src: an inline one would be blocked by script-src 'self'.
    const scripts = [...ui.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/src=["'][^"':]+["']/);
    }
    const assets = [...ui.text.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css|png))["']/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining([expect.stringMatching(/swagger-ui-init\.js$/), expect.stringMatching(/swagger-ui\.css$/)]));
    for (const asset of assets) {
      expect(asset).not.toMatch(/^[a-z]+:/i);
      // Resolved against the page's address, as the browser does: same origin, so 'self' covers it.
      const url = new URL(asset, 'http://kivuko.test/docs');
      expect(url.origin).toBe('http://kivuko.test');
      await http().get(url.pathname).expect(200);
    }
  });

  it('says how long to wait on every 429 (Retry-After in whole seconds)', async () => {
    const said = await http().get('/api/v1/probe/busy').expect(429);
    expect(said.headers['retry-after']).toBe('8');
    const unsaid = await http().get('/api/v1/probe/busy-unsaid').expect(429);
    expect(unsaid.headers['retry-after']).toBe('1');
  });
});

describe('security headers in production', () => {
  it('adds HSTS (a year, with subdomains) in production only', async () => {
    const db = await createTestDatabase('hsts');
    const runtime = testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES });
    const app = await createHttpApp(ProbeAppModule.forRoot(runtime), { ...runtime.config, env: 'production' });
    try {
      const res = await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-frame-options']).toBe('DENY');
    } finally {
      await app.close();
      await db.drop();
    }
  });
});

describe('readiness with Redis', () => {
  it('reports Redis down with 503 and up again with 200', async () => {
    const db = await createTestDatabase('ready');
    const prefix = createTestQueuePrefix();
    const redis = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    const app = await createApiApp(
      testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, redisPrefix: prefix.prefix, redisUrl: proxy.url('redis') }),
    );
    try {
      await request(app.getHttpServer()).get('/health/ready').expect(200, { status: 'ok', checks: { postgres: 'up', redis: 'up' } });
      await proxy.cut();
      await request(app.getHttpServer()).get('/health/ready').expect(503, { status: 'unavailable', checks: { postgres: 'up', redis: 'down' } });
      await proxy.restore();
      // The health connection reconnects on its own backoff.
      await eventually(() => request(app.getHttpServer()).get('/health/ready').expect(200), 10_000, 200);
    } finally {
      await app.close();
      await proxy.close();
      await prefix.clear();
      await db.drop();
    }
  });
});
