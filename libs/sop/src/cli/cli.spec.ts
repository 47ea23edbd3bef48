import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editableDefault, setAt } from '../testing/documents';
import { CliIo, main } from './main';

const ROOT = join(__dirname, '..', '..', '..', '..');
const BIN = join(ROOT, 'bin', 'kivuko.js');

/** Runs the built CLI as an author would (`npm test` builds first). */
function kivuko(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kivuko sop (the CLI, spawned)', () => {
  let dir: string;
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'libs', 'sop', 'src', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build` first (npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'kivuko-sop-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says a valid SOP is valid, with a summary, and exits 0', () => {
    const result = kivuko('sop', 'validate', file('sop.json', editableDefault()));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('sop.json: valid');
    expect(result.stdout).toContain('tza-joint-sop-2026.1');
    expect(result.stdout).toContain('routing: 13 profiles');
    expect(result.stdout).toContain('safeguards: all on');
  });

  it('prints every problem of an invalid SOP with its path and exits 1', () => {
    const document = setAt(editableDefault(), 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', 'PT25X');
    setAt(document, 'safeguards.NON_REFOULEMENT.enabled', false);
    setAt(document, 'colour', 'blue');
    const result = kivuko('sop', 'validate', file('bad.json', document));
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/bad\.json: invalid \(3 problems\)$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}colour: is not allowed here/),
      '  routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE: "PT25X" is not an ISO 8601 duration (e.g. PT1H, PT24H, P3D; whole numbers, no sign)',
      '  safeguards.NON_REFOULEMENT.enabled: must be true: NON_REFOULEMENT can never be switched off',
    ]);
  });

  it('refuses YAML and broken JSON with a clear message', () => {
    const yaml = kivuko('sop', 'validate', file('sop.yaml', 'version: one\n'));
    expect(yaml.status).toBe(1);
    expect(yaml.stderr).toContain('YAML is not accepted: write the SOP as JSON');
    const broken = kivuko('sop', 'validate', file('broken.json', '{ "version": '));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('simulates a draft against the active SOP and reports profiles, referrals, deadlines, data shared and differences', () => {
    const draft = setAt(editableDefault(), 'version', 'tza-joint-sop-2026.2');
    setAt(draft, 'routing.TRAFFICKING_VICTIM.firstContact', { IMMEDIATE: 'PT12H', HIGH: 'PT12H', NORMAL: 'PT24H' });
    const result = kivuko('sop', 'simulate', file('draft.json', draft), '--against', file('active.json', editableDefault()), '--now', '2026-11-20T06:00:00Z');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Simulation of tza-joint-sop-2026.2 against the active tza-joint-sop-2026.1, planned at 2026-11-20 06:00 UTC');
    expect(out).toContain('10 sample cases, 1 with differences');
    expect(out).toContain('profiles: ASYLUM_SEEKER (HIGH), UNACCOMPANIED_CHILD (IMMEDIATE), TRAFFICKING_VICTIM (IMMEDIATE)');
    expect(out).toContain('P1 LEAD ANTI_TRAFFICKING → Anti-Trafficking Secretariat');
    expect(out).toContain('first contact by 2026-11-20 18:00 UTC (12 hours)');
    expect(out).toContain('shares: IDENTITY, CONTACT, ARRIVAL, NEEDS, CHILD, TRAFFICKING, HEALTH');
    expect(out).toContain('referrals[ANTI_TRAFFICKING].dueAt: "2026-11-21T06:00:00.000Z" → "2026-11-20T18:00:00.000Z"');
    expect(out).toContain('NO AGENCY LEFT: Refugee Agency alerted');
  });

  it('simulates given sample intakes, as JSON on request', () => {
    const samples = [
      {
        name: 'Woman raped yesterday',
        borderPointCode: 'KSL',
        region: 'Kigoma',
        languages: ['fr'],
        facts: { person: { sex: 'FEMALE', statedAge: 30, nationalities: ['BDI'] }, arrival: { arrivedAt: '2026-11-20T05:00:00Z', mode: 'LAND' }, urgentNeeds: ['RECENT_SEXUAL_VIOLENCE'] },
      },
    ];
    const result = kivuko('sop', 'simulate', file('sop.json', editableDefault()), '--samples', file('samples.json', samples), '--now', '2026-11-20T06:00:00Z', '--json');
    expect(result.status).toBe(0);
    const simulation = JSON.parse(result.stdout) as { cases: { draft: { profiles: unknown[]; referrals: { target: string; agency: string | null; dueAt: string }[] } }[] };
    expect(simulation.cases[0].draft.profiles).toEqual([{ profile: 'SGBV_SURVIVOR', urgency: 'IMMEDIATE' }]);
    expect(simulation.cases[0].draft.referrals.find((r) => r.target === 'NGO/GBV_CASE_MANAGEMENT')).toMatchObject({ agency: 'Tumaini Shelter', dueAt: '2026-11-20T07:00:00.000Z' });
  });

  it('names the bad field of a samples file', () => {
    const result = kivuko('sop', 'simulate', file('sop.json', editableDefault()), '--samples', file('bad-samples.json', [{ name: 'x', borderPointCode: 'NMG', facts: { person: {}, arrival: {} } }]));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('samples[0].facts.person.nationalities: must be a list');
    expect(result.stderr).toContain('samples[0].facts.arrival.arrivedAt: must be an ISO 8601 date-time');
  });

  it('diffs two SOP files', () => {
    const changed = setAt(editableDefault(), 'routing.MEDICAL_EMERGENCY.firstContact.IMMEDIATE', 'PT30M');
    const result = kivuko('sop', 'diff', file('old.json', editableDefault()), file('new.json', changed));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('routing.MEDICAL_EMERGENCY.firstContact.IMMEDIATE: PT1H (1 hour) → PT30M (30 minutes)');
  });

  it('explains its usage and exits 2 when called wrongly', () => {
    const result = kivuko('sop', 'validate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('kivuko: sop validate takes 1 file');
    expect(result.stderr).toContain('Usage: kivuko sop <command> [options]');
    expect(kivuko('sop', 'simulate', 'x.json', '--colour').stderr).toContain('unknown option --colour');
  });
});

describe('kivuko sop (in-process)', () => {
  function run(args: string[], files: Record<string, string>): { status: number; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readFile: (path) => {
        if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
        return files[path];
      },
      now: () => new Date('2026-11-20T06:00:00Z'),
    };
    return { status: main(args, io), out, err };
  }

  it('prints the default SOP, which validates', () => {
    const printed = run(['sop', 'default'], {});
    expect(printed.status).toBe(0);
    expect(run(['sop', 'validate', 'default.json'], { 'default.json': printed.out.join('\n') }).status).toBe(0);
  });

  it('reports a file it cannot read', () => {
    const result = run(['sop', 'validate', 'missing.json'], {});
    expect(result.status).toBe(1);
    expect(result.err[1]).toContain('(file): cannot be read: ENOENT');
  });

  it('refuses to simulate against an invalid active SOP, naming its problems', () => {
    const bad = setAt(editableDefault(), 'deadlinesFrom', 'INTAKE');
    const result = run(['sop', 'simulate', 'draft.json', '--against', 'active.json'], { 'draft.json': JSON.stringify(editableDefault()), 'active.json': JSON.stringify(bad) });
    expect(result.status).toBe(1);
    expect(result.out).toEqual(['active.json: invalid (1 problem)', '  deadlinesFrom: "INTAKE" is not one of REFERRAL, ARRIVAL']);
  });

  it('uses its clock when no --now is given', () => {
    const result = run(['sop', 'simulate', 'sop.json'], { 'sop.json': JSON.stringify(editableDefault()) });
    expect(result.status).toBe(0);
    expect(result.out[0]).toContain('planned at 2026-11-20 06:00 UTC');
  });
});
