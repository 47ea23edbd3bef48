import { SampleCase, SimulationAgency } from './simulation';

/**
 * The demonstration jurisdiction's border points and agencies, as the access library's demo data has
 * them (a spec keeps the two equal), in the shape simulation needs. No capacity limits are set.
 */
export const DEMO_BORDER_POINT_REGIONS: Readonly<Record<string, string>> = {
  NMG: 'Arusha',
  KGM: 'Kigoma',
  DAR: 'Dar es Salaam',
  KSL: 'Kigoma',
};

const ALL = ['NMG', 'KGM', 'DAR', 'KSL'];

function agency(name: string, kind: SimulationAgency['kind'], services: SimulationAgency['services'], covers: string[], languages: string[]): SimulationAgency {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id, name, kind, services, coverageBorderPointCodes: covers, coverageRegions: [], languages, dailyCapacity: null, acceptedToday: 0 };
}

export const DEMO_AGENCIES: readonly SimulationAgency[] = [
  agency('Border Management Service', 'BORDER_AUTHORITY', [], ALL, ['sw', 'en']),
  agency('Immigration Department', 'IMMIGRATION', [], ALL, ['sw', 'en']),
  agency('Refugee Status Authority', 'ASYLUM_AUTHORITY', [], ALL, ['sw', 'en', 'fr']),
  agency('Child Protection Service', 'CHILD_PROTECTION', ['FAMILY_TRACING', 'INTERIM_CARE'], ALL, ['sw', 'en']),
  agency('Anti-Trafficking Secretariat', 'ANTI_TRAFFICKING', [], ALL, ['sw', 'en']),
  agency('Regional Referral Hospital', 'HEALTH', ['MEDICAL_CARE'], ['NMG', 'KGM', 'KSL'], ['sw', 'en']),
  agency('Haki Legal Aid', 'NGO', ['LEGAL_AID', 'TORTURE_REHABILITATION', 'PSYCHOSOCIAL'], ['NMG', 'DAR'], ['sw', 'en', 'so']),
  agency('Tumaini Shelter', 'NGO', ['SAFE_SHELTER', 'GBV_CASE_MANAGEMENT', 'PSYCHOSOCIAL'], ['KGM', 'KSL'], ['sw', 'fr', 'rw']),
  agency('Refugee Agency', 'INTERNATIONAL_ORGANIZATION', ['LEGAL_AID'], ALL, ['en', 'fr', 'so', 'am']),
  agency('Migration Agency', 'INTERNATIONAL_ORGANIZATION', ['VOLUNTARY_RETURN'], ALL, ['en', 'fr', 'am']),
  agency('Independent Protection Monitor', 'MONITOR', [], ALL, ['en']),
];

const ARRIVED = '2026-11-20T08:30:00+03:00';

function sample(code: string, name: string, borderPointCode: string, languages: string[], facts: Omit<SampleCase['facts'], 'arrival'> & { arrival?: Partial<SampleCase['facts']['arrival']> }): SampleCase {
  return {
    code,
    name,
    borderPointCode,
    region: DEMO_BORDER_POINT_REGIONS[borderPointCode] ?? null,
    languages,
    facts: { ...facts, arrival: { arrivedAt: ARRIVED, mode: 'LAND', how: 'IRREGULAR_CROSSING', ...facts.arrival } },
  };
}

