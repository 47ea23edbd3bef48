import { FieldProblem } from '@kivuko/platform';
import { IntakeMode } from './intake.enums';
import { PersonIntakeDto, RegisterIntakeDto } from './dto/intake.dto';
import { checkAnswers, inapplicableAnswers, Question, QuestionnaireRegistry } from './screening/questionnaire';

/** An arrival may be recorded this far ahead of the server's clock (a device clock running fast). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The oldest arrival a registration may describe. */
export const EARLIEST_ARRIVAL = new Date('1990-01-01T00:00:00Z');
export const MAX_AGE_YEARS = 120;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole years between a date of birth (YYYY-MM-DD) and a moment. */
export function ageAt(dateOfBirth: string, at: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age -= 1;
  return age;
}

export interface CheckedScreening {
  code: string;
  version: number;
  byId: ReadonlyMap<string, Question>;
}

/**
 * The rules class-validator cannot express: between fields, against the questionnaire and against the
 * clock. Every problem is returned with its path; nothing here touches the database.
 */
export function checkPerson(
  person: PersonIntakeDto,
  path: string,
  mode: IntakeMode,
  arrivedAt: Date,
  now: Date,
  questionnaires: QuestionnaireRegistry,
): { problems: FieldProblem[]; screening?: CheckedScreening } {
  const problems: FieldProblem[] = [];
  const hasName = Boolean(person.givenName || person.familyName);

  if (mode === IntakeMode.Full) {
    if (!hasName) problems.push({ path: `${path}.givenName`, problem: 'a full intake needs the given name or the family name (or both)' });
    if (!person.dateOfBirth && person.statedAge === undefined) {
      problems.push({ path: `${path}.dateOfBirth`, problem: 'a full intake needs the date of birth (exact or estimated) or the stated age' });
    }
    if (!person.screening) problems.push({ path: `${path}.screening`, problem: `${path}.screening is required for a full intake` });
    if (person.description !== undefined && hasName) {
      // Harmless, but a description is the mass-arrival stand-in for names: keep records uniform.
      problems.push({ path: `${path}.description`, problem: 'a description is only for records without names' });
    }
  } else {
    if (!hasName && !person.description) {
      problems.push({ path: `${path}.givenName`, problem: 'a mass-arrival record needs names or a description of the person' });
    }
    if (!person.dateOfBirth && person.statedAge === undefined) {
      problems.push({ path: `${path}.statedAge`, problem: 'a mass-arrival record needs an approximate age (statedAge) or a date of birth' });
    }
  }
  if (person.urgentNeeds?.length && mode === IntakeMode.Full) {
    problems.push({ path: `${path}.urgentNeeds`, problem: 'urgent-need flags are for mass-arrival records; a full intake answers the screening questions' });
  }

  if (person.dateOfBirth) {
    const born = new Date(`${person.dateOfBirth}T00:00:00Z`);
    if (born.getTime() > now.getTime()) problems.push({ path: `${path}.dateOfBirth`, problem: 'must not be in the future' });
    else if (born.getTime() > arrivedAt.getTime() + DAY_MS) problems.push({ path: `${path}.dateOfBirth`, problem: 'must not be after the arrival' });
    else if (ageAt(person.dateOfBirth, arrivedAt) > MAX_AGE_YEARS) problems.push({ path: `${path}.dateOfBirth`, problem: `gives an age over ${MAX_AGE_YEARS} at arrival` });
    else if (person.statedAge !== undefined && Math.abs(ageAt(person.dateOfBirth, arrivedAt) - person.statedAge) > 2) {
      problems.push({
        path: `${path}.statedAge`,
        problem: 'differs by more than 2 years from the age the date of birth gives at arrival: give one, or make an estimated date agree with it',
      });
    }
  } else if (person.dateOfBirthEstimated !== undefined) {
    problems.push({ path: `${path}.dateOfBirthEstimated`, problem: 'only goes with a dateOfBirth' });
  }

  if (person.interpreter?.sex && !person.interpreter.needed) {
    problems.push({ path: `${path}.interpreter.sex`, problem: 'only goes with an interpreter that is needed' });
  }
  const nationalities = person.nationalities ?? [];
  if (nationalities.length > 1 && nationalities.some((n) => n === 'UNKNOWN' || n === 'STATELESS')) {
    problems.push({ path: `${path}.nationalities`, problem: 'STATELESS or UNKNOWN cannot be combined with other nationalities' });
  }
  const documents = person.documents ?? [];
  const seenDocuments = new Set<string>();
  documents.forEach((doc, i) => {
    const key = `${doc.kind}|${doc.issuingCountry}|${doc.number}`;
    if (seenDocuments.has(key)) problems.push({ path: `${path}.documents[${i}]`, problem: 'is listed twice' });
    seenDocuments.add(key);
  });

  let screening: CheckedScreening | undefined;
  if (person.screening) {
    const code = person.screening.questionnaire ?? questionnaires.default.code;
    const version = person.screening.version ?? questionnaires.default.version;
    const found = questionnaires.find(code, version);
    if (!found) {
      problems.push(
        questionnaires.knows(code)
          ? { path: `${path}.screening.version`, problem: 'is not a version of this questionnaire' }
          : { path: `${path}.screening.questionnaire`, problem: 'is not a known questionnaire' },
      );
    } else {
      const answersPath = `${path}.screening.answers`;
      const refused = checkAnswers(found.byId, person.screening.answers, answersPath);
      problems.push(...refused);
      // Conditions read the person as recorded: an age or date of birth that is itself refused still says who may be a child.
      const facts = {
        statedAge: person.statedAge,
        dateOfBirth: person.dateOfBirth,
        dateOfBirthEstimated: person.dateOfBirthEstimated,
        sex: person.sex,
        urgentNeeds: person.urgentNeeds,
        arrivedAt: arrivedAt.toISOString(),
      };
      const skip = new Set(refused.map((p) => p.path.slice(answersPath.length + 1)));
      problems.push(...inapplicableAnswers(found.questionnaire, facts, person.screening.answers, answersPath, skip));
      screening = { code, version, byId: found.byId };
    }
  }
  return { problems, screening };
}

