import { CaseFacts } from '../facts';
import { ProfileCode, Urgency } from '../profiles';
import { GRADING_PERSONAS } from './grading-personas';
import { newFacts } from './new-facts';

/**
 * People arriving in mixed movements, written from the domain guide and the Dar es Salaam conference
 * report (section V), each with the exact profiles the default rule set must suggest. Unless a persona
 * says otherwise the arrival is 2026-11-20 at a land border.
 */
export interface Persona {
  name: string;
  facts: CaseFacts;
  /** Exactly these profiles (any order here; results come in PROFILES order). */
  profiles: ProfileCode[];
  /** Exactly these profiles held back by the "no return while protection applies" principle. */
  withheld?: ProfileCode[];
  urgency?: Partial<Record<ProfileCode, Urgency>>;
  /** Exactly these indicator ids, in this order. */
  indicators?: Partial<Record<ProfileCode, string[]>>;
  needsCodes?: Partial<Record<ProfileCode, string[]>>;
  /** Exactly this evidence, all indicators of the profile together, in order. */
  evidence?: Partial<Record<ProfileCode, string[]>>;
}

const fled = (...reasons: string[]) => ({ reasons_for_leaving: reasons });

/** Facts the first questionnaire could not express (version 2 asks them). */
const NEW_FACTS_PERSONAS: Persona[] = [
  {
    name: 'Woman trafficked before, who fears the traffickers at home',
    facts: newFacts({ person: { sex: 'FEMALE', statedAge: 26, nationalities: ['NGA'] }, answers: { trafficked_before: true, fears_traffickers_on_return: true } }),
    profiles: ['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM'],
    indicators: { ASYLUM_SEEKER: ['asylum.fear_of_traffickers'], TRAFFICKING_VICTIM: ['trafficking.graded_indicators'] },
    evidence: {
      ASYLUM_SEEKER: ['afraid of the traffickers at home'],
      TRAFFICKING_VICTIM: ['trafficked before (strong indicator)', 'afraid of the traffickers at home (medium indicator)'],
    },
    needsCodes: { ASYLUM_SEEKER: ['LP-RR'] },
  },
  {
    name: 'Man with diabetes who lost his insulin on the way',
    facts: newFacts({ person: { nationalities: ['SSD'] }, answers: { chronic_illness_without_medication: true } }),
    profiles: ['SPECIFIC_NEEDS'],
    urgency: { SPECIFIC_NEEDS: 'HIGH' },
    indicators: { SPECIFIC_NEEDS: ['needs.chronic_illness_untreated'] },
    needsCodes: { SPECIFIC_NEEDS: ['SM-CI'] },
  },
  {
    name: 'Girl of 13 with a man who says he is her father, which nothing confirms yet: separated and at risk, not "with no one"',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 13, nationalities: ['SOM'], areaOfOriginCode: 'SO-WO' },
      arrival: { companions: [{ relationship: 'FATHER' }] },
      answers: { adult_claims_relationship_unverified: true },
    }),
    profiles: ['SEPARATED_CHILD', 'CHILD_AT_RISK'],
    indicators: { SEPARATED_CHILD: ['uasc.claimed_relationship_unverified'], CHILD_AT_RISK: ['child.relationship_not_verified'] },
  },
  {
    name: 'Boy of 12 with a man who claims to be his uncle, not verified, and who keeps the boy’s papers',
    facts: newFacts({
      person: { statedAge: 12, nationalities: ['ETH'] },
      arrival: { companions: [{ relationship: 'UNKNOWN' }] },
      answers: { adult_claims_relationship_unverified: true, adult_holds_child_documents: true },
    }),
    profiles: ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'CHILD_AT_RISK', 'TRAFFICKING_VICTIM'],
    indicators: { TRAFFICKING_VICTIM: ['trafficking.child_with_controlling_adult'] },
  },
  {
    name: 'Boy who says he is 16, alone, whose age the officer seriously doubts: still presumed a child',
    facts: newFacts({ person: { statedAge: 16, nationalities: ['AFG'] }, answers: { caregiver_present: false, serious_doubt_about_age: true, age_doubt_grounds: 'Looks well over twenty' } }),
    profiles: ['UNACCOMPANIED_CHILD'],
  },
  {
    name: 'Man moving on to South Africa for work whose documents were stolen: a lost document is not a confiscated one',
    facts: newFacts({
      person: { nationalities: ['MWI'] },
      answers: { ...fled('WORK'), documents_lost_or_stolen: true, onward_movement: 'ONWARD_TO_ANOTHER_COUNTRY', onward_destination_place: 'Johannesburg' },
    }),
    profiles: ['MIGRANT'],
  },
];

