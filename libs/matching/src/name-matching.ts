/**
 * Finding "possible previous encounters" at intake: the same person may already be known under another
 * spelling of their name, with their names in another order, with an estimated date of birth, or with a
 * different nationality claimed. This module is the pure, in-process half of that search:
 *
 * - {@link normaliseName} computes the canonical form of a name that the database stores in an indexed
 *   column and pre-filters on with pg_trgm;
 * - {@link trigramSimilarity} re-implements pg_trgm's `similarity()` so the score computed here agrees
 *   with the database pre-filter, value for value;
 * - {@link scoreCandidate} combines documents, names, date of birth and nationality into a score with the
 *   reasons behind it.
 *
 * A score is a suggestion for a person to review. Nothing here merges records, and nothing should merge
 * them automatically on the strength of a score.
 *
 * Everything is deterministic: no randomness, no clock, no locale-dependent calls.
 */

/* -------------------------------------------------------------------------------------------------- */
/* Name normalisation                                                                                  */
/* -------------------------------------------------------------------------------------------------- */

/**
 * Bump whenever {@link normaliseName} changes its output for any input (a rule, a fold or a family in
 * {@link NAME_VARIANT_FAMILIES}). Stored normalised names carry the version that produced them, and rows
 * with an older version must be recomputed: the database compares the probe's normalised form with the
 * stored ones, so both must come from the same normaliser.
 */
export const NAME_NORMALISER_VERSION = 1;

/**
 * Families of spellings of one name, as they are written in the region's registrations: Arabic-origin
 * names transliterated through English, French, Italian, Swahili and Somali orthography. The first entry
 * of each family is its canonical spelling.
 *
 * Entries are written the way people write them. At load the table is passed through the same spelling
 * rules as every token ({@link canonicalSpelling}), so an entry only needs to be listed when the rules do
 * not already bring it to the family's form (`abdy`, `xasan` and `faarax` reach `abdi`, `hasan` and
 * `farah` by the rules alone; `hersi` needs the table to meet `hirsi`).
 *
 * Deliberately NOT merged, because they are different names rather than different spellings:
 * - Mohamed (محمد) and Mohamud / Maxamuud / Mahmoud (محمود): a father and son are often one of each.
 * - Hassan and Hussein; Ali and Alia; Amina and Aminata; Isa and Aisha; Musa and Moses; Yusuf and Joseph;
 *   Suleiman and Solomon (the Christian forms are kept apart from the Arabic ones: people do not switch
 *   between them from one registration to the next).
 * - Sayid (a title and a name) is not a spelling of Said.
 *
 * Changing this table changes stored values: bump {@link NAME_NORMALISER_VERSION}.
 */
