import fc from 'fast-check';
import {
  DOB_MISMATCH_PENALTY,
  DOB_WITHIN_YEAR_WEIGHT,
  DOCUMENT_MATCH_SCORE,
  isPossibleMatch,
  MASK_CHARACTER,
  maskDocumentNumber,
  maskedDocumentText,
  maskMatchReasons,
  MatchScore,
  NAME_PREFILTER_SIMILARITY,
  NAME_VARIANT_FAMILIES,
  NAME_WEIGHT,
  NATIONALITY_SHARED_WEIGHT,
  nameTokens,
  normaliseDocumentNumber,
  normaliseName,
  POSSIBLE_MATCH_THRESHOLD,
  PersonFacts,
  scoreCandidate,
  sortedTokenKey,
  trigrams,
  trigramSimilarity,
} from './name-matching';

function person(facts: Partial<PersonFacts> & Pick<PersonFacts, 'names'>): PersonFacts {
  return { nationalities: [], documentNumbers: [], ...facts };
}

const codes = (match: MatchScore): string[] => match.reasons.map((reason) => reason.code);

/** The NAME_SIMILAR reason's similarity, 0 when there is none. */
function nameSimilarity(match: MatchScore): number {
  for (const reason of match.reasons) if (reason.code === 'NAME_SIMILAR') return reason.similarity;
  return 0;
}