/**
 * Checks the whole intake; returns every problem and the questionnaire each person's answers use.
 * `structural` are the paths the request's shape was already refused for: the parts under them are
 * not checked again (their values cannot be trusted to have the right types), everything else is.
 */
export function checkIntake(
  dto: RegisterIntakeDto,
  now: Date,
  questionnaires: QuestionnaireRegistry,
  structural: readonly string[] = [],
): { problems: FieldProblem[]; screenings: (CheckedScreening | undefined)[] } {
  const broken = (prefix: string): boolean => structural.some((p) => p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`));
  const problems: FieldProblem[] = [];
  const mode = dto.mode ?? IntakeMode.Full;
  const arrivedAt = new Date(dto.arrival?.arrivedAt);
  const arrivalUsable = !structural.includes('arrival') && !broken('arrival.arrivedAt') && !Number.isNaN(arrivedAt.getTime());
  if (arrivalUsable && arrivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push({ path: 'arrival.arrivedAt', problem: 'must not be in the future' });
  if (arrivalUsable && arrivedAt.getTime() < EARLIEST_ARRIVAL.getTime()) problems.push({ path: 'arrival.arrivedAt', problem: `must not be before ${EARLIEST_ARRIVAL.toISOString().slice(0, 10)}` });
  if (!arrivalUsable || !Array.isArray(dto.persons) || structural.includes('persons') || broken('mode')) return { problems, screenings: [] };

  const refs = new Map<string, number>();
  dto.persons.forEach((person, i) => {
    if (broken(`persons[${i}]`) || person.ref === undefined) return;
    if (refs.has(person.ref)) problems.push({ path: `persons[${i}].ref`, problem: `is already used by persons[${refs.get(person.ref)}]` });
    else refs.set(person.ref, i);
  });

  const screenings = dto.persons.map((person, i) => {
    if (broken(`persons[${i}]`)) return undefined;
    const checked = checkPerson(person, `persons[${i}]`, mode, arrivedAt, now, questionnaires);
    problems.push(...checked.problems);
    (person.travelledWith ?? []).forEach((companion, j) => {
      const at = `persons[${i}].travelledWith[${j}]`;
      if ((companion.ref === undefined) === (companion.caseId === undefined)) {
        problems.push({ path: at, problem: 'give either ref (a person in this intake) or caseId (an existing case), not both or neither' });
      } else if (companion.ref !== undefined) {
        if (!refs.has(companion.ref)) problems.push({ path: `${at}.ref`, problem: 'no person in this intake has this ref' });
        else if (refs.get(companion.ref) === i) problems.push({ path: `${at}.ref`, problem: 'a person cannot travel with themselves' });
      }
    });
    return checked.screening;
  });
  return { problems, screenings };
}