export const NAME_VARIANT_FAMILIES: readonly (readonly string[])[] = [
  ['mohamed', 'mohammed', 'muhammad', 'muhammed', 'mohammad', 'mohamad', 'muhamed', 'mahamed', 'mohamet', 'mahomed', 'maxamed', 'mohd'],
  ['mahmud', 'mahmoud', 'mohamud', 'mahamud', 'maxamuud', 'mohamoud'],
  ['ahmed', 'ahmad', 'axmed'],
  ['abdi', 'abdy', 'cabdi'],
  ['abdullahi', 'abdulahi', 'abdullah', 'abdulla', 'abdalla', 'abdallah', 'cabdullaahi'],
  ['abdirahman', 'abdulrahman', 'abdurahman', 'abdurrahman', 'abderrahman', 'abdelrahman', 'abdourahmane', 'cabdiraxmaan'],
  ['abdulkadir', 'abdulqadir', 'abdikadir', 'abdiqadir', 'abdelkader', 'abdulkader', 'cabdulqaadir', 'cabdiqaadir'],
  ['hussein', 'husein', 'hussain', 'husain', 'hussen', 'huseen', 'hossein', 'xuseen'],
  ['hassan', 'hasan', 'hassen', 'xasan'],
  ['ibrahim', 'ibraahim', 'ibrahiim', 'ibrahem', 'ebrahim'],
  ['yusuf', 'yousuf', 'yusef', 'yousef', 'youssef', 'youssouf', 'yousif', 'yuusuf'],
  ['fatima', 'fatuma', 'fatouma', 'fatma', 'fatimah', 'faduma', 'fadumo', 'faadumo'],
  ['halima', 'halimah', 'halimo', 'haliima', 'xaliimo'],
  ['amina', 'aminah', 'amiina', 'aamina', 'aamino'],
  ['khadija', 'khadijah', 'hadija', 'hadijah', 'kadija', 'khadiija', 'khadiijo', 'xadiija'],
  ['osman', 'othman', 'uthman', 'usman', 'usmaan', 'osmaan', 'ousmane', 'cusmaan', 'cismaan'],
  ['ali', 'aly', 'cali'],
  ['omar', 'omer', 'umar', 'umer', 'oumar', 'cumar'],
  ['ismail', 'ismael', 'esmail', 'ismaciil', 'ismaaciil'],
  ['suleiman', 'sulaiman', 'suleyman', 'sulayman', 'suleman', 'souleymane', 'selemani', 'suleymaan', 'sulaymaan'],
  ['abubakar', 'abubakr', 'abubaker', 'aboubakar', 'abuubakar'],
  ['musa', 'moussa', 'mousa', 'muse', 'muuse'],
  ['isa', 'issa', 'eisa', 'ciise'],
  ['aisha', 'aysha', 'ayesha', 'aishah', 'aicha', 'caasha', 'caisha'],
  // Somali has no z: Zahra is written Sahra / Sahro.
  ['zahra', 'zahara', 'zehra', 'sahra', 'sahro'],
  ['hawa', 'hawo', 'hawwa', 'xawa', 'xaawo'],
  ['mariam', 'maryam', 'mariyam', 'maryan'],
  ['said', 'saeed', 'saiid', 'saciid'],
  ['jama', 'jamac', 'jaamac'],
  ['hirsi', 'hersi', 'xirsi', 'xersi'],
];

/**
 * Apostrophes and their look-alikes. They are deleted rather than turned into a space: in the region's
 * transliterations they mark an ʿayn or a hamza inside one name (Isma'il, Sa'id, Ja'far, Mu'awiya) or an
 * elision (N'Diaye), and "Sa id" would no longer meet "Said". (U+02BC, U+02BE and U+02BF are letters to
 * Unicode, so they must go before the letter filter; U+00B4 must go before NFKD turns it into a space.)
 */
