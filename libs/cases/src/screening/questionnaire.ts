/**
 * The screening interview as data: a versioned list of questions, each belonging to one field group.
 * A country's SOP can carry its own questionnaire (more questions, other options); intake answers name
 * the questionnaire and version they answer, and every answer is checked against it.
 */
import { QUESTIONNAIRE_V3 } from './questionnaire-v3';
import { applicableQuestions, conditionProblems, describeCondition, ShowWhen, ShowWhenPerson } from './show-when';

export type QuestionType = 'BOOLEAN' | 'TEXT' | 'CHOICE' | 'MULTI_CHOICE' | 'INTEGER';

/** The languages a translated questionnaire speaks: the web app's (English first, the source). */
export const QUESTIONNAIRE_LANGUAGES = ['en', 'fr', 'pt', 'sw', 'ar'] as const;
export type QuestionnaireLanguage = (typeof QUESTIONNAIRE_LANGUAGES)[number];
/** One text in every language of the questionnaire. */
export type Translated = Readonly<Record<QuestionnaireLanguage, string>>;
/** The sexes a `sexIn` condition may name (the intake's). */
export const CONDITION_SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;

/** The field groups a screening answer can belong to (identity and arrival come from the intake itself). */
export const ANSWER_GROUPS = ['NEEDS', 'CHILD', 'ASYLUM', 'TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE'] as const;
export type AnswerGroup = (typeof ANSWER_GROUPS)[number];

export interface Question {
  /** snake_case, unique within the questionnaire; what profiling rules refer to. */
  id: string;
  group: AnswerGroup;
  type: QuestionType;
  /** For CHOICE and MULTI_CHOICE. */
  options?: readonly string[];
  /** For TEXT; defaults to {@link DEFAULT_TEXT_LIMIT}. */
  maxLength?: number;
  /** For INTEGER. */
  min?: number;
  max?: number;
  /** Shown to the interviewing officer: English only (versions 1 and 2), or in every language of the questionnaire. */
  prompt: string | Translated;
  /** For CHOICE and MULTI_CHOICE in a translated questionnaire: each option's label in every language. */
  optionLabels?: Readonly<Record<string, Translated>>;
  /** When the question applies (absent: always); a condition reads only earlier questions. */
  showWhen?: ShowWhen;
}

export interface QuestionGroup {
  id: AnswerGroup;
  title: Translated;
}

export interface Questionnaire {
  code: string;
  version: number;
  /** A translated questionnaire names its languages, and every prompt, option label and group title carries them all. */
  languages?: readonly QuestionnaireLanguage[];
  /** The titles of the groups its questions use (translated questionnaires). */
  groups?: readonly QuestionGroup[];
  questions: readonly Question[];
}

/** A question's prompt in one language (English when the questionnaire is not translated). */
export function promptOf(question: Question, language: QuestionnaireLanguage = 'en'): string {
  return typeof question.prompt === 'string' ? question.prompt : question.prompt[language];
}

export const DEFAULT_TEXT_LIMIT = 4_000;
export type Answer = boolean | string | number | string[];
export type Answers = Record<string, Answer>;

const Q = (id: string, group: AnswerGroup, type: QuestionType, prompt: string, extra: Partial<Question> = {}): Question => ({
  id,
  group,
  type,
  prompt,
  ...extra,
});

