import { Role } from '@kivuko/platform';
import { AgencyKind, AgencyService, BorderPointKind } from './access.enums';

/**
 * A demo jurisdiction: generic names, one agency of each kind (two NGOs), a user for every role. The border
 * points have fixed ids, so the example bodies in the OpenAPI document work as they are on a demo start.
 */
export const DEMO_BORDER_POINTS = [
  { id: '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a01', code: 'NMG', name: 'Namanga land crossing', country: 'TZA', kind: BorderPointKind.Land, region: 'Arusha' },
  { id: '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a02', code: 'KGM', name: 'Kigoma lake port', country: 'TZA', kind: BorderPointKind.Sea, region: 'Kigoma' },
  { id: '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a03', code: 'DAR', name: 'Dar es Salaam international airport', country: 'TZA', kind: BorderPointKind.Air, region: 'Dar es Salaam' },
  { id: '3f0c2a5e-6b1d-4c8e-9a7f-1d2e3b4c5a04', code: 'KSL', name: 'Kasulu reception centre', country: 'TZA', kind: BorderPointKind.ReceptionCentre, region: 'Kigoma' },
] as const;

const ALL = DEMO_BORDER_POINTS.map((b) => b.code);

export const DEMO_AGENCIES: { name: string; kind: AgencyKind; services: AgencyService[]; covers: readonly string[]; languages: string[] }[] = [
  { name: 'Border Management Service', kind: AgencyKind.BORDER_AUTHORITY, services: [], covers: ALL, languages: ['sw', 'en'] },
  { name: 'Immigration Department', kind: AgencyKind.IMMIGRATION, services: [], covers: ALL, languages: ['sw', 'en'] },
  { name: 'Refugee Status Authority', kind: AgencyKind.ASYLUM_AUTHORITY, services: [], covers: ALL, languages: ['sw', 'en', 'fr'] },
  { name: 'Child Protection Service', kind: AgencyKind.CHILD_PROTECTION, services: [AgencyService.FAMILY_TRACING, AgencyService.INTERIM_CARE], covers: ALL, languages: ['sw', 'en'] },
  { name: 'Anti-Trafficking Secretariat', kind: AgencyKind.ANTI_TRAFFICKING, services: [], covers: ALL, languages: ['sw', 'en'] },
  { name: 'Regional Referral Hospital', kind: AgencyKind.HEALTH, services: [AgencyService.MEDICAL_CARE], covers: ['NMG', 'KGM', 'KSL'], languages: ['sw', 'en'] },
  {
    name: 'Haki Legal Aid',
    kind: AgencyKind.NGO,
    services: [AgencyService.LEGAL_AID, AgencyService.TORTURE_REHABILITATION, AgencyService.PSYCHOSOCIAL],
    covers: ['NMG', 'DAR'],
    languages: ['sw', 'en', 'so'],
  },
  {
    name: 'Tumaini Shelter',
    kind: AgencyKind.NGO,
    services: [AgencyService.SAFE_SHELTER, AgencyService.GBV_CASE_MANAGEMENT, AgencyService.PSYCHOSOCIAL],
    covers: ['KGM', 'KSL'],
    languages: ['sw', 'fr', 'rw'],
  },
  { name: 'Refugee Agency', kind: AgencyKind.INTERNATIONAL_ORGANIZATION, services: [AgencyService.LEGAL_AID], covers: ALL, languages: ['en', 'fr', 'so', 'am'] },
  { name: 'Migration Agency', kind: AgencyKind.INTERNATIONAL_ORGANIZATION, services: [AgencyService.VOLUNTARY_RETURN], covers: ALL, languages: ['en', 'fr', 'am'] },
  { name: 'Independent Protection Monitor', kind: AgencyKind.MONITOR, services: [], covers: ALL, languages: ['en'] },
];

export const DEMO_USERS: { username: string; displayName: string; agency: string; roles: Role[]; borderPoints: readonly string[] }[] = [
  { username: 'border.official', displayName: 'Border official (Namanga, Kigoma)', agency: 'Border Management Service', roles: [Role.BorderOfficial], borderPoints: ['NMG', 'KGM'] },
  { username: 'airport.official', displayName: 'Border official (airport)', agency: 'Border Management Service', roles: [Role.BorderOfficial], borderPoints: ['DAR'] },
  { username: 'border.supervisor', displayName: 'Border supervisor', agency: 'Border Management Service', roles: [Role.Supervisor], borderPoints: ALL },
  { username: 'asylum.reviewer', displayName: 'Asylum authority reviewer', agency: 'Refugee Status Authority', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'child.protection', displayName: 'Child-protection officer', agency: 'Child Protection Service', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'trafficking.coordinator', displayName: 'Anti-trafficking coordinator', agency: 'Anti-Trafficking Secretariat', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'immigration.officer', displayName: 'Immigration officer', agency: 'Immigration Department', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'return.counsellor', displayName: 'Return counsellor (assisted voluntary return)', agency: 'Migration Agency', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'legal.caseworker', displayName: 'NGO caseworker (legal aid)', agency: 'Haki Legal Aid', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'shelter.caseworker', displayName: 'NGO caseworker (shelter)', agency: 'Tumaini Shelter', roles: [Role.Caseworker], borderPoints: [] },
  { username: 'shelter.manager', displayName: 'NGO manager (shelter)', agency: 'Tumaini Shelter', roles: [Role.AgencyManager, Role.Supervisor], borderPoints: [] },
  { username: 'sop.admin', displayName: 'SOP administrator', agency: 'Refugee Agency', roles: [Role.SopAdmin], borderPoints: [] },
  { username: 'analyst', displayName: 'Protection analyst', agency: 'Refugee Agency', roles: [Role.Analyst], borderPoints: [] },
  { username: 'monitor', displayName: 'Independent monitor', agency: 'Independent Protection Monitor', roles: [Role.Monitor], borderPoints: [] },
  { username: 'sysadmin', displayName: 'System administrator', agency: 'Border Management Service', roles: [Role.Sysadmin], borderPoints: [] },
];