const APOSTROPHES = /['`´‘’‛′ʹʻʼʽʾʿˈ＇]/gu;

/** Latin letters that NFKD does not decompose, folded to the ASCII spelling the same names get elsewhere. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  // Dinka, Nuer and other South Sudanese orthographies (Garaŋ / Garang, Nyandɛŋ / Nyandeng).
  ŋ: 'ng',
  ɛ: 'e',
  ɔ: 'o',
  ɣ: 'g',
  ɲ: 'ny',
  // Hooked letters of Hausa and Fula orthography.
  ɓ: 'b',
  ɗ: 'd',
  ƙ: 'k',
  ƴ: 'y',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * The spelling rules every all-ASCII token goes through, repeated until nothing changes (so the result is
 * a fixed point, which is what makes {@link normaliseName} idempotent). They only rewrite spellings that
 * are variants of one another in the region's names:
 *
 * 1. doubled letters collapse (Mohammed → mohamed, Abdullahi → abdulahi, and the Somali long vowels
 *    aa / ii / uu / oo / ee: Faadumo → fadumo, Yuusuf → yusuf);
 * 2. a leading `cabd` is `abd` (Somali c for the Arabic ʿayn: Cabdi, Cabdullaahi, Cabdiraxmaan,
 *    Cabdiqaadir). A general c → ∅ is NOT applied: c is a real consonant in the region's French names
 *    (Cécile, Patrice, Célestin, Constance), so the other ʿayn names (Cali, Cumar, Cusmaan, Ciise, Jaamac)
 *    are listed in {@link NAME_VARIANT_FAMILIES} instead;
 * 3. `ou` → `u` (French transliteration: Moussa, Youssouf, Abdoul, Oumar, Ousmane);
 * 4. an `h` that is only spelling: `kh` → `h` (Khadija / Hadija, Khamis / Hamisi), `gh` → `g` (Tigrinya
 *    Ghebre / Gebre, Ghirmay / Girmay), `ph` → `f` (Joseph / Josef), and `th` → `t` at the start or end of
 *    a name only (Thomas, Théoneste, Ruth, Judith). Inside a name `th` can be two sounds (Fat-hi is not
 *    Fati), and `sh` and `ch` are never touched (Shamsa is not Samsa; Chala is not Cala);
 * 5. `x` → `h` (Somali x for the Arabic ḥ: Xasan, Maxamed, Axmed, Faarax, Xirsi). In the few French names
 *    with an x (Xavier, Alexis) this produces spellings no other name has, so nothing is merged by it;
 * 6. `q` → `k` except in `qu` (Arabic q written k or q: Abdulqadir / Abdulkadir, Qasim / Kasim; `qu` is
 *    left alone for Jacques);
 * 7. a final `y` after a consonant → `i` (Abdy / Abdi, Aly / Ali, Henry / Henri). A `y` after a vowel is
 *    kept: Teklay is not Tekle.
 */
function spellingRulesOnce(token: string): string {
  return token
    .replace(/(.)\1+/g, '$1')
    .replace(/^cabd/, 'abd')
    .replace(/ou/g, 'u')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/^th/, 't')
    .replace(/th$/, 't')
    .replace(/x/g, 'h')
    .replace(/q(?!u)/g, 'k')
    .replace(/([^aeiouy])y$/, '$1i')
    .replace(/(.)\1+/g, '$1');
}

/**
 * {@link spellingRulesOnce} until nothing changes. It terminates: every rule either shortens the token or
 * replaces an x, q or y (letters no rule produces) without changing its length.
 */
function canonicalSpelling(token: string): string {
  let current = token;
  for (;;) {
    const next = spellingRulesOnce(current);
    if (next === current) return current;
    current = next;
  }
}

/** Spelling (after the rules) → the family's canonical spelling (after the rules). Checked at load. */
const FAMILY_BY_SPELLING: ReadonlyMap<string, string> = buildFamilyIndex(NAME_VARIANT_FAMILIES);

function buildFamilyIndex(families: readonly (readonly string[])[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const family of families) {
    const canonical = canonicalSpelling(family[0] ?? '');
    if (!/^[a-z]+$/.test(canonical)) throw new Error(`name variant family without a usable canonical spelling: ${family.join(', ')}`);
    for (const variant of family) {
      const key = canonicalSpelling(variant);
      const existing = index.get(key);
      if (existing !== undefined && existing !== canonical) {
        throw new Error(`name variant "${variant}" (${key}) belongs to two families: ${existing} and ${canonical}`);
      }
      index.set(key, canonical);
    }
  }
  return index;
}

/** One token of a name in its canonical form. Tokens that are not plain a–z (other scripts, digits) are kept as they are. */
function canonicalToken(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  const spelled = canonicalSpelling(token);
  return FAMILY_BY_SPELLING.get(spelled) ?? spelled;
}

/**
 * The canonical form of a person's name, to store next to the name as typed (in an indexed column the
 * database runs pg_trgm on) and to compare in-process. Deterministic and idempotent:
 * `normaliseName(normaliseName(x)) === normaliseName(x)` for every string.
 *
 * 1. apostrophes are deleted (see {@link APOSTROPHES});
 * 2. Unicode NFKD, lower-case (after NFKD, so compatibility letters such as full-width Ａ or ᴬ are
 *    lower-cased too), and all combining marks removed: the diacritics go (Hélène → helene, Saïd → said,
 *    İbrahim → ibrahim);
 * 3. Latin letters without a decomposition are folded to ASCII (ß → ss, ŋ → ng, ɛ → e, ...);
 * 4. everything that is not a letter or a digit (hyphens, dots, commas, slashes, underscores, ...) becomes
 *    a space, and runs of spaces collapse to one, none at either end;
 * 5. each token is brought to its canonical spelling: the spelling rules of {@link spellingRulesOnce},
 *    then the families of {@link NAME_VARIANT_FAMILIES}.
 *
 * Tokens keep their order (given name, father's name, grandfather's name mean something); use
 * {@link sortedTokenKey} to compare regardless of order. No token is ever dropped, and names in other
 * scripts (Ge'ez, Arabic) are kept in their script, not transliterated: they match the same script only.
 */
