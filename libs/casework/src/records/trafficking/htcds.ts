/**
 * One trafficking case as one row in the field layout shared by IOM's Human Trafficking Case Data
 * Standard (HTCDS, github.com/UNMigration/HTCDS) and the Counter-Trafficking Data Collaborative (CTDC)
 * Global Dataset, the de-identified form in which case data is pooled between agencies.
 *
 * Column names follow the CTDC Global Dataset (the April 2020 release has 63 columns), not HTCDS's
 * case-management names (`prs_Gender`, `vic_MethodsOfControl` ...): those sit next to names, birthdate
 * and addresses, and this export must carry no direct identifier. CTDC codes a flag as 1 or 0 and an
 * unknown as null. The row never guesses: a fact Kivuko did not record is null, not 0.
 */
import countries from 'i18n-iso-countries';

export type HtcdsKind = 'string' | 'integer' | 'boolean01' | 'category';

export interface HtcdsField {
  name: string;
  kind: HtcdsKind;
  allowed?: readonly string[];
  description: string;
}

export type HtcdsRow = Record<string, string | number | null>;

/** What Kivuko knows of the case, in Kivuko's terms. No name and no case number by design. */
export interface HtcdsInput {
  /** Opaque id the caller derives (e.g. a keyed hash of the case id), so a resubmission can replace a row. */
  recordId: string;
  /** ISO 8601 date or date-time of intake registration. */
  registeredAt: string;
  sex: 'MALE' | 'FEMALE' | 'OTHER' | 'UNKNOWN';
  /** Stated or assessed age at registration; null when unknown. */
  ageAtRegistration: number | null;
  /** Minority presumed until an age assessment says otherwise (the SOP's rule, not a guess). */
  presumedChild: boolean;
  /** ISO 3166-1 alpha-3, or STATELESS / UNKNOWN, in the order recorded at intake. */
  nationalities: readonly string[];
  identificationStatus: 'POTENTIAL' | 'PRESUMED' | 'IDENTIFIED' | 'NOT_IDENTIFIED';
  /** Person field, not a screening answer; null when not recorded. */
  documentsHeldByOther: boolean | null;
  /** Answers to the screening questionnaire (libs/cases/src/screening/questionnaire.ts), by question id. */
  screeningAnswers: Readonly<Record<string, unknown>>;
}

export const AGE_BANDS = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;
const MAJORITY = ['Adult', 'Minor'] as const;
const ALPHA2 = Object.keys(countries.getAlpha2Codes()).sort();

const MEANS = [
  ['DebtBondage', 'forced to work off a created or perceived debt'],
  ['TakesEarnings', 'exploiter took the person’s earnings'],
  ['RestrictsFinancialAccess', 'access to money or own finances restricted'],
  ['Threats', 'harm or loss threatened against the person or another'],
  ['PsychologicalAbuse', 'emotional abuse or manipulation'],
  ['PhysicalAbuse', 'physical injury or pain inflicted to control'],
  ['SexualAbuse', 'sexual abuse as a means of control (not the purpose of exploitation)'],
  ['FalsePromises', 'tricked into the situation by deception'],
  ['PsychoactiveSubstances', 'drugs or alcohol used to control'],
  ['RestrictsMovement', 'movement or social contact confined or monitored'],
  ['RestrictsMedicalCare', 'access to medical care limited or controlled'],
  ['ExcessiveWorkingHours', 'made to work far beyond the hours agreed'],
  ['UsesChildren', 'access to the person’s children used as leverage'],
  ['ThreatOfLawEnforcement', 'threatened with police or immigration authorities'],
  ['WithholdsNecessities', 'food, shelter, hygiene or other necessities withheld'],
  ['WithholdsDocuments', 'identity, travel or other documents withheld or controlled'],
  ['Other', 'another means of control'],
] as const;
const EXPLOITS = [
  ['isForcedLabour', 'exploited for forced labour'],
  ['isSexualExploit', 'exploited sexually'],
  ['isOtherExploit', 'exploited in another way'],
  ['isSexAndLabour', 'exploited both sexually and for labour'],
  ['isForcedMarriage', 'exploited through forced marriage'],
  ['isForcedMilitary', 'exploited through forced military service'],
  ['isOrganRemoval', 'trafficked for organ removal'],
  ['isSlaveryAndPractices', 'slavery or practices similar to slavery'],
] as const;
const LABOUR = ['Agriculture', 'Aquafarming', 'Begging', 'Construction', 'DomesticWork', 'Hospitality', 'IllicitActivities',
  'Manufacturing', 'MiningOrDrilling', 'Peddling', 'Transportation', 'Other', 'NotSpecified'] as const;
