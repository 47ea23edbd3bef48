import { describe, expect, it } from 'vitest';
import type { AdminAgency, AdminUser } from './admin-api';
import { agencyBody, agencyFormOf, borderPointBody, checkAgency, checkBorderPoint, checkUser, createUserBody, splitList, splitRegions, updateUserBody, userFormOf } from './admin-forms';

const user: AdminUser = {
  id: 'u1',
  username: 'amina.officer',
  displayName: 'Amina Officer',
  agencyId: 'a1',
  roles: ['BORDER_OFFICIAL'],
  borderPointIds: ['p1', 'p2'],
  active: true,
  mustChangePassword: false,
};

const agency: AdminAgency = {
  id: 'a1',
  name: 'Tumaini Shelter',
  kind: 'NGO',
  services: ['SAFE_SHELTER'],
  coverageBorderPointIds: ['p1'],
  coverageRegions: ['Kigoma Rural'],
  languages: ['sw', 'en'],
  dailyCapacity: 8,
  contactEmail: null,
  contactPhone: null,
  active: true,
};

describe('the administrators’ forms', () => {
  it('splits typed lists on commas, semicolons or spaces, dropping blanks and repeats; regions keep their spaces', () => {
    expect(splitList(' sw, en;fr  sw ,, ')).toEqual(['sw', 'en', 'fr']);
    expect(splitRegions('Kigoma Rural, Arusha; Kigoma Rural')).toEqual(['Kigoma Rural', 'Arusha']);
  });

  it('checks a new user as the api would: username format, name, agency, a role and a 12-character password', () => {
    expect(checkUser(userFormOf(null), true)).toEqual({ username: 'required', displayName: 'required', agencyId: 'required', roles: 'rolesRequired', password: 'passwordShort' });
    const form = { ...userFormOf(null, 'a1'), username: 'Bad Name', displayName: 'A', roles: ['CASEWORKER' as const], password: 'short' };
    expect(checkUser(form, true)).toEqual({ username: 'usernameFormat', displayName: 'tooShort', password: 'passwordShort' });
    const good = { ...form, username: '  New.Officer ', displayName: 'New officer', password: 'a-long-enough-password' };
    expect(checkUser(good, true)).toEqual({});
    expect(createUserBody(good)).toMatchObject({ username: 'new.officer', displayName: 'New officer', agencyId: 'a1', roles: ['CASEWORKER'] });
  });

  it('sends only what changed in an edit, nothing when nothing changed, and never checks the password or username of an existing user', () => {
    const form = userFormOf(user);
    expect(checkUser(form, false)).toEqual({});
    expect(updateUserBody(user, form)).toBeNull();
    expect(updateUserBody(user, { ...form, borderPointIds: ['p2', 'p1'] })).toBeNull();
    expect(updateUserBody(user, { ...form, roles: ['SUPERVISOR'], borderPointIds: ['p1'] })).toEqual({ roles: ['SUPERVISOR'], borderPointIds: ['p1'] });
    expect(updateUserBody(user, { ...form, displayName: ' Amina M. Officer ', agencyId: 'a2' })).toEqual({ displayName: 'Amina M. Officer', agencyId: 'a2' });
  });

  it('reads an agency into the form and back, lifting the capacity with null on an edit and leaving it out of a new agency', () => {
    const form = agencyFormOf(agency);
    expect(form).toMatchObject({ coverageRegions: 'Kigoma Rural', languages: 'sw, en', dailyCapacity: '8' });
    expect(agencyBody(form, false)).toEqual({
      name: 'Tumaini Shelter',
      kind: 'NGO',
      services: ['SAFE_SHELTER'],
      coverageBorderPointIds: ['p1'],
      coverageRegions: ['Kigoma Rural'],
      languages: ['sw', 'en'],
      dailyCapacity: 8,
      contactEmail: null,
      contactPhone: null,
      active: true,
    });
    expect(agencyBody({ ...form, dailyCapacity: ' ' }, false).dailyCapacity).toBeNull();
    expect('dailyCapacity' in agencyBody({ ...form, dailyCapacity: '' }, true)).toBe(false);
    expect(agencyBody({ ...form, languages: 'SW; FR', contactEmail: ' desk@example.org ' }, false)).toMatchObject({ languages: ['sw', 'fr'], contactEmail: 'desk@example.org' });
    // An emptied contact clears it on an edit, and is left out of a new agency.
    expect(agencyBody({ ...form, contactEmail: '  ', contactPhone: '' }, false)).toMatchObject({ contactEmail: null, contactPhone: null });
    const fresh = agencyBody({ ...form, contactEmail: '', contactPhone: '' }, true);
    expect('contactEmail' in fresh || 'contactPhone' in fresh).toBe(false);
  });

  it('refuses a missing kind, a capacity that is not a whole number, a bad language code or e-mail', () => {
    expect(checkAgency(agencyFormOf(null))).toEqual({ name: 'required', kind: 'required' });
    expect(checkAgency({ ...agencyFormOf(agency), dailyCapacity: '-3', languages: 'sw, english', contactEmail: 'desk' })).toEqual({
      dailyCapacity: 'capacityFormat',
      languages: 'languageFormat',
      contactEmail: 'emailFormat',
    });
  });

  it('sends a border point’s code only when creating it, upper-cased with its country', () => {
    const form = { code: 'nmg', name: 'Namanga', country: 'tza', kind: 'LAND' as const, region: '', active: false };
    expect(checkBorderPoint(form, true)).toEqual({});
    expect(checkBorderPoint({ ...form, code: 'NM1', country: 'TZ' }, true)).toEqual({ code: 'codeFormat', country: 'countryFormat' });
    expect(checkBorderPoint({ ...form, code: '' }, false)).toEqual({});
    expect(borderPointBody(form, true)).toEqual({ code: 'NMG', name: 'Namanga', country: 'TZA', kind: 'LAND' });
    expect(borderPointBody({ ...form, region: ' Arusha ' }, false)).toEqual({ name: 'Namanga', country: 'TZA', kind: 'LAND', region: 'Arusha', active: false });
  });
});
