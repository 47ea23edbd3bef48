import { DEFAULT_RULE_SET_DOCUMENT } from '@kivuko/profiling';
import { JsonObject, Sop } from './sop';
import { loadSop } from './validation/sop-validator';

/**
 * The default joint SOP of the domain guide, for the demonstration jurisdiction (TZA, its agencies as in
 * the access library's demo data). Plain JSON data in the shape `libs/sop/sop.schema.json` describes; it
 * lives in a .ts module only because the build ships .ts files and not .json ones. It carries the
 * default profiling rule set and the default data-sharing map. "Same day" is written PT8H (one working
 * shift) and "per national law" P7D: values a country replaces.
 */
export const DEFAULT_SOP_DOCUMENT: JsonObject = {
  "$schema": "https://kivuko.example/schemas/sop.schema.json",
  "version": "tza-joint-sop-2026.1",
  "title": "Joint SOP on profiling and referral in mixed movements (demonstration, TZA)",
  "description": "The default joint SOP of the Kivuko domain guide, written for the demonstration jurisdiction. Every value is a default a country's signatories replace with their own.",
  "jurisdiction": { "country": "TZA" },
  "effectiveFrom": "2026-01-01",
  "signatories": [
    "Border Management Service",
    "Immigration Department",
    "Refugee Status Authority",
    "Child Protection Service",
    "Anti-Trafficking Secretariat",
    "Regional Referral Hospital",
    "Haki Legal Aid",
    "Tumaini Shelter",
    "Refugee Agency",
    "Migration Agency"
  ],
  "deadlinesFrom": "REFERRAL",
  "borderPointTasks": { "completeIntake": "PT72H", "obtainConsent": "P1D" },
  "profiling": DEFAULT_RULE_SET_DOCUMENT,
  "routing": {
    "ASYLUM_SEEKER": {
      "description": "Asylum authority, same day (PT8H stands for one working shift)",
      "lead": {
        "kind": "ASYLUM_AUTHORITY",
        "actions": [{ "action": "REGISTER_ASYLUM_CLAIM", "within": "P3D" }, { "action": "ALLOCATE_RECEPTION_PLACE", "within": "PT24H" }]
      },
      "supporting": [
        { "kind": "INTERNATIONAL_ORGANIZATION", "service": "LEGAL_AID", "description": "UN refugee agency (in the demo: Refugee Agency)" },
        { "kind": "NGO", "service": "LEGAL_AID", "description": "Legal-aid NGO", "actions": [{ "action": "ASYLUM_COUNSELLING", "within": "P1D" }] }
      ],
      "firstContact": { "IMMEDIATE": "PT8H", "HIGH": "PT8H", "NORMAL": "PT8H" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P2" },
      "prohibitions": ["NO_REMOVAL_WHILE_CLAIM_PENDING", "NO_CONTACT_WITH_COUNTRY_OF_ORIGIN"]
    },
    "PRIMA_FACIE_REFUGEE": {
      "description": "As for asylum-seekers: registration under the prima facie list",
      "lead": {
        "kind": "ASYLUM_AUTHORITY",
        "actions": [{ "action": "REGISTER_ASYLUM_CLAIM", "within": "P3D" }, { "action": "ALLOCATE_RECEPTION_PLACE", "within": "PT24H" }]
      },
      "supporting": [
        { "kind": "INTERNATIONAL_ORGANIZATION", "service": "LEGAL_AID", "description": "UN refugee agency (in the demo: Refugee Agency)" },
        { "kind": "NGO", "service": "LEGAL_AID", "description": "Legal-aid NGO", "actions": [{ "action": "ASYLUM_COUNSELLING", "within": "P1D" }] }
      ],
      "firstContact": { "IMMEDIATE": "PT8H", "HIGH": "PT8H", "NORMAL": "PT8H" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P2" },
      "prohibitions": ["NO_REMOVAL_WHILE_CLAIM_PENDING", "NO_CONTACT_WITH_COUNTRY_OF_ORIGIN"]
    },
    "UNACCOMPANIED_CHILD": {
      "description": "Child-protection officer, 24 hours",
      "lead": {
        "kind": "CHILD_PROTECTION",
        "actions": [
          { "action": "APPOINT_GUARDIAN", "within": "PT24H" },
          { "action": "ARRANGE_INTERIM_CARE", "within": "PT24H" },
          { "action": "OPEN_BEST_INTERESTS_ASSESSMENT", "within": "P3D" },
          {
            "action": "START_FAMILY_TRACING",
            "within": "P7D",
            "consentPurpose": "FAMILY_TRACING",
            "note": "Unless tracing would endanger the child or the family"
          }
        ]
      },
      "supporting": [
        {
          "kind": "INTERNATIONAL_ORGANIZATION",
          "service": "LEGAL_AID",
          "description": "UN agency with a child-protection mandate (in the demo: Refugee Agency)"
        },
        { "kind": "ASYLUM_AUTHORITY" }
      ],
      "firstContact": { "IMMEDIATE": "PT24H", "HIGH": "PT24H", "NORMAL": "PT24H" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P2" },
      "prohibitions": ["NO_DETENTION", "NO_RETURN_WITHOUT_BID", "NO_ROUTINE_AGE_ASSESSMENT", "NO_TRACING_THAT_ENDANGERS"]
    },
    "SEPARATED_CHILD": {
      "description": "Child-protection officer, 24 hours",
      "lead": {
        "kind": "CHILD_PROTECTION",
        "actions": [
          { "action": "APPOINT_GUARDIAN", "within": "PT24H" },
          { "action": "ARRANGE_INTERIM_CARE", "within": "PT24H" },
          { "action": "OPEN_BEST_INTERESTS_ASSESSMENT", "within": "P3D" },
          {
            "action": "START_FAMILY_TRACING",
            "within": "P7D",
            "consentPurpose": "FAMILY_TRACING",
            "note": "Unless tracing would endanger the child or the family"
          }
        ]
      },
      "supporting": [
        {
          "kind": "INTERNATIONAL_ORGANIZATION",
          "service": "LEGAL_AID",
          "description": "UN agency with a child-protection mandate (in the demo: Refugee Agency)"
        },
        { "kind": "ASYLUM_AUTHORITY" }
      ],
      "firstContact": { "IMMEDIATE": "PT24H", "HIGH": "PT24H", "NORMAL": "PT24H" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P2" },
      "prohibitions": ["NO_DETENTION", "NO_RETURN_WITHOUT_BID", "NO_ROUTINE_AGE_ASSESSMENT", "NO_TRACING_THAT_ENDANGERS"]
    },
    "CHILD_AT_RISK": {
      "description": "Child-protection officer, 3 days (1 day if high risk)",
      "lead": {
        "kind": "CHILD_PROTECTION",
        "actions": [{ "action": "RISK_ASSESSMENT", "within": "P3D" }, { "action": "CASE_PLAN", "within": "P7D" }]
      },
      "supporting": [
        { "kind": "HEALTH" },
        { "kind": "NGO", "service": "PSYCHOSOCIAL", "actions": [{ "action": "PSYCHOSOCIAL_SUPPORT", "within": "P7D" }] }
      ],
      "firstContact": { "IMMEDIATE": "P1D", "HIGH": "P1D", "NORMAL": "P3D" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P3" },
      "prohibitions": ["NO_SEPARATION_WITHOUT_BID", "NO_DETENTION_OF_FAMILIES_WITH_CHILDREN"]
    },
    "TRAFFICKING_VICTIM": {
      "description": "Anti-trafficking coordinator, 24 hours; police only with consent",
      "lead": {
        "kind": "ANTI_TRAFFICKING",
        "actions": [
          { "action": "SAFETY_ASSESSMENT", "within": "PT24H" },
          { "action": "START_REFLECTION_PERIOD", "within": "PT24H", "period": "P30D" },
          { "action": "REFER_FOR_ASYLUM_IF_FEAR_OF_RETURN", "within": "P3D" }
        ]
      },
      "supporting": [
        { "kind": "INTERNATIONAL_ORGANIZATION", "service": "VOLUNTARY_RETURN", "description": "UN migration agency (in the demo: Migration Agency)" },
        {
          "kind": "NGO",
          "service": "SAFE_SHELTER",
          "description": "Shelter NGO",
          "actions": [{ "action": "ARRANGE_SAFE_SHELTER", "within": "PT24H" }]
        },
        { "kind": "HEALTH", "actions": [{ "action": "MEDICAL_SCREENING", "within": "PT24H" }] }
      ],
      "firstContact": { "IMMEDIATE": "PT24H", "HIGH": "PT24H", "NORMAL": "PT24H" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P2" },
      "prohibitions": [
        "NO_EXPULSION_DURING_REFLECTION_PERIOD",
        "NO_ASSISTANCE_CONDITIONAL_ON_TESTIMONY",
        "NO_PROSECUTION_FOR_IRREGULAR_ENTRY",
        "NO_POLICE_CONTACT_WITHOUT_CONSENT"
      ]
    },
    "SMUGGLED_MIGRANT_ABUSED": {
      "description": "Protection NGO, 3 days (same day if injured)",
      "lead": {
        "kind": "NGO",
        "service": "PSYCHOSOCIAL",
        "description": "Protection NGO",
        "actions": [
          { "action": "TRAFFICKING_AND_TORTURE_SCREENING", "within": "P3D" },
          { "action": "PSYCHOSOCIAL_SUPPORT", "within": "P7D" },
          { "action": "INFORMATION_ON_REMEDIES", "within": "P7D" }
        ]
      },
      "supporting": [{ "kind": "HEALTH", "actions": [{ "action": "MEDICAL_SCREENING", "within": "P3D" }] }],
      "firstContact": { "IMMEDIATE": "PT8H", "HIGH": "PT8H", "NORMAL": "P3D" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P3" },
      "prohibitions": ["NO_REMOVAL_BEFORE_SCREENING"]
    },
    "TORTURE_SURVIVOR": {
      "description": "Specialised rehabilitation NGO, 3 days (immediately if injured)",
      "lead": {
        "kind": "NGO",
        "service": "TORTURE_REHABILITATION",
        "description": "Rehabilitation NGO",
        "actions": [{ "action": "MEDICO_LEGAL_DOCUMENTATION", "within": "P14D" }]
      },
      "supporting": [
        { "kind": "ASYLUM_AUTHORITY", "actions": [{ "action": "FLAG_PROCEDURAL_SAFEGUARDS", "within": "P1D" }] },
        { "kind": "NGO", "service": "LEGAL_AID", "description": "Legal-aid NGO" }
      ],
      "firstContact": { "IMMEDIATE": "PT1H", "HIGH": "P3D", "NORMAL": "P3D" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P3", "NORMAL": "P3" },
      "prohibitions": ["NO_DETENTION", "NO_REPEATED_INTERVIEWS"]
    },
    "SGBV_SURVIVOR": {
      "description": "GBV case management, 1 day (1 hour if recent rape); explicit consent before any sharing",
      "lead": {
        "kind": "NGO",
        "service": "GBV_CASE_MANAGEMENT",
        "description": "GBV case-management agency",
        "actions": [
          { "action": "OBTAIN_EXPLICIT_CONSENT", "within": "PT1H" },
          { "action": "SAME_SEX_STAFF_AND_INTERPRETER", "within": "PT1H" },
          { "action": "SAFETY_PLAN", "within": "P1D" }
        ]
      },
      "supporting": [
        {
          "kind": "HEALTH",
          "actions": [{ "action": "CLINICAL_CARE", "within": "PT24H", "note": "Within 72 hours of a rape for post-exposure prophylaxis" }]
        },
        {
          "kind": "NGO",
          "service": "SAFE_SHELTER",
          "description": "Safe shelter",
          "actions": [{ "action": "ARRANGE_SAFE_SHELTER", "within": "PT24H" }]
        },
        { "kind": "NGO", "service": "LEGAL_AID", "description": "Legal-aid NGO" }
      ],
      "firstContact": { "IMMEDIATE": "PT1H", "HIGH": "P1D", "NORMAL": "P1D" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P2", "NORMAL": "P2" },
      "prohibitions": ["NO_SHARING_WITHOUT_CONSENT"]
    },
    "MEDICAL_EMERGENCY": {
      "description": "Health service, 1 hour; the lead of the underlying profile supports through that profile's own referral",
      "lead": { "kind": "HEALTH", "actions": [{ "action": "STABILISE", "within": "PT1H" }, { "action": "REPROFILE", "within": "P1D" }] },
      "supporting": [],
      "firstContact": { "IMMEDIATE": "PT1H", "HIGH": "PT1H", "NORMAL": "PT1H" },
      "priority": { "IMMEDIATE": "P1", "HIGH": "P1", "NORMAL": "P1" },
      "prohibitions": ["NO_CARE_CONDITIONAL_ON_STATUS"]
    },
    "SPECIFIC_NEEDS": {
      "description": "Not in the domain guide's table: a protection NGO assesses vulnerabilities, with health",
      "lead": {
        "kind": "NGO",
        "service": "PSYCHOSOCIAL",
        "description": "Protection NGO",
        "actions": [{ "action": "VULNERABILITY_ASSESSMENT", "within": "P3D" }]
      },
      "supporting": [{ "kind": "HEALTH" }],
      "firstContact": { "IMMEDIATE": "P3D", "HIGH": "P3D", "NORMAL": "P3D" },
      "priority": { "IMMEDIATE": "P2", "HIGH": "P3", "NORMAL": "P3" },
      "prohibitions": []
    },
    "STRANDED_MIGRANT_RETURN": {
      "description": "Assisted voluntary return, 3 days; consulate only with consent and no protection flag",
      "lead": {
        "kind": "INTERNATIONAL_ORGANIZATION",
        "service": "VOLUNTARY_RETURN",
        "description": "UN migration agency (in the demo: Migration Agency)",
        "actions": [
          { "action": "VOLUNTARINESS_CHECK", "within": "P3D" },
          { "action": "PRE_RETURN_COUNSELLING", "within": "P7D" },
          { "action": "VULNERABILITY_ASSESSMENT", "within": "P7D" },
          { "action": "TRAVEL_DOCUMENTS", "within": "P14D" }
        ]
      },
      "supporting": [],
      "firstContact": { "IMMEDIATE": "P3D", "HIGH": "P3D", "NORMAL": "P3D" },
      "priority": { "IMMEDIATE": "P2", "HIGH": "P3", "NORMAL": "P3" },
      "prohibitions": ["NO_RETURN_WHILE_PROTECTION_PROFILE_OPEN", "NO_BAR_TO_WITHDRAWAL", "NO_CONSULATE_CONTACT_WITHOUT_CONSENT"]
    },
    "MIGRANT": {
      "description": "Immigration authority, per national law (P7D stands in until the country sets its own)",
      "lead": { "kind": "IMMIGRATION", "actions": [{ "action": "INFORMATION_ON_RIGHTS", "within": "P7D" }] },
      "supporting": [
        { "kind": "INTERNATIONAL_ORGANIZATION", "service": "VOLUNTARY_RETURN", "description": "UN migration agency (in the demo: Migration Agency)" }
      ],
      "firstContact": { "IMMEDIATE": "P7D", "HIGH": "P7D", "NORMAL": "P7D" },
      "priority": { "IMMEDIATE": "P2", "HIGH": "P4", "NORMAL": "P4" },
      "prohibitions": ["NO_REMOVAL_WITHOUT_INDIVIDUAL_ASSESSMENT", "NO_DETENTION_BEFORE_ALTERNATIVES"]
    }
  },
  "agencyChoice": {
    "description": "Agencies that do not cover the border point (or its region) or lack the service the SOP names are not eligible; among the rest, a shared language, then remaining capacity today, then the name decide. A full agency stays in the fallback order, last.",
    "criteria": [
      { "criterion": "COVERAGE", "required": true },
      { "criterion": "SERVICE", "required": true },
      { "criterion": "LANGUAGE", "required": false },
      { "criterion": "CAPACITY", "required": false }
    ]
  },
  "dataSharing": {
    "recipients": {
      "BORDER_AUTHORITY": { "groups": ["IDENTITY", "CONTACT", "ARRIVAL", "NEEDS", "CHILD", "DETENTION", "RETURN"], "consentRequiredFor": [] },
      "IMMIGRATION": { "groups": ["IDENTITY", "ARRIVAL", "RETURN", "DETENTION"], "consentRequiredFor": [] },
      "ASYLUM_AUTHORITY": {
        "groups": ["IDENTITY", "CONTACT", "ARRIVAL", "NEEDS", "ASYLUM", "CHILD", "TORTURE", "DETENTION", "RETURN"],
        "consentRequiredFor": ["TORTURE"]
      },
      "CHILD_PROTECTION": {
        "groups": ["IDENTITY", "CONTACT", "ARRIVAL", "NEEDS", "CHILD", "HEALTH", "TRAFFICKING", "SGBV", "DETENTION", "RETURN"],
        "consentRequiredFor": ["SGBV"]
      },
      "ANTI_TRAFFICKING": {
        "groups": ["IDENTITY", "CONTACT", "ARRIVAL", "NEEDS", "TRAFFICKING", "HEALTH", "CHILD"],
        "consentRequiredFor": ["HEALTH"]
      },
      "HEALTH": { "groups": ["IDENTITY", "CONTACT", "NEEDS", "HEALTH", "SGBV", "TORTURE"], "consentRequiredFor": ["SGBV", "TORTURE"] },
      "NGO": {
        "groups": ["IDENTITY", "CONTACT", "NEEDS", "SGBV", "TORTURE", "HEALTH", "TRAFFICKING"],
        "consentRequiredFor": ["SGBV", "TORTURE", "HEALTH", "TRAFFICKING"]
      },
      "INTERNATIONAL_ORGANIZATION": {
        "groups": ["IDENTITY", "CONTACT", "ARRIVAL", "NEEDS", "ASYLUM", "CHILD", "RETURN"],
        "consentRequiredFor": ["ASYLUM"]
      },
      "MONITOR": { "groups": ["ARRIVAL", "CHILD", "DETENTION", "RETURN"], "consentRequiredFor": [] }
    },
    "purposes": {
      "REFERRAL": { "consentRequired": true, "legalBases": ["CHILD_BEST_INTERESTS", "LEGAL_OBLIGATION", "VITAL_INTEREST", "CHILD_PROTECTION_MANDATE"] },
      "DATA_SHARING": { "consentRequired": true, "legalBases": ["CHILD_BEST_INTERESTS", "LEGAL_OBLIGATION", "VITAL_INTEREST"] },
      "FAMILY_TRACING": { "consentRequired": true, "legalBases": ["CHILD_BEST_INTERESTS"] },
      "STATISTICS": { "consentRequired": false, "legalBases": [] }
    },
    "legalBases": {
      "CHILD_BEST_INTERESTS": { "childOnly": true, "description": "A child's best interests, recorded by a child-protection officer with a reason" },
      "LEGAL_OBLIGATION": {
        "recipients": ["ASYLUM_AUTHORITY", "CHILD_PROTECTION", "ANTI_TRAFFICKING"],
        "description": "A statutory duty to refer to these authorities, recorded with a reason"
      },
      "VITAL_INTEREST": {
        "profiles": ["MEDICAL_EMERGENCY"],
        "automatic": true,
        "description": "Urgent medical referrals proceed on vital interest, recorded as such"
      },
      "CHILD_PROTECTION_MANDATE": {
        "childOnly": true,
        "profiles": ["UNACCOMPANIED_CHILD", "SEPARATED_CHILD"],
        "recipients": ["CHILD_PROTECTION"],
        "automatic": true,
        "description": "An unaccompanied or separated child is referred to child protection on its mandate and the child's best interests, at once and recorded as such; family tracing asks its own consent"
      }
    }
  },
  "escalation": {
    "description": "Overdue referrals alert the receiving agency's manager at once, then the coordinating body, then the independent monitor.",
    "coordinatingBody": "Refugee Agency",
    "steps": [
      { "after": "PT0S", "notify": "RECEIVING_AGENCY_MANAGER" },
      { "after": "PT0S", "notify": "SENDING_BORDER_POINT_SUPERVISOR", "priorities": ["P1"] },
      { "after": "PT4H", "notify": "COORDINATING_BODY", "priorities": ["P1"] },
      { "after": "PT24H", "notify": "COORDINATING_BODY", "priorities": ["P2", "P3", "P4"] },
      { "after": "P3D", "notify": "AGENCY", "agency": "Independent Protection Monitor" }
    ]
  },
  "safeguards": {
    "NON_REFOULEMENT": { "enabled": true },
    "DETENTION_GUARD": { "enabled": true },
    "NON_CRIMINALISATION": { "enabled": true },
    "CONFIDENTIALITY": { "enabled": true }
  }
};

/** The default SOP, validated when this module loads (a broken default fails at start-up, not per case). */
export const DEFAULT_SOP: Sop = loadSop(DEFAULT_SOP_DOCUMENT);

/** The default SOP as JSON text, for an author to start from. */
export function defaultSopJson(): string {
  return `${JSON.stringify(DEFAULT_SOP_DOCUMENT, null, 2)}\n`;
}