const SEX = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const;
const RECRUITER = ['IntimatePartner', 'Friend', 'Family', 'Other', 'Unknown'] as const;

const flag = (name: string, description: string): HtcdsField => ({ name, kind: 'boolean01', description });

/**
 * The layout, in CTDC column order. Left out: the four `...Concatenated` columns and
 * `RecruiterRelationship`, which only restate the flags as text in a format the sources do not pin down.
 */
export const HTCDS_FIELDS: readonly HtcdsField[] = [
  { name: 'recordId', kind: 'string', description: 'Kivuko extension, not a CTDC column: opaque, non-identifying id derived by the caller' },
  { name: 'yearOfRegistration', kind: 'integer', description: 'Year the case was registered (the year only, never the date)' },
  { name: 'Datasource', kind: 'category', allowed: ['Case Management', 'Hotline'], description: 'Where the record comes from' },
  { name: 'gender', kind: 'category', allowed: ['Female', 'Male', 'Transgender/NonConforming'], description: 'Gender of the person' },
  { name: 'ageBroad', kind: 'category', allowed: AGE_BANDS, description: 'Age band at registration' },
  { name: 'majorityStatus', kind: 'category', allowed: MAJORITY, description: 'Adult or minor at registration' },
  { name: 'majorityStatusAtExploit', kind: 'category', allowed: MAJORITY, description: 'Adult or minor when exploitation began' },
  { name: 'majorityEntry', kind: 'category', allowed: MAJORITY, description: 'Adult or minor on entering the trafficking process' },
  { name: 'citizenship', kind: 'category', allowed: ALPHA2, description: 'Country of citizenship, ISO 3166-1 alpha-2' },
  ...MEANS.map(([means, description]) => flag(`meansOfControl${means}`, description)),
  flag('meansOfControlNotSpecified', '1 when the record says nothing about means of control'),
  ...EXPLOITS.map(([name, description]) => flag(name, description)),
  ...LABOUR.map((labour) => flag(`typeOfLabour${labour}`, `forced labour sector: ${labour}`)),
  ...SEX.map((sex) => flag(`typeOfSex${sex}`, `type of sexual exploitation: ${sex}`)),
  flag('isAbduction', 'recruited by abduction'),
  { name: 'CountryOfExploitation', kind: 'category', allowed: ALPHA2, description: 'Country of exploitation, ISO 3166-1 alpha-2' },
  ...RECRUITER.map((relation) => flag(`recruiterRelation${relation}`, `recruiter's relation to the person: ${relation}`)),
];

const BY_NAME: ReadonlyMap<string, HtcdsField> = new Map(HTCDS_FIELDS.map((field) => [field.name, field]));

/**
 * Where a flag comes from. Only questions that ask the same thing as the CTDC definition are mapped;
 * near misses stay unmapped rather than overstate: `little_or_no_pay` is not "takes earnings",
 * `child_labour` is wider than forced labour, `others_speak_for_person` and `child_married` have no
 * column of their own (the marriage question is `forced_or_early_marriage`), and `sexual_exploitation`
 * is the purpose of exploitation, which CTDC keeps apart from sexual abuse as a means of control.
 */
const FROM_ANSWERS: Readonly<Record<string, string>> = {
  meansOfControlDebtBondage: 'debt_bondage',
  meansOfControlThreats: 'threatened',
  meansOfControlPhysicalAbuse: 'injuries_from_control',
  meansOfControlFalsePromises: 'deceived_about_job',
  meansOfControlRestrictsMovement: 'movement_controlled',
  isSexualExploit: 'sexual_exploitation',
  isForcedMarriage: 'forced_or_early_marriage',
  // A child's association with an armed force or group is unlawful recruitment whatever the child "agreed".
  isForcedMilitary: 'associated_with_armed_group',
};