export const PERSONAS: Persona[] = [
  {
    name: 'Somali mother from Lower Shabelle who fled the fighting and asks for asylum',
    facts: newFacts({
      person: { sex: 'FEMALE', dateOfBirth: '1993-05-02', statedAge: undefined, nationalities: ['SOM'], areaOfOriginCode: 'SO-SH' },
      answers: { ...fled('CONFLICT'), single_parent: true, fear_of_return: true, fear_reasons: ['CONFLICT', 'THREAT_TO_LIFE'], asylum_wish_expressed: true },
    }),
    profiles: ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE', 'SPECIFIC_NEEDS'],
    urgency: { ASYLUM_SEEKER: 'HIGH', PRIMA_FACIE_REFUGEE: 'HIGH', SPECIFIC_NEEDS: 'NORMAL' },
    indicators: {
      ASYLUM_SEEKER: ['asylum.wish_expressed', 'asylum.fear_of_return', 'asylum.fled_persecution_or_conflict'],
      PRIMA_FACIE_REFUGEE: ['principle.prima_facie'],
    },
    needsCodes: { ASYLUM_SEEKER: ['LP-RR'], SPECIFIC_NEEDS: ['SP-PT'] },
  },
  {
    name: 'Somali man from Woqooyi Galbeed (not on the prima facie list) who fears return',
    facts: newFacts({ person: { nationalities: ['SOM'], areaOfOriginCode: 'SO-WO' }, answers: { fear_of_return: true } }),
    profiles: ['ASYLUM_SEEKER'],
  },
  {
    name: 'Somali woman from Lower Shabelle who arrived in 2025, before the prima facie entry took effect',
    facts: newFacts({
      person: { sex: 'FEMALE', nationalities: ['SOM'], areaOfOriginCode: 'SO-SH' },
      arrival: { arrivedAt: '2025-12-31T23:30:00+03:00' },
      answers: { asylum_wish_expressed: true },
    }),
    profiles: ['ASYLUM_SEEKER'],
  },
  {
    name: 'Somali man from Banaadir who came to work and fears nothing: no prima facie without an asylum-seeker',
    facts: newFacts({ person: { nationalities: ['SOM'], areaOfOriginCode: 'SO-BN' }, answers: { ...fled('WORK'), fear_of_return: false } }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Somali from Banaadir in a mass arrival, flagged only as wishing asylum',
    facts: newFacts({ person: { nationalities: ['SOM'], areaOfOriginCode: 'SO-BN' }, arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' }, urgentNeeds: ['ASYLUM_WISH'] }),
    profiles: ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE'],
    indicators: { ASYLUM_SEEKER: ['asylum.wish_expressed'] },
  },
  {
    name: '15-year-old girl travelling with an unrelated adult who answers for her',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 15, nationalities: ['ETH'] },
      arrival: { smugglerUsed: true, companions: [{ relationship: 'UNRELATED' }] },
      answers: { caregiver_present: false, caregiver_relationship: 'UNRELATED_ADULT', adult_answers_for_child: true },
    }),
    profiles: ['UNACCOMPANIED_CHILD', 'CHILD_AT_RISK', 'TRAFFICKING_VICTIM'],
    urgency: { UNACCOMPANIED_CHILD: 'IMMEDIATE', CHILD_AT_RISK: 'NORMAL', TRAFFICKING_VICTIM: 'IMMEDIATE' },
    indicators: {
      UNACCOMPANIED_CHILD: ['uasc.no_caregiver'],
      CHILD_AT_RISK: ['child.adult_in_control'],
      TRAFFICKING_VICTIM: ['trafficking.child_with_controlling_adult'],
    },
    needsCodes: { UNACCOMPANIED_CHILD: ['SC-UC'] },
  },
  {
    name: 'Ethiopian man held for ransom by smugglers, his family extorted, on his way south for work',
    facts: newFacts({
      arrival: { smugglerUsed: true, how: 'FOUND_IN_TERRITORY' },
      answers: { ...fled('WORK', 'POVERTY'), held_for_ransom: true, family_extorted: true, fear_of_return: false },
    }),
    profiles: ['SMUGGLED_MIGRANT_ABUSED'],
    withheld: ['MIGRANT'],
    urgency: { SMUGGLED_MIGRANT_ABUSED: 'NORMAL' },
    indicators: { SMUGGLED_MIGRANT_ABUSED: ['smuggling.abuse_en_route'] },
  },
  {
    name: 'Ethiopian man beaten by smugglers and injured',
    facts: newFacts({ arrival: { smugglerUsed: true }, answers: { ...fled('WORK'), beaten_or_robbed: true, injured: true } }),
    profiles: ['SMUGGLED_MIGRANT_ABUSED', 'MEDICAL_EMERGENCY'],
    withheld: ['MIGRANT'],
    urgency: { SMUGGLED_MIGRANT_ABUSED: 'HIGH', MEDICAL_EMERGENCY: 'IMMEDIATE' },
    indicators: { SMUGGLED_MIGRANT_ABUSED: ['smuggling.abuse_en_route', 'smuggling.abused_and_injured'], MEDICAL_EMERGENCY: ['medical.injured'] },
  },
  {
    name: 'Woman whose passport is kept by her "employer", unpaid and not allowed out',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 27, nationalities: ['MWI'], documentsHeldByOther: true },
      answers: { ...fled('WORK'), little_or_no_pay: true, movement_controlled: true },
    }),
    profiles: ['TRAFFICKING_VICTIM'],
    withheld: ['MIGRANT'],
    urgency: { TRAFFICKING_VICTIM: 'IMMEDIATE' },
    indicators: { TRAFFICKING_VICTIM: ['trafficking.graded_indicators'] },
  },
  {
    name: 'Domestic worker whose employer holds her passport, with no other indicator: documents confiscated are a strong indicator alone',
    facts: newFacts({ person: { sex: 'FEMALE', statedAge: 31, nationalities: ['MWI'], documentsHeldByOther: true }, answers: fled('WORK') }),
    profiles: ['TRAFFICKING_VICTIM'],
    withheld: ['MIGRANT'],
    evidence: { TRAFFICKING_VICTIM: ['documents held by another person (strong indicator)'] },
  },
  ...GRADING_PERSONAS,
  ...NEW_FACTS_PERSONAS,
  {
    name: 'Stranded Zimbabwean labour migrant who wants to go home and has no means',
    facts: newFacts({ person: { nationalities: ['ZWE'] }, answers: { ...fled('WORK'), wants_to_return_home: true, has_means_to_return: false } }),
    profiles: ['STRANDED_MIGRANT_RETURN'],
    urgency: { STRANDED_MIGRANT_RETURN: 'NORMAL' },
  },
  {
    name: 'Stranded migrant who wants to go home but was detained and robbed in transit: no return suggested before screening',
    facts: newFacts({ answers: { ...fled('WORK'), wants_to_return_home: true, has_means_to_return: false, detained_in_transit: true, beaten_or_robbed: true } }),
    profiles: ['SMUGGLED_MIGRANT_ABUSED'],
    withheld: ['STRANDED_MIGRANT_RETURN'],
  },
  {
    name: '16-year-old girl trafficked for sexual exploitation who fears return, alone',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 16, nationalities: ['NGA'] },
      arrival: { mode: 'AIR', how: 'REGULAR_CROSSING' },
      answers: { caregiver_present: false, sexual_exploitation: true, movement_controlled: true, fear_of_return: true },
    }),
    profiles: ['ASYLUM_SEEKER', 'UNACCOMPANIED_CHILD', 'TRAFFICKING_VICTIM'],
    urgency: { TRAFFICKING_VICTIM: 'IMMEDIATE', UNACCOMPANIED_CHILD: 'IMMEDIATE', ASYLUM_SEEKER: 'HIGH' },
    indicators: { TRAFFICKING_VICTIM: ['trafficking.graded_indicators'] },
  },
  {
    name: '14-year-old boy working a farm for his uncle: one exploitation indicator is enough for a child',
    facts: newFacts({
      person: { statedAge: 14, nationalities: ['MOZ'] },
      arrival: { companions: [{ relationship: 'UNCLE_OR_AUNT' }] },
      answers: { child_labour: true },
    }),
    profiles: ['SEPARATED_CHILD', 'CHILD_AT_RISK', 'TRAFFICKING_VICTIM'],
    indicators: { SEPARATED_CHILD: ['uasc.with_relative'], CHILD_AT_RISK: ['child.labour'], TRAFFICKING_VICTIM: ['principle.child_exploitation'] },
    needsCodes: { CHILD_AT_RISK: ['CR-LW'] },
  },
  {
    name: 'Eritrean man tortured in detention, with scars, who asks for asylum',
    facts: newFacts({
      person: { nationalities: ['ERI'], dateOfBirth: '1988-02-14', statedAge: undefined },
      answers: { ...fled('PERSECUTION'), torture_reported: true, scars_attributed_to_torture: true, asylum_wish_expressed: true },
    }),
    profiles: ['ASYLUM_SEEKER', 'TORTURE_SURVIVOR'],
    urgency: { TORTURE_SURVIVOR: 'NORMAL' },
    indicators: { TORTURE_SURVIVOR: ['torture.reported'] },
    needsCodes: { TORTURE_SURVIVOR: ['TR-PI'] },
  },
  {
    name: 'Congolese man who witnessed killings in his village and arrives injured',
    facts: newFacts({ person: { nationalities: ['COD'] }, answers: { ...fled('CONFLICT'), witnessed_killings: true, injured: true } }),
    profiles: ['ASYLUM_SEEKER', 'TORTURE_SURVIVOR', 'MEDICAL_EMERGENCY'],
    urgency: { TORTURE_SURVIVOR: 'IMMEDIATE', MEDICAL_EMERGENCY: 'IMMEDIATE' },
    indicators: { TORTURE_SURVIVOR: ['torture.witnessed_killings', 'torture.injured'] },
    needsCodes: { TORTURE_SURVIVOR: ['TR-WV'] },
  },
  {
    name: 'Congolese woman raped 30 hours ago on the way, fleeing the fighting',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 24, nationalities: ['COD'] },
      answers: { ...fled('CONFLICT'), sexual_violence_disclosed: true, sexual_violence_hours_ago: 30 },
    }),
    profiles: ['ASYLUM_SEEKER', 'SGBV_SURVIVOR'],
    urgency: { SGBV_SURVIVOR: 'IMMEDIATE' },
    indicators: { SGBV_SURVIVOR: ['sgbv.sexual_violence', 'sgbv.recent_sexual_violence'] },
    needsCodes: { SGBV_SURVIVOR: ['SV-VF'] },
  },
  {
    name: 'Labour migrant who discloses sexual violence ten days ago: not the 72-hour emergency',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 29, nationalities: ['TZA'] },
      answers: { ...fled('WORK'), sexual_violence_disclosed: true, sexual_violence_hours_ago: 240 },
    }),
    profiles: ['SGBV_SURVIVOR'],
    withheld: ['MIGRANT'],
    urgency: { SGBV_SURVIVOR: 'HIGH' },
    indicators: { SGBV_SURVIVOR: ['sgbv.sexual_violence'] },
  },
  {
    name: 'Pregnant woman with complications joining her husband: medical needs do not close the migration route',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 26, nationalities: ['KEN'] },
      answers: { ...fled('FAMILY'), pregnant: true, pregnancy_complication: true, health_triage: 'URGENT' },
    }),
    profiles: ['MEDICAL_EMERGENCY', 'SPECIFIC_NEEDS', 'MIGRANT'],
    urgency: { MEDICAL_EMERGENCY: 'IMMEDIATE' },
    indicators: { MEDICAL_EMERGENCY: ['medical.critical', 'medical.pregnancy_complication'], SPECIFIC_NEEDS: ['needs.pregnant'] },
    needsCodes: { MEDICAL_EMERGENCY: ['SM-CC', 'SM-DP'] },
  },
  {
    name: 'Malawian labour migrant with no flags',
    facts: newFacts({ person: { nationalities: ['MWI'], dateOfBirth: '1995-08-01', statedAge: undefined }, arrival: { how: 'REGULAR_CROSSING' }, answers: { ...fled('WORK'), fear_of_return: false } }),
    profiles: ['MIGRANT'],
    indicators: { MIGRANT: ['migrant.work_or_family'] },
  },
  {
    name: 'Boy of about 13, alone, from a rescue at sea (mass-arrival record)',
    facts: newFacts({ person: { statedAge: 13, nationalities: ['COD'] }, arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' }, urgentNeeds: ['UNACCOMPANIED_CHILD'] }),
    profiles: ['UNACCOMPANIED_CHILD'],
    urgency: { UNACCOMPANIED_CHILD: 'IMMEDIATE' },
    indicators: { UNACCOMPANIED_CHILD: ['uasc.flagged_unaccompanied'] },
  },
  {
    name: '12-year-old girl with her aunt, fleeing the war',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 12, nationalities: ['SSD'] },
      arrival: { companions: [{ relationship: 'UNCLE_OR_AUNT', verified: true }] },
      answers: { ...fled('CONFLICT'), caregiver_present: false, caregiver_relationship: 'RELATIVE', caregiver_relationship_verified: true },
    }),
    profiles: ['ASYLUM_SEEKER', 'SEPARATED_CHILD'],
    urgency: { SEPARATED_CHILD: 'HIGH' },
    needsCodes: { SEPARATED_CHILD: ['SC-SC'] },
  },
  {
    name: 'Child bride of 16, pregnant, travelling with her adult husband',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 16, nationalities: ['ETH'] },
      arrival: { companions: [{ relationship: 'SPOUSE' }] },
      answers: { child_married: true, forced_or_early_marriage: true, pregnant: true },
    }),
    profiles: ['SEPARATED_CHILD', 'CHILD_AT_RISK', 'SGBV_SURVIVOR', 'SPECIFIC_NEEDS'],
    urgency: { CHILD_AT_RISK: 'HIGH', SGBV_SURVIVOR: 'HIGH' },
    indicators: { CHILD_AT_RISK: ['child.spouse', 'child.pregnant'], SGBV_SURVIVOR: ['sgbv.forced_or_early_marriage'] },
    needsCodes: { CHILD_AT_RISK: ['CR-CS', 'CR-TP'], SGBV_SURVIVOR: ['SV-FM'] },
  },
  {
    name: 'Mass-arrival woman flagged only as a medical emergency',
    facts: newFacts({ person: { sex: 'FEMALE', statedAge: 30, nationalities: ['COD'] }, arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' }, urgentNeeds: ['MEDICAL_EMERGENCY'] }),
    profiles: ['MEDICAL_EMERGENCY'],
    urgency: { MEDICAL_EMERGENCY: 'IMMEDIATE' },
    needsCodes: { MEDICAL_EMERGENCY: ['SM-CC'] },
  },
  {
    name: 'Mass-arrival woman flagged for trafficking, recent sexual violence and an asylum wish',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 22, nationalities: ['BDI'] },
      arrival: { mode: 'SEA', how: 'INTERCEPTED' },
      urgentNeeds: ['TRAFFICKING_SUSPECTED', 'RECENT_SEXUAL_VIOLENCE', 'ASYLUM_WISH'],
    }),
    profiles: ['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM', 'SGBV_SURVIVOR'],
    urgency: { TRAFFICKING_VICTIM: 'IMMEDIATE', SGBV_SURVIVOR: 'IMMEDIATE' },
    indicators: { TRAFFICKING_VICTIM: ['trafficking.flagged'], SGBV_SURVIVOR: ['sgbv.recent_sexual_violence'] },
  },
  {
    name: 'Mass-arrival man with no flags and no interview yet: nothing to suggest',
    facts: newFacts({ person: { statedAge: 35, nationalities: ['UNKNOWN'] }, arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' } }),
    profiles: [],
  },
  {
    name: 'Young man who said he was 16, whose age assessment found 19 to 23, alone and afraid to go back',
    facts: newFacts({ person: { statedAge: 16, nationalities: ['AFG'] }, answers: { caregiver_present: false, fear_of_return: true }, ageAssessment: { minAge: 19, maxAge: 23 } }),
    profiles: ['ASYLUM_SEEKER'],
  },
  {
    name: 'Youth with an estimated birth date making him 20, whose age assessment says 16 to 19: the lowest age counts',
    facts: newFacts({
      person: { dateOfBirth: '2006-01-01', dateOfBirthEstimated: true, statedAge: undefined, nationalities: ['SOM'], areaOfOriginCode: 'SO-WO' },
      answers: { caregiver_present: false },
      ageAssessment: { minAge: 16, maxAge: 19 },
    }),
    profiles: ['UNACCOMPANIED_CHILD'],
    indicators: { UNACCOMPANIED_CHILD: ['uasc.no_caregiver'] },
  },
  {
    name: 'Girl who says she is 17 although her documents say 19: the lower age counts until assessed',
    facts: newFacts({
      person: { sex: 'FEMALE', dateOfBirth: '2007-03-10', statedAge: 17, nationalities: ['UGA'] },
      answers: { ...fled('WORK'), caregiver_relationship: 'NONE' },
    }),
    profiles: ['UNACCOMPANIED_CHILD'],
    withheld: ['MIGRANT'],
  },
  {
    name: 'Young man with an estimated birth date in 2008, alone: born "some time in 2008" may still be 17',
    facts: newFacts({ person: { dateOfBirth: '2008-01-01', dateOfBirthEstimated: true, statedAge: undefined, nationalities: ['ETH'] }, answers: { ...fled('WORK'), caregiver_present: false } }),
    profiles: ['UNACCOMPANIED_CHILD'],
    withheld: ['MIGRANT'],
  },
  {
    name: 'Young man with a verified birth date of 1 January 2008, alone: an adult',
    facts: newFacts({ person: { dateOfBirth: '2008-01-01', statedAge: undefined, nationalities: ['ETH'] }, answers: { ...fled('WORK'), caregiver_present: false } }),
    profiles: ['MIGRANT'],
  },
  {
    name: 'Boy of 10 with his mother, who speaks for the family: no profile of his own',
    facts: newFacts({
      person: { dateOfBirth: '2016-01-01', dateOfBirthEstimated: true, statedAge: undefined, nationalities: ['SOM'] },
      arrival: { companions: [{ relationship: 'MOTHER' }] },
      answers: { caregiver_present: true, caregiver_relationship: 'PARENT' },
    }),
    profiles: [],
  },
  {
    name: 'Girl of 9 with a man who says he is her father; it could not be verified and he answers for her',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 9, nationalities: ['RWA'] },
      arrival: { companions: [{ relationship: 'FATHER', verified: false }] },
      answers: { adult_answers_for_child: true },
    }),
    profiles: ['CHILD_AT_RISK'],
    indicators: { CHILD_AT_RISK: ['child.adult_in_control', 'child.relationship_not_verified'] },
  },
  {
    name: 'Former child soldier of 17 who was forced to kill, alone and afraid to go back',
    facts: newFacts({
      person: { statedAge: 17, nationalities: ['COD'] },
      answers: { caregiver_present: false, associated_with_armed_group: true, forced_to_commit_acts: true, witnessed_killings: true, fear_of_return: true },
    }),
    profiles: ['ASYLUM_SEEKER', 'UNACCOMPANIED_CHILD', 'CHILD_AT_RISK', 'TORTURE_SURVIVOR'],
    urgency: { CHILD_AT_RISK: 'HIGH', TORTURE_SURVIVOR: 'NORMAL' },
    needsCodes: { CHILD_AT_RISK: ['CR-AF'], TORTURE_SURVIVOR: ['TR-HO', 'TR-WV'] },
  },
  {
    name: 'Older Burundian man with a disability who fled generalised violence',
    facts: newFacts({ person: { statedAge: 71, nationalities: ['BDI'] }, answers: { ...fled('GENERALISED_VIOLENCE'), disability: true, older_person_at_risk: true } }),
    profiles: ['ASYLUM_SEEKER', 'SPECIFIC_NEEDS'],
    indicators: { ASYLUM_SEEKER: ['asylum.fled_persecution_or_conflict'], SPECIFIC_NEEDS: ['needs.disability', 'needs.older_person'] },
  },
  {
    name: 'Recognised refugee in Kenya moving on to join family, with refugee documents',
    facts: newFacts({ person: { nationalities: ['SOM'], areaOfOriginCode: 'SO-JH' }, answers: { ...fled('FAMILY'), refugee_documents_elsewhere: true } }),
    profiles: ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE'],
    withheld: ['MIGRANT'],
  },
  {
    name: 'Woman at risk in survival sex who wants to go home',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 33, nationalities: ['ZMB'] },
      answers: { ...fled('POVERTY'), survival_sex: true, woman_at_risk: true, wants_to_return_home: true, has_means_to_return: false },
    }),
    profiles: ['SGBV_SURVIVOR', 'SPECIFIC_NEEDS'],
    withheld: ['STRANDED_MIGRANT_RETURN'],
    needsCodes: { SGBV_SURVIVOR: ['SV-SS'], SPECIFIC_NEEDS: ['WR-WR'] },
  },
  {
    name: 'Girl of 14 in survival sex: sexual exploitation of a child, a presumed trafficking victim',
    facts: newFacts({ person: { sex: 'FEMALE', statedAge: 14, nationalities: ['MOZ'] }, answers: { survival_sex: true } }),
    profiles: ['TRAFFICKING_VICTIM', 'SGBV_SURVIVOR'],
    indicators: { TRAFFICKING_VICTIM: ['principle.child_exploitation'] },
  },
  {
    name: 'Stateless man found in the territory, abandoned by smugglers, in urgent need of care',
    facts: newFacts({
      person: { nationalities: ['STATELESS'] },
      arrival: { how: 'FOUND_IN_TERRITORY', smugglerUsed: true },
      answers: { abandoned_en_route: true, health_triage: 'URGENT' },
    }),
    profiles: ['SMUGGLED_MIGRANT_ABUSED', 'MEDICAL_EMERGENCY'],
  },
  {
    name: 'Woman who survived FGM and fears it for her daughter',
    facts: newFacts({ person: { sex: 'FEMALE', statedAge: 38, nationalities: ['SDN'] }, answers: { fgm: true, fear_of_return: true, fear_reasons: ['PERSECUTION'] } }),
    profiles: ['ASYLUM_SEEKER', 'SGBV_SURVIVOR'],
    needsCodes: { ASYLUM_SEEKER: ['LP-RR'], SGBV_SURVIVOR: ['SV-GM'] },
  },
  {
    name: 'Burundian woman deceived about a restaurant job, in debt to the man who keeps her papers (demo arrival)',
    facts: newFacts({
      person: { sex: 'FEMALE', statedAge: 19, nationalities: ['BDI'], documentsHeldByOther: true },
      arrival: { mode: 'SEA', how: 'INTERCEPTED', smugglerUsed: true },
      answers: { ...fled('WORK'), health_triage: 'NEEDS_CARE', others_speak_for_person: true, deceived_about_job: true, debt_bondage: true, movement_controlled: true },
    }),
    profiles: ['TRAFFICKING_VICTIM'],
    withheld: ['MIGRANT'],
    urgency: { TRAFFICKING_VICTIM: 'IMMEDIATE' },
  },
];