export function normaliseName(raw: string): string {
  const letters = raw
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter);
  return letters
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map(canonicalToken)
    .join(' ');
}

/** The tokens of a name produced by {@link normaliseName}, in order. */
export function nameTokens(normalised: string): string[] {
  return normalised.split(' ').filter((token) => token.length > 0);
}

/**
 * The tokens of a normalised name in sorted order, joined by single spaces: equal for "Abdi Hassan
 * Mohamed" and "Mohamed Abdi Hassan", since people give their names in a different order at different
 * registrations. (Sorting is by UTF-16 code unit, not by locale, so it is the same everywhere.)
 */
export function sortedTokenKey(normalised: string): string {
  return [...nameTokens(normalised)].sort().join(' ');
}

/* -------------------------------------------------------------------------------------------------- */
/* pg_trgm similarity                                                                                  */
/* -------------------------------------------------------------------------------------------------- */

/**
 * The set of trigrams pg_trgm extracts from a text (what `show_trgm()` shows, for ASCII text): the text is
 * lower-cased and split into words at every character that is not a letter or a digit; each word is padded
 * with two spaces in front and one behind ("word" → "  word "), and every run of three consecutive
 * characters of a padded word is a trigram. Duplicates count once. Returned sorted.
 */
export function trigrams(text: string): string[] {
  return [...trigramSet(text)].sort();
}

function trigramSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    const padded = Array.from(`  ${word} `); // by code point, as pg_trgm counts characters, not bytes
    for (let i = 0; i + 3 <= padded.length; i++) set.add(`${padded[i]}${padded[i + 1]}${padded[i + 2]}`);
  }
  return set;
}

/**
 * pg_trgm's `similarity(a, b)`: the number of trigrams the two texts share divided by the number of
 * distinct trigrams in either (|A ∩ B| / |A ∪ B|), 0 when either text has no trigram, rounded to a
 * PostgreSQL `real` (float4) as the database returns it. Checked against PostgreSQL 15 with pg_trgm 1.6:
 * `similarity('word', 'two words')` = 0.36363637 there and here.
 *
 * Because trigrams are taken word by word and collected in a set, the similarity does not depend on the
 * order of the words: "abdi hasan" and "hasan abdi" have similarity 1. It does not count repetitions either.
 *
 * Agreement with the database is exact for text produced by {@link normaliseName} that is plain a–z and
 * digits (nearly every name once diacritics are stripped and letters folded). For other scripts two caveats:
 * whether a character is a letter is decided in the database by its LC_CTYPE (C.UTF-8 and the usual
 * UTF-8 locales agree with Unicode here), and pg_trgm stores a trigram of multi-byte characters as a 3-byte
 * hash, so a rare hash collision can make the database's value slightly higher than this one.
 */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigramSet(a);
  const right = trigramSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared++;
  return Math.fround(shared / (left.size + right.size - shared));
}

/* -------------------------------------------------------------------------------------------------- */
/* Scoring a candidate                                                                                 */
/* -------------------------------------------------------------------------------------------------- */

export interface PersonDocument {
  /** e.g. PASSPORT, NATIONAL_ID, REFUGEE_ID. */
  kind: string;
  number: string;
  /** Issuing country, ISO 3166-1 alpha-3. */
  country: string;
}

