/**
 * The body of a registration as a border official's device would send it (POST /api/v1/intakes): one
 * person with a full screening interview. Every body has the same shape, so that the pgbench scripts
 * can do the same row inserts: 1 case, 1 person, 2 searchable names (the full name and one other
 * name), 1 identity document, 5 sections (ARRIVAL and NEEDS in clear, ASYLUM and two more sensitive
 * groups encrypted), 1 audit event. The values vary: names with their spelling variation, dates of
 * birth, nationalities, answers and narratives.
 */
import { randomUUID } from 'node:crypto';
import { chance, DocumentFacts, identity, int, pick, register, Registration, Rng } from './people';

export interface BorderPoint {
  id: string;
  code: string;
}

const ARRIVAL_MODE: Record<string, string> = { NMG: 'LAND', KGM: 'SEA', DAR: 'AIR', KSL: 'LAND' };
const HOW: Record<string, readonly string[]> = {
  LAND: ['IRREGULAR_CROSSING', 'REGULAR_CROSSING', 'SELF_PRESENTED', 'INTERCEPTED', 'FOUND_IN_TERRITORY'],
  SEA: ['IRREGULAR_CROSSING', 'RESCUED_AT_SEA', 'INTERCEPTED', 'SELF_PRESENTED'],
  AIR: ['REGULAR_CROSSING', 'SELF_PRESENTED'],
};
const ROUTES: Record<string, readonly string[][]> = {
  SOM: [['KEN'], ['ETH', 'KEN'], []],
  ETH: [['KEN'], ['SOM', 'KEN'], []],
  ERI: [['SDN', 'ETH', 'KEN'], ['ETH', 'KEN']],
  COD: [[], ['BDI'], ['ZMB']],
  BDI: [[], ['RWA']],
  SSD: [['UGA'], ['KEN'], ['UGA', 'KEN']],
};

const STATEMENT_PARTS = {
  asylum: [
    'Armed men came to our village at night and burned the houses.',
    'My husband was taken by the militia and we have not heard from him since.',
    'I was threatened because my family belongs to a minority clan.',
    'They said they would kill me if I did not join them.',
    'Our land was taken and my brother was killed when he refused to leave.',
    'I was arrested twice for attending meetings of the opposition.',
    'Fighting reached our town and we ran with what we could carry.',
    'The soldiers beat my father in front of us and took him away.',
  ],
  trafficking: [
    'The agent kept our papers until we paid more money.',
    'We were locked in a house for three weeks and our families were called for ransom.',
    'The driver said I owe him for the journey and must work for his friend.',
    'A woman promised work in a hotel but we were taken to a farm instead.',
    'We were left in the bush near the border without water.',
  ],
  health: [
    'Untreated wound on the left arm.',
    'Fever for five days, coughing.',
    'Seven months pregnant, swollen feet, no antenatal care so far.',
    'Diabetic, has run out of insulin.',
    'Child has diarrhoea and signs of dehydration.',
  ],
  torture: [
    'Scars on the back from beatings in detention.',
    'Was hung by the wrists for hours during interrogation.',
    'Burn marks on both arms, says they were made with cigarettes.',
  ],
  sgbv: [
    'Disclosed sexual violence by armed men on the road, about two weeks ago.',
    'Was married at fourteen and escaped the husband.',
    'Was forced to exchange sex for food at the transit point.',
  ],
};

function narrative(r: Rng, parts: readonly string[]): string {
  const count = int(r, 1, 3);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, parts.length)) chosen.add(pick(r, parts));
  return [...chosen].join(' ');
}

type Group = 'TRAFFICKING' | 'HEALTH' | 'TORTURE' | 'SGBV';

function sensitiveAnswers(r: Rng, group: Group): Record<string, unknown> {
  switch (group) {
    case 'TRAFFICKING':
      return {
        movement_controlled: chance(r, 0.5),
        debt_bondage: chance(r, 0.3),
        held_for_ransom: chance(r, 0.3),
        beaten_or_robbed: chance(r, 0.4),
        trafficking_account: narrative(r, STATEMENT_PARTS.trafficking),
      };
    case 'HEALTH':
      return { health_need: narrative(r, STATEMENT_PARTS.health), injured: chance(r, 0.3), critical_condition: chance(r, 0.05) };
    case 'TORTURE':
      return { torture_reported: true, witnessed_killings: chance(r, 0.5), torture_account: narrative(r, STATEMENT_PARTS.torture) };
    case 'SGBV':
      return { sexual_violence_disclosed: chance(r, 0.6), forced_or_early_marriage: chance(r, 0.3), sgbv_account: narrative(r, STATEMENT_PARTS.sgbv) };
  }
}

