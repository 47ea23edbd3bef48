import { RuleSet } from './rule-set';
import { loadRuleSet } from './validation/rule-set-validator';

/** A JSON value: what a rule file contains. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * The default rule set, written from the domain guide's profiles, indicators and default joint SOP.
 * It is plain JSON data (the shape `libs/profiling/rule-set.schema.json` describes, the same a SOP
 * carries); it lives in a .ts module only because the build ships .ts files and not .json ones.
 * Answers refer to the default screening questionnaire (`kivuko-screening` v2; v1 answers are a subset).
 */
export const DEFAULT_RULE_SET_DOCUMENT: { readonly [key: string]: Json } = {
  "version": "kivuko-default-2026.2",
  "description": "Default profiling rules from the Kivuko domain guide. Urgencies follow the default joint SOP: same day is HIGH, 1 hour is IMMEDIATE, 3 days is NORMAL. A country's SOP carries its own rule set.",
  "profiles": {
    "ASYLUM_SEEKER": { "urgency": "HIGH", "description": "Asylum authority, same day" },
    "PRIMA_FACIE_REFUGEE": { "urgency": "HIGH", "description": "Asylum authority, same day" },
    "UNACCOMPANIED_CHILD": { "urgency": "IMMEDIATE", "needsCodes": ["SC-UC"], "description": "Child-protection officer; counts as confirmed at once" },
    "SEPARATED_CHILD": { "urgency": "HIGH", "needsCodes": ["SC-SC"], "description": "Child-protection officer, 24 hours" },
    "CHILD_AT_RISK": { "urgency": "NORMAL", "description": "Child-protection officer, 3 days (1 day if high risk)" },
    "TRAFFICKING_VICTIM": { "urgency": "IMMEDIATE", "description": "Anti-trafficking coordinator; counts as confirmed at once" },
    "SMUGGLED_MIGRANT_ABUSED": { "urgency": "NORMAL", "description": "Protection NGO, 3 days (same day if injured)" },
    "TORTURE_SURVIVOR": { "urgency": "NORMAL", "description": "Rehabilitation NGO, 3 days (immediately if injured)" },
    "SGBV_SURVIVOR": { "urgency": "HIGH", "description": "GBV case management, 1 day (1 hour if recent rape)" },
    "MEDICAL_EMERGENCY": { "urgency": "IMMEDIATE", "needsCodes": ["SM-CC"], "description": "Health service, 1 hour" },
    "SPECIFIC_NEEDS": { "urgency": "NORMAL" },
    "STRANDED_MIGRANT_RETURN": { "urgency": "NORMAL", "description": "Assisted voluntary return, 3 days" },
    "MIGRANT": { "urgency": "NORMAL", "description": "Immigration authority, per national law" }
  },
  "rules": [
    {
      "id": "asylum.wish_expressed",
      "profile": "ASYLUM_SEEKER",
      "reason": "Expressed a wish to seek asylum, in any words",
      "needsCodes": ["LP-RR"],
      "when": { "any": [
        { "answer": "asylum_wish_expressed", "eq": true, "label": "wish to seek asylum expressed" },
        { "fact": "urgentNeeds", "eq": "ASYLUM_WISH", "label": "flagged ASYLUM_WISH at arrival" }
      ] }
    },
    {
      "id": "asylum.fear_of_return",
      "profile": "ASYLUM_SEEKER",
      "reason": "Afraid to go back",
      "needsCodes": ["LP-RR"],
      "when": { "any": [
        { "answer": "fear_of_return", "eq": true, "label": "afraid to go back" },
        { "answer": "fear_reasons", "in": ["PERSECUTION", "CONFLICT", "GENERALISED_VIOLENCE", "THREAT_TO_LIFE", "THREAT_TO_FREEDOM"], "label": "fears persecution, conflict, violence or threats to life or freedom" }
      ] }
    },
    {
      "id": "asylum.fear_of_traffickers",
      "profile": "ASYLUM_SEEKER",
      "reason": "Afraid of the traffickers at home: a risk of being trafficked again on return",
      "needsCodes": ["LP-RR"],
      "when": { "answer": "fears_traffickers_on_return", "eq": true, "label": "afraid of the traffickers at home" }
    },
    {
      "id": "asylum.fled_persecution_or_conflict",
      "profile": "ASYLUM_SEEKER",
      "reason": "Left because of persecution, armed conflict or generalised violence",
      "when": { "answer": "reasons_for_leaving", "in": ["PERSECUTION", "CONFLICT", "GENERALISED_VIOLENCE"], "label": "left because of persecution, conflict or generalised violence" }
    },
    {
      "id": "asylum.refugee_documents",
      "profile": "ASYLUM_SEEKER",
      "reason": "Holds refugee documents from another country",
      "when": { "answer": "refugee_documents_elsewhere", "eq": true, "label": "refugee documents from another country" }
    },
    {
      "id": "uasc.no_caregiver",
      "profile": "UNACCOMPANIED_CHILD",
      "reason": "A child with no parent or legal or customary caregiver present",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "fact": "child.caregiver", "eq": "NONE", "label": "no parent or caregiver present" }
      ] }
    },
    {
      "id": "uasc.flagged_unaccompanied",
      "profile": "UNACCOMPANIED_CHILD",
      "reason": "Flagged as an unaccompanied child at arrival",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "fact": "urgentNeeds", "eq": "UNACCOMPANIED_CHILD", "label": "flagged UNACCOMPANIED_CHILD at arrival" }
      ] }
    },
    {
      "id": "uasc.with_relative",
      "profile": "SEPARATED_CHILD",
      "reason": "A child with a relative who is not the parent or legal or customary caregiver",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "fact": "child.caregiver", "eq": "RELATIVE", "label": "with a relative, not a parent or caregiver" }
      ] }
    },
    {
      "id": "uasc.claimed_relationship_unverified",
      "profile": "SEPARATED_CHILD",
      "reason": "An adult claims a family or caring relationship with the child that is not verified: separated until it is",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "answer": "adult_claims_relationship_unverified", "eq": true, "label": "an adult claims a relationship with the child that is not verified" }
      ] }
    },
    {
      "id": "uasc.flagged_separated",
      "profile": "SEPARATED_CHILD",
      "reason": "Flagged as a separated child at arrival",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "fact": "urgentNeeds", "eq": "SEPARATED_CHILD", "label": "flagged SEPARATED_CHILD at arrival" }
      ] }
    },
    {
      "id": "child.spouse",
      "profile": "CHILD_AT_RISK",
      "reason": "A married child",
      "urgency": "HIGH",
      "needsCodes": ["CR-CS"],
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "answer": "child_married", "eq": true, "label": "child spouse" }
      ] }
    },
    {
      "id": "child.parent",
      "profile": "CHILD_AT_RISK",
      "reason": "A child who is a parent",
      "needsCodes": ["CR-CP"],
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "answer": "child_is_parent", "eq": true, "label": "child parent" }
      ] }
    },
    {
      "id": "child.pregnant",
      "profile": "CHILD_AT_RISK",
      "reason": "A pregnant child",
      "urgency": "HIGH",
      "needsCodes": ["CR-TP"],
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "answer": "pregnant", "eq": true, "label": "pregnant" }
      ] }
    },
    {
      "id": "child.labour",
      "profile": "CHILD_AT_RISK",
      "reason": "A child in labour",
      "needsCodes": ["CR-LW"],
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "answer": "child_labour", "eq": true, "label": "child labour" }
      ] }
    },
    {
      "id": "child.armed_group",
      "profile": "CHILD_AT_RISK",
      "reason": "A child associated with armed forces or groups",
      "urgency": "HIGH",
      "needsCodes": ["CR-AF"],
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "answer": "associated_with_armed_group", "eq": true, "label": "associated with armed forces or groups" }
      ] }
    },
    {
      "id": "child.adult_in_control",
      "profile": "CHILD_AT_RISK",
      "reason": "An adult answers for the child or holds the child's documents",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "any": [
          { "answer": "adult_answers_for_child", "eq": true, "label": "an adult answers for the child" },
          { "answer": "adult_holds_child_documents", "eq": true, "label": "an adult holds the child's documents" }
        ] }
      ] }
    },
    {
      "id": "child.relationship_not_verified",
      "profile": "CHILD_AT_RISK",
      "reason": "The accompanying adult's relationship to the child could not be verified",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "any": [
          { "fact": "child.caregiverVerification", "eq": "NOT_VERIFIED", "label": "claimed relationship could not be verified" },
          { "answer": "adult_claims_relationship_unverified", "eq": true, "label": "an adult claims a relationship with the child that is not verified" }
        ] }
      ] }
    },
    {
      "id": "trafficking.graded_indicators",
      "profile": "TRAFFICKING_VICTIM",
      "reason": "Indicators of trafficking: one strong or two medium (for a child, one strong or one medium)",
      "description": "Grades after the ILO-EC Delphi indicators of trafficking in human beings (2009). Strong: what shows control by an exploiter (debt bondage tied to work, documents confiscated, movement restricted, sexual exploitation, threats, violence used for control, a trafficking experience disclosed). Medium: deception about the job, little or no pay, fear of the traffickers at home. Weak: others speak for the person, a journey debt not to be worked off; they are no exploitation indicators and never count toward the threshold, however many, for an adult or a child (a young child's parent speaks for the child; a family owes for a journey), but are listed beside the others when the rule fires. For a child no means of control need be shown: one medium indicator suffices.",
      "when": { "graded": {
        "strong": [
          { "answer": "debt_bondage", "eq": true, "label": "debt bondage: must work off a debt to those who organised the journey or the work" },
          { "fact": "person.documentsHeldByOther", "eq": true, "label": "documents held by another person" },
          { "answer": "movement_controlled", "eq": true, "label": "movement controlled by others" },
          { "answer": "sexual_exploitation", "eq": true, "label": "sexual exploitation" },
          { "answer": "threatened", "eq": true, "label": "threats against the person or family" },
          { "answer": "injuries_from_control", "eq": true, "label": "injuries from control or punishment" },
          { "answer": "trafficked_before", "eq": true, "label": "trafficked before" }
        ],
        "medium": [
          { "answer": "deceived_about_job", "eq": true, "label": "deceived about the job or conditions" },
          { "answer": "little_or_no_pay", "eq": true, "label": "little or no pay" },
          { "answer": "fears_traffickers_on_return", "eq": true, "label": "afraid of the traffickers at home" }
        ],
        "weak": [
          { "answer": "others_speak_for_person", "eq": true, "label": "others speak for the person" },
          { "answer": "journey_debt", "eq": true, "label": "owes money for the journey" }
        ],
        "oneMediumSuffices": { "fact": "person.isChild", "eq": true }
      } }
    },
    {
      "id": "trafficking.flagged",
      "profile": "TRAFFICKING_VICTIM",
      "reason": "Flagged as a suspected trafficking victim at arrival",
      "when": { "fact": "urgentNeeds", "eq": "TRAFFICKING_SUSPECTED", "label": "flagged TRAFFICKING_SUSPECTED at arrival" }
    },
    {
      "id": "trafficking.child_with_controlling_adult",
      "profile": "TRAFFICKING_VICTIM",
      "reason": "A child without a caregiver, or with an adult whose claimed relationship is not verified, and an adult who answers for them or holds their documents",
      "when": { "all": [
        { "fact": "person.isChild", "eq": true },
        { "any": [
          { "fact": "child.caregiver", "eq": "NONE", "label": "no parent or caregiver present" },
          { "answer": "adult_claims_relationship_unverified", "eq": true, "label": "an adult claims a relationship with the child that is not verified" }
        ] },
        { "any": [
          { "answer": "adult_answers_for_child", "eq": true, "label": "an adult answers for the child" },
          { "answer": "adult_holds_child_documents", "eq": true, "label": "an adult holds the child's documents" },
          { "fact": "person.documentsHeldByOther", "eq": true, "label": "documents held by another person" }
        ] }
      ] }
    },
    {
      "id": "smuggling.abuse_en_route",
      "profile": "SMUGGLED_MIGRANT_ABUSED",
      "reason": "Abused on the way by smugglers, officials or others",
      "when": { "any": [
        { "answer": "held_for_ransom", "eq": true, "label": "held for ransom" },
        { "answer": "family_extorted", "eq": true, "label": "family extorted" },
        { "answer": "abandoned_en_route", "eq": true, "label": "abandoned on the way" },
        { "answer": "beaten_or_robbed", "eq": true, "label": "beaten or robbed by smugglers or officials" },
        { "answer": "detained_in_transit", "eq": true, "label": "detained in a transit country" }
      ] }
    },
    {
      "id": "smuggling.abused_and_injured",
      "profile": "SMUGGLED_MIGRANT_ABUSED",
      "reason": "Abused on the way and injured: first contact the same day",
      "urgency": "HIGH",
      "when": { "all": [
        { "answer": "injured", "eq": true, "label": "injured" },
        { "any": [
          { "answer": "held_for_ransom", "eq": true, "label": "held for ransom" },
          { "answer": "family_extorted", "eq": true, "label": "family extorted" },
          { "answer": "abandoned_en_route", "eq": true, "label": "abandoned on the way" },
          { "answer": "beaten_or_robbed", "eq": true, "label": "beaten or robbed by smugglers or officials" },
          { "answer": "detained_in_transit", "eq": true, "label": "detained in a transit country" }
        ] }
      ] }
    },
    {
      "id": "torture.reported",
      "profile": "TORTURE_SURVIVOR",
      "reason": "Torture reported, or scars or impairment attributed to torture",
      "needsCodes": ["TR-PI"],
      "when": { "any": [
        { "answer": "torture_reported", "eq": true, "label": "torture reported" },
        { "answer": "scars_attributed_to_torture", "eq": true, "label": "scars or impairment attributed to torture" }
      ] }
    },
    {
      "id": "torture.forced_acts",
      "profile": "TORTURE_SURVIVOR",
      "reason": "Forced to commit acts of violence",
      "needsCodes": ["TR-HO"],
      "when": { "answer": "forced_to_commit_acts", "eq": true, "label": "forced to commit acts" }
    },
    {
      "id": "torture.witnessed_killings",
      "profile": "TORTURE_SURVIVOR",
      "reason": "Witnessed killings",
      "needsCodes": ["TR-WV"],
      "when": { "answer": "witnessed_killings", "eq": true, "label": "witnessed killings" }
    },
    {
      "id": "torture.injured",
      "profile": "TORTURE_SURVIVOR",
      "reason": "Torture indicators and injured: first contact immediately",
      "urgency": "IMMEDIATE",
      "when": { "all": [
        { "answer": "injured", "eq": true, "label": "injured" },
        { "any": [
          { "answer": "torture_reported", "eq": true, "label": "torture reported" },
          { "answer": "scars_attributed_to_torture", "eq": true, "label": "scars or impairment attributed to torture" },
          { "answer": "forced_to_commit_acts", "eq": true, "label": "forced to commit acts" },
          { "answer": "witnessed_killings", "eq": true, "label": "witnessed killings" }
        ] }
      ] }
    },
    {
      "id": "sgbv.sexual_violence",
      "profile": "SGBV_SURVIVOR",
      "reason": "Sexual violence disclosed",
      "needsCodes": ["SV-VF"],
      "when": { "answer": "sexual_violence_disclosed", "eq": true, "label": "sexual violence disclosed" }
    },
    {
      "id": "sgbv.recent_sexual_violence",
      "profile": "SGBV_SURVIVOR",
      "reason": "Sexual violence less than 72 hours ago: a clinical emergency",
      "urgency": "IMMEDIATE",
      "needsCodes": ["SV-VF"],
      "when": { "any": [
        { "all": [
          { "answer": "sexual_violence_disclosed", "eq": true, "label": "sexual violence disclosed" },
          { "answer": "sexual_violence_hours_ago", "lt": 72, "label": "less than 72 hours ago" }
        ] },
        { "fact": "urgentNeeds", "eq": "RECENT_SEXUAL_VIOLENCE", "label": "flagged RECENT_SEXUAL_VIOLENCE at arrival" }
      ] }
    },
    {
      "id": "sgbv.forced_or_early_marriage",
      "profile": "SGBV_SURVIVOR",
      "reason": "Forced or early marriage",
      "needsCodes": ["SV-FM"],
      "when": { "answer": "forced_or_early_marriage", "eq": true, "label": "forced or early marriage" }
    },
    {
      "id": "sgbv.fgm",
      "profile": "SGBV_SURVIVOR",
      "reason": "Female genital mutilation",
      "needsCodes": ["SV-GM"],
      "when": { "answer": "fgm", "eq": true, "label": "female genital mutilation" }
    },
    {
      "id": "sgbv.survival_sex",
      "profile": "SGBV_SURVIVOR",
      "reason": "Survival sex",
      "needsCodes": ["SV-SS"],
      "when": { "answer": "survival_sex", "eq": true, "label": "survival sex" }
    },
    {
      "id": "medical.critical",
      "profile": "MEDICAL_EMERGENCY",
      "reason": "Critical condition or urgent health triage",
      "when": { "any": [
        { "answer": "critical_condition", "eq": true, "label": "critical condition" },
        { "answer": "health_triage", "eq": "URGENT", "label": "health triage: urgent" },
        { "fact": "urgentNeeds", "eq": "MEDICAL_EMERGENCY", "label": "flagged MEDICAL_EMERGENCY at arrival" }
      ] }
    },
    {
      "id": "medical.injured",
      "profile": "MEDICAL_EMERGENCY",
      "reason": "Injured",
      "when": { "answer": "injured", "eq": true, "label": "injured" }
    },
    {
      "id": "medical.pregnancy_complication",
      "profile": "MEDICAL_EMERGENCY",
      "reason": "Pregnancy complication",
      "needsCodes": ["SM-DP"],
      "when": { "answer": "pregnancy_complication", "eq": true, "label": "pregnancy complication" }
    },
    {
      "id": "needs.disability",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Disability observed or reported",
      "when": { "answer": "disability", "eq": true, "label": "disability" }
    },
    {
      "id": "needs.serious_illness",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Serious illness reported",
      "when": { "answer": "serious_illness", "eq": true, "label": "serious illness" }
    },
    {
      "id": "needs.chronic_illness_untreated",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Chronic illness without the medication for it",
      "urgency": "HIGH",
      "needsCodes": ["SM-CI"],
      "when": { "answer": "chronic_illness_without_medication", "eq": true, "label": "chronic illness without medication" }
    },
    {
      "id": "needs.older_person",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Older person at risk",
      "when": { "answer": "older_person_at_risk", "eq": true, "label": "older person at risk" }
    },
    {
      "id": "needs.single_parent",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Single parent or caregiver",
      "needsCodes": ["SP-PT"],
      "when": { "answer": "single_parent", "eq": true, "label": "single parent or caregiver" }
    },
    {
      "id": "needs.woman_at_risk",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Woman at risk",
      "needsCodes": ["WR-WR"],
      "when": { "answer": "woman_at_risk", "eq": true, "label": "woman at risk" }
    },
    {
      "id": "needs.pregnant",
      "profile": "SPECIFIC_NEEDS",
      "reason": "Pregnant",
      "when": { "answer": "pregnant", "eq": true, "label": "pregnant" }
    },
    {
      "id": "return.stranded",
      "profile": "STRANDED_MIGRANT_RETURN",
      "reason": "Wants to go home and has no means to",
      "when": { "all": [
        { "answer": "wants_to_return_home", "eq": true, "label": "wants to go home" },
        { "answer": "has_means_to_return", "eq": false, "label": "no means to go home" }
      ] }
    },
    {
      "id": "migrant.work_or_family",
      "profile": "MIGRANT",
      "reason": "Moving for work, family, study or a living, and not seeking to return",
      "when": { "all": [
        { "answer": "reasons_for_leaving", "in": ["WORK", "FAMILY", "EDUCATION", "POVERTY"], "label": "left for work, family, study or a living" },
        { "not": { "all": [
          { "answer": "wants_to_return_home", "eq": true },
          { "answer": "has_means_to_return", "eq": false }
        ] } }
      ] }
    }
  ],
  "primaFacie": [
    {
      "id": "SOM-south-central",
      "nationality": "SOM",
      "areaCodes": ["SO-BK", "SO-BN", "SO-BY", "SO-GA", "SO-GE", "SO-HI", "SO-JD", "SO-JH", "SO-SD", "SO-SH"],
      "validFrom": "2026-01-01",
      "validTo": "2027-12-31",
      "source": "Demonstration entry, modelled on the prima facie recognition of asylum-seekers from south-central Somalia noted by the Regional Conference on Refugee Protection and International Migration, Dar es Salaam, September 2010 (report, section III). Areas: Bakool, Banaadir, Bay, Galguduud, Gedo, Hiiraan, Middle and Lower Juba, Middle and Lower Shabelle (ISO 3166-2:SO); Mudug, split between regions, is left to individual assessment. Not a current determination: each country's joint SOP carries its own dated list."
    }
  ]
};

/** The default rule set, validated when this module loads (a broken default fails at start-up, not per case). */
export const DEFAULT_RULE_SET: RuleSet = loadRuleSet(DEFAULT_RULE_SET_DOCUMENT);

/** The default rule file as JSON text, for a SOP to start from. */
export function defaultRuleSetJson(): string {
  return `${JSON.stringify(DEFAULT_RULE_SET_DOCUMENT, null, 2)}\n`;
}
