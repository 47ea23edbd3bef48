import type { AdminAgency, AdminUser, AgencyKind, AgencyService, BorderPointKind, Role } from './admin-api';

/**
 * The administrators' forms as plain data: what the fields hold, the checks the api would make (so the
 * form says so before sending), and the body each form sends. No React here: tested on its own.
 */

/** Field → problem key (a message of `adminMessages`); empty when the form may be sent. */
export type Problems<F extends string> = Partial<Record<F, ProblemKey>>;
export type ProblemKey = 'required' | 'tooShort' | 'usernameFormat' | 'passwordShort' | 'rolesRequired' | 'codeFormat' | 'countryFormat' | 'capacityFormat' | 'languageFormat' | 'emailFormat';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,62}$/;
const CODE = /^[A-Z]{3,5}$/;
const COUNTRY = /^[A-Z]{3}$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 12;

/** "sw, en; fr" → ["sw", "en", "fr"]: commas, semicolons or spaces between items, blanks and repeats dropped. */
export function splitList(text: string, separators = /[,;\s]+/): string[] {
  return [...new Set(text.split(separators).map((item) => item.trim()).filter(Boolean))];
}

/** Regions may hold spaces ("Kigoma Rural"): only commas and semicolons separate them. */
export const splitRegions = (text: string): string[] => splitList(text, /[,;]+/);

export interface UserForm {
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  borderPointIds: string[];
  /** Only when creating. */
  password: string;
}

export type UserField = keyof UserForm;

export const userFormOf = (user: AdminUser | null, defaultAgencyId = ''): UserForm =>
  user
    ? { username: user.username, displayName: user.displayName, agencyId: user.agencyId, roles: [...user.roles], borderPointIds: [...user.borderPointIds], password: '' }
    : { username: '', displayName: '', agencyId: defaultAgencyId, roles: [], borderPointIds: [], password: '' };

export function checkUser(form: UserForm, creating: boolean): Problems<UserField> {
  const problems: Problems<UserField> = {};
  if (creating && !USERNAME.test(form.username.trim().toLowerCase())) problems.username = form.username.trim() ? 'usernameFormat' : 'required';
  if (form.displayName.trim().length < 2) problems.displayName = form.displayName.trim() ? 'tooShort' : 'required';
  if (!form.agencyId) problems.agencyId = 'required';
  if (form.roles.length === 0) problems.roles = 'rolesRequired';
  if (creating && form.password.length < PASSWORD_MIN) problems.password = 'passwordShort';
  return problems;
}