describe('normaliseName', () => {
  it('brings Somali, Arabic and English spellings of the same names to one form', () => {
    expect(normaliseName('Muhammad Abdy Xasan')).toBe(normaliseName('Mohamed Abdi Hassan'));
    expect(normaliseName('Cabdullaahi Maxamed')).toBe(normaliseName('Abdullahi Mohamed'));
    expect(normaliseName('Axmed Xuseen Cumar')).toBe(normaliseName('Ahmed Hussein Omar'));
    expect(normaliseName('Yuusuf Cali Jaamac')).toBe(normaliseName('Yousuf Ali Jama'));
    expect(normaliseName('Xaliimo Xirsi')).toBe(normaliseName('Halima Hersi'));
  });

  it('meets Fatuma, Faadumo and Fatima in one token', () => {
    const forms = ['Fatuma', 'Faadumo', 'Fatima', 'FATMA', 'Fatouma'].map(normaliseName);
    expect(new Set(forms).size).toBe(1);
    expect(nameTokens(forms[0] ?? '')).toHaveLength(1);
  });

  it('removes diacritics so Hélène Ndayishimiye is Helene Ndayishimiye', () => {
    expect(normaliseName('Hélène Ndayishimiye')).toBe('helene ndayishimiye');
    expect(normaliseName('Helene Ndayishimiye')).toBe('helene ndayishimiye');
    expect(normaliseName('Désiré Saïd')).toBe('desire said');
    expect(normaliseName('İBRAHİM Ａｌｉ')).toBe('ibrahim ali');
  });

  it('folds South Sudanese letters that have no decomposition (Garaŋ is Garang)', () => {
    expect(normaliseName('Nyandɛŋ Garaŋ')).toBe(normaliseName('Nyandeng Garang'));
  });

  it('turns hyphens and punctuation into spaces, deletes apostrophes, and collapses whitespace', () => {
    expect(normaliseName('  GEBRE-MEDHIN,\tTesfay.  ')).toBe('gebre medhin tesfay');
    expect(normaliseName("Isma'il Sa’id")).toBe(normaliseName('Ismail Said'));
    // An acute accent typed as an apostrophe (U+00B4) would become a space under NFKD.
    expect(normaliseName('Ja\u00b4far')).toBe('jafar');
  });

  it('applies the spelling rules to names that are not in the variant table', () => {
    const pairs: [string, string][] = [
      ['Abdoulaye', 'Abdulaye'], // French ou
      ['Hamdy', 'Hamdi'], // final y after a consonant
      ['Xamdi Faarax', 'Hamdi Farah'], // Somali x for ḥ, long vowels
      ['Ghebremedhin', 'Gebremedhin'], // Tigrinya gh
      ['Khamis', 'Hamis'], // kh
      ['Qasim', 'Kasim'], // q
      ['Joseph', 'Josef'], // ph
      ['Thomas Judith', 'Tomas Judit'], // th at either end of a name
      ['Cabdiwali', 'Abdiwali'], // Somali c for ʿayn in Cabd-
    ];
    for (const [a, b] of pairs) expect([a, normaliseName(a)]).toEqual([a, normaliseName(b)]);
  });

  it('leaves spellings alone where the letters are not a mere variant', () => {
    expect(normaliseName('Fathi')).not.toBe(normaliseName('Fati')); // t-h inside a name can be two sounds
    expect(normaliseName('Jacques')).toBe('jacques'); // qu is left alone
    expect(normaliseName('Teklay')).toBe('teklay'); // a y after a vowel is kept
    expect(normaliseName('Cumar')).toBe(normaliseName('Omar')); // listed ʿayn names lose their c ...
    expect(normaliseName('Carine Cécile')).toBe('carine cecile'); // ... but c is not dropped in general
  });

  it('keeps the order of the names and never drops one', () => {
    expect(normaliseName('Ali bin Omar')).toBe('ali bin omar');
    expect(normaliseName('Omar bin Ali')).toBe('omar bin ali');
    expect(nameTokens(normaliseName('Abdi Abdi Abdi'))).toEqual(['abdi', 'abdi', 'abdi']);
  });

  it('keeps clearly different names apart', () => {
    expect(normaliseName('Ali')).not.toBe(normaliseName('Alia'));
    expect(normaliseName('Amina')).not.toBe(normaliseName('Aminata'));
    expect(normaliseName('Hassan')).not.toBe(normaliseName('Hussein'));
    // Mohamud is Mahmud (محمود), not Mohamed (محمد).
    expect(normaliseName('Mohamud')).toBe(normaliseName('Mahmoud'));
    expect(normaliseName('Mohamud')).not.toBe(normaliseName('Mohamed'));
    // Sh and ch are sounds of their own; a y after a vowel is kept (Teklay is not Tekle).
    expect(normaliseName('Shamsa')).not.toBe(normaliseName('Samsa'));
    expect(normaliseName('Teklay')).not.toBe(normaliseName('Tekle'));
    // C is a consonant in the region's French names: only the listed Somali ʿayn names lose it.
    expect(normaliseName('Cécile Patrice')).toBe('cecile patrice');
  });

  it('keeps names in Ge’ez and Arabic script in their script', () => {
    expect(normaliseName('ሙሉጌታ ተስፋዬ')).toBe('ሙሉጌታ ተስፋዬ');
    expect(normaliseName('مُحَمَّد')).toBe('محمد');
  });

  it('brings every spelling in the variant table to its family’s canonical form, and keeps families apart', () => {
    const canonicals = NAME_VARIANT_FAMILIES.map((family) => normaliseName(family[0] ?? ''));
    expect(new Set(canonicals).size).toBe(NAME_VARIANT_FAMILIES.length);
    NAME_VARIANT_FAMILIES.forEach((family, i) => {
      for (const variant of family) expect([variant, normaliseName(variant)]).toEqual([variant, canonicals[i]]);
    });
  });

  it('is idempotent on the region’s names', () => {
    for (const raw of ['Maxamed Cabdiraxmaan', 'Youssouf Ould Moussa', 'Ghirmay Tesfamariam', 'Nyandɛŋ Garaŋ', 'Jean-Baptiste Niyonzima']) {
      const once = normaliseName(raw);
      expect(normaliseName(once)).toBe(once);
    }
  });

  it('is idempotent for arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (raw) => {
        const once = normaliseName(raw);
        expect(normaliseName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('produces single-spaced lower-case letters and digits only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const normalised = normaliseName(raw);
        expect(normalised).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(normalised).toBe(normalised.toLowerCase());
      }),
    );
  });
});

