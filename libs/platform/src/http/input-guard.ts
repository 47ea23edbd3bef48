import { FastifyInstance, FastifyRequest } from 'fastify';
import { FieldProblem } from '../errors/domain-error';
import { validationFailed } from './validation';

/**
 * Limits every request's input must keep before any route, pipe or DTO looks at it. PostgreSQL refuses
 * a NUL character in text and jsonb; a lone UTF-16 surrogate is not Unicode (PostgreSQL refuses it, or
 * the driver turns it into U+FFFD and a name is silently changed); and class-transformer recurses once per
 * level, so a body nested thousands deep overflows the stack. Each would be a 500 (or worse, a quiet
 * change) deep inside a use case; here it is a 400 naming the field, before anything is read or written.
 */
export const MAX_INPUT_DEPTH = 32;
/** Enough to name the fields of a bad request without letting a huge one build a huge answer. */
const MAX_PROBLEMS = 20;

const NUL = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function textProblem(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired surrogate (it is not valid Unicode text)';
  return null;
}

/** `a.b[0]`, as the validation pipe names fields; a key that is not a plain name is quoted (escaped, so no NUL comes back). */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (PLAIN_KEY.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Walks a parsed JSON value once, without recursion (so that the walk itself cannot overflow), and
 * names every string or key with a NUL or a lone surrogate and every place nested deeper than
 * `maxDepth`. `root` is the path prefix of the value ('' for a body, the parameter's name otherwise).
 */
export function inputProblems(value: unknown, root = '', maxDepth = MAX_INPUT_DEPTH): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ path: path || '(body)', problem: `${path || 'the body'} ${problem}` });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) {
      // The path down there is mostly `[0][0]…`: its start says which field it is.
      const at = path.length > 80 ? `${path.slice(0, 80)}…` : path || '(body)';
      problems.push({ path: at, problem: `${at} is nested deeper than ${maxDepth} levels` });
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i] as unknown, path: childPath(path, i), depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(current as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const keyPath = childPath(path, key);
      const problem = textProblem(key);
      if (problem) problems.push({ path: keyPath, problem: `the name of ${keyPath} ${problem}` });
      else stack.push({ value: child, path: keyPath, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** The problems of a request's path parameters, query string and body together. */
export function requestInputProblems(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): FieldProblem[] {
  const named = (values: unknown): FieldProblem[] =>
    typeof values === 'object' && values !== null
      ? Object.entries(values as Record<string, unknown>).flatMap(([name, value]) => {
          // The wildcard of an unmatched route: it is answered 404 and never read.
          if (name === '*') return [];
          const problem = textProblem(name);
          return problem ? [{ path: childPath('', name), problem: `the name of ${childPath('', name)} ${problem}` }] : inputProblems(value, childPath('', name));
        })
      : [];
  return [...named(request.params), ...named(request.query), ...inputProblems(request.body)].slice(0, MAX_PROBLEMS);
}

/** Refuses, with one 400 naming each bad field, a request whose input breaks the limits above. */
export function registerInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const problems = requestInputProblems(request);
    if (problems.length > 0) throw validationFailed(problems);
  });
}