const ISO_DATE = /^(\d{4})-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RECORD_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** Maps one case to one row keyed exactly by {@link HTCDS_FIELDS}. Throws on input no valid case has. */
export function htcdsRecord(input: HtcdsInput): HtcdsRow {
  // The dataset pools (presumed) victims: a person found not to be one would be a false data point.
  if (input.identificationStatus === 'NOT_IDENTIFIED') throw new Error('A person not identified as a victim of trafficking is not exported');
  if (!RECORD_ID.test(input.recordId)) throw new RangeError('recordId must be an opaque id of 8-128 letters, digits, _ or -');
  const date = ISO_DATE.exec(input.registeredAt);
  if (!date || Number.isNaN(Date.parse(input.registeredAt))) throw new RangeError('registeredAt must be an ISO 8601 date');
  const age = input.ageAtRegistration;
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > 130)) throw new RangeError('ageAtRegistration must be a whole number of years');

  const row: HtcdsRow = Object.fromEntries(HTCDS_FIELDS.map((field) => [field.name, null]));
  row['recordId'] = input.recordId;
  // The year as written at the border post, so a registration on 31 December stays in its year in any time zone.
  row['yearOfRegistration'] = Number(date[1]);
  row['Datasource'] = 'Case Management';
  row['gender'] = input.sex === 'FEMALE' ? 'Female' : input.sex === 'MALE' ? 'Male' : null;
  row['ageBroad'] = age === null ? null : ageBand(age);
  // The presumption decides minority for protection, so the row says Minor while it stands.
  row['majorityStatus'] = input.presumedChild ? 'Minor' : age === null ? null : age < 18 ? 'Minor' : 'Adult';
  // majorityStatusAtExploit and majorityEntry stay null: registration at a border may precede exploitation.
  row['citizenship'] = citizenship(input.nationalities);

  for (const [name, question] of Object.entries(FROM_ANSWERS)) row[name] = flagOf(input.screeningAnswers[question]);
  row['meansOfControlWithholdsDocuments'] = flagOf(input.documentsHeldByOther);
  const anyMeans = MEANS.some(([means]) => row[`meansOfControl${means}`] !== null);
  row['meansOfControlNotSpecified'] = anyMeans ? 0 : 1;
  row['isSexAndLabour'] = both(row['isSexualExploit'], row['isForcedLabour']);
  return row;
}

/** Every problem with a row, each naming its field; empty when the row fits the layout. */
export function validateHtcdsRecord(row: Record<string, unknown>): string[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return ['(row): must be an object'];
  const problems: string[] = [];
  for (const field of HTCDS_FIELDS) {
    if (!Object.prototype.hasOwnProperty.call(row, field.name)) {
      problems.push(`${field.name}: missing (use null when unknown)`);
      continue;
    }
    const problem = valueProblem(field, row[field.name]);
    if (problem) problems.push(`${field.name}: ${problem}`);
  }
  for (const name of Object.keys(row)) if (!BY_NAME.has(name)) problems.push(`${name}: not a field of the layout`);
  return problems;
}

function valueProblem(field: HtcdsField, value: unknown): string | null {
  if (value === null) return null;
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' && value.length > 0 ? null : 'must be a non-empty string or null';
    case 'integer':
      return Number.isInteger(value) ? null : 'must be a whole number or null';
    case 'boolean01':
      return value === 0 || value === 1 ? null : 'must be 0, 1 or null';
    case 'category': {
      if (typeof value !== 'string') return 'must be a string or null';
      const allowed = field.allowed ?? [];
      if (allowed.includes(value)) return null;
      return allowed.length <= 12 ? `"${value}" is not one of ${allowed.join(', ')}` : `"${value}" is not an allowed value`;
    }
  }
}

function ageBand(age: number): string {
  const upper = [8, 17, 20, 23, 26, 29, 38, 47];
  const index = upper.findIndex((limit) => age <= limit);
  return AGE_BANDS[index === -1 ? AGE_BANDS.length - 1 : index];
}

/** The first recorded nationality that is a country; STATELESS and UNKNOWN have no code in the layout. */
function citizenship(nationalities: readonly string[]): string | null {
  for (const code of nationalities) {
    const alpha2 = /^[A-Z]{3}$/.test(code) ? countries.alpha3ToAlpha2(code) : undefined;
    if (alpha2) return alpha2;
  }
  return null;
}

/** Only a recorded true or false counts; anything else (unasked, malformed) is unknown. */
function flagOf(answer: unknown): 0 | 1 | null {
  return answer === true ? 1 : answer === false ? 0 : null;
}

function both(a: string | number | null, b: string | number | null): 0 | 1 | null {
  if (a === 0 || b === 0) return 0;
  return a === 1 && b === 1 ? 1 : null;
}
