import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { Button } from '../../../ui/button';
import { CompanionForm, DOCUMENT_KINDS, DocumentForm, INFORMATION_TOPICS, IntakeMode, LIMITS, PersonForm, RELATIONSHIPS, SEXES, STATELESS, UNKNOWN_NATIONALITY, URGENT_NEEDS } from '../form-state';
import { documentKindMessages, intakeMessages, relationshipMessages, sexMessages, topicMessages, urgentNeedMessages } from '../messages';
import { countryOptions, languageOptions, LeafletSummary } from '../options';
import type { Questionnaire } from '../questionnaire';
import { Check, Checkboxes, CodePicker, DateInputField, NumberInput, Option, Radios, SelectInput, TextInput } from './fields';
import { ScreeningForm } from './screening-form';
import styles from './intake-form.module.css';

export interface PersonFieldsProps {
  person: PersonForm;
  onChange: (person: PersonForm) => void;
  /** The api path of this person: `persons[1]`, or `person` when completing a record. */
  path: string;
  mode: IntakeMode;
  arrivedAt: string;
  /** The other persons of this intake a companion can name (ref and a label); absent: companions are existing cases. */
  others?: { ref: string; label: string }[];
  questionnaire?: Questionnaire;
  leaflets: LeafletSummary[];
  errorsFor: (path: string) => string[] | undefined;
}

