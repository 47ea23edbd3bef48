import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ANSWER_GROUPS, AnswerGroup, Question, Questionnaire, QUESTIONNAIRE_LANGUAGES, QuestionnaireLanguage, QuestionType, Translated } from './questionnaire';
import { ShowWhen } from './show-when';

/* The questionnaire as GET /api/v1/questionnaire answers it, described for the OpenAPI document. */

export class TranslatedTextDto implements Translated {
  @ApiProperty({ example: 'Needs' }) en!: string;
  @ApiProperty({ example: 'Besoins' }) fr!: string;
  @ApiProperty({ example: 'Necessidades' }) pt!: string;
  @ApiProperty({ example: 'Mahitaji' }) sw!: string;
  @ApiProperty({ example: 'الاحتياجات' }) ar!: string;
}

/** The condition kinds, each its own schema; a condition is one of them (see SHOW_WHEN_SCHEMA). */
export const SHOW_WHEN_KINDS = [
  'ShowWhenAll',
  'ShowWhenAny',
  'ShowWhenNot',
  'ShowWhenAnswerEquals',
  'ShowWhenAnswerIncludes',
  'ShowWhenAnswered',
  'ShowWhenMayBeChild',
  'ShowWhenSexIn',
] as const;
const SHOW_WHEN_SCHEMA = { oneOf: SHOW_WHEN_KINDS.map((name) => ({ $ref: getSchemaPath(name) })) };

export class ShowWhenAll {
  @ApiProperty({ type: 'array', items: SHOW_WHEN_SCHEMA, description: 'Every condition holds (an empty list holds)' })
  all!: ShowWhen[];
}
export class ShowWhenAny {
  @ApiProperty({ type: 'array', items: SHOW_WHEN_SCHEMA, description: 'At least one condition holds (an empty list does not)' })
  any!: ShowWhen[];
}
export class ShowWhenNot {
  @ApiProperty({ ...SHOW_WHEN_SCHEMA, description: 'The condition does not hold' })
  not!: ShowWhen;
}
export class ShowWhenAnswerEquals {
  @ApiProperty({ description: 'An earlier question', example: 'sexual_violence_disclosed' })
  answer!: string;
  @ApiProperty({ oneOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'number' }], description: 'Answered with exactly this value', example: true })
  equals!: boolean | string | number;
}
export class ShowWhenAnswerIncludes {
  @ApiProperty({ description: 'An earlier multiple-choice question', example: 'fear_reasons' })
  answer!: string;
  @ApiProperty({ description: 'Its answer contains this option', example: 'PERSECUTION' })
  includes!: string;
}
export class ShowWhenAnswered {
  @ApiProperty({ description: 'An earlier question', example: 'caregiver_present' })
  answer!: string;
  @ApiProperty({ enum: [true], description: 'Any answer given' })
  answered!: true;
}
export class ShowWhenMayBeChild {
  @ApiProperty({
    enum: ['mayBeChild'],
    description:
      'A stated age under 18, an age under 18 from the date of birth at arrival (an estimated date counts as 31 December of its year), no age recorded at all, or urgentNeeds with UNACCOMPANIED_CHILD or SEPARATED_CHILD',
  })
  person!: 'mayBeChild';
}
export class ShowWhenSexIn {
  @ApiProperty({ enum: ['sexIn'] })
  person!: 'sexIn';
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] }, description: 'The person’s sex is one of these' })
  values!: string[];
}
export const SHOW_WHEN_MODELS = [ShowWhenAll, ShowWhenAny, ShowWhenNot, ShowWhenAnswerEquals, ShowWhenAnswerIncludes, ShowWhenAnswered, ShowWhenMayBeChild, ShowWhenSexIn];

export class QuestionGroupDto {
  @ApiProperty({ enum: ANSWER_GROUPS, enumName: 'AnswerGroup' })
  id!: AnswerGroup;
  @ApiProperty({ type: TranslatedTextDto })
  title!: TranslatedTextDto;
}

