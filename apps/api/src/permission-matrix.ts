import { Permission, permissionsOf, REQUIRED_PERMISSION, Role } from '@kivuko/platform';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { isDeepStrictEqual } from 'node:util';
import type request from 'supertest';
import { DemoApi } from './demo-api';

/**
 * A permission matrix: each role × each endpoint of an area, allowed and denied, written as one table and
 * checked cell by cell against the running api (case-permissions.spec.ts, protection-permissions.spec.ts,
 * referral-permissions.spec.ts).
 *
 * The table (`policy`) has a header line `method path fixture <column>...` and one line per route and fixture:
 *   method, path   the route as registered (`cases/:id/notes`); a path may carry a query (`referrals?view=SENT`)
 *   fixture        what the call acts on, in the spec's own words (a shared case, a held referral, ...)
 *   cells          one outcome per column (a demo user, or `anon`: no bearer token):
 *     200, 201, 202, 204  allowed, with this status, and its effect checked by the route's `allowed`
 *     200+, 200-     a list answered 200 with the row's fixture in it (+), or without it (-)
 *     404            hidden: the area's not-found answer, word for word the answer for an id that does not exist
 *     403, 403XX     refused with the code `refusals` maps to this label (403: ACCESS.FORBIDDEN)
 *     401            no token: AUTH.TOKEN_MISSING
 * Every refused, hidden and unauthenticated cell also checks that the route's `state` did not change.
 *
 * Besides the rows, three checks keep the table honest: it is well formed (every column a demo user, every role
 * among them, every cell a known outcome, every fixture one for its route), it has a row for every route the app
 * registers in the area and none for another, and its 403 cells are exactly where ROLE_PERMISSIONS says the
 * user's roles lack the route's permission.
 */

/** The outcomes of an allowed call. */
const ALLOWED = ['200', '201', '202', '204', '200+', '200-'];

/** One line of the table. */
export interface MatrixRow<C extends string = string, F extends string = string> {
  method: string;
  /** As written, with its query if any. */
  path: string;
  /** The registered route: method and path without the query. */
  route: string;
  fixture: F;
  cells: Record<C, string>;
}

/** How a route is called and checked. */
export interface RouteBehaviour<T, F extends string> {
  /** What a call acts on. `fresh`: an allowed cell of a row whose call changes state gets its own. */
  target(fixture: F, fresh: boolean): Promise<T>;
  query?: Record<string, string | number>;
  /** The request body; `username` is null for the call without a token. */
  body?(target: T, call: { fixture: F; username: string | null }): object | Promise<object>;
  /** What a refused, hidden or unauthenticated call must leave as it was. */
  state(target: T): Promise<unknown>;
  /** A list: whether the fixture is in the answer (the response body as the client reads it). */
  listed?(body: request.Response['body'], target: T): boolean;
  /** An allowed call: what is wrong with its answer or its effect, if anything. */
  allowed?(res: request.Response, target: T, before: unknown, after: unknown, username: string): string | undefined;
}

export interface PermissionMatrix<C extends string, F extends string, T> {
  /** The api under test (started by the spec; read when the tests run). */
  api(): DemoApi;
  /** A short key per column, and the demo user it signs in as (null: no bearer token). */
  columns: Readonly<Record<C, string | null>>;
  policy: string;
  /** The fixtures a row may name: one list, or a list per first path segment. */
  fixtures: readonly F[] | Readonly<Record<string, readonly F[]>>;
  /** How each route is called and checked, by `method path`. A route the table names must have one. */
  behaviour: Readonly<Record<string, RouteBehaviour<T, F>>>;
  /** The value of each `:name` in a row's path. */
  param(target: T, name: string): string | undefined;
  /** Refusal codes and the cell that names them (`ACCESS.FORBIDDEN` → `403`). */
  refusals: Readonly<Record<string, string>>;
  /** The answer that hides what the caller may not see, and the same call on an id that does not exist. */
  hidden: { code(row: MatrixRow<C, F>): string | undefined; unknown(target: T, row: MatrixRow<C, F>): T; what: string };
  /** The area's routes: which registered paths the table covers, in words and as a test; how many at least. */
  routes: { under: string; match(path: string): boolean; atLeast: number };
  /** Make every cell's fixture of a row first, side by side, then call the cells one after the other. */
  fixturesFirst?: boolean;
  /** A rule of the area beyond 403 and 401, checked on every cell of a signed-in user. */
  agreement?: { says: string; check(row: MatrixRow<C, F>, username: string, cell: string, held: ReadonlySet<Permission>): string | undefined };
}

