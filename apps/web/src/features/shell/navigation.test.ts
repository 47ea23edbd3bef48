import { describe, expect, it } from 'vitest';
import { Me } from '../auth/me';
import { navigationFor, showsOutbox } from './navigation';

function user(permissions: string[], borderPoints = 0): Me {
  return {
    id: 'u1',
    username: 'someone',
    displayName: 'Someone',
    agency: { id: 'a1', name: 'Agency', kind: 'NGO' },
    roles: [],
    borderPoints: Array.from({ length: borderPoints }, (_, i) => ({ id: `bp${i}`, code: `BP${i}`, name: `Point ${i}` })),
    permissions,
  };
}

const targets = (me: Me | undefined, outboxItems = 0) => navigationFor({ me, outboxItems }).map((entry) => entry.to);

describe('the main navigation', () => {
  it('gives a border official registration, the arrivals at the border point, tasks, sent referrals and the leaflet', () => {
    const official = user(['CASES_READ', 'INTAKE_REGISTER', 'INTAKE_UPDATE', 'REFERRALS_READ'], 1);
    expect(targets(official)).toEqual(['/', '/intake/new', '/mass-arrival', '/tasks', '/referrals/sent', '/leaflets/$language']);
    expect(navigationFor({ me: official, outboxItems: 0 })[0]?.label.id).toBe('shell.nav.cases');
    expect(showsOutbox({ me: official, outboxItems: 0 })).toBe(true);
  });

  it('gives an agency caseworker the inbox with its count and the notification settings, but no sent referrals without a border point', () => {
    const caseworker = user(['CASES_READ', 'REFERRALS_READ', 'REFERRALS_WORK']);
    const entries = navigationFor({ me: caseworker, outboxItems: 0 });
    expect(entries.map((entry) => entry.to)).toEqual(['/', '/referrals/inbox', '/tasks', '/leaflets/$language', '/settings/notifications']);
    expect(entries.find((entry) => entry.to === '/referrals/inbox')?.badge).toBe('inbox');
    expect(entries.find((entry) => entry.to === '/tasks')?.badge).toBe('tasks');
    expect(showsOutbox({ me: caseworker, outboxItems: 0 })).toBe(false);
  });

  it('shows those who read no cases their account as the first page, and only what their permissions open', () => {
    const sysadmin = user(['USERS_MANAGE', 'WEBHOOKS_MANAGE']);
    const entries = navigationFor({ me: sysadmin, outboxItems: 0 });
    expect(entries.map((entry) => entry.to)).toEqual(['/', '/settings/notifications', '/admin']);
    expect(entries[0]?.label.id).toBe('shell.nav.account');
    expect(targets(user(['SOP_READ']))).toEqual(['/', '/sops']);
    expect(targets(user(['SAFEGUARD_REPORTS_READ']))).toEqual(['/', '/monitor']);
  });

  it('offers encounters and mass arrival only with a border point', () => {
    const supervisor = user(['CASES_READ', 'DASHBOARD_READ', 'ENCOUNTERS_REVIEW', 'INTAKE_REGISTER']);
    expect(targets(supervisor)).not.toContain('/encounters');
    expect(targets(supervisor)).not.toContain('/mass-arrival');
    expect(targets(user(supervisor.permissions, 2))).toEqual(expect.arrayContaining(['/dashboard', '/encounters', '/mass-arrival']));
  });

  it('keeps the outbox link while the device holds records, and shows nothing but the first page before /me answers', () => {
    expect(showsOutbox({ me: user(['CASES_READ']), outboxItems: 2 })).toBe(true);
    expect(showsOutbox({ me: user(['CASES_READ']), outboxItems: 0 })).toBe(false);
    expect(targets(undefined)).toEqual(['/']);
  });
});