export class QuestionOptionDto {
  @ApiProperty({ example: 'WORK', description: 'What the answer records' })
  value!: string;
  @ApiProperty({ type: TranslatedTextDto, description: 'What the official reads' })
  label!: TranslatedTextDto;
}

export class QuestionDto {
  @ApiProperty({ example: 'sexual_violence_hours_ago' })
  id!: string;
  @ApiProperty({ enum: ANSWER_GROUPS, enumName: 'AnswerGroup' })
  group!: AnswerGroup;
  @ApiProperty({ enum: ['BOOLEAN', 'TEXT', 'CHOICE', 'MULTI_CHOICE', 'INTEGER'], enumName: 'QuestionType' })
  type!: QuestionType;
  @ApiPropertyOptional({ type: 'integer', description: 'INTEGER only', example: 0 })
  min?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'INTEGER only', example: 100000 })
  max?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'TEXT only (4000 when absent)', example: 2000 })
  maxLength?: number;
  @ApiPropertyOptional({ type: [QuestionOptionDto], description: 'CHOICE and MULTI_CHOICE only' })
  options?: QuestionOptionDto[];
  @ApiProperty({ type: TranslatedTextDto })
  prompt!: TranslatedTextDto;
  @ApiPropertyOptional({ ...SHOW_WHEN_SCHEMA, description: 'When the question applies; absent: always. A question whose condition reads a question that does not apply does not apply either.' })
  showWhen?: ShowWhen;
}

export class QuestionnaireDto {
  @ApiProperty({ example: 'kivuko-screening' })
  code!: string;
  @ApiProperty({ type: 'integer', example: 3 })
  version!: number;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...QUESTIONNAIRE_LANGUAGES] }, example: [...QUESTIONNAIRE_LANGUAGES] })
  languages!: QuestionnaireLanguage[];
  @ApiProperty({ type: [QuestionGroupDto] })
  groups!: QuestionGroupDto[];
  @ApiProperty({ type: [QuestionDto] })
  questions!: QuestionDto[];
}

/** English for every language, when a questionnaire carries no translations (versions 1 and 2). */
const untranslated = (text: string): Translated => Object.fromEntries(QUESTIONNAIRE_LANGUAGES.map((l) => [l, text])) as Translated;
const GROUP_NAMES: Record<AnswerGroup, string> = {
  NEEDS: 'Needs',
  CHILD: 'Children',
  ASYLUM: 'Asylum',
  TRAFFICKING: 'Trafficking and abuse on the journey',
  HEALTH: 'Health',
  TORTURE: 'Torture',
  SGBV: 'Sexual and gender-based violence',
};

function questionView(question: Question): QuestionDto {
  const view: QuestionDto = {
    id: question.id,
    group: question.group,
    type: question.type,
    prompt: typeof question.prompt === 'string' ? untranslated(question.prompt) : { ...untranslated(question.prompt.en), ...question.prompt },
  };
  if (question.type === 'INTEGER') {
    if (question.min !== undefined) view.min = question.min;
    if (question.max !== undefined) view.max = question.max;
  }
  if (question.type === 'TEXT' && question.maxLength !== undefined) view.maxLength = question.maxLength;
  if (question.options) {
    view.options = question.options.map((value) => ({ value, label: question.optionLabels?.[value] ? { ...untranslated(question.optionLabels[value].en), ...question.optionLabels[value] } : untranslated(value) }));
  }
  if (question.showWhen) view.showWhen = question.showWhen;
  return view;
}

/** The contract's shape of a questionnaire: groups in the order their questions first use them. */
export function questionnaireView(questionnaire: Questionnaire): QuestionnaireDto {
  const used = [...new Set(questionnaire.questions.map((q) => q.group))];
  return {
    code: questionnaire.code,
    version: questionnaire.version,
    languages: [...QUESTIONNAIRE_LANGUAGES],
    groups: used.map((id) => {
      const title = questionnaire.groups?.find((g) => g.id === id)?.title;
      return { id, title: title ? { ...untranslated(title.en), ...title } : untranslated(GROUP_NAMES[id]) };
    }),
    questions: questionnaire.questions.map(questionView),
  };
}