/** The first screening questionnaire, from the domain guide's profiles and indicators: answers recorded with it stay readable. */
export const QUESTIONNAIRE_V1: Questionnaire = {
  code: 'kivuko-screening',
  version: 1,
  questions: [
    // Why the person left and what they need (NEEDS: seen by every agency the case is referred to).
    Q('reasons_for_leaving', 'NEEDS', 'MULTI_CHOICE', 'Why did you leave?', {
      options: ['WORK', 'FAMILY', 'EDUCATION', 'CONFLICT', 'PERSECUTION', 'GENERALISED_VIOLENCE', 'DISASTER', 'POVERTY', 'OTHER'],
    }),
    Q('wants_to_return_home', 'NEEDS', 'BOOLEAN', 'Do you wish to go back to your country?'),
    Q('has_means_to_return', 'NEEDS', 'BOOLEAN', 'Do you have the means to go back?'),
    Q('health_triage', 'NEEDS', 'CHOICE', 'Health triage', { options: ['URGENT', 'NEEDS_CARE', 'NONE'] }),
    Q('disability', 'NEEDS', 'BOOLEAN', 'Disability observed or reported'),
    Q('serious_illness', 'NEEDS', 'BOOLEAN', 'Serious illness reported'),
    Q('pregnant', 'NEEDS', 'BOOLEAN', 'Pregnant'),
    Q('older_person_at_risk', 'NEEDS', 'BOOLEAN', 'Older person at risk'),
    Q('single_parent', 'NEEDS', 'BOOLEAN', 'Single parent or caregiver'),
    Q('woman_at_risk', 'NEEDS', 'BOOLEAN', 'Woman at risk'),
    Q('officer_observations', 'NEEDS', 'TEXT', 'Officer observations (no disclosures here)', { maxLength: 2_000 }),
    // Children.
    Q('caregiver_present', 'CHILD', 'BOOLEAN', 'Is a parent or caregiver with the child?'),
    Q('caregiver_relationship', 'CHILD', 'CHOICE', 'Who is with the child?', {
      options: ['PARENT', 'LEGAL_GUARDIAN', 'CUSTOMARY_CAREGIVER', 'RELATIVE', 'UNRELATED_ADULT', 'NONE'],
    }),
    Q('caregiver_relationship_verified', 'CHILD', 'BOOLEAN', 'Relationship to the accompanying adult verified'),
    Q('adult_answers_for_child', 'CHILD', 'BOOLEAN', 'An adult answers for the child'),
    Q('adult_holds_child_documents', 'CHILD', 'BOOLEAN', "An adult holds the child's documents"),
    Q('child_married', 'CHILD', 'BOOLEAN', 'Child spouse'),
    Q('child_is_parent', 'CHILD', 'BOOLEAN', 'Child parent'),
    Q('child_labour', 'CHILD', 'BOOLEAN', 'Child labour'),
    Q('associated_with_armed_group', 'CHILD', 'BOOLEAN', 'Associated with armed forces or groups'),
    // Asylum (encrypted).
    Q('fear_of_return', 'ASYLUM', 'BOOLEAN', 'Are you afraid to go back?'),
    Q('fear_reasons', 'ASYLUM', 'MULTI_CHOICE', 'What are you afraid of?', {
      options: ['PERSECUTION', 'CONFLICT', 'GENERALISED_VIOLENCE', 'THREAT_TO_LIFE', 'THREAT_TO_FREEDOM', 'OTHER'],
    }),
    Q('asylum_wish_expressed', 'ASYLUM', 'BOOLEAN', 'Wish to seek asylum expressed, in any words'),
    Q('asylum_wish_words', 'ASYLUM', 'TEXT', 'The words used', { maxLength: 1_000 }),
    Q('refugee_documents_elsewhere', 'ASYLUM', 'BOOLEAN', 'Holds refugee documents from another country'),
    Q('asylum_statement', 'ASYLUM', 'TEXT', 'What happened (the person’s account)'),
    // Trafficking and smuggling abuse (encrypted).
    Q('others_speak_for_person', 'TRAFFICKING', 'BOOLEAN', 'Others speak for the person'),
    Q('movement_controlled', 'TRAFFICKING', 'BOOLEAN', 'Movement controlled by others'),
    Q('threatened', 'TRAFFICKING', 'BOOLEAN', 'Threats against the person or family'),
    Q('debt_bondage', 'TRAFFICKING', 'BOOLEAN', 'Owes a debt to those who organised the journey or work'),
    Q('deceived_about_job', 'TRAFFICKING', 'BOOLEAN', 'Deceived about the job or conditions'),
    Q('little_or_no_pay', 'TRAFFICKING', 'BOOLEAN', 'Little or no pay'),
    Q('sexual_exploitation', 'TRAFFICKING', 'BOOLEAN', 'Sexual exploitation'),
    Q('injuries_from_control', 'TRAFFICKING', 'BOOLEAN', 'Injuries from control or punishment'),
    Q('held_for_ransom', 'TRAFFICKING', 'BOOLEAN', 'Held for ransom on the way'),
    Q('family_extorted', 'TRAFFICKING', 'BOOLEAN', 'Family extorted'),
    Q('abandoned_en_route', 'TRAFFICKING', 'BOOLEAN', 'Abandoned on the way'),
    Q('beaten_or_robbed', 'TRAFFICKING', 'BOOLEAN', 'Beaten or robbed by smugglers or officials'),
    Q('detained_in_transit', 'TRAFFICKING', 'BOOLEAN', 'Detained in a transit country'),
    Q('trafficking_account', 'TRAFFICKING', 'TEXT', 'The person’s account'),
    // Health details (encrypted; the triage level above is not).
    Q('health_need', 'HEALTH', 'TEXT', 'The health need', { maxLength: 2_000 }),
    Q('injured', 'HEALTH', 'BOOLEAN', 'Injured'),
    Q('critical_condition', 'HEALTH', 'BOOLEAN', 'Critical condition'),
    Q('pregnancy_complication', 'HEALTH', 'BOOLEAN', 'Pregnancy complication'),
    // Torture (encrypted).
    Q('torture_reported', 'TORTURE', 'BOOLEAN', 'Torture reported'),
    Q('scars_attributed_to_torture', 'TORTURE', 'BOOLEAN', 'Scars or impairment attributed to torture'),
    Q('forced_to_commit_acts', 'TORTURE', 'BOOLEAN', 'Forced to commit acts'),
    Q('witnessed_killings', 'TORTURE', 'BOOLEAN', 'Witnessed killings'),
    Q('torture_account', 'TORTURE', 'TEXT', 'The person’s account'),
    // Sexual and gender-based violence (encrypted).
    Q('sexual_violence_disclosed', 'SGBV', 'BOOLEAN', 'Sexual violence disclosed'),
    Q('sexual_violence_hours_ago', 'SGBV', 'INTEGER', 'How many hours ago (if recent)', { min: 0, max: 100_000 }),
    Q('forced_or_early_marriage', 'SGBV', 'BOOLEAN', 'Forced or early marriage'),
    Q('fgm', 'SGBV', 'BOOLEAN', 'Female genital mutilation'),
    Q('survival_sex', 'SGBV', 'BOOLEAN', 'Survival sex'),
    Q('sgbv_account', 'SGBV', 'TEXT', 'The person’s account'),
  ],
};

