import { Link } from '@tanstack/react-router';
import { countryName } from '../../../i18n/countries';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { DATE_TIME } from '../../../i18n/due-time';
import { isolatedList } from '../../../i18n/isolated-list';
import { nameOf, profileMessages, profileStatusMessages } from '../../../i18n/vocabulary';
import {
  arrivalHowMessages,
  arrivalModeMessages,
  casePageMessages,
  documentKindMessages,
  informationTopicMessages,
  relationshipMessages,
  sectionMessages,
  sexMessages,
  urgentNeedMessages,
} from '../case-messages';
import { Arrival, ageEstimated, CaseProfile, CaseView, FIELD_GROUPS, fullName, Identity, SENSITIVE_SECTIONS } from '../case-view';
import { OPEN_PROFILES } from '../cases-api';
import { languageName } from '../language-name';
import { Question, Questionnaire, translated } from '../questionnaire';
import styles from './case-record.module.css';
import { CaseNumber } from '../../../ui/case-number';

/** One labelled line of a section. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.row}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`${styles.section} ${className ?? ''}`}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The person: names, sex, age (estimated ones say so), nationality, languages, interpreter, documents, earlier cases. */
export function PersonSection({ identity }: { identity: Identity }) {
  const intl = useIntl();
  const m = casePageMessages;
  const name = fullName(identity);
  const age =
    identity.ageAtArrival === null
      ? intl.formatMessage(m.ageUnknown)
      : intl.formatMessage(ageEstimated(identity) ? m.ageAbout : m.ageExact, { age: identity.ageAtArrival });
  return (
    <Section id="person-title" title={intl.formatMessage(m.person)}>
      <dl className={styles.list}>
        <Row label={intl.formatMessage(m.name)}>{name ? <bdi className={styles.strong}>{name}</bdi> : intl.formatMessage(m.notRecorded)}</Row>
        {identity.otherNames.length > 0 ? (
          <Row label={intl.formatMessage(m.otherNames)}>
            {isolatedList(intl, identity.otherNames)}
          </Row>
        ) : null}
        {identity.description ? (
          <Row label={intl.formatMessage(m.description)}>
            <bdi>{identity.description}</bdi>
          </Row>
        ) : null}
        <Row label={intl.formatMessage(m.sex)}>{nameOf(intl, sexMessages, identity.sex)}</Row>
        <Row label={intl.formatMessage(m.age)}>{age}</Row>
        {identity.dateOfBirth ? (
          <Row label={intl.formatMessage(m.dateOfBirth)}>
            <time dateTime={identity.dateOfBirth}>{intl.formatDate(identity.dateOfBirth, { dateStyle: 'medium', timeZone: 'UTC' })}</time>
          </Row>
        ) : null}
        <Row label={intl.formatMessage(m.nationalities)}>
          {identity.nationalities.length > 0
            ? intl.formatList(
                identity.nationalities.map((code) => (
                  <bdi key={code} title={code}>
                    {countryName(intl.locale, code)}
                  </bdi>
                )),
              )
            : intl.formatMessage(m.notRecorded)}
        </Row>
        {identity.areaOfOrigin ? (
          <Row label={intl.formatMessage(m.areaOfOrigin)}>
            <bdi>{identity.areaOfOrigin.name}</bdi>
          </Row>
        ) : null}
        <Row label={intl.formatMessage(m.languages)}>
          {identity.languages.length > 0 ? intl.formatList(identity.languages.map((code) => languageName(intl, code))) : intl.formatMessage(m.notRecorded)}
        </Row>
        <Row label={intl.formatMessage(m.interpreter)}>
          {identity.interpreter === null
            ? intl.formatMessage(m.notRecorded)
            : identity.interpreter.needed
              ? intl.formatMessage(m.interpreterNeeded, { sex: identity.interpreter.sex ?? 'ANY' })
              : intl.formatMessage(m.interpreterNotNeeded)}
        </Row>
        <Row label={intl.formatMessage(m.documents)}>
          {identity.documents.length > 0 ? (
            <ul className={styles.plain}>
              {identity.documents.map((document) => (
                <li key={`${document.kind}-${document.number}`}>
                  {intl.formatMessage(m.document, {
                    kind: nameOf(intl, documentKindMessages, document.kind),
                    number: <bdi key="number">{document.number}</bdi>,
                    country: <bdi key="country">{countryName(intl.locale, document.issuingCountry)}</bdi>,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            intl.formatMessage(m.notRecorded)
          )}
          {identity.documentsHeldByOther ? <p className={styles.flag}>{intl.formatMessage(m.documentsHeldByOther)}</p> : null}
        </Row>
        {identity.previousEncounters.length > 0 ? (
          <Row label={intl.formatMessage(m.previousEncounters)}>
            <ul className={styles.plain}>
              {identity.previousEncounters.map((earlier) => (
                <li key={earlier.caseId}>
                  <Link to="/cases/$caseId" params={{ caseId: earlier.caseId }} className={styles.link}>
                    <CaseNumber caseNumber={earlier.caseNumber} />
                  </Link>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
      </dl>
    </Section>
  );
}

/** The arrival and the people travelling together, each a link to their own case. */
export function ArrivalSection({ arrival, urgentNeeds, showDetails }: { arrival: Arrival; urgentNeeds: string[] | null; showDetails: boolean }) {
  const intl = useIntl();
  const m = casePageMessages;
  return (
    <Section id="arrival-title" title={intl.formatMessage(m.arrival)}>
      <dl className={styles.list}>
        <Row label={intl.formatMessage(m.arrivalMode)}>{nameOf(intl, arrivalModeMessages, arrival.mode)}</Row>
        {arrival.how ? <Row label={intl.formatMessage(m.arrivalHow)}>{nameOf(intl, arrivalHowMessages, arrival.how)}</Row> : null}
        {arrival.route.length > 0 ? (
          <Row label={intl.formatMessage(m.route)}>
            <span className={styles.route}>
              {arrival.route.map((code, index) => (
                <span key={`${code}-${index}`} className={styles.leg}>
                  {index > 0 ? (
                    <span className={styles.arrow} aria-hidden="true">
                      {intl.formatMessage(m.routeArrow)}
                    </span>
                  ) : null}
                  <bdi title={code}>{countryName(intl.locale, code)}</bdi>
                </span>
              ))}
            </span>
          </Row>
        ) : null}
        {arrival.intendedDestination ? (
          <Row label={intl.formatMessage(m.destination)}>
            <bdi title={arrival.intendedDestination}>{countryName(intl.locale, arrival.intendedDestination)}</bdi>
          </Row>
        ) : null}
        {showDetails && arrival.smugglerUsed !== null ? (
          <Row label={intl.formatMessage(m.smugglerUsed)}>{intl.formatMessage(arrival.smugglerUsed ? m.yes : m.no)}</Row>
        ) : null}
        <Row label={intl.formatMessage(m.informationGiven)}>
          {arrival.informationGiven
            ? intl.formatMessage(m.informationGivenIn, {
                topics: intl.formatList(arrival.informationGiven.topics.map((topic) => nameOf(intl, informationTopicMessages, topic))),
                language: languageName(intl, arrival.informationGiven.language),
              })
            : intl.formatMessage(m.informationNotGiven)}
        </Row>
        {urgentNeeds !== null ? (
          <Row label={intl.formatMessage(m.needs)}>
            {urgentNeeds.length > 0 ? (
              <ul className={styles.chips}>
                {urgentNeeds.map((need) => (
                  <li key={need} className={styles.urgentChip}>
                    {nameOf(intl, urgentNeedMessages, need)}
                  </li>
                ))}
              </ul>
            ) : (
              intl.formatMessage(m.noNeeds)
            )}
          </Row>
        ) : null}
      </dl>
      <h3 className={styles.subheading}>{intl.formatMessage(m.companions)}</h3>
      {arrival.travelledWith.length > 0 ? (
        <ul className={styles.companions}>
          {arrival.travelledWith.map((companion) => (
            <li key={companion.caseId}>
              {/* The claim reads from the side that made it: "Mother: case X" (this person says so), or "Case X, who names this person as: Mother". */}
              <Link to="/cases/$caseId" params={{ caseId: companion.caseId }} className={styles.link}>
                {intl.formatMessage(companion.claimedBy === 'COMPANION' ? m.companionReverse : m.companion, {
                  relationship: nameOf(intl, relationshipMessages, companion.relationship),
                  caseNumber: <CaseNumber key="number" caseNumber={companion.caseNumber ?? ''} />,
                })}
              </Link>
              <span className={companion.verified ? styles.verified : styles.unverified}>{intl.formatMessage(companion.verified ? m.verified : m.notVerified)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.noCompanions)}</p>
      )}
    </Section>
  );
}

/** The profiles with their status; sensitive ones are counted, not named, on a shared screen. */
export function ProfilesSection({ profiles, showDetails, actions }: { profiles: CaseProfile[]; showDetails: boolean; actions?: ReactNode }) {
  const intl = useIntl();
  const m = casePageMessages;
  const current = profiles.filter((profile) => profile.status === 'SUGGESTED' || profile.status === 'CONFIRMED');
  const named = showDetails ? current : current.filter((profile) => OPEN_PROFILES.has(profile.profile));
  const hidden = current.length - named.length;
  return (
    <Section id="profiles-title" title={intl.formatMessage(m.profiles)}>
      <p className={styles.muted}>{intl.formatMessage(m.profilesIntro)}</p>
      {current.length === 0 ? <p>{intl.formatMessage(m.noProfiles)}</p> : null}
      {named.length > 0 ? (
        <ul className={styles.profiles}>
          {named.map((profile) => (
            <li key={profile.profile} className={`${styles.profile} ${profile.status === 'SUGGESTED' ? styles.suggested : ''}`}>
              <span className={styles.strong}>{nameOf(intl, profileMessages, profile.profile)}</span>
              <span className={styles.profileStatus}>{nameOf(intl, profileStatusMessages, profile.status)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? <p className={styles.hiddenCount}>{intl.formatMessage(m.protectionNeeds, { count: hidden })}</p> : null}
      {actions}
    </Section>
  );
}

/** A value of a section the page has no dedicated layout for yet: shown as recorded. */
function Value({ value }: { value: unknown }) {
  const intl = useIntl();
  if (value === null || value === undefined || value === '') return <span className={styles.muted}>{intl.formatMessage(casePageMessages.notRecorded)}</span>;
  if (typeof value === 'boolean') return <>{intl.formatMessage(value ? casePageMessages.yes : casePageMessages.no)}</>;
  if (typeof value === 'string' || typeof value === 'number') return <bdi>{String(value)}</bdi>;
  if (Array.isArray(value)) {
    return (
      <ul className={styles.plain}>
        {value.map((entry, index) => (
          <li key={index}>
            <Value value={entry} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className={styles.nested}>
      {Object.entries(value as Record<string, unknown>).map(([key, entry]) => (
        <div key={key} className={styles.row}>
          <dt>
            <bdi className={styles.key}>{key}</bdi>
          </dt>
          <dd>
            <Value value={entry} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One answer as the official reads it: Yes/No, the option's label, a number, or the text as recorded. */
function AnswerValue({ question, value }: { question: Question; value: unknown }) {
  const intl = useIntl();
  const label = (option: unknown): ReactNode => {
    const found = question.options?.find((candidate) => candidate.value === option);
    return found ? translated(found.label, intl.locale) : <bdi className={styles.key}>{String(option)}</bdi>;
  };
  if (question.type === 'BOOLEAN' && typeof value === 'boolean') return <>{intl.formatMessage(value ? casePageMessages.yes : casePageMessages.no)}</>;
  if (question.type === 'INTEGER' && typeof value === 'number') return <>{intl.formatNumber(value)}</>;
  if (question.type === 'CHOICE' && typeof value === 'string') return <>{label(value)}</>;
  if (question.type === 'MULTI_CHOICE' && Array.isArray(value)) {
    return value.length > 0 ? (
      <ul className={styles.plain}>
        {value.map((option) => (
          <li key={String(option)}>{label(option)}</li>
        ))}
      </ul>
    ) : (
      <span className={styles.muted}>{intl.formatMessage(casePageMessages.noneChosen)}</span>
    );
  }
  return <Value value={value} />;
}

/**
 * A screening section's answers under the questions' prompts, in the questionnaire's order; a question the
 * questionnaire no longer has keeps its id.
 */
function Answers({ answers, questionnaire }: { answers: Record<string, unknown>; questionnaire: Questionnaire | undefined }) {
  const intl = useIntl();
  const byId = new Map((questionnaire?.questions ?? []).map((question) => [question.id, question]));
  const known = (questionnaire?.questions ?? []).filter((question) => question.id in answers);
  const unknown = Object.keys(answers).filter((id) => !byId.has(id));
  return (
    <dl className={styles.list}>
      {known.map((question) => (
        <Row key={question.id} label={translated(question.prompt, intl.locale)}>
          <AnswerValue question={question} value={answers[question.id]} />
        </Row>
      ))}
      {unknown.map((id) => (
        <div key={id} className={styles.row}>
          <dt>
            <bdi className={styles.key}>{id}</bdi>
          </dt>
          <dd>
            <Value value={answers[id]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The other sections the SOP shares with the reader (needs, contact, child protection, detention, return, …),
 * the screening answers under the questionnaire's group titles and prompts, folded on a shared screen, and
 * the sections withheld: named, with why — never a blank.
 */
export function OtherSections({
  view,
  showDetails,
  questionnaire,
  withheld,
}: {
  view: CaseView;
  showDetails: boolean;
  questionnaire?: Questionnaire;
  /** Shown in place of the withheld sections' summary (the receiving agency's workspace names each with why). */
  withheld?: ReactNode;
}) {
  const intl = useIntl();
  const m = casePageMessages;
  const hasAnswers = (group: string): boolean => {
    const section = view.sections[group] as Record<string, unknown> | undefined;
    return typeof section?.answers === 'object' && section.answers !== null && Object.keys(section.answers).length > 0;
  };
  // NEEDS is on the arrival (its urgent needs); its screening answers, if any, are shown here.
  const others = FIELD_GROUPS.filter((group) => !['IDENTITY', 'ARRIVAL'].includes(group) && view.fieldGroups.includes(group) && (group !== 'NEEDS' || hasAnswers(group)));
  const titleOf = (group: string): string => {
    const fromQuestionnaire = questionnaire?.groups.find((candidate) => candidate.id === group);
    return fromQuestionnaire ? translated(fromQuestionnaire.title, intl.locale) : nameOf(intl, sectionMessages, group);
  };
  return (
    <>
      {others.length > 0 ? (
        <Section id="other-title" title={intl.formatMessage(m.otherSections)}>
          {others.map((group) => {
            const hidden = SENSITIVE_SECTIONS.has(group) && !showDetails;
            // Screening sections hold the questionnaire's answers; the questionnaire's version is for the record.
            const section = view.sections[group] as Record<string, unknown> | undefined;
            const answers = hasAnswers(group) ? (section!.answers as Record<string, unknown>) : null;
            return (
              <div key={group} className={styles.other}>
                <h3 className={styles.subheading}>{titleOf(group)}</h3>
                {hidden ? (
                  <p className={styles.hiddenCount}>{intl.formatMessage(m.sectionHidden)}</p>
                ) : answers ? (
                  <Answers answers={answers} questionnaire={questionnaire} />
                ) : section && typeof section === 'object' && Object.keys(section).length > 0 && !('answers' in section) ? (
                  <Value value={section} />
                ) : (
                  <p className={styles.muted}>{intl.formatMessage(m.sectionEmpty)}</p>
                )}
              </div>
            );
          })}
        </Section>
      ) : null}
      {withheld !== undefined ? withheld : view.withheldFieldGroups.length > 0 ? (
        <Section id="withheld-title" title={intl.formatMessage(m.withheldTitle)} className={styles.withheld}>
          {showDetails ? (
            <ul className={styles.chips}>
              {view.withheldFieldGroups.map((group) => (
                <li key={group} className={styles.withheldChip}>
                  {nameOf(intl, sectionMessages, group)}
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.strong}>{intl.formatMessage(m.withheldCount, { count: view.withheldFieldGroups.length })}</p>
          )}
          <p>{intl.formatMessage(m.withheldWhy)}</p>
        </Section>
      ) : null}
    </>
  );
}

/** "7 Dec 2026, 14:05" */
export const formatDateTime = (intl: ReturnType<typeof useIntl>, at: string): string => intl.formatDate(at, DATE_TIME);
