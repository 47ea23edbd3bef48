export enum BorderPointKind {
  Land = 'LAND',
  Sea = 'SEA',
  Air = 'AIR',
  ReceptionCentre = 'RECEPTION_CENTRE',
}

export enum AgencyKind {
  BorderAuthority = 'BORDER_AUTHORITY',
  Immigration = 'IMMIGRATION',
  AsylumAuthority = 'ASYLUM_AUTHORITY',
  ChildProtection = 'CHILD_PROTECTION',
  AntiTrafficking = 'ANTI_TRAFFICKING',
  Health = 'HEALTH',
  Ngo = 'NGO',
  InternationalOrganization = 'INTERNATIONAL_ORGANIZATION',
  Monitor = 'MONITOR',
}

export enum AgencyService {
  FamilyTracing = 'FAMILY_TRACING',
  TortureRehabilitation = 'TORTURE_REHABILITATION',
  SafeShelter = 'SAFE_SHELTER',
  LegalAid = 'LEGAL_AID',
  MedicalCare = 'MEDICAL_CARE',
  Psychosocial = 'PSYCHOSOCIAL',
  VoluntaryReturn = 'VOLUNTARY_RETURN',
  InterimCare = 'INTERIM_CARE',
  GbvCaseManagement = 'GBV_CASE_MANAGEMENT',
}
