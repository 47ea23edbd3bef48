/**
 * Registrations that route and registrations that do not, for the routing benchmark. The full ones are
 * the intake benchmark's bodies (`intake-body.ts`: same person, names, document, arrival, reasons,
 * asylum statement) with the two sensitive groups fixed to TRAFFICKING and HEALTH, so that every kind
 * writes the same five sections and differs only in the answers that decide routing:
 *
 * - `none`: no control indicators, not critical: no profile that routes at intake (an asylum seeker
 *   or migrant profile waits for an official to confirm it);
 * - `trafficking`: movement controlled and debt bondage: a presumed trafficking victim (urgent), routed
 *   at once to the anti-trafficking lead and its supporting agencies, held until consent;
 * - `medical`: critical condition: MEDICAL_EMERGENCY, routed at once to the health service, which gets
 *   it without waiting for consent (vital interest).
 *
 * The mass-arrival pair is the minimal record of a mass arrival (a description, sex, age,
 * nationality), without (`mass-none`) and with (`mass-medical`) the urgent need MEDICAL_EMERGENCY.
 */
import { randomUUID } from 'node:crypto';
import { BorderPoint, intakeBody } from './intake-body';
import { chance, int, pick, Rng } from './people';

export type BodyKind = 'bench' | 'none' | 'trafficking' | 'medical' | 'mass-none' | 'mass-medical';
export const BODY_KINDS: readonly BodyKind[] = ['bench', 'none', 'trafficking', 'medical', 'mass-none', 'mass-medical'];

/** The answers of the four sensitive groups the intake benchmark picks two of (see intake-body.ts). */
const SENSITIVE_KEYS = [
  'movement_controlled',
  'debt_bondage',
  'held_for_ransom',
  'beaten_or_robbed',
  'trafficking_account',
  'health_need',
  'injured',
  'critical_condition',
  'torture_reported',
  'witnessed_killings',
  'torture_account',
  'sexual_violence_disclosed',
  'forced_or_early_marriage',
  'sgbv_account',
];

const TRAFFICKING_ACCOUNTS = [
  'The agent kept our papers until we paid more money.',
  'A woman promised work in a hotel but we were taken to a farm instead.',
  'The driver said I owe him for the journey and must work for his friend.',
  'We were left in the bush near the border without water.',
];
const HEALTH_NEEDS = ['Untreated wound on the left arm.', 'Fever for five days, coughing.', 'Diabetic, has run out of insulin.', 'Swollen feet after walking for a week.'];

const ARRIVAL_MODE: Record<string, string> = { NMG: 'LAND', KGM: 'SEA', DAR: 'AIR', KSL: 'LAND' };
const MASS_HOW: Record<string, string> = { LAND: 'IRREGULAR_CROSSING', SEA: 'RESCUED_AT_SEA', AIR: 'SELF_PRESENTED' };
const NATIONALITIES = ['COD', 'COD', 'BDI', 'BDI', 'SOM', 'ETH', 'SSD', 'RWA'];
const CLOTHES = ['green T-shirt', 'red scarf', 'blue jacket', 'yellow dress', 'grey hoodie', 'white shirt', 'carrying an infant', 'on crutches'];

export interface GeneratedBody {
  body: Record<string, unknown>;
  /** The language consent is asked in (full registrations). */
  language?: string;
}

/** One registration of kind `kind` for identity `seed` (a full one is `repeat`: the person again, spelled another way). */
export function routingBody(r: Rng, kind: BodyKind, seed: number, borderPoint: BorderPoint, repeat: boolean): GeneratedBody {
  if (kind === 'mass-none' || kind === 'mass-medical') return massArrival(r, kind, borderPoint);
  const { body, registration } = intakeBody(r, seed, borderPoint, repeat);
  const language = registration.languages[0];
  if (kind === 'bench') return { body, language };
  const person = (body.persons as Record<string, unknown>[])[0];
  const screening = person.screening as { answers: Record<string, unknown> };
  const answers = Object.fromEntries(Object.entries(screening.answers).filter(([key]) => !SENSITIVE_KEYS.includes(key)));
  const trafficked = kind === 'trafficking';
  screening.answers = {
    ...answers,
    health_triage: 'NEEDS_CARE',
    movement_controlled: trafficked,
    debt_bondage: trafficked,
    held_for_ransom: false,
    beaten_or_robbed: chance(r, 0.4),
    trafficking_account: pick(r, TRAFFICKING_ACCOUNTS),
    health_need: pick(r, HEALTH_NEEDS),
    injured: false,
    critical_condition: kind === 'medical',
  };
  return { body, language };
}

function massArrival(r: Rng, kind: 'mass-none' | 'mass-medical', borderPoint: BorderPoint): GeneratedBody {
  const mode = ARRIVAL_MODE[borderPoint.code] ?? 'LAND';
  const sex = chance(r, 0.5) ? 'FEMALE' : 'MALE';
  const age = int(r, 18, 60);
  return {
    body: {
      intakeId: randomUUID(),
      mode: 'MASS_ARRIVAL',
      arrival: { borderPointId: borderPoint.id, arrivedAt: new Date(Date.now() - int(r, 10, 600) * 60_000).toISOString(), mode, how: MASS_HOW[mode] },
      persons: [
        {
          description: `${sex === 'FEMALE' ? 'woman' : 'man'}, about ${age}, ${pick(r, CLOTHES)}`,
          sex,
          statedAge: age,
          nationalities: [pick(r, NATIONALITIES)],
          ...(kind === 'mass-medical' ? { urgentNeeds: ['MEDICAL_EMERGENCY'] } : {}),
        },
      ],
    },
  };
}