/** What version 2 asks beyond version 1, each in its field group. */
const ADDED_IN_V2: readonly Question[] = [
  Q('documents_lost_or_stolen', 'NEEDS', 'BOOLEAN', 'Identity or travel documents lost or stolen'),
  // The destination country itself is the arrival's intendedDestination; this says whether the person means to stay or move on.
  Q('onward_movement', 'NEEDS', 'CHOICE', 'Do you intend to stay in this country or to move on?', { options: ['STAY_IN_THIS_COUNTRY', 'ONWARD_TO_ANOTHER_COUNTRY', 'UNDECIDED'] }),
  Q('onward_destination_place', 'NEEDS', 'TEXT', 'Where exactly (town or place), if moving on', { maxLength: 200 }),
  // Recorded at intake, a serious doubt opens the way to an age assessment; the presumption of minority holds until one is completed.
  Q('serious_doubt_about_age', 'CHILD', 'BOOLEAN', 'Serious doubt about the stated age (the person stays presumed a child until assessed)'),
  Q('age_doubt_grounds', 'CHILD', 'TEXT', 'What the doubt about the age rests on', { maxLength: 2_000 }),
  // Distinct from "no one with the child": an adult says they are family or a carer, and nothing confirms it yet.
  Q('adult_claims_relationship_unverified', 'CHILD', 'BOOLEAN', 'An adult claims to be the child’s relative or caregiver, and the claim is not verified'),
  Q('trafficked_before', 'TRAFFICKING', 'BOOLEAN', 'Was trafficked before (at home or on the way)'),
  Q('fears_traffickers_on_return', 'TRAFFICKING', 'BOOLEAN', 'Afraid of the traffickers or their associates at home'),
  Q('journey_debt', 'TRAFFICKING', 'BOOLEAN', 'Owes money for the journey (not to be worked off)'),
  Q('chronic_illness_without_medication', 'HEALTH', 'BOOLEAN', 'Chronic illness, without the medication for it'),
];

