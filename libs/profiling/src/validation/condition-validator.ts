import { FACT_NAMES, factDefinition, FactKind, isFactName } from '../fact-catalogue';
import { Comparison, COMPARISON_OPERATORS, ComparisonOperator, ComparisonTest, Condition, Graded, GRADES, Scalar, Subject } from '../rule-set';
import { child, isObject, item, JsonObject, Problems } from './problems';

/** A screening question as far as rules need it: any questionnaire's questions fit this shape. */
export interface QuestionRef {
  id: string;
  /** BOOLEAN, TEXT, CHOICE, MULTI_CHOICE or INTEGER; any other type is only checked by id. */
  type: string;
  options?: readonly string[];
}

export const MAX_CONDITION_DEPTH = 12;
type Form = 'all' | 'any' | 'not' | 'atLeast' | 'graded' | 'comparison';
const QUESTION_ID = /^[a-z][a-z0-9_]{0,63}$/;

/** What a comparison's value must be, from the fact's kind or the question's type. */
interface Expectation {
  /** The value kind eq, ne and in compare with; null: only `exists` makes sense. */
  kind: 'number' | 'boolean' | 'string' | null;
  /** A closed vocabulary for string values. */
  values?: readonly string[];
  /** Named in messages: `person.isChild` or `question fear_of_return`. */
  name: string;
}

export class ConditionReader {
  constructor(
    private readonly problems: Problems,
    private readonly questions?: ReadonlyMap<string, QuestionRef>,
  ) {}

  read(raw: unknown, path: string, depth = 1): Condition | undefined {
    if (!isObject(raw)) return this.problems.add(path, 'must be a condition (an object)');
    if (depth > MAX_CONDITION_DEPTH) return this.problems.add(path, `is nested too deeply (at most ${MAX_CONDITION_DEPTH} levels)`);
    const forms = [
      'all' in raw && 'all',
      'any' in raw && 'any',
      'not' in raw && 'not',
      ('atLeast' in raw || 'of' in raw) && 'atLeast',
      'graded' in raw && 'graded',
      ('answer' in raw || 'fact' in raw) && 'comparison',
    ].filter((form): form is Form => form !== false);
    if (forms.length === 0) return this.problems.add(path, 'must be one of: all, any, not, atLeast with of, graded, or a comparison on an answer or a fact');
    if (forms.length > 1) return this.problems.add(path, `must have exactly one form, not ${forms.join(' and ')}`);

    switch (forms[0]) {
      case 'all':
      case 'any': {
        const kind = forms[0];
        this.problems.onlyKeys(raw, [kind], path, ` beside ${kind}`);
        const of = this.list(raw[kind], child(path, kind), depth);
        return of && { kind, of };
      }
      case 'not': {
        this.problems.onlyKeys(raw, ['not'], path, ' beside not');
        const condition = this.read(raw['not'], child(path, 'not'), depth + 1);
        return condition && { kind: 'not', condition };
      }
      case 'atLeast':
        return this.atLeast(raw, path, depth);
      case 'graded':
        return this.graded(raw, path, depth);
      case 'comparison':
        return this.comparison(raw, path);
    }
  }

  private list(raw: unknown, path: string, depth: number): Condition[] | undefined {
    const before = this.problems.found.length;
    const of = this.problems.list(raw, path, (c, at) => this.read(c, at, depth + 1), { nonEmpty: true });
    return this.problems.found.length === before ? of : undefined;
  }

  private atLeast(raw: JsonObject, path: string, depth: number): Condition | undefined {
    this.problems.onlyKeys(raw, ['atLeast', 'of'], path, ' beside atLeast and of');
    const count = raw['atLeast'];
    const countOk = typeof count === 'number' && Number.isInteger(count) && count >= 1;
    if (!countOk) this.problems.add(child(path, 'atLeast'), 'atLeast' in raw ? 'must be a whole number of at least 1' : 'is required with of');
    if (!('of' in raw)) return this.problems.add(child(path, 'of'), 'is required with atLeast');
    const of = this.list(raw['of'], child(path, 'of'), depth);
    if (!of || !countOk) return undefined;
    if (count > of.length) return this.problems.add(child(path, 'atLeast'), `must not exceed the number of conditions in of (${of.length})`);
    return { kind: 'atLeast', count, of };
  }

  /**
   * Indicators by grade, each list (when given) non-empty. Weak ones never make the threshold, so a
   * condition without a strong or medium indicator could never hold, and oneMediumSuffices needs a medium one.
   */
  private graded(raw: JsonObject, path: string, depth: number): Graded | undefined {
    this.problems.onlyKeys(raw, ['graded'], path, ' beside graded');
    const at = child(path, 'graded');
    const body = raw['graded'];
    if (!isObject(body)) return this.problems.add(at, 'must be an object with strong, medium and weak lists of indicators');
    this.problems.onlyKeys(body, [...GRADES, 'oneMediumSuffices'], at);
    const before = this.problems.found.length;
    const lists = GRADES.map((grade) => (grade in body ? this.list(body[grade], child(at, grade), depth) : []));
    const oneMedium = 'oneMediumSuffices' in body ? this.read(body['oneMediumSuffices'], child(at, 'oneMediumSuffices'), depth + 1) : undefined;
    if (this.problems.found.length !== before) return undefined;
    const [strong, medium, weak] = lists as Condition[][];
    if (strong.length + medium.length === 0) return this.problems.add(at, 'must list at least one strong or medium indicator (weak ones never suffice)');
    if (oneMedium && medium.length === 0) return this.problems.add(child(at, 'oneMediumSuffices'), 'needs at least one medium indicator');
    return { kind: 'graded', strong, medium, weak, ...(oneMedium && { oneMediumSuffices: oneMedium }) };
  }