export function createUserBody(form: UserForm) {
  return {
    username: form.username.trim().toLowerCase(),
    displayName: form.displayName.trim(),
    agencyId: form.agencyId,
    roles: form.roles,
    borderPointIds: form.borderPointIds,
    password: form.password,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

/** Only what changed: an edit that changes nothing sends nothing (null). */
export function updateUserBody(user: AdminUser, form: UserForm): { displayName?: string; agencyId?: string; roles?: Role[]; borderPointIds?: string[] } | null {
  const body: { displayName?: string; agencyId?: string; roles?: Role[]; borderPointIds?: string[] } = {};
  if (form.displayName.trim() !== user.displayName) body.displayName = form.displayName.trim();
  if (form.agencyId !== user.agencyId) body.agencyId = form.agencyId;
  if (!sameSet(form.roles, user.roles)) body.roles = form.roles;
  if (!sameSet(form.borderPointIds, user.borderPointIds)) body.borderPointIds = form.borderPointIds;
  return Object.keys(body).length > 0 ? body : null;
}

export interface AgencyForm {
  name: string;
  kind: AgencyKind | '';
  services: AgencyService[];
  coverageBorderPointIds: string[];
  /** Comma-separated, as typed. */
  coverageRegions: string;
  /** ISO 639 codes, comma-separated, as typed. */
  languages: string;
  /** Digits, or empty for no limit. */
  dailyCapacity: string;
  contactEmail: string;
  contactPhone: string;
  active: boolean;
}

export type AgencyField = keyof AgencyForm;

export const agencyFormOf = (agency: AdminAgency | null): AgencyForm => ({
  name: agency?.name ?? '',
  kind: agency?.kind ?? '',
  services: [...(agency?.services ?? [])],
  coverageBorderPointIds: [...(agency?.coverageBorderPointIds ?? [])],
  coverageRegions: (agency?.coverageRegions ?? []).join(', '),
  languages: (agency?.languages ?? []).join(', '),
  dailyCapacity: agency?.dailyCapacity === null || agency?.dailyCapacity === undefined ? '' : String(agency.dailyCapacity),
  contactEmail: agency?.contactEmail ?? '',
  contactPhone: agency?.contactPhone ?? '',
  active: agency?.active ?? true,
});

export function checkAgency(form: AgencyForm): Problems<AgencyField> {
  const problems: Problems<AgencyField> = {};
  if (form.name.trim().length < 2) problems.name = form.name.trim() ? 'tooShort' : 'required';
  if (!form.kind) problems.kind = 'required';
  if (form.dailyCapacity.trim() && !/^\d{1,6}$/.test(form.dailyCapacity.trim())) problems.dailyCapacity = 'capacityFormat';
  if (splitList(form.languages.toLowerCase()).some((code) => !LANGUAGE.test(code))) problems.languages = 'languageFormat';
  if (form.contactEmail.trim() && !EMAIL.test(form.contactEmail.trim())) problems.contactEmail = 'emailFormat';
  return problems;
}

/** The body of POST agencies or PATCH agencies/:id: every field of the form (the api audits which changed). */
export interface AgencyBody {
  name: string;
  kind: AgencyKind;
  services: AgencyService[];
  coverageBorderPointIds: string[];
  coverageRegions: string[];
  languages: string[];
  dailyCapacity?: number | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  active: boolean;
}

export function agencyBody(form: AgencyForm, creating: boolean): AgencyBody {
  const capacity = form.dailyCapacity.trim();
  return {
    name: form.name.trim(),
    kind: form.kind as AgencyKind,
    services: form.services,
    coverageBorderPointIds: form.coverageBorderPointIds,
    coverageRegions: splitRegions(form.coverageRegions),
    languages: splitList(form.languages.toLowerCase()),
    // No limit: a new agency leaves it out; an edit lifts an existing one with null.
    ...(capacity ? { dailyCapacity: Number(capacity) } : creating ? {} : { dailyCapacity: null }),
    // An emptied contact: a new agency leaves it out; an edit clears it with null.
    ...(form.contactEmail.trim() ? { contactEmail: form.contactEmail.trim() } : creating ? {} : { contactEmail: null }),
    ...(form.contactPhone.trim() ? { contactPhone: form.contactPhone.trim() } : creating ? {} : { contactPhone: null }),
    active: form.active,
  };
}

export interface BorderPointForm {
  code: string;
  name: string;
  country: string;
  kind: BorderPointKind | '';
  region: string;
  active: boolean;
}

export type BorderPointField = keyof BorderPointForm;

export function checkBorderPoint(form: BorderPointForm, creating: boolean): Problems<BorderPointField> {
  const problems: Problems<BorderPointField> = {};
  if (creating && !CODE.test(form.code.trim().toUpperCase())) problems.code = form.code.trim() ? 'codeFormat' : 'required';
  if (form.name.trim().length < 2) problems.name = form.name.trim() ? 'tooShort' : 'required';
  if (!COUNTRY.test(form.country.trim().toUpperCase())) problems.country = form.country.trim() ? 'countryFormat' : 'required';
  if (!form.kind) problems.kind = 'required';
  return problems;
}

/** POST border-points (with its code) or PATCH border-points/:id (the code never changes). */
export function borderPointBody(form: BorderPointForm, creating: boolean) {
  const common = { name: form.name.trim(), country: form.country.trim().toUpperCase(), kind: form.kind as BorderPointKind, ...(form.region.trim() ? { region: form.region.trim() } : {}) };
  return creating ? { code: form.code.trim().toUpperCase(), ...common } : { ...common, active: form.active };
}