/** Prompts version 2 words more precisely (the question, and what its answers mean to the rules, are the same). */
const REWORDED_IN_V2: Readonly<Record<string, string>> = {
  debt_bondage: 'Must work to pay off a debt to those who organised the journey or the work, or their contacts (debt bondage)',
};

/** The default screening questionnaire: version 1 and the facts it could not express (documents lost, age doubt, onward movement, ...). */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  code: 'kivuko-screening',
  version: 2,
  questions: [
    ...QUESTIONNAIRE_V1.questions.map((q) => (Object.hasOwn(REWORDED_IN_V2, q.id) ? { ...q, prompt: REWORDED_IN_V2[q.id] } : q)),
    ...ADDED_IN_V2,
  ],
};

const QUESTION_ID = /^[a-z][a-z0-9_]{0,63}$/;
const OPTION = /^[A-Z][A-Z0-9_]{0,63}$/;
const TYPES: readonly QuestionType[] = ['BOOLEAN', 'TEXT', 'CHOICE', 'MULTI_CHOICE', 'INTEGER'];

/** Every problem with a questionnaire definition (e.g. one a SOP carries), each with its path. */
export function validateQuestionnaire(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['(questionnaire): must be an object'];
  const q = value as Record<string, unknown>;
  if (typeof q['code'] !== 'string' || !/^[a-z][a-z0-9-]{1,63}$/.test(q['code'])) problems.push('code: must be lower-case letters, digits and -');
  if (!Number.isInteger(q['version']) || (q['version'] as number) < 1) problems.push('version: must be a positive integer');
  if (!Array.isArray(q['questions']) || q['questions'].length === 0) {
    problems.push('questions: must be a non-empty array');
    return problems;
  }
  const languages = q['languages'];
  const translated = languages !== undefined;
  if (
    translated &&
    (!Array.isArray(languages) ||
      !languages.includes('en') ||
      languages.some((l) => !(QUESTIONNAIRE_LANGUAGES as readonly unknown[]).includes(l)) ||
      new Set(languages).size !== languages.length)
  ) {
    problems.push(`languages: must list languages of ${QUESTIONNAIRE_LANGUAGES.join(', ')}, English among them, each once`);
    return problems;
  }
  const langs = (translated ? languages : []) as string[];
  const textProblem = (value: unknown, path: string): string | null => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: must give the text in ${langs.join(', ')}`;
    const missing = langs.filter((l) => typeof (value as Record<string, unknown>)[l] !== 'string' || ((value as Record<string, string>)[l]).trim().length === 0);
    const extra = Object.keys(value).filter((l) => !langs.includes(l));
    if (missing.length > 0) return `${path}: the translation is missing in ${missing.join(', ')}`;
    return extra.length > 0 ? `${path}: ${extra.join(', ')} is not a language of the questionnaire` : null;
  };
  const seen = new Set<string>();
  const earlier = new Map<string, { type: string; options?: readonly string[] }>();
  const usedGroups = new Set<unknown>();
  (q['questions'] as unknown[]).forEach((raw, i) => {
    const path = `questions[${i}]`;
    if (typeof raw !== 'object' || raw === null) return problems.push(`${path}: must be an object`);
    const question = raw as Record<string, unknown>;
    const id = question['id'];
    if (typeof id !== 'string' || !QUESTION_ID.test(id)) problems.push(`${path}.id: must be snake_case`);
    else if (seen.has(id)) problems.push(`${path}.id: "${id}" is used twice`);
    else seen.add(id);
    if (!(ANSWER_GROUPS as readonly unknown[]).includes(question['group'])) problems.push(`${path}.group: must be one of ${ANSWER_GROUPS.join(', ')}`);
    else usedGroups.add(question['group']);
    if (!(TYPES as readonly unknown[]).includes(question['type'])) problems.push(`${path}.type: must be one of ${TYPES.join(', ')}`);
    if (translated) {
      const problem = textProblem(question['prompt'], `${path}.prompt`);
      if (problem) problems.push(problem);
    } else if (typeof question['prompt'] !== 'string' || question['prompt'].length === 0) problems.push(`${path}.prompt: must be a non-empty string`);
    const choice = question['type'] === 'CHOICE' || question['type'] === 'MULTI_CHOICE';
    const options = question['options'];
    const optionsSound = Array.isArray(options) && options.length > 0 && options.every((o) => typeof o === 'string' && OPTION.test(o));
    if (choice && !optionsSound) problems.push(`${path}.options: a choice needs a non-empty list of UPPER_CASE options`);
    if (choice && optionsSound && new Set(options).size !== options.length) problems.push(`${path}.options: an option is listed twice`);
    if (!choice && options !== undefined) problems.push(`${path}.options: only choices have options`);
    const labels = question['optionLabels'];
    if (translated && choice && optionsSound) {
      if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) problems.push(`${path}.optionLabels: must label every option in ${langs.join(', ')}`);
      else {
        for (const option of options as string[]) {
          const problem = textProblem((labels as Record<string, unknown>)[option], `${path}.optionLabels.${option}`);
          if (problem) problems.push(problem);
        }
        const unknown = Object.keys(labels).filter((k) => !(options as string[]).includes(k));
        if (unknown.length > 0) problems.push(`${path}.optionLabels: ${unknown.join(', ')} is not an option`);
      }
    } else if (labels !== undefined && (!translated || !choice)) problems.push(`${path}.optionLabels: only the choices of a translated questionnaire have labels`);
    if (question['showWhen'] !== undefined) {
      problems.push(...conditionProblems(question['showWhen'], `${path}.showWhen`, earlier, CONDITION_SEXES));
    }
    if (typeof id === 'string' && typeof question['type'] === 'string') earlier.set(id, { type: question['type'], options: optionsSound ? (options as string[]) : undefined });
    return undefined;
  });
  const groups = q['groups'];
  if (translated) {
    if (!Array.isArray(groups)) problems.push('groups: a translated questionnaire titles each of its groups');
    else {
      const titled = new Set<unknown>();
      groups.forEach((group: unknown, i) => {
        const g = (typeof group === 'object' && group !== null ? group : {}) as Record<string, unknown>;
        if (!(ANSWER_GROUPS as readonly unknown[]).includes(g['id'])) problems.push(`groups[${i}].id: must be one of ${ANSWER_GROUPS.join(', ')}`);
        else if (titled.has(g['id'])) problems.push(`groups[${i}].id: "${String(g['id'])}" is titled twice`);
        else titled.add(g['id']);
        const problem = textProblem(g['title'], `groups[${i}].title`);
        if (problem) problems.push(problem);
      });
      const untitled = [...usedGroups].filter((g) => !titled.has(g));
      if (untitled.length > 0) problems.push(`groups: no title for ${untitled.join(', ')}`);
    }
  } else if (groups !== undefined) problems.push('groups: only a translated questionnaire titles its groups');
  return problems;
}

/** The questionnaires intakes may answer, by `code@version`. */
export class QuestionnaireRegistry {
  private readonly byKey = new Map<string, { questionnaire: Questionnaire; byId: Map<string, Question> }>();

  constructor(
    questionnaires: readonly Questionnaire[] = [QUESTIONNAIRE_V1, DEFAULT_QUESTIONNAIRE, QUESTIONNAIRE_V3],
    private readonly active: Questionnaire = QUESTIONNAIRE_V3,
  ) {
    if (!questionnaires.includes(active)) questionnaires = [...questionnaires, active];
    for (const questionnaire of questionnaires) this.add(questionnaire);
  }

  add(questionnaire: Questionnaire): void {
    const problems = validateQuestionnaire(questionnaire);
    if (problems.length > 0) throw new Error(`Questionnaire ${questionnaire.code}@${questionnaire.version} is invalid: ${problems.join('; ')}`);
    this.byKey.set(`${questionnaire.code}@${questionnaire.version}`, {
      questionnaire,
      byId: new Map(questionnaire.questions.map((question) => [question.id, question])),
    });
  }

  find(code: string, version: number): { questionnaire: Questionnaire; byId: Map<string, Question> } | undefined {
    return this.byKey.get(`${code}@${version}`);
  }

  knows(code: string): boolean {
    return [...this.byKey.values()].some((entry) => entry.questionnaire.code === code);
  }

  /**
   * The version an intake answers when it names none: version 2, as before translations and conditions
   * (a device may still hold intakes queued offline by a client that named no version).
   */
  get default(): Questionnaire {
    return DEFAULT_QUESTIONNAIRE;
  }

  /** The questionnaire officials are asked to use now (what GET /questionnaire serves). */
  get current(): Questionnaire {
    return this.active;
  }
}

/**
 * The answers given to questions that do not apply to this person (their `showWhen` does not hold on the
 * earlier applicable answers), each with its path and why. `skip` are the ids already refused for their value.
 */
export function inapplicableAnswers(
  questionnaire: Questionnaire,
  person: ShowWhenPerson,
  answers: Record<string, unknown>,
  path: string,
  skip: ReadonlySet<string> = new Set(),
): { path: string; problem: string }[] {
  if (!questionnaire.questions.some((q) => q.showWhen)) return [];
  const given = Object.fromEntries(Object.entries(answers).filter(([id]) => !skip.has(id)));
  const applicable = new Set(applicableQuestions(questionnaire.questions, person, given));
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const nameOf = (id: string): string => {
    const question = byId.get(id);
    return question ? promptOf(question) : id;
  };
  return questionnaire.questions
    .filter((q) => Object.hasOwn(given, q.id) && !applicable.has(q.id) && q.showWhen)
    .map((q) => ({ path: `${path}.${q.id}`, problem: `does not apply: asked only when ${describeCondition(q.showWhen as ShowWhen, nameOf)}` }));
}

/** Checks answers against their questions; every problem is returned with its path under `path`. */
export function checkAnswers(byId: ReadonlyMap<string, Question>, answers: Record<string, unknown>, path: string): { path: string; problem: string }[] {
  const problems: { path: string; problem: string }[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const at = `${path}.${id}`;
    const question = byId.get(id);
    if (!question) {
      problems.push({ path: at, problem: 'is not a question of this questionnaire' });
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem) problems.push({ path: at, problem });
  }
  return problems;
}

function answerProblem(question: Question, value: unknown): string | null {
  switch (question.type) {
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'TEXT': {
      const limit = question.maxLength ?? DEFAULT_TEXT_LIMIT;
      if (typeof value !== 'string') return 'must be text';
      if (value.trim().length === 0) return 'must not be empty (leave the question out instead)';
      return value.length > limit ? `must be at most ${limit} characters` : null;
    }
    case 'INTEGER': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
      if (question.min !== undefined && value < question.min) return `must be at least ${question.min}`;
      if (question.max !== undefined && value > question.max) return `must be at most ${question.max}`;
      return null;
    }
    case 'CHOICE':
      return typeof value === 'string' && (question.options ?? []).includes(value) ? null : `must be one of ${(question.options ?? []).join(', ')}`;
    case 'MULTI_CHOICE': {
      if (!Array.isArray(value) || value.length === 0) return `must be a non-empty list of ${(question.options ?? []).join(', ')}`;
      const bad = value.filter((v) => typeof v !== 'string' || !(question.options ?? []).includes(v));
      if (bad.length > 0) return `must only contain ${(question.options ?? []).join(', ')}`;
      return new Set(value).size === value.length ? null : 'must not list an option twice';
    }
  }
}

/** Answers split by the field group their questions belong to. */
export function answersByGroup(byId: ReadonlyMap<string, Question>, answers: Answers): Map<AnswerGroup, Answers> {
  const groups = new Map<AnswerGroup, Answers>();
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) continue;
    const group = groups.get(question.group) ?? {};
    group[id] = value;
    groups.set(question.group, group);
  }
  return groups;
}
