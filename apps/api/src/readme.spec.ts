import { Permission, Role, ROLE_PERMISSIONS } from '@kivuko/platform';
import { DEMO_USERS } from '@kivuko/runtime';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DemoApi, startDemoApi } from './demo-api';

/** The README is a newcomer's first contact: what it tells them to type works, and what it says holds. */
const README = readFileSync(join(resolve(__dirname, '../../..'), 'README.md'), 'utf8');

/** Splits a one-line shell command into its words (plain words and '…' quoted ones are all the README uses). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** Every curl command of the README: inline code spans and lines of code blocks. */
function curlCommands(): string[] {
  const inline = [...README.matchAll(/`(curl\b[^`]*)`/g)].map((m) => m[1]);
  const blocks = [...README.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter((line) => line.startsWith('curl '));
  return [...inline, ...blocks];
}

const roleNamed = (name: string): Role => {
  const role = name.trim().toUpperCase().replace(/ /g, '_') as Role;
  if (!Object.values(Role).includes(role)) throw new Error(`the README names a role that does not exist: ${name}`);
  return role;
};

describe('README', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('readme', { KIVUKO_DEMO_PASSWORD: 'kivuko-demo' });
  }, 60_000);
  afterAll(() => api.close());

  it('has every curl command on one line, and the demo sign-in works as written', async () => {
    const commands = curlCommands();
    expect(commands.filter((c) => c.includes('\n'))).toEqual([]);
    const login = commands.find((c) => c.includes('/auth/login'));
    expect(login).toBeDefined();
    const argv = words(login as string);
    const url = argv.find((w) => w.startsWith('localhost:3000')) as string;
    const header = argv[argv.indexOf('-H') + 1].split(':');
    const answer = await api
      .http()
      .post(url.replace('localhost:3000', ''))
      .set(header[0], header[1].trim())
      .send(argv[argv.indexOf('-d') + 1]);
    expect([answer.status, typeof answer.body.accessToken]).toEqual([200, 'string']);
    const accounts = commands.find((c) => c.includes('/demo/accounts')) as string;
    await api.http().get(words(accounts)[1].replace('localhost:3000', '')).expect(200);
  });

  it('says which roles see GET /api/v1/cases, as the permissions and row-level security give it', async () => {
    const table = README.slice(README.indexOf('| role | `GET /api/v1/cases` shows |'));
    const rows = table
      .split('\n')
      .slice(2)
      .filter((line, i, all) => line.startsWith('|') && all.slice(0, i).every((l) => l.startsWith('|')))
      .map((line) => line.split('|').slice(1, -1));
    const said = rows.flatMap(([roles, shows]) => roles.split(',').map((r) => ({ role: roleNamed(r), shows })));
    expect(said.map((s) => s.role).sort()).toEqual(Object.values(Role).sort());

    const reads = (role: Role): boolean => ROLE_PERMISSIONS[role].includes(Permission.CasesRead);
    expect(said.filter((s) => s.shows.includes('403')).map((s) => s.role).sort()).toEqual(Object.values(Role).filter((r) => !reads(r)).sort());
    // The row-level security functions name the roles that see by border point and by their agency's referrals.
    const rolesIn = async (fn: string): Promise<Role[]> => {
      const [{ prosrc }] = await api.owner<{ prosrc: string }>(`SELECT prosrc FROM pg_proc WHERE proname = $1`, [fn]);
      return [...prosrc.matchAll(/kivuko_scope_has_role\('(\w+)'\)/g)].map((m) => m[1] as Role).sort();
    };
    expect(said.filter((s) => s.shows.includes('border points')).map((s) => s.role).sort()).toEqual(await rolesIn('kivuko_scope_sees_border_point'));
    expect(said.filter((s) => s.shows.includes('their agency holds or held a referral for')).map((s) => s.role).sort()).toEqual(await rolesIn('kivuko_scope_agency_staff'));

    // And the api answers so: every demo user whose roles do not read cases gets 403, the others 200.
    for (const user of DEMO_USERS) {
      const signIn = await api.http().post('/api/v1/auth/login').send({ username: user.username, password: 'kivuko-demo' }).expect(200);
      const answer = await api.http().get('/api/v1/cases').set('authorization', `Bearer ${signIn.body.accessToken as string}`);
      expect([user.username, answer.status]).toEqual([user.username, user.roles.some(reads) ? 200 : 403]);
    }
  });
});