  private comparison(raw: JsonObject, path: string): Comparison | undefined {
    this.problems.onlyKeys(raw, ['answer', 'fact', 'label', ...COMPARISON_OPERATORS], path, ' in a comparison');
    const subject = this.subject(raw, path);
    const label = 'label' in raw ? this.problems.text(raw['label'], child(path, 'label'), { max: 200 }) : undefined;
    const ops = COMPARISON_OPERATORS.filter((op) => op in raw);
    if (ops.length === 0) return this.problems.add(path, `must name one operator: ${COMPARISON_OPERATORS.join(', ')}`);
    if (ops.length > 1) return this.problems.add(path, `must name only one operator, not ${ops.join(' and ')}`);
    const test = this.test(ops[0], raw[ops[0]], subject && this.expectation(subject), child(path, ops[0]));
    if (!subject || !test) return undefined;
    return { kind: 'compare', subject, ...(label !== undefined && { label }), ...test };
  }

  /** The operator's operand, checked against what the subject can hold. */
  private test(op: ComparisonOperator, value: unknown, expect: Expectation | undefined, at: string): ComparisonTest | undefined {
    switch (op) {
      case 'exists':
        return typeof value === 'boolean' ? { op, value } : this.problems.add(at, 'must be true or false');
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        if (typeof value !== 'number' || !Number.isFinite(value)) return this.problems.add(at, 'must be a number');
        if (expect && expect.kind !== 'number') return this.problems.add(at, `cannot order ${expect.name}: it is not a number (use eq, ne, in or exists)`);
        return { op, value };
      case 'eq':
      case 'ne':
        if (!isScalar(value)) return this.problems.add(at, 'must be a string, a number or true/false');
        return this.fits(value, expect, at) ? { op, value } : undefined;
      case 'in':
        return this.inList(value, expect, at);
    }
  }

  private inList(value: unknown, expect: Expectation | undefined, at: string): ComparisonTest | undefined {
    if (!Array.isArray(value) || value.length === 0) return this.problems.add(at, 'must be a non-empty list of strings or numbers');
    if (expect?.kind === 'boolean') return this.problems.add(at, `${expect.name} is true or false: use eq`);
    const values: (string | number)[] = [];
    value.forEach((v: unknown, i) => {
      if (typeof v !== 'string' && (typeof v !== 'number' || !Number.isFinite(v))) this.problems.add(item(at, i), 'must be a string or a number');
      else if (this.fits(v, expect, item(at, i))) values.push(v);
    });
    return values.length === value.length ? { op: 'in', value: values } : undefined;
  }

  /** Whether a value can ever equal what the subject holds (its type and vocabulary). */
  private fits(value: Scalar, expect: Expectation | undefined, at: string): boolean {
    let problem: string | null = null;
    if (!expect) problem = null;
    else if (expect.kind === null) problem = `cannot compare ${expect.name}: it is free text (only exists applies)`;
    else if (typeof value !== expect.kind) problem = `must be ${KIND_WORDS[expect.kind]} (${expect.name} is ${KIND_WORDS[expect.kind]})`;
    else if (expect.values && typeof value === 'string' && !expect.values.includes(value)) problem = `must be one of ${expect.values.join(', ')}`;
    if (problem !== null) this.problems.add(at, problem);
    return problem === null;
  }

  private subject(raw: JsonObject, path: string): Subject | undefined {
    if ('answer' in raw && 'fact' in raw) return this.problems.add(path, 'must compare an answer or a fact, not both');
    if ('fact' in raw) {
      const fact = raw['fact'];
      return isFactName(fact) ? { source: 'fact', name: fact } : this.problems.add(child(path, 'fact'), `must be one of ${FACT_NAMES.join(', ')}`);
    }
    const answer = raw['answer'];
    if (typeof answer !== 'string' || !QUESTION_ID.test(answer)) return this.problems.add(child(path, 'answer'), 'must be a question id (snake_case)');
    if (this.questions && !this.questions.has(answer)) return this.problems.add(child(path, 'answer'), `"${answer}" is not a question of the questionnaire`);
    return { source: 'answer', name: answer };
  }

  private expectation(subject: Subject): Expectation | undefined {
    if (subject.source === 'fact') {
      if (!isFactName(subject.name)) return undefined;
      const fact = factDefinition(subject.name);
      return { kind: FACT_KIND[fact.kind], ...(fact.values && { values: fact.values }), name: subject.name };
    }
    const question = this.questions?.get(subject.name);
    if (!question) return undefined;
    const name = `question ${question.id}`;
    switch (question.type) {
      case 'BOOLEAN':
        return { kind: 'boolean', name };
      case 'INTEGER':
        return { kind: 'number', name };
      case 'TEXT':
        return { kind: null, name };
      case 'CHOICE':
      case 'MULTI_CHOICE':
        return { kind: 'string', ...(question.options && { values: question.options }), name };
      default:
        return undefined;
    }
  }
}

const FACT_KIND: Record<FactKind, 'number' | 'boolean' | 'string'> = { number: 'number', boolean: 'boolean', string: 'string', 'string[]': 'string' };
const KIND_WORDS = { number: 'a number', boolean: 'true or false', string: 'a string' } as const;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

