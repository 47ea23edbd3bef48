export enum IntakeMode {
  /** The full record and screening interview. */
  Full = 'FULL',
  /** Mass arrival: a minimal record now (status INCOMPLETE and a completion task), the rest later. */
  MassArrival = 'MASS_ARRIVAL',
}

export enum CaseStatus {
  Open = 'OPEN',
  Incomplete = 'INCOMPLETE',
  Closed = 'CLOSED',
}

export enum Sex {
  Female = 'FEMALE',
  Male = 'MALE',
  Other = 'OTHER',
  Unknown = 'UNKNOWN',
}

export enum ArrivalMode {
  Land = 'LAND',
  Sea = 'SEA',
  Air = 'AIR',
}

export enum ArrivalHow {
  RegularCrossing = 'REGULAR_CROSSING',
  IrregularCrossing = 'IRREGULAR_CROSSING',
  Intercepted = 'INTERCEPTED',
  RescuedAtSea = 'RESCUED_AT_SEA',
  SelfPresented = 'SELF_PRESENTED',
  FoundInTerritory = 'FOUND_IN_TERRITORY',
}

export enum InformationTopic {
  Asylum = 'ASYLUM',
  Counselling = 'COUNSELLING',
  LegalAid = 'LEGAL_AID',
  NgoAccess = 'NGO_ACCESS',
  VoluntaryReturn = 'VOLUNTARY_RETURN',
}

export enum DocumentKind {
  Passport = 'PASSPORT',
  NationalId = 'NATIONAL_ID',
  RefugeeId = 'REFUGEE_ID',
  BirthCertificate = 'BIRTH_CERTIFICATE',
  TravelDocument = 'TRAVEL_DOCUMENT',
  ResidencePermit = 'RESIDENCE_PERMIT',
  Other = 'OTHER',
}

export enum Relationship {
  Mother = 'MOTHER',
  Father = 'FATHER',
  Child = 'CHILD',
  Sibling = 'SIBLING',
  Spouse = 'SPOUSE',
  Grandparent = 'GRANDPARENT',
  Grandchild = 'GRANDCHILD',
  UncleOrAunt = 'UNCLE_OR_AUNT',
  NephewOrNiece = 'NEPHEW_OR_NIECE',
  Cousin = 'COUSIN',
  OtherRelative = 'OTHER_RELATIVE',
  LegalGuardian = 'LEGAL_GUARDIAN',
  CustomaryCaregiver = 'CUSTOMARY_CAREGIVER',
  Friend = 'FRIEND',
  Unrelated = 'UNRELATED',
  Unknown = 'UNKNOWN',
}

/** Flags a mass-arrival record carries so urgent cases still route at once. */
export enum UrgentNeed {
  MedicalEmergency = 'MEDICAL_EMERGENCY',
  UnaccompaniedChild = 'UNACCOMPANIED_CHILD',
  SeparatedChild = 'SEPARATED_CHILD',
  TraffickingSuspected = 'TRAFFICKING_SUSPECTED',
  RecentSexualViolence = 'RECENT_SEXUAL_VIOLENCE',
  AsylumWish = 'ASYLUM_WISH',
}

export enum TaskKind {
  /** Complete a mass-arrival record: held by the border point where the person arrived. */
  CompleteIntake = 'COMPLETE_INTAKE',
}

export enum EncounterStatus {
  Pending = 'PENDING',
  Linked = 'LINKED',
  Dismissed = 'DISMISSED',
}

/** Nationality values besides ISO 3166-1 alpha-3 codes. */
export const STATELESS = 'STATELESS';
export const UNKNOWN_NATIONALITY = 'UNKNOWN';