export interface PersonFacts {
  /** Full names as typed, including other names and other spellings the person has used. */
  names: string[];
  /** YYYY-MM-DD; `estimated` when it was given as an age or assessed rather than known. */
  dateOfBirth?: { date: string; estimated: boolean };
  /** ISO 3166-1 alpha-3 codes. */
  nationalities: string[];
  documentNumbers: PersonDocument[];
}

/**
 * The same document number from the same issuing country, without the number: the other record may be at a
 * border point the reader cannot see, so only the kinds, the country, the number's last characters and its
 * length are told ({@link maskDocumentNumber}). `detail` says the same in one line, "KIND[/KIND] COUNTRY •••••567".
 */
export interface DocumentMatchReason {
  code: 'DOCUMENT_MATCH';
  detail: string;
  /** The kinds the number was recorded as on the two records, sorted (PASSPORT, or NATIONAL_ID and PASSPORT). */
  kinds: string[];
  /** Issuing country, ISO 3166-1 alpha-3. */
  country: string;
  numberEnding: string;
  numberLength: number;
}

export type MatchReason =
  | DocumentMatchReason
  /** The best pg_trgm similarity between any of the two persons' normalised names. */
  | { code: 'NAME_SIMILAR'; similarity: number }
  /** The same name tokens in another order (and no name of the two in the same order). */
  | { code: 'NAME_SAME_TOKENS_REORDERED' }
  /** Dates of birth at most 365 days apart; `estimated` when either date is an estimate. */
  | { code: 'DOB_WITHIN_ONE_YEAR'; days: number; estimated: boolean }
  /** Dates of birth more than two years apart; `estimated` when either date is an estimate. */
  | { code: 'DOB_MISMATCH'; days: number; estimated: boolean }
  | { code: 'NATIONALITY_SHARED'; value: string }
  | { code: 'NATIONALITY_DIFFERENT' };

export interface MatchScore {
  /** 0..1; at or above {@link POSSIBLE_MATCH_THRESHOLD} the candidate is a possible previous encounter. */
  score: number;
  reasons: MatchReason[];
}

/** At or above this score a candidate is shown as a "possible previous encounter" (never merged automatically). */
export const POSSIBLE_MATCH_THRESHOLD = 0.6;

/** The score of a candidate holding the same document (number and issuing country) as the probe, whatever else differs. */
export const DOCUMENT_MATCH_SCORE = 1;

/**
 * Name similarity at or below this counts for nothing (it is pg_trgm's default `similarity_threshold`:
 * below it two names share little more than common letter runs). From here to 1 the name contributes
 * linearly up to {@link NAME_WEIGHT}.
 */
export const NAME_SIMILARITY_FLOOR = 0.3;

/**
 * What identical names are worth on their own. It is below the threshold on purpose: a name alone,
 * however close, is not enough ("Mohamed Ali" is thousands of people); at least a date of birth or a
 * nationality must agree too, or a document.
 */
export const NAME_WEIGHT = 0.55;

/** Known dates of birth 0 days apart; falls linearly to half of it at 365 days. */
export const DOB_WITHIN_YEAR_WEIGHT = 0.25;
/** The same when either date is an estimate (estimates cluster on 1 January and on round ages). */
export const DOB_WITHIN_YEAR_WEIGHT_ESTIMATED = 0.15;
/** Subtracted when known dates of birth are more than two years apart. */
export const DOB_MISMATCH_PENALTY = 0.3;
/** Subtracted when the dates are more than two years apart but either is an estimate. */
export const DOB_MISMATCH_PENALTY_ESTIMATED = 0.15;
/** Dates of birth at most this many days apart count for. */
export const DOB_WITHIN_DAYS = 365;
/** Dates of birth more than this many days apart count against; in between they are neutral. */
export const DOB_MISMATCH_AFTER_DAYS = 730;

/** Added when the two persons share a nationality. */
export const NATIONALITY_SHARED_WEIGHT = 0.1;
/** Subtracted when they share none: only a little, people hold several nationalities or claim another. */
export const NATIONALITY_DIFFERENT_PENALTY = 0.05;