/** One person's record: identity, documents, companions, urgent needs, information given and the screening. */
export function PersonFields({ person, onChange, path, mode, arrivedAt, others, questionnaire, leaflets, errorsFor }: PersonFieldsProps) {
  const intl = useIntl();
  const locale = intl.locale;
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const nationalityOptions = useMemo<Option[]>(
    () => [{ value: STATELESS, label: intl.formatMessage(intakeMessages.stateless) }, { value: UNKNOWN_NATIONALITY, label: intl.formatMessage(intakeMessages.unknownNationality) }, ...countries],
    [countries, intl],
  );
  const languages = useMemo(() => languageOptions(locale), [locale]);
  const set = <K extends keyof PersonForm>(key: K, value: PersonForm[K]) => onChange({ ...person, [key]: value });
  const statedAge = person.statedAge.trim() === '' ? undefined : Number(person.statedAge);
  const id = (name: string) => `${path}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');

  const setDocument = (index: number, document: DocumentForm) => set('documents', person.documents.map((d, i) => (i === index ? document : d)));
  const setCompanion = (index: number, companion: CompanionForm) => set('travelledWith', person.travelledWith.map((c, i) => (i === index ? companion : c)));
  const leafletLanguages: Option[] = leaflets.map((l) => ({ value: l.language, label: languageOptions(locale).find((o) => o.value === l.language)?.label ?? l.language }));
  const relationshipOptions = RELATIONSHIPS.map((r) => ({ value: r, label: intl.formatMessage(relationshipMessages[r]) }));

  return (
    <div className={styles.person}>
      <section aria-labelledby={id('identity')} className={styles.subsection}>
        <h3 id={id('identity')}>{intl.formatMessage(intakeMessages.identity)}</h3>
        <div className={styles.grid}>
          <TextInput label={intl.formatMessage(intakeMessages.givenName)} path={`${path}.givenName`} errors={errorsFor(`${path}.givenName`)} value={person.givenName} onChange={(v) => set('givenName', v)} maxLength={LIMITS.name} />
          <TextInput label={intl.formatMessage(intakeMessages.familyName)} path={`${path}.familyName`} errors={errorsFor(`${path}.familyName`)} value={person.familyName} onChange={(v) => set('familyName', v)} maxLength={LIMITS.name} />
          {mode === 'MASS_ARRIVAL' ? (
            <TextInput
              label={intl.formatMessage(intakeMessages.description)}
              description={intl.formatMessage(intakeMessages.descriptionHint)}
              path={`${path}.description`}
              errors={errorsFor(`${path}.description`)}
              value={person.description}
              onChange={(v) => set('description', v)}
              maxLength={LIMITS.description}
            />
          ) : null}
          <Radios
            label={intl.formatMessage(intakeMessages.sex)}
            path={`${path}.sex`}
            errors={errorsFor(`${path}.sex`)}
            inline
            value={person.sex}
            onChange={(v) => set('sex', v)}
            options={SEXES.map((s) => ({ value: s, label: intl.formatMessage(sexMessages[s]) }))}
          />
          <DateInputField
            label={intl.formatMessage(intakeMessages.dateOfBirth)}
            description={intl.formatMessage(intakeMessages.ageHint)}
            path={`${path}.dateOfBirth`}
            errors={errorsFor(`${path}.dateOfBirth`)}
            value={person.dateOfBirth}
            onChange={(v) => set('dateOfBirth', v)}
          />
          <Check label={intl.formatMessage(intakeMessages.dateOfBirthEstimated)} path={`${path}.dateOfBirthEstimated`} value={person.dateOfBirthEstimated} onChange={(v) => set('dateOfBirthEstimated', v)} />
          <NumberInput
            label={intl.formatMessage(intakeMessages.statedAge)}
            path={`${path}.statedAge`}
            errors={errorsFor(`${path}.statedAge`)}
            value={statedAge}
            onChange={(v) => set('statedAge', v === undefined ? '' : String(v))}
            min={0}
            max={LIMITS.statedAge}
          />
          <CodePicker
            label={intl.formatMessage(intakeMessages.nationalities)}
            path={`${path}.nationalities`}
            errors={errorsFor(`${path}.nationalities`)}
            values={person.nationalities}
            onChange={(v) => set('nationalities', v)}
            options={nationalityOptions}
            max={LIMITS.nationalities}
          />
          <CodePicker
            label={intl.formatMessage(intakeMessages.languages)}
            path={`${path}.languages`}
            errors={errorsFor(`${path}.languages`)}
            values={person.languages}
            onChange={(v) => set('languages', v)}
            options={languages}
            max={LIMITS.languages}
          />
          <Check label={intl.formatMessage(intakeMessages.interpreterNeeded)} path={`${path}.interpreter`} value={person.interpreterNeeded} onChange={(v) => onChange({ ...person, interpreterNeeded: v, interpreterSex: v ? person.interpreterSex : '' })} />
          {person.interpreterNeeded ? (
            <Radios
              label={intl.formatMessage(intakeMessages.interpreterSex)}
              path={`${path}.interpreter.sex`}
              errors={errorsFor(`${path}.interpreter.sex`)}
              inline
              value={person.interpreterSex}
              onChange={(v) => set('interpreterSex', v)}
              options={[
                { value: 'FEMALE', label: intl.formatMessage(sexMessages.FEMALE) },
                { value: 'MALE', label: intl.formatMessage(sexMessages.MALE) },
                { value: '', label: intl.formatMessage(intakeMessages.anyInterpreter) },
              ]}
            />
          ) : null}
        </div>
      </section>

      <section aria-labelledby={id('documents')} className={styles.subsection}>
        <h3 id={id('documents')}>{intl.formatMessage(intakeMessages.documents)}</h3>
        {person.documents.map((document, index) => (
          <div key={index} className={styles.row}>
            <div className={styles.grid}>
              <SelectInput
                label={intl.formatMessage(intakeMessages.documentKind)}
                path={`${path}.documents[${index}].kind`}
                errors={errorsFor(`${path}.documents[${index}].kind`)}
                value={document.kind}
                onChange={(v) => setDocument(index, { ...document, kind: v })}
                options={DOCUMENT_KINDS.map((k) => ({ value: k, label: intl.formatMessage(documentKindMessages[k]) }))}
              />
              <TextInput
                label={intl.formatMessage(intakeMessages.documentNo)}
                path={`${path}.documents[${index}].number`}
                errors={errorsFor(`${path}.documents[${index}].number`)}
                value={document.number}
                onChange={(v) => setDocument(index, { ...document, number: v })}
                maxLength={40}
              />
              <CodePicker
                single
                label={intl.formatMessage(intakeMessages.issuingCountry)}
                path={`${path}.documents[${index}].issuingCountry`}
                errors={errorsFor(`${path}.documents[${index}].issuingCountry`)}
                values={document.issuingCountry ? [document.issuingCountry] : []}
                onChange={(v) => setDocument(index, { ...document, issuingCountry: v[0] ?? '' })}
                options={countries}
              />
              <DateInputField
                label={intl.formatMessage(intakeMessages.expiresOn)}
                path={`${path}.documents[${index}].expiresOn`}
                errors={errorsFor(`${path}.documents[${index}].expiresOn`)}
                value={document.expiresOn}
                onChange={(v) => setDocument(index, { ...document, expiresOn: v })}
              />
            </div>
            <Button variant="quiet" onPress={() => set('documents', person.documents.filter((_, i) => i !== index))}>
              {intl.formatMessage(intakeMessages.removeDocument, { number: index + 1 })}
            </Button>
          </div>
        ))}
        {person.documents.length < LIMITS.documents ? (
          <Button variant="secondary" onPress={() => set('documents', [...person.documents, { kind: '', number: '', issuingCountry: '', expiresOn: '' }])}>
            {intl.formatMessage(intakeMessages.addDocument)}
          </Button>
        ) : null}
        <Check label={intl.formatMessage(intakeMessages.documentsHeldByOther)} path={`${path}.documentsHeldByOther`} value={person.documentsHeldByOther} onChange={(v) => set('documentsHeldByOther', v)} />
      </section>

      <section aria-labelledby={id('companions')} className={styles.subsection}>
        <h3 id={id('companions')}>{intl.formatMessage(intakeMessages.companions)}</h3>
        <p className={styles.hint}>{intl.formatMessage(intakeMessages.companionsHint)}</p>
        {person.travelledWith.map((companion, index) => (
          <div key={index} className={styles.row}>
            <div className={styles.grid}>
              {companion.caseId ? (
                <p className={styles.fixedValue}>
                  <bdi>{intl.formatMessage(intakeMessages.companionCase, { caseNumber: companion.caseNumber ?? companion.caseId })}</bdi>
                </p>
              ) : (
                <SelectInput
                  label={intl.formatMessage(intakeMessages.companion)}
                  path={`${path}.travelledWith[${index}].ref`}
                  errors={errorsFor(`${path}.travelledWith[${index}].ref`)}
                  value={companion.ref ?? ''}
                  onChange={(v) => setCompanion(index, { ...companion, ref: v })}
                  options={(others ?? []).map((o) => ({ value: o.ref, label: o.label }))}
                />
              )}
              <SelectInput
                label={intl.formatMessage(intakeMessages.relationship)}
                path={`${path}.travelledWith[${index}].relationship`}
                errors={errorsFor(`${path}.travelledWith[${index}].relationship`)}
                value={companion.relationship}
                onChange={(v) => setCompanion(index, { ...companion, relationship: v })}
                options={relationshipOptions}
              />
            </div>
            <Button variant="quiet" onPress={() => set('travelledWith', person.travelledWith.filter((_, i) => i !== index))}>
              {intl.formatMessage(intakeMessages.removeCompanion, { number: index + 1 })}
            </Button>
          </div>
        ))}
        {others === undefined ? null : others.length === 0 ? (
          <p className={styles.hint}>{intl.formatMessage(intakeMessages.noOtherPersons)}</p>
        ) : (
          <Button variant="secondary" onPress={() => set('travelledWith', [...person.travelledWith, { ref: others.length === 1 ? (others[0]?.ref ?? '') : '', relationship: '' }])}>
            {intl.formatMessage(intakeMessages.addCompanion)}
          </Button>
        )}
      </section>

      {mode === 'MASS_ARRIVAL' ? (
        <section aria-labelledby={id('urgent')} className={styles.subsection}>
          <h3 id={id('urgent')}>{intl.formatMessage(intakeMessages.urgentNeeds)}</h3>
          <Checkboxes
            label={intl.formatMessage(intakeMessages.urgentNeeds)}
            path={`${path}.urgentNeeds`}
            errors={errorsFor(`${path}.urgentNeeds`)}
            values={person.urgentNeeds}
            onChange={(v) => set('urgentNeeds', v)}
            options={URGENT_NEEDS.map((n) => ({ value: n, label: intl.formatMessage(urgentNeedMessages[n]) }))}
          />
        </section>
      ) : null}

      <section aria-labelledby={id('information')} className={styles.subsection}>
        <h3 id={id('information')}>{intl.formatMessage(intakeMessages.information)}</h3>
        <div className={styles.grid}>
          <Checkboxes
            label={intl.formatMessage(intakeMessages.informationTopics)}
            path={`${path}.informationGiven.topics`}
            errors={errorsFor(`${path}.informationGiven.topics`)}
            values={person.informationTopics}
            onChange={(v) => set('informationTopics', v)}
            options={INFORMATION_TOPICS.map((t) => ({ value: t, label: intl.formatMessage(topicMessages[t]) }))}
          />
          <SelectInput
            label={intl.formatMessage(intakeMessages.informationLanguage)}
            path={`${path}.informationGiven.language`}
            errors={errorsFor(`${path}.informationGiven.language`)}
            value={person.informationLanguage}
            onChange={(v) => onChange({ ...person, informationLanguage: v, leafletVersion: leaflets.find((l) => l.language === v)?.version ?? '' })}
            options={leafletLanguages}
          />
          {person.informationLanguage ? (
            <div className={styles.leaflet}>
              {person.leafletVersion ? (
                <p>
                  {intl.formatMessage(intakeMessages.leafletVersion, { version: <bdi key="v">{person.leafletVersion}</bdi> })}
                </p>
              ) : null}
              <a href={`/leaflets/${encodeURIComponent(person.informationLanguage)}`} target="_blank" rel="noopener" className={styles.link}>
                {intl.formatMessage(intakeMessages.openLeaflet)}
              </a>
            </div>
          ) : null}
        </div>
      </section>

      {questionnaire ? (
        <section aria-labelledby={id('screening')} className={styles.subsection} data-field-path={`${path}.screening`} data-has-error={errorsFor(`${path}.screening`) ? 'true' : undefined}>
          <h3 id={id('screening')}>{intl.formatMessage(intakeMessages.screening)}</h3>
          {errorsFor(`${path}.screening`)?.map((error) => (
            <p key={error} className={styles.errorText}>
              {error}
            </p>
          ))}
          <ScreeningForm
            questionnaire={questionnaire}
            person={{ statedAge, dateOfBirth: person.dateOfBirth || undefined, dateOfBirthEstimated: person.dateOfBirthEstimated, sex: person.sex || undefined, urgentNeeds: mode === 'MASS_ARRIVAL' ? person.urgentNeeds : undefined, arrivedAt }}
            answers={person.answers}
            onChange={(answers) => set('answers', answers)}
            path={`${path}.screening.answers`}
            errorsFor={errorsFor}
          />
        </section>
      ) : null}
    </div>
  );
}