/** People arriving in mixed movements at the demo border points, for `kivuko sop simulate` without a samples file. */
export const BUILT_IN_SAMPLES: readonly SampleCase[] = [
  sample('SOMALI_MOTHER_ASYLUM', 'Somali mother from Lower Shabelle, fled the fighting, asks for asylum (Kigoma lake port)', 'KGM', ['so'], {
    person: { sex: 'FEMALE', dateOfBirth: '1993-05-02', nationalities: ['SOM'], areaOfOriginCode: 'SO-SH' },
    arrival: { mode: 'SEA' },
    answers: { reasons_for_leaving: ['CONFLICT'], fear_of_return: true, asylum_wish_expressed: true, single_parent: true },
  }),
  sample('BOY_ALONE_RESCUED', 'Boy of about 13, alone, rescued on the lake (mass-arrival record, Kigoma)', 'KGM', ['fr', 'sw'], {
    person: { sex: 'MALE', statedAge: 13, nationalities: ['COD'] },
    arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' },
    urgentNeeds: ['UNACCOMPANIED_CHILD'],
  }),
  sample('GIRL_TRAFFICKED', '16-year-old girl trafficked for sexual exploitation, alone, fears return (airport)', 'DAR', ['en'], {
    person: { sex: 'FEMALE', statedAge: 16, nationalities: ['NGA'] },
    arrival: { mode: 'AIR', how: 'REGULAR_CROSSING' },
    answers: { caregiver_present: false, sexual_exploitation: true, movement_controlled: true, fear_of_return: true },
  }),
  sample('ERITREAN_TORTURE_SURVIVOR', 'Eritrean man tortured in detention, with scars, asks for asylum (Namanga)', 'NMG', ['ti', 'en'], {
    person: { sex: 'MALE', dateOfBirth: '1988-02-14', nationalities: ['ERI'] },
    answers: { reasons_for_leaving: ['PERSECUTION'], torture_reported: true, scars_attributed_to_torture: true, asylum_wish_expressed: true },
  }),
  sample('CONGOLESE_WITNESS_INJURED', 'Congolese man who witnessed killings and arrives injured (Kasulu reception centre)', 'KSL', ['fr', 'sw'], {
    person: { sex: 'MALE', statedAge: 34, nationalities: ['COD'] },
    answers: { reasons_for_leaving: ['CONFLICT'], witnessed_killings: true, injured: true },
  }),
  sample('CONGOLESE_WOMAN_RAPED', 'Congolese woman raped 30 hours ago on the way, fleeing the fighting (Kasulu)', 'KSL', ['fr'], {
    person: { sex: 'FEMALE', statedAge: 24, nationalities: ['COD'] },
    answers: { reasons_for_leaving: ['CONFLICT'], sexual_violence_disclosed: true, sexual_violence_hours_ago: 30 },
  }),
  sample('ETHIOPIAN_BEATEN_BY_SMUGGLERS', 'Ethiopian man beaten by smugglers and injured, travelling for work (Namanga)', 'NMG', ['am'], {
    person: { sex: 'MALE', statedAge: 27, nationalities: ['ETH'] },
    arrival: { smugglerUsed: true },
    answers: { reasons_for_leaving: ['WORK'], beaten_or_robbed: true, injured: true },
  }),
  sample('ZIMBABWEAN_STRANDED', 'Stranded Zimbabwean labour migrant who wants to go home and has no means (Namanga)', 'NMG', ['sn', 'en'], {
    person: { sex: 'MALE', statedAge: 31, nationalities: ['ZWE'] },
    answers: { reasons_for_leaving: ['WORK'], wants_to_return_home: true, has_means_to_return: false },
  }),
  sample('KENYAN_PREGNANT', 'Pregnant Kenyan woman with complications joining her husband (airport)', 'DAR', ['sw'], {
    person: { sex: 'FEMALE', statedAge: 26, nationalities: ['KEN'] },
    arrival: { mode: 'AIR', how: 'REGULAR_CROSSING' },
    answers: { reasons_for_leaving: ['FAMILY'], pregnant: true, pregnancy_complication: true, health_triage: 'URGENT' },
  }),
  sample('MALAWIAN_NO_FLAGS', 'Malawian labour migrant with no protection flags (Namanga)', 'NMG', ['ny', 'en'], {
    person: { sex: 'MALE', dateOfBirth: '1995-08-01', nationalities: ['MWI'] },
    arrival: { how: 'REGULAR_CROSSING' },
    answers: { reasons_for_leaving: ['WORK'], fear_of_return: false },
  }),
];
