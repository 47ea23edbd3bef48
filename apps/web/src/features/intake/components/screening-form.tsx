import { useIntl } from 'react-intl';
import { intakeMessages } from '../messages';
import { Answer, Answers, DEFAULT_TEXT_LIMIT, Question, Questionnaire, SENSITIVE_GROUPS, translated } from '../questionnaire';
import { applicableQuestions, PersonFacts } from '../show-when';
import { Checkboxes, NumberInput, Radios, SelectInput, TextAreaInput } from './fields';
import styles from './intake-form.module.css';

const NOT_ASKED = '';
/** Up to this many options show as radio buttons; more as a list to choose from. */
const RADIO_LIMIT = 5;

interface Props {
  questionnaire: Questionnaire;
  person: PersonFacts;
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** The api path of this person's answers (`persons[0].screening.answers`). */
  path: string;
  errorsFor: (path: string) => string[] | undefined;
}

/**
 * The screening interview generated from the questionnaire: one fieldset per field group (sensitive
 * groups marked confidential), a control per question type, and only the questions whose `showWhen`
 * holds for this person and the answers so far.
 */
export function ScreeningForm({ questionnaire, person, answers, onChange, path, errorsFor }: Props) {
  const intl = useIntl();
  const locale = intl.locale;
  const applicable = applicableQuestions(questionnaire.questions, person, answers);
  const set = (id: string, value: Answer | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange(next);
  };

  return (
    <div className={styles.screening}>
      {questionnaire.groups.map((group) => {
        const questions = questionnaire.questions.filter((q) => q.group === group.id && applicable.has(q.id));
        if (questions.length === 0) return null;
        const sensitive = SENSITIVE_GROUPS.has(group.id);
        // The confidentiality note is written once, in the first confidential group; the others point to it.
        const firstSensitive = questionnaire.groups.find((g) => SENSITIVE_GROUPS.has(g.id) && questionnaire.questions.some((q) => q.group === g.id && applicable.has(q.id)));
        const hintId = `${path}-${firstSensitive?.id ?? group.id}-hint`;
        return (
          <fieldset key={group.id} className={sensitive ? `${styles.group} ${styles.confidential}` : styles.group} aria-describedby={sensitive ? hintId : undefined}>
            <legend className={styles.groupTitle}>
              {translated(group.title, locale)}
              {sensitive ? <span className={styles.confidentialBadge}>{intl.formatMessage(intakeMessages.confidential)}</span> : null}
            </legend>
            {sensitive && firstSensitive?.id === group.id ? (
              <p id={hintId} className={styles.hint}>
                {intl.formatMessage(intakeMessages.confidentialHint)}
              </p>
            ) : null}
            <div className={styles.grid}>
              {questions.map((question) => (
                <QuestionControl key={question.id} question={question} value={answers[question.id]} onChange={(value) => set(question.id, value)} path={`${path}.${question.id}`} errors={errorsFor(`${path}.${question.id}`)} />
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

function QuestionControl({ question, value, onChange, path, errors }: { question: Question; value: Answer | undefined; onChange: (value: Answer | undefined) => void; path: string; errors?: string[] }) {
  const intl = useIntl();
  const label = translated(question.prompt, intl.locale);
  const notAsked = { value: NOT_ASKED, label: intl.formatMessage(intakeMessages.notAsked) };
  const options = (question.options ?? []).map((o) => ({ value: o.value, label: translated(o.label, intl.locale) }));
  switch (question.type) {
    case 'BOOLEAN':
      return (
        <Radios
          label={label}
          path={path}
          errors={errors}
          inline
          value={value === true ? 'yes' : value === false ? 'no' : NOT_ASKED}
          onChange={(next) => onChange(next === 'yes' ? true : next === 'no' ? false : undefined)}
          options={[{ value: 'yes', label: intl.formatMessage(intakeMessages.yes) }, { value: 'no', label: intl.formatMessage(intakeMessages.no) }, notAsked]}
        />
      );
    case 'CHOICE': {
      const current = typeof value === 'string' ? value : NOT_ASKED;
      const change = (next: string) => onChange(next === NOT_ASKED ? undefined : next);
      return options.length <= RADIO_LIMIT ? (
        <Radios label={label} path={path} errors={errors} value={current} onChange={change} options={[...options, notAsked]} />
      ) : (
        <SelectInput label={label} path={path} errors={errors} value={current} onChange={change} options={[notAsked, ...options]} />
      );
    }
    case 'MULTI_CHOICE':
      return <Checkboxes label={label} path={path} errors={errors} values={Array.isArray(value) ? value : []} onChange={(next) => onChange(next.length > 0 ? next : undefined)} options={options} />;
    case 'INTEGER':
      return <NumberInput label={label} path={path} errors={errors} value={typeof value === 'number' ? value : undefined} onChange={onChange} min={question.min} max={question.max} />;
    case 'TEXT':
      return (
        <TextAreaInput
          label={label}
          path={path}
          errors={errors}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next === '' ? undefined : next)}
          maxLength={question.maxLength ?? DEFAULT_TEXT_LIMIT}
        />
      );
  }
}