/** Every registered route whose path (without the global prefix) `match` accepts, with the permission it declares. */
export function registeredRoutes(api: DemoApi, match: (path: string) => boolean): Map<string, Permission | undefined> {
  const discovery = api.app.get(DiscoveryService);
  const scanner = api.app.get(MetadataScanner);
  const reflector = api.app.get(Reflector);
  const routes = new Map<string, Permission | undefined>();
  for (const { instance, metatype } of discovery.getControllers()) {
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
      const path = reflector.get<string | undefined>(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[reflector.get<RequestMethod>(METHOD_METADATA, handler)];
      const full = `${String(reflector.get<string>(PATH_METADATA, metatype) ?? '')}/${path}`.replace(/\/+/g, '/').replace(/^\//, '').replace(/\/$/, '');
      if (!match(full)) continue;
      routes.set(`${method} ${full}`, reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [handler, metatype]));
    }
  }
  return routes;
}

/**
 * Registers the matrix's tests in the current `describe`: the three checks of the table, then one test per row
 * (each cell of the row called in turn, compared as a whole, keyed by username). Call it after the spec's own
 * `beforeAll` that starts the api: every column's user signs in once, side by side, before the first test.
 */
export function describePermissionMatrix<C extends string, F extends string, T>(matrix: PermissionMatrix<C, F, T>): void {
  const { columns, behaviour } = matrix;
  const columnKeys = Object.keys(columns) as C[];
  const usernames = columnKeys.flatMap((c) => columns[c] ?? []);
  const outcomes = [...ALLOWED, '404', ...new Set(Object.values(matrix.refusals)), '401'];

  const [header, ...table] = matrix.policy
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const rows: MatrixRow<C, F>[] = table.map(([method, path, fixture, ...cells]) => ({
    method,
    path,
    route: `${method} ${path.split('?')[0]}`,
    fixture: fixture as F,
    cells: Object.fromEntries(columnKeys.map((column, i) => [column, cells[i]])) as Record<C, string>,
  }));
  const rowName = (row: MatrixRow<C, F>): string => `${row.method} ${row.path} [${row.fixture}]`;
  /** A cell's key in assertions: the username, so a failing row reads as "which user got what". */
  const byUser = (cells: Record<C, string>): Record<string, string> => Object.fromEntries(columnKeys.map((c) => [columns[c] ?? 'no token', cells[c]]));
  const fixturesOf = (path: string): readonly F[] | undefined => {
    const fixtures = matrix.fixtures;
    return isList(fixtures) ? fixtures : fixtures[path.split('/')[0].split('?')[0]];
  };

  let rolesOf = new Map<string, Role[]>();

  beforeAll(async () => {
    const api = matrix.api();
    const demo = await api.http().get('/api/v1/demo/accounts').expect(200);
    rolesOf = new Map((demo.body.accounts as { username: string; roles: Role[] }[]).map((a) => [a.username, a.roles]));
    // Every column's user signs in once, side by side (api.as keeps the token).
    await Promise.all(usernames.map((username) => api.as(username)));
  }, 60_000);

  async function send(row: MatrixRow<C, F>, target: T, username: string | null, headers: Record<string, string>): Promise<request.Response> {
    const route = behaviour[row.route];
    const [path, search] = row.path
      .replace(/:(\w+)/g, (_, name: string) => {
        const value = matrix.param(target, name);
        if (!value) throw new Error(`${rowName(row)}: nothing for :${name}`);
        return value;
      })
      .split('?');
    const url = `/api/v1/${path}`;
    const http = matrix.api().http();
    const call =
      row.method === 'GET' ? http.get(url) : row.method === 'POST' ? http.post(url) : row.method === 'PUT' ? http.put(url) : row.method === 'DELETE' ? http.delete(url) : undefined;
    if (!call) throw new Error(`${row.route}: no method ${row.method}`);
    call.set(headers);
    const query = { ...route.query, ...Object.fromEntries(new URLSearchParams(search ?? '')) };
    if (Object.keys(query).length > 0) call.query(query);
    if (route.body) call.send(await route.body(target, { fixture: row.fixture, username }));
    return call;
  }

  /** What really happens in one cell, in the table's vocabulary; anything else is spelt out. */
  async function observe(row: MatrixRow<C, F>, column: C, target: T): Promise<string> {
    const route = behaviour[row.route];
    const username = columns[column];
    const headers = username ? await matrix.api().as(username) : {};
    const before = await route.state(target);
    const res = await send(row, target, username, headers);
    const after = await route.state(target);
    const code = (res.body as { code?: string } | undefined)?.code;
    const changed = isDeepStrictEqual(before, after) ? '' : ` but changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
    if (res.status >= 200 && res.status < 300) {
      if (route.listed) {
        if ((res.body as { nextCursor?: string }).nextCursor) return `${res.status} with more than one page`;
        return `${res.status}${route.listed(res.body, target) ? '+' : '-'}`;
      }
      const problem = route.allowed?.(res, target, before, after, username ?? '');
      return problem ? `${res.status} but ${problem}` : String(res.status);
    }
    if (res.status === 401) return code === 'AUTH.TOKEN_MISSING' ? `401${changed}` : `401 ${code}`;
    if (res.status === 403) return `${code && matrix.refusals[code] ? matrix.refusals[code] : `403 ${code}`}${changed}`;
    if (res.status === 404) {
      if (code !== matrix.hidden.code(row)) return `404 ${code}${changed}`;
      // Existence must not leak: a hidden row answers exactly as an id that does not exist.
      const unknown = await send(row, matrix.hidden.unknown(target, row), username, headers);
      if (unknown.status !== 404 || unknown.body.code !== code || unknown.body.message !== res.body.message) {
        return `404 unlike an unknown ${matrix.hidden.what} (${unknown.status} ${unknown.body.code}: ${unknown.body.message} / ${res.body.message})`;
      }
      return `404${changed}`;
    }
    return `${res.status} ${code} ${JSON.stringify(res.body).slice(0, 300)}`;
  }

  it('is a well-formed table: every column a demo user (every role among them), every cell a known outcome, every fixture one for its route', () => {
    expect(header).toEqual(['method', 'path', 'fixture', ...columnKeys]);
    // Every column a demo user; the demo users that hold only roles already in the table need no column here.
    expect(usernames.filter((u) => !rolesOf.has(u))).toEqual([]);
    expect([...new Set(usernames.flatMap((u) => rolesOf.get(u) ?? []))].sort()).toEqual(Object.values(Role).sort());
    for (const [method, path, fixture, ...cells] of table) {
      const row = `${method} ${path} ${fixture}`;
      expect({ row, cells: cells.length }).toEqual({ row, cells: columnKeys.length });
      expect({ row, fits: fixturesOf(path)?.includes(fixture as F) }).toEqual({ row, fits: true });
      expect(cells.filter((cell) => !outcomes.includes(cell))).toEqual([]);
    }
    expect(new Set(rows.map(rowName)).size).toBe(rows.length);
  });

  it(`has a row for every route the app registers ${matrix.routes.under}, and none for a route it does not`, () => {
    const routes = registeredRoutes(matrix.api(), matrix.routes.match);
    expect(routes.size).toBeGreaterThanOrEqual(matrix.routes.atLeast);
    expect([...routes.keys()].sort()).toEqual([...new Set(rows.map((r) => r.route))].sort());
    expect(Object.keys(behaviour).sort()).toEqual([...routes.keys()].sort());
  });

  const agreement = matrix.agreement;
  it(`agrees with ROLE_PERMISSIONS: 403 exactly where the user's roles lack the route's permission; 401 exactly without a token${agreement ? `; ${agreement.says}` : ''}`, () => {
    const routes = registeredRoutes(matrix.api(), matrix.routes.match);
    const disagreements: string[] = [];
    for (const row of rows) {
      const needs = routes.get(row.route);
      expect({ route: row.route, declared: needs !== undefined }).toEqual({ route: row.route, declared: true });
      for (const column of columnKeys) {
        const username = columns[column];
        const cell = row.cells[column];
        if (!username) {
          if (cell !== '401') disagreements.push(`${rowName(row)} without a token: ${cell}`);
          continue;
        }
        if (cell === '401') disagreements.push(`${rowName(row)} ${username}: 401 with a token`);
        const held = permissionsOf(rolesOf.get(username) ?? []);
        const lacks = needs === undefined || !held.has(needs);
        if (lacks !== (cell === '403')) disagreements.push(`${rowName(row)} ${username}: ${cell}, but ${lacks ? 'lacks' : 'holds'} ${needs}`);
        const problem = agreement?.check(row, username, cell, held);
        if (problem) disagreements.push(`${rowName(row)} ${username}: ${problem}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  for (const row of rows) {
    it(`${rowName(row)}: ${columnKeys.map((c) => `${c} ${row.cells[c]}`).join(', ')}`, async () => {
      const route = behaviour[row.route];
      const fresh = (column: C): boolean => ALLOWED.includes(row.cells[column]);
      // Either the fixtures first, made side by side, then each cell; or each cell's fixture just before its call.
      const targets = matrix.fixturesFirst ? await Promise.all(columnKeys.map((c) => route.target(row.fixture, fresh(c)))) : undefined;
      const observed = {} as Record<C, string>;
      for (const [i, column] of columnKeys.entries()) observed[column] = await observe(row, column, targets ? targets[i] : await route.target(row.fixture, fresh(column)));
      expect(byUser(observed)).toEqual(byUser(row.cells));
    }, 120_000);
  }
}

function isList<F>(fixtures: readonly F[] | Readonly<Record<string, readonly F[]>>): fixtures is readonly F[] {
  return Array.isArray(fixtures);
}
