import { borderPointParts, nextSequence } from './case-number.queries';
import { CaseErrors } from './cases.errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Case numbers: `${country}-${borderPointCode}-${arrivalYear}-${sequence}`, e.g. TZA-NMG-2026-000042.
 *
 * - country: the border point's ISO 3166-1 alpha-3 country (three capital letters);
 * - borderPointCode: the border point's code (three to five capital letters, as the reference-data
 *   API accepts them);
 * - arrivalYear: the UTC year of the arrival date-time, not of the registration: a late registration
 *   of a 31 December arrival belongs to that year;
 * - sequence: 1, 2, 3, ... per border point and arrival year, without gaps, zero-padded to six
 *   digits. Past 999999 the number simply grows a digit (TZA-NMG-2026-1000000) instead of wrapping
 *   or failing; it is bounded by the counter's integer column (2147483647, ten digits).
 *
 * The parts never contain a hyphen, so a case number reads back into its parts unambiguously.
 */
export interface CaseNumberParts {
  country: string;
  code: string;
  year: number;
  sequence: number;
}

export interface AllocatedCaseNumber {
  caseNumber: string;
  sequence: number;
  year: number;
}

export interface CaseNumberRequest {
  borderPointId: string;
  /** When the person arrived at the border point; its UTC year is the case number's year. */
  arrivedAt: Date;
}

const SEQUENCE_DIGITS = 6;
/** The largest value of the counter's `integer` column. */
const MAX_SEQUENCE = 2_147_483_647;
const COUNTRY = /^[A-Z]{3}$/;
const BORDER_POINT_CODE = /^[A-Z]{3,5}$/;
/**
 * Case-insensitive, so a number typed in lower case is still found. The sequence is either exactly
 * six digits or longer without a leading zero: each number has one spelling only.
 */
const CASE_NUMBER = /^([A-Z]{3})-([A-Z]{3,5})-([1-9]\d{3})-(\d{6}|[1-9]\d{6,9})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the parts cannot make a case number, or null when they can. */
function partsProblem(country: string, code: string, year: number): string | null {
  if (!COUNTRY.test(country)) return `country ${JSON.stringify(country)} is not an ISO 3166-1 alpha-3 code in capitals`;
  if (!BORDER_POINT_CODE.test(code)) return `border point code ${JSON.stringify(code)} is not 3 to 5 capital letters`;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return `year ${year} does not have four digits`;
  return null;
}

/** The case number of the given parts; throws a RangeError for parts no case number can have. */
export function formatCaseNumber(country: string, code: string, year: number, sequence: number): string {
  const problem = partsProblem(country, code, year);
  if (problem) throw new RangeError(`Cannot format a case number: ${problem}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Cannot format a case number: sequence ${sequence} is not between 1 and ${MAX_SEQUENCE}`);
  }
  return `${country}-${code}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * The parts of a case number, for looking a case up by it, or null when the text is not one.
 * Surrounding whitespace and letter case are forgiven; the parts come back in capitals, so
 * `formatCaseNumber` of them gives the number's one canonical spelling.
 */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const match = CASE_NUMBER.exec(text.trim());
  if (!match) return null;
  const sequence = Number(match[4]);
  if (sequence < 1 || sequence > MAX_SEQUENCE) return null;
  return { country: match[1].toUpperCase(), code: match[2].toUpperCase(), year: Number(match[3]), sequence };
}

/**
 * Allocates the next case number of a border point and arrival year, in the caller's transaction.
 *
 * The counter row is created or bumped by one upsert, which takes the row's lock until the caller's
 * transaction ends: concurrent registrations at the same border point and year wait for each other
 * (other border points and years do not), and a registration that rolls back gives its number back
 * to the next one, so numbers are unique and gapless. Allocate as late in the transaction as
 * possible, to hold the lock briefly.
 *
 * Under REPEATABLE READ or SERIALIZABLE a concurrent allocation makes PostgreSQL fail the later
 * transaction with a serialization error (to be retried) rather than issue a duplicate; READ
 * COMMITTED, the default, simply waits.
 */
@Injectable()
export class CaseNumberAllocator {
  async next(manager: EntityManager, input: CaseNumberRequest): Promise<AllocatedCaseNumber> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('A case number must be allocated inside the transaction of the registration that uses it');
    }
    const year = arrivalYear(input.arrivedAt);

    // An id that is not a uuid is checked here rather than by PostgreSQL, whose error would abort the
    // caller's transaction.
    const borderPoint = UUID.test(input.borderPointId) ? await borderPointParts(manager, input.borderPointId) : undefined;
    if (!borderPoint) {
      throw CaseErrors.badInput('INTAKE.UNKNOWN_BORDER_POINT', [
        { path: 'arrival.borderPointId', problem: 'no border point has this id' },
      ]);
    }
    // Checked before the counter moves: reference data that cannot make a case number is a defect.
    const problem = partsProblem(borderPoint.country, borderPoint.code, year);
    if (problem) throw new Error(`Border point ${input.borderPointId} cannot issue case numbers: ${problem}`);

    const sequence = await nextSequence(manager, input.borderPointId, year);
    return { caseNumber: formatCaseNumber(borderPoint.country, borderPoint.code, year, sequence), sequence, year };
  }
}

/** The UTC year of the arrival, refused when the arrival is not a date with a four-digit year. */
function arrivalYear(arrivedAt: Date): number {
  const year = arrivedAt instanceof Date ? arrivedAt.getUTCFullYear() : Number.NaN;
  if (Number.isNaN(year) || year < 1000 || year > 9999) {
    throw CaseErrors.badInput('INTAKE.INVALID_ARRIVAL_DATE', [
      { path: 'arrival.arrivedAt', problem: 'must be a valid date-time' },
    ]);
  }
  return year;
}