/** ISO 3166 user-assigned code for an unknown nationality: it is no evidence either way. */
const UNKNOWN_NATIONALITY = 'XXX';

/**
 * The lowest name similarity with which a candidate can still reach {@link POSSIBLE_MATCH_THRESHOLD}
 * without a document match (with the best possible date of birth and a shared nationality), rounded down
 * to two decimals. The database pre-filter may use it as its pg_trgm threshold
 * (`SET LOCAL pg_trgm.similarity_threshold = …` and the `%` operator) without losing a possible match;
 * document matches come from their own exact index.
 */
export const NAME_PREFILTER_SIMILARITY = prefilterSimilarity();

function prefilterSimilarity(): number {
  const neededFromName = Math.max(0, POSSIBLE_MATCH_THRESHOLD - DOB_WITHIN_YEAR_WEIGHT - NATIONALITY_SHARED_WEIGHT);
  const similarity = NAME_SIMILARITY_FLOOR + ((1 - NAME_SIMILARITY_FLOOR) * neededFromName) / NAME_WEIGHT;
  return Math.max(NAME_SIMILARITY_FLOOR, Math.floor(similarity * 100) / 100);
}

/**
 * A document number as compared: NFKC (full-width digits become ASCII), upper-case, spaces and dashes
 * removed. "p 123-4567" and "P1234567" are the same number.
 */
export function normaliseDocumentNumber(number: string): string {
  return number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―−]/gu, '');
}

/**
 * Whether a normalised document number can identify anyone. Field registrations hold placeholders
 * ("0", "N/A", "NONE", "000000"), and two people with the placeholder "NONE" are not one person: a usable
 * number has at least 4 characters, at least one digit, and not a single repeated character.
 */
function isUsableDocumentNumber(normalised: string): boolean {
  return normalised.length >= 4 && /\p{N}/u.test(normalised) && !/^(.)\1*$/u.test(normalised);
}

function documentMatches(a: PersonDocument[], b: PersonDocument[]): MatchReason[] {
  const found = new Map<string, { kinds: string[]; country: string; number: string }>();
  for (const left of a) {
    const number = normaliseDocumentNumber(left.number);
    const country = left.country.trim().toUpperCase();
    if (!isUsableDocumentNumber(number) || country.length === 0) continue;
    for (const right of b) {
      if (normaliseDocumentNumber(right.number) !== number || right.country.trim().toUpperCase() !== country) continue;
      // The kinds need not agree (a passport number recorded as an ID number is still that number);
      // both are named, in sorted order so the reason is the same whichever person is the probe.
      const kinds = [...new Set([left.kind, right.kind].map((kind) => kind.trim().toUpperCase()))].sort();
      found.set(`${kinds.join('/')} ${country} ${number}`, { kinds, country, number });
    }
  }
  return [...found.keys()].sort().map((key) => {
    const { kinds, country, number } = found.get(key)!;
    return documentMatchReason(kinds, country, maskDocumentNumber(number));
  });
}

/* -------------------------------------------------------------------------------------------------- */
/* Masking document numbers                                                                            */
/* -------------------------------------------------------------------------------------------------- */

/** What a reader is told of a document number: its last characters and its length, never the number. */
export interface MaskedDocumentNumber {
  numberEnding: string;
  numberLength: number;
}

/** The character standing for each hidden character of a masked number. */
export const MASK_CHARACTER = '•';

/**
 * A document number as a reader who may not see the record holding it is told it: its last characters, at
 * most 3 and never more than half of it, and its length. The same rule as the encounter comparison's
 * database function (`right(n, least(3, char_length(n) / 2))`): lengths count characters (code points, as
 * Postgres does), not UTF-16 units. A number of 1 character shows none. Pass the normalised number
 * ({@link normaliseDocumentNumber}) so the ending is the one compared; an already masked number
 * ("•••••567") masks to itself.
 */
export function maskDocumentNumber(number: string): MaskedDocumentNumber {
  const characters = [...number];
  const shown = Math.min(3, Math.floor(characters.length / 2));
  return { numberEnding: characters.slice(characters.length - shown).join(''), numberLength: characters.length };
}