describe('sortedTokenKey', () => {
  it('is the same for names given in another order', () => {
    const a = normaliseName('Mohamed Abdi Hassan');
    const b = normaliseName('Hassan Mohamed Abdi');
    expect(a).not.toBe(b);
    expect(sortedTokenKey(a)).toBe(sortedTokenKey(b));
    expect(sortedTokenKey(a)).toBe('abdi hasan mohamed');
  });

  it('does not depend on the order of the tokens', () => {
    const token = fc.constantFrom('mohamed', 'abdi', 'hasan', 'fatima', 'garang', 'niyonzima', 'ali');
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 5 }), (tokens) => {
        expect(sortedTokenKey([...tokens].reverse().join(' '))).toBe(sortedTokenKey(tokens.join(' ')));
      }),
    );
  });
});

describe('trigramSimilarity (pg_trgm similarity())', () => {
  it('extracts the trigrams pg_trgm shows for a word', () => {
    // SELECT show_trgm('word') in PostgreSQL 15 / pg_trgm 1.6.
    expect(trigrams('word')).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
    expect(trigrams('Two-Words!')).toEqual(['  t', '  w', ' tw', ' wo', 'ds ', 'ord', 'rds', 'two', 'wo ', 'wor']);
  });

  it('agrees with values computed by hand and by PostgreSQL', () => {
    // 'word' → {"  w"," wo","wor","ord","rd "} (5); 'two words' → {"  t"," tw","two","wo ","  w"," wo","wor","ord",
    // "rds","ds "} (10); shared: "  w"," wo","wor","ord" (4). 4 / (5 + 10 − 4) = 4/11 → 0.36363637 as a real,
    // which is what PostgreSQL's similarity('word', 'two words') returns.
    expect(trigramSimilarity('word', 'two words')).toBe(Math.fround(4 / 11));
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(0.36363637, 8);
    // 'mohamed' → "  m"," mo","moh","oha","ham","ame","med","ed " (8); 'muhamed' → "  m"," mu","muh","uha",
    // "ham","ame","med","ed " (8); shared: "  m","ham","ame","med","ed " (5). 5 / (8 + 8 − 5) = 5/11 = 0.45454547.
    expect(trigramSimilarity('mohamed', 'muhamed')).toBe(Math.fround(5 / 11));
    // 'abdi' → "  a"," ab","abd","bdi","di " (5); 'abdy' → "  a"," ab","abd","bdy","dy " (5); shared 3.
    // 3 / (5 + 5 − 3) = 3/7 = 0.42857143.
    expect(trigramSimilarity('abdi', 'abdy')).toBe(Math.fround(3 / 7));
  });

  it('follows pg_trgm on case, punctuation, word order, repetition and empty input', () => {
    expect(trigramSimilarity('ABDI', 'abdi')).toBe(1);
    expect(trigramSimilarity("o'brien", 'o brien')).toBe(1);
    expect(trigramSimilarity('a_b', 'a b')).toBe(1);
    expect(trigramSimilarity('hasan abdi', 'abdi hasan')).toBe(1);
    expect(trigramSimilarity('abdi abdi', 'abdi')).toBe(1);
    expect(trigramSimilarity('', '')).toBe(0);
    expect(trigramSimilarity('abdi', '---')).toBe(0);
    // PostgreSQL: similarity('hélène', 'helene') = 0.16666667 (2 shared of 12: "  h", "ne ").
    expect(trigramSimilarity('hélène', 'helene')).toBe(Math.fround(2 / 12));
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const s = trigramSimilarity(a, b);
        expect(trigramSimilarity(b, a)).toBe(s);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('normaliseDocumentNumber', () => {
  it('upper-cases and removes spaces and dashes', () => {
    expect(normaliseDocumentNumber(' p 123-4567 ')).toBe('P1234567');
    expect(normaliseDocumentNumber('ＰＡ１２３４５')).toBe('PA12345');
  });
});

describe('scoreCandidate', () => {
  const amina = person({
    names: ['Amina Mohamed Abdi'],
    dateOfBirth: { date: '1994-05-02', estimated: false },
    nationalities: ['SOM'],
    documentNumbers: [{ kind: 'PASSPORT', number: 'P1234567', country: 'SOM' }],
  });

  it('finds the same person under Somali spelling, estimated birth date and no documents', () => {
    const probe = person({ names: ['Mohamed Abdi Hassan'], dateOfBirth: { date: '1990-03-14', estimated: false }, nationalities: ['SOM'] });
    const known = person({ names: ['Maxamed Cabdi Xasan'], dateOfBirth: { date: '1990-01-01', estimated: true }, nationalities: ['SOM', 'KEN'] });
    const match = scoreCandidate(probe, known);
    expect(match.score).toBeGreaterThanOrEqual(POSSIBLE_MATCH_THRESHOLD);
    expect(isPossibleMatch(match)).toBe(true);
    expect(match.reasons).toEqual([
      { code: 'NAME_SIMILAR', similarity: 1 },
      { code: 'DOB_WITHIN_ONE_YEAR', days: 72, estimated: true },
      { code: 'NATIONALITY_SHARED', value: 'SOM' },
    ]);
  });

  it('passes the threshold with a similar (not identical) name, birth dates within a year and a shared nationality', () => {
    const probe = person({ names: ['Abdirahman Mohamed Farah'], dateOfBirth: { date: '1988-07-10', estimated: false }, nationalities: ['SOM'] });
    const known = person({ names: ['Abdi Rahman Mohamed Farax'], dateOfBirth: { date: '1988-01-01', estimated: false }, nationalities: ['SOM'] });
    const match = scoreCandidate(probe, known);
    expect(nameSimilarity(match)).toBeLessThan(1);
    expect(nameSimilarity(match)).toBeGreaterThan(0.7);
    expect(isPossibleMatch(match)).toBe(true);
  });

  it('flags names given in another order', () => {
    const probe = person({ names: ['Hassan Mohamed Abdi'], nationalities: ['SOM'] });
    const known = person({ names: ['Mohamed Abdi Hassan'], nationalities: ['SOM'] });
    const match = scoreCandidate(probe, known);
    expect(codes(match)).toEqual(['NAME_SIMILAR', 'NAME_SAME_TOKENS_REORDERED', 'NATIONALITY_SHARED']);
    expect(isPossibleMatch(match)).toBe(true);
  });

  it('does not flag a reorder when one of the names is also given in the same order', () => {
    const probe = person({ names: ['Hassan Mohamed Abdi', 'Mohamed Abdi Hassan'] });
    const known = person({ names: ['Mohamed Abdi Hassan'] });
    expect(codes(scoreCandidate(probe, known))).toEqual(['NAME_SIMILAR']);
  });

  it('compares every name the persons have used and keeps the best', () => {
    const probe = person({ names: ['Faadumo Cali', 'Fatuma Ali Jama'], nationalities: ['SOM'] });
    const known = person({ names: ['Khadija Omar', 'Fatima Ali Jama'], nationalities: ['SOM'] });
    expect(scoreCandidate(probe, known).reasons[0]).toEqual({ code: 'NAME_SIMILAR', similarity: 1 });
  });

  it('matches on the same passport despite a different transliteration of the name', () => {
    const known = person({
      names: ['Yohannes Tesfamariam'],
      dateOfBirth: { date: '1996-01-01', estimated: true },
      nationalities: ['ERI'],
      documentNumbers: [{ kind: 'PASSPORT', number: 'P1234567', country: 'ERI' }],
    });
    const probe = person({
      names: ['Yohanis Tesfa Mariam'],
      dateOfBirth: { date: '1992-06-15', estimated: false },
      nationalities: ['ETH'],
      documentNumbers: [{ kind: 'passport', number: 'p 123-4567', country: 'eri' }],
    });
    const match = scoreCandidate(probe, known);
    expect(match.score).toBe(DOCUMENT_MATCH_SCORE);
    expect(match.reasons[0]).toEqual({ code: 'DOCUMENT_MATCH', detail: 'PASSPORT ERI •••••567', kinds: ['PASSPORT'], country: 'ERI', numberEnding: '567', numberLength: 8 });
    expect(JSON.stringify(match)).not.toContain('1234567');
    // Everything else is still shown to the reviewer, including what speaks against.
    expect(codes(match)).toEqual(expect.arrayContaining(['DOB_MISMATCH', 'NATIONALITY_DIFFERENT']));
  });

  it('does not match the same number issued by another country', () => {
    const other = person({ ...amina, documentNumbers: [{ kind: 'PASSPORT', number: 'P1234567', country: 'KEN' }] });
    const match = scoreCandidate(amina, other);
    expect(codes(match)).not.toContain('DOCUMENT_MATCH');
    expect(match.score).toBeLessThan(DOCUMENT_MATCH_SCORE);
  });

  it('does not match on placeholder document numbers', () => {
    for (const placeholder of ['N/A', '0', '000000', 'NONE']) {
      const a = person({ names: ['Ahmed Yusuf'], documentNumbers: [{ kind: 'NATIONAL_ID', number: placeholder, country: 'SOM' }] });
      const b = person({ names: ['Abebe Kebede'], documentNumbers: [{ kind: 'NATIONAL_ID', number: placeholder, country: 'SOM' }] });
      expect([placeholder, scoreCandidate(a, b).score]).toEqual([placeholder, 0]);
    }
  });

  it('names both kinds when the same number was recorded as different kinds, whichever person is the probe', () => {
    const a = person({ names: ['Amina Mohamed'], documentNumbers: [{ kind: 'PASSPORT', number: 'A1234567', country: 'SOM' }] });
    const b = person({ names: ['Amina Mohamed'], documentNumbers: [{ kind: 'NATIONAL_ID', number: 'A1234567', country: 'SOM' }] });
    expect(scoreCandidate(a, b).reasons[0]).toEqual({
      code: 'DOCUMENT_MATCH',
      detail: 'NATIONAL_ID/PASSPORT SOM •••••567',
      kinds: ['NATIONAL_ID', 'PASSPORT'],
      country: 'SOM',
      numberEnding: '567',
      numberLength: 8,
    });
    expect(scoreCandidate(b, a).reasons).toEqual(scoreCandidate(a, b).reasons);
  });

  it('does not take a common name 20 years apart and of another nationality for one person', () => {
    const elder = person({ names: ['Mohamed Ali'], dateOfBirth: { date: '1975-02-01', estimated: false }, nationalities: ['SOM'] });
    const younger = person({ names: ['Mohamed Ali'], dateOfBirth: { date: '1995-08-20', estimated: false }, nationalities: ['SDN'] });
    const match = scoreCandidate(elder, younger);
    expect(match.score).toBeLessThan(POSSIBLE_MATCH_THRESHOLD);
    expect(match.score).toBeCloseTo(NAME_WEIGHT - DOB_MISMATCH_PENALTY - 0.05, 10);
    expect(codes(match)).toEqual(['NAME_SIMILAR', 'DOB_MISMATCH', 'NATIONALITY_DIFFERENT']);
  });

  it('does not take an identical name alone for a possible match, but does with one more agreeing fact', () => {
    const nameOnly = scoreCandidate(person({ names: ['Amina Mohamed Abdi'] }), person({ names: ['Aamina Maxamed Cabdi'] }));
    expect(nameOnly.score).toBeCloseTo(NAME_WEIGHT, 10);
    expect(isPossibleMatch(nameOnly)).toBe(false);
    const withNationality = scoreCandidate(person({ names: ['Amina Mohamed Abdi'], nationalities: ['SOM'] }), amina);
    expect(withNationality.score).toBeCloseTo(NAME_WEIGHT + NATIONALITY_SHARED_WEIGHT, 10);
    expect(isPossibleMatch(withNationality)).toBe(true);
  });

  it('scores clearly different people far below the threshold even with the same birth date and nationality', () => {
    const a = person({ names: ['Ahmed Yusuf'], dateOfBirth: { date: '1990-01-01', estimated: true }, nationalities: ['ETH'] });
    const b = person({ names: ['Abebe Kebede'], dateOfBirth: { date: '1990-01-01', estimated: true }, nationalities: ['ETH'] });
    const match = scoreCandidate(a, b);
    expect(match.score).toBeLessThan(POSSIBLE_MATCH_THRESHOLD / 2);
    expect(codes(match)).not.toContain('NAME_SIMILAR');
  });

  it('weighs an estimated birth date less than a known one', () => {
    const probe = person({ names: ['Jean-Claude Niyonzima'], dateOfBirth: { date: '2001-04-12', estimated: false }, nationalities: ['BDI'] });
    const known = (estimated: boolean) =>
      person({ names: ['Jean Claude Niyonzima'], dateOfBirth: { date: '2001-04-12', estimated }, nationalities: ['BDI'] });
    const exact = scoreCandidate(probe, known(false));
    const estimated = scoreCandidate(probe, known(true));
    expect(exact.score).toBeCloseTo(NAME_WEIGHT + DOB_WITHIN_YEAR_WEIGHT + NATIONALITY_SHARED_WEIGHT, 10);
    expect(estimated.score).toBeLessThan(exact.score);
    expect(isPossibleMatch(estimated)).toBe(true);
  });

  it('counts birth dates days apart for more than dates months apart', () => {
    const probe = person({ names: ['Halima Osman'], dateOfBirth: { date: '1999-06-01', estimated: false } });
    const at = (date: string) => scoreCandidate(probe, person({ names: ['Xaliimo Cusmaan'], dateOfBirth: { date, estimated: false } }));
    expect(at('1999-06-11').score).toBeGreaterThan(at('2000-04-01').score);
    expect(at('2000-04-01').score).toBeGreaterThan(at('1997-01-01').score);
  });

  it('is neutral about birth dates between one and two years apart, and ignores invalid dates', () => {
    const probe = person({ names: ['Deng Garang'], dateOfBirth: { date: '2000-01-01', estimated: true }, nationalities: ['SSD'] });
    const eighteenMonths = person({ names: ['Deng Garaŋ'], dateOfBirth: { date: '2001-07-01', estimated: true }, nationalities: ['SSD'] });
    const invalid = person({ names: ['Deng Garaŋ'], dateOfBirth: { date: '2001-02-30', estimated: false }, nationalities: ['SSD'] });
    expect(codes(scoreCandidate(probe, eighteenMonths))).toEqual(['NAME_SIMILAR', 'NATIONALITY_SHARED']);
    expect(codes(scoreCandidate(probe, invalid))).toEqual(['NAME_SIMILAR', 'NATIONALITY_SHARED']);
    expect(scoreCandidate(probe, eighteenMonths).score).toBeCloseTo(NAME_WEIGHT + NATIONALITY_SHARED_WEIGHT, 10);
  });

  it('treats the unknown nationality XXX as no information', () => {
    const a = person({ names: ['Hawa Ibrahim'], nationalities: ['XXX'] });
    const b = person({ names: ['Xaawo Ibraahim'], nationalities: ['SOM'] });
    expect(codes(scoreCandidate(a, b))).toEqual(['NAME_SIMILAR']);
  });

  describe('properties', () => {
    const names = fc.oneof(
      fc.constantFrom(
        'Mohamed Abdi Hassan',
        'Muhammad Abdy Xasan',
        'Hassan Mohamed Abdi',
        'Mohamed Ali',
        'Fatuma Ali Jama',
        'Faadumo Cali Jaamac',
        'Hélène Ndayishimiye',
        'Abebe Kebede',
        'Ahmed Yusuf',
        'Nyandeng Garang',
        'Amina',
        'Aminata',
      ),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const date = fc
      .record({ y: fc.integer({ min: 1940, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const country = fc.constantFrom('SOM', 'ETH', 'ERI', 'COD', 'BDI', 'SSD', 'KEN', 'XXX');
    const documentNumber = fc.stringMatching(/^[A-Z]{1,2}[0-9]{6,8}$/);
    const document = fc.record({ kind: fc.constantFrom('PASSPORT', 'NATIONAL_ID', 'REFUGEE_ID'), number: documentNumber, country });
    const facts: fc.Arbitrary<PersonFacts> = fc.record({
      names: fc.array(names, { maxLength: 3 }),
      dateOfBirth: fc.option(fc.record({ date, estimated: fc.boolean() }), { nil: undefined }),
      nationalities: fc.array(country, { maxLength: 2 }),
      documentNumbers: fc.array(document, { maxLength: 2 }),
    });

    it('scores symmetrically', () => {
      fc.assert(
        fc.property(facts, facts, (a, b) => {
          expect(scoreCandidate(b, a).score).toBe(scoreCandidate(a, b).score);
        }),
        { numRuns: 500 },
      );
    });

    it('keeps the score within 0..1', () => {
      fc.assert(
        fc.property(facts, facts, (a, b) => {
          const { score } = scoreCandidate(a, b);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        }),
        { numRuns: 500 },
      );
    });

    it('never lowers the score when an exact document match is added', () => {
      fc.assert(
        fc.property(facts, facts, document, (a, b, shared) => {
          const before = scoreCandidate(a, b);
          const after = scoreCandidate(
            { ...a, documentNumbers: [...a.documentNumbers, shared] },
            { ...b, documentNumbers: [...b.documentNumbers, { ...shared, number: shared.number.toLowerCase() }] },
          );
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.score).toBe(DOCUMENT_MATCH_SCORE);
        }),
        { numRuns: 500 },
      );
    });

    it('never reaches the threshold without a document when the names are less similar than the pre-filter', () => {
      fc.assert(
        fc.property(facts, facts, (a, b) => {
          const withoutDocuments = scoreCandidate({ ...a, documentNumbers: [] }, { ...b, documentNumbers: [] });
          if (nameSimilarity(withoutDocuments) < NAME_PREFILTER_SIMILARITY) expect(isPossibleMatch(withoutDocuments)).toBe(false);
        }),
        { numRuns: 500 },
      );
    });
  });

  it('gives the database a pre-filter threshold derived from the weights', () => {
    // The best a candidate without a document can get besides its name: 0.25 (known birth dates 0 days apart)
    // + 0.1 (shared nationality). To reach 0.6 the name must bring 0.25 of its 0.55, i.e. 0.4545 of the way
    // from the floor 0.3 to 1: 0.3 + 0.7 × 0.4545 = 0.618, rounded down to 0.61.
    expect(NAME_PREFILTER_SIMILARITY).toBe(0.61);
  });

  it('finds a person who gave two of their three names, with the same birth date and nationality', () => {
    // 'mohamed abdi' has 8 + 5 = 13 trigrams, all in 'mohamed abdi hasan' (13 + 6 = 19): 13/19 = 0.684.
    const probe = person({ names: ['Mohamed Abdi Hassan'], dateOfBirth: { date: '1990-01-01', estimated: false }, nationalities: ['SOM'] });
    const known = person({ names: ['Maxamed Cabdi'], dateOfBirth: { date: '1990-01-01', estimated: false }, nationalities: ['SOM'] });
    const match = scoreCandidate(probe, known);
    expect(nameSimilarity(match)).toBe(Math.fround(13 / 19));
    expect(isPossibleMatch(match)).toBe(true);
  });
});

describe('maskDocumentNumber', () => {
  it('tells the last 3 characters and the length of a number of 6 characters or more', () => {
    expect(maskDocumentNumber('P1234567')).toEqual({ numberEnding: '567', numberLength: 8 });
    expect(maskDocumentNumber('AB1234')).toEqual({ numberEnding: '234', numberLength: 6 });
    expect(maskedDocumentText(maskDocumentNumber('P1234567'))).toBe('•••••567');
  });

  it('never tells more than half of a short number', () => {
    expect(maskDocumentNumber('12345')).toEqual({ numberEnding: '45', numberLength: 5 });
    expect(maskDocumentNumber('1234')).toEqual({ numberEnding: '34', numberLength: 4 });
    expect(maskDocumentNumber('123')).toEqual({ numberEnding: '3', numberLength: 3 });
    expect(maskDocumentNumber('12')).toEqual({ numberEnding: '2', numberLength: 2 });
    expect(maskDocumentNumber('7')).toEqual({ numberEnding: '', numberLength: 1 });
    expect(maskDocumentNumber('')).toEqual({ numberEnding: '', numberLength: 0 });
    expect(maskedDocumentText(maskDocumentNumber('7'))).toBe('•');
  });

  it('counts characters, not UTF-16 units, as the database does', () => {
    // Arabic-Indic digits stay as they are after normalisation; an astral character is one character.
    expect(maskDocumentNumber('٠١٢٣٤٥٦٧')).toEqual({ numberEnding: '٥٦٧', numberLength: 8 });
    expect(maskDocumentNumber('AB𝟘𝟙𝟚𝟛')).toEqual({ numberEnding: '𝟙𝟚𝟛', numberLength: 6 });
    expect(maskDocumentNumber('ÉÇ12')).toEqual({ numberEnding: '12', numberLength: 4 });
    expect(maskedDocumentText(maskDocumentNumber('AB𝟘𝟙𝟚𝟛'))).toBe('•••𝟙𝟚𝟛');
  });

  it('masks a masked number to itself, and never shows more than half of any number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (number) => {
        const masked = maskDocumentNumber(number);
        const length = [...number].length;
        expect(masked.numberLength).toBe(length);
        expect([...masked.numberEnding].length).toBeLessThanOrEqual(Math.min(3, length / 2));
        expect(number.endsWith(masked.numberEnding)).toBe(true);
        expect(maskDocumentNumber(maskedDocumentText(masked))).toEqual(masked);
      }),
    );
  });
});

describe('maskMatchReasons', () => {
  it('masks the full number of a reason kept before numbers were masked, and keeps the other reasons', () => {
    const stored = [
      { code: 'DOCUMENT_MATCH', detail: 'NATIONAL_ID/PASSPORT SOM P1234567' },
      { code: 'NAME_SIMILAR', similarity: 0.8 },
      { code: 'NATIONALITY_SHARED', value: 'SOM' },
    ];
    const masked = maskMatchReasons(stored);
    expect(masked).toEqual([
      { code: 'DOCUMENT_MATCH', detail: `NATIONAL_ID/PASSPORT SOM ${MASK_CHARACTER.repeat(5)}567`, kinds: ['NATIONAL_ID', 'PASSPORT'], country: 'SOM', numberEnding: '567', numberLength: 8 },
      { code: 'NAME_SIMILAR', similarity: 0.8 },
      { code: 'NATIONALITY_SHARED', value: 'SOM' },
    ]);
    expect(JSON.stringify(masked)).not.toContain('1234567');
  });

  it('leaves reasons already masked as they are', () => {
    const a = person({ names: ['Amina Mohamed'], documentNumbers: [{ kind: 'PASSPORT', number: 'A1234567', country: 'SOM' }] });
    const b = person({ names: ['Amina Mohamed'], documentNumbers: [{ kind: 'NATIONAL_ID', number: 'a 123 4567', country: 'som' }] });
    const { reasons } = scoreCandidate(a, b);
    expect(maskMatchReasons(JSON.parse(JSON.stringify(reasons)))).toEqual(reasons);
  });

  it('answers an empty list for anything that is not a list of reasons', () => {
    expect(maskMatchReasons(null)).toEqual([]);
    expect(maskMatchReasons({ code: 'DOCUMENT_MATCH', detail: 'PASSPORT SOM P1234567' })).toEqual([]);
    expect(maskMatchReasons([null, 'P1234567'])).toEqual([]);
  });
});