/** The other name registered with the person: always one that normalises differently from the full name. */
export function otherNameOf(registration: Registration): string {
  const tokens = `${registration.givenName} ${registration.familyName}`.split(' ');
  // Given name and grandfather's name (three names), or the names in the other order (two names).
  return tokens.length >= 3 ? `${tokens[0]} ${tokens[tokens.length - 1]}` : [...tokens].reverse().join(' ');
}

export interface GeneratedIntake {
  body: Record<string, unknown>;
  registration: Registration;
}

/**
 * A registration of identity `seed`: a first registration, or (`repeat`) the same person registered
 * again with their names spelled another way.
 */
export function intakeBody(r: Rng, seed: number, borderPoint: BorderPoint, repeat: boolean, now = new Date()): GeneratedIntake {
  const person = identity(seed, now);
  const registration = register(r, person, { variation: 1, repeat });
  const documents: DocumentFacts[] = registration.documents.length > 0 ? registration.documents : [{ ...fallbackDocument(r, person.nationality) }];
  const mode = ARRIVAL_MODE[borderPoint.code] ?? 'LAND';
  const [first, second] = pickTwo(r, ['TRAFFICKING', 'HEALTH', 'TORTURE', 'SGBV'] as const);
  const body = {
    intakeId: randomUUID(),
    arrival: {
      borderPointId: borderPoint.id,
      arrivedAt: new Date(now.getTime() - int(r, 10, 48 * 60) * 60_000).toISOString(),
      mode,
      how: pick(r, HOW[mode] ?? HOW.LAND),
      route: pick(r, ROUTES[person.nationality] ?? [[]]),
      ...(chance(r, 0.3) ? { intendedDestination: pick(r, ['ZAF', 'MOZ', 'MWI', 'ZMB']) } : {}),
      smugglerUsed: chance(r, 0.4),
    },
    persons: [
      {
        givenName: registration.givenName,
        familyName: registration.familyName,
        otherNames: [otherNameOf(registration)],
        sex: registration.sex,
        dateOfBirth: registration.dateOfBirth,
        dateOfBirthEstimated: registration.dateOfBirthEstimated,
        nationalities: registration.nationalities,
        areaOfOrigin: registration.areaOfOrigin,
        languages: registration.languages,
        interpreter: chance(r, 0.6) ? { needed: true, sex: registration.sex } : { needed: false },
        documents: documents.slice(0, 1),
        informationGiven: { topics: ['ASYLUM', 'LEGAL_AID'], language: registration.languages[0], leafletVersion: 'TZA-2026.1' },
        screening: {
          answers: {
            reasons_for_leaving: [pick(r, ['CONFLICT', 'PERSECUTION', 'GENERALISED_VIOLENCE', 'POVERTY', 'FAMILY', 'DISASTER'])],
            health_triage: pick(r, ['NONE', 'NONE', 'NEEDS_CARE', 'URGENT']),
            wants_to_return_home: chance(r, 0.1),
            fear_of_return: chance(r, 0.8),
            asylum_wish_expressed: chance(r, 0.7),
            asylum_statement: narrative(r, STATEMENT_PARTS.asylum),
            ...sensitiveAnswers(r, first),
            ...sensitiveAnswers(r, second),
          },
        },
      },
    ],
  };
  return { body, registration };
}

function pickTwo<T>(r: Rng, items: readonly T[]): [T, T] {
  const a = int(r, 0, items.length - 1);
  let b = int(r, 0, items.length - 2);
  if (b >= a) b += 1;
  return [items[a], items[b]];
}

function fallbackDocument(r: Rng, nationality: string): DocumentFacts {
  const digits = Array.from({ length: 5 }, () => String(int(r, 0, 9))).join('');
  return { kind: 'REFUGEE_ID', number: `${pick(r, ['KAK', 'DAD', 'NYA'])}-${int(r, 10, 26)}C${digits}`, issuingCountry: nationality === 'KEN' ? 'UGA' : 'KEN' };
}