/** A masked number written out: one {@link MASK_CHARACTER} per hidden character, then the ending ("•••••567"). */
export function maskedDocumentText(masked: MaskedDocumentNumber): string {
  const ending = [...masked.numberEnding];
  return `${MASK_CHARACTER.repeat(Math.max(0, masked.numberLength - ending.length))}${ending.join('')}`;
}

function documentMatchReason(kinds: string[], country: string, masked: MaskedDocumentNumber): DocumentMatchReason {
  return { code: 'DOCUMENT_MATCH', detail: `${kinds.join('/')} ${country} ${maskedDocumentText(masked)}`, kinds, country, ...masked };
}

/**
 * Match reasons as an answer may carry them: every DOCUMENT_MATCH rebuilt from its parts with the number
 * masked ({@link maskDocumentNumber}), whatever was stored — reasons kept before numbers were masked carry
 * the full number in `detail` ("KIND COUNTRY NUMBER"). Other reasons pass unchanged; anything that is not a
 * list of reasons answers an empty list.
 */
export function maskMatchReasons(reasons: unknown): MatchReason[] {
  if (!Array.isArray(reasons)) return [];
  return reasons.flatMap((reason: unknown): MatchReason[] => {
    if (typeof reason !== 'object' || reason === null) return [];
    const r = reason as Record<string, unknown>;
    if (r['code'] !== 'DOCUMENT_MATCH') return [reason as MatchReason];
    const words = typeof r['detail'] === 'string' ? r['detail'].trim().split(/\s+/u) : [];
    const kinds = Array.isArray(r['kinds']) && r['kinds'].every((k) => typeof k === 'string') ? (r['kinds'] as string[]) : (words[0] ?? '').split('/').filter(Boolean);
    const country = typeof r['country'] === 'string' ? r['country'] : words.length >= 3 ? (words[1] ?? '') : '';
    // The number is the detail's last word (when it has one after the kinds and country), masked again: masking is idempotent.
    const masked =
      words.length >= 3
        ? maskDocumentNumber(words.slice(2).join(''))
        : typeof r['numberEnding'] === 'string' && typeof r['numberLength'] === 'number'
          ? maskDocumentNumber(MASK_CHARACTER.repeat(Math.max(0, r['numberLength'] - [...r['numberEnding']].length)) + r['numberEnding'])
          : maskDocumentNumber('');
    return [documentMatchReason(kinds, country, masked)];
  });
}

interface NameEvidence {
  similarity: number;
  reordered: boolean;
}

function nameEvidence(a: string[], b: string[]): NameEvidence {
  const left = a.map(normaliseName).filter((name) => name.length > 0);
  const right = b.map(normaliseName).filter((name) => name.length > 0);
  let similarity = 0;
  let sameOrder = false;
  let sameTokens = false;
  for (const l of left) {
    for (const r of right) {
      similarity = Math.max(similarity, trigramSimilarity(l, r));
      if (l === r) sameOrder = true;
      else if (sortedTokenKey(l) === sortedTokenKey(r)) sameTokens = true;
    }
  }
  return { similarity, reordered: sameTokens && !sameOrder };
}

/** Days since 1970-01-01 of a valid YYYY-MM-DD date, or undefined. No time zone is involved. */
function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const parsed = new Date(time);
  // Date.UTC maps years 0–99 to 1900–1999, and rolls 2023-02-30 over to March: refuse both.
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return undefined;
  return time / 86_400_000;
}

function dobEvidence(a: PersonFacts['dateOfBirth'], b: PersonFacts['dateOfBirth']): { value: number; reason?: MatchReason } {
  if (!a || !b) return { value: 0 };
  const left = dayNumber(a.date);
  const right = dayNumber(b.date);
  if (left === undefined || right === undefined) return { value: 0 };
  const days = Math.abs(left - right);
  const estimated = a.estimated || b.estimated;
  if (days <= DOB_WITHIN_DAYS) {
    const weight = estimated ? DOB_WITHIN_YEAR_WEIGHT_ESTIMATED : DOB_WITHIN_YEAR_WEIGHT;
    return { value: weight * (1 - days / (2 * DOB_WITHIN_DAYS)), reason: { code: 'DOB_WITHIN_ONE_YEAR', days, estimated } };
  }
  if (days > DOB_MISMATCH_AFTER_DAYS) {
    return {
      value: -(estimated ? DOB_MISMATCH_PENALTY_ESTIMATED : DOB_MISMATCH_PENALTY),
      reason: { code: 'DOB_MISMATCH', days, estimated },
    };
  }
  return { value: 0 };
}

function nationalityCodes(codes: string[]): Set<string> {
  return new Set(codes.map((code) => code.trim().toUpperCase()).filter((code) => code.length > 0 && code !== UNKNOWN_NATIONALITY));
}

function nationalityEvidence(a: string[], b: string[]): { value: number; reasons: MatchReason[] } {
  const left = nationalityCodes(a);
  const right = nationalityCodes(b);
  if (left.size === 0 || right.size === 0) return { value: 0, reasons: [] };
  const shared = [...left].filter((code) => right.has(code)).sort();
  if (shared.length === 0) return { value: -NATIONALITY_DIFFERENT_PENALTY, reasons: [{ code: 'NATIONALITY_DIFFERENT' }] };
  return { value: NATIONALITY_SHARED_WEIGHT, reasons: shared.map((value) => ({ code: 'NATIONALITY_SHARED', value })) };
}

/**
 * How likely it is that `candidate` (a person already known) is `probe` (the person at intake), with the
 * reasons. Symmetric: `scoreCandidate(a, b).score === scoreCandidate(b, a).score`.
 *
 * - The same usable document number from the same issuing country scores {@link DOCUMENT_MATCH_SCORE}
 *   whatever else differs (a new transliteration of the name, an estimated date of birth).
 * - Otherwise the score is the sum, kept within 0..1, of:
 *   - names: the best {@link trigramSimilarity} between any name of the one and any name of the other,
 *     both normalised, scaled from {@link NAME_SIMILARITY_FLOOR} (0) to 1 ({@link NAME_WEIGHT});
 *   - date of birth: for when at most a year apart (less when either is estimated), neutral up to two
 *     years, against beyond (less when either is estimated), nothing when either is missing or invalid;
 *   - nationality: a shared one helps, none shared hurts a little, nothing when either is unknown.
 *
 * The reasons list every fact that counted, for or against, including the names and dates alongside a
 * document match so the reviewer sees the whole picture.
 */
export function scoreCandidate(probe: PersonFacts, candidate: PersonFacts): MatchScore {
  const reasons: MatchReason[] = documentMatches(probe.documentNumbers, candidate.documentNumbers);
  const documentMatch = reasons.length > 0;

  const names = nameEvidence(probe.names, candidate.names);
  const nameStrength = Math.max(0, (names.similarity - NAME_SIMILARITY_FLOOR) / (1 - NAME_SIMILARITY_FLOOR));
  if (names.similarity > NAME_SIMILARITY_FLOOR) reasons.push({ code: 'NAME_SIMILAR', similarity: names.similarity });
  if (names.reordered) reasons.push({ code: 'NAME_SAME_TOKENS_REORDERED' });

  const dob = dobEvidence(probe.dateOfBirth, candidate.dateOfBirth);
  if (dob.reason) reasons.push(dob.reason);

  const nationality = nationalityEvidence(probe.nationalities, candidate.nationalities);
  reasons.push(...nationality.reasons);

  const combined = NAME_WEIGHT * nameStrength + dob.value + nationality.value;
  const score = documentMatch ? DOCUMENT_MATCH_SCORE : Math.min(1, Math.max(0, combined));
  return { score, reasons };
}

/** Whether a score makes the candidate a "possible previous encounter" to show for review. */
export function isPossibleMatch(match: MatchScore): boolean {
  return match.score >= POSSIBLE_MATCH_THRESHOLD;
}
