import { readFileSync } from 'node:fs';
import { defaultSopJson } from '../default-sop';
import { diffSops } from '../diff';
import { BUILT_IN_SAMPLES, DEMO_AGENCIES } from '../samples';
import { simulateSop } from '../simulation';
import { Sop } from '../sop';
import { validateSop } from '../validation/sop-validator';
import { InputFileError, parseJsonFile, readAgencies, readSamples } from './input-files';
import { diffLines, problemLines, simulationReport, validSummary } from './report';

/** What the CLI touches outside itself, so a test can run it in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): string;
  now(): Date;
}

export const USAGE = [
  'Usage: kivuko sop <command> [options]',
  '',
  '  kivuko sop validate FILE            check an SOP file (JSON); prints every problem with its path',
  '  kivuko sop simulate FILE [options]  run sample intakes through the SOP and report profiles, referrals,',
  '                                      deadlines, agencies and data shared',
  '      --samples FILE    sample intakes (JSON list of { name, borderPointCode, region?, languages?, facts });',
  '                        default: built-in samples at the demo border points',
  '      --against FILE    the active SOP to compare with',
  '      --agencies FILE   agencies to choose from (JSON list); default: the demo agencies',
  '      --now ISO         planning time (default: the current time)',
  '      --json            print the simulation as JSON',
  '  kivuko sop diff OLD NEW             what changed between two SOP files',
  '  kivuko sop default                  print the default SOP (JSON) to start from',
  '',
  'Exit status: 0 valid / done, 1 invalid SOP or input file, 2 wrong usage.',
];

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = ['--samples', '--against', '--agencies', '--now'];
const FLAG_OPTIONS = ['--json'];

function parse(args: readonly string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (VALUE_OPTIONS.includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      options.set(arg, value);
      i += 1;
    } else if (FLAG_OPTIONS.includes(arg)) options.set(arg, true);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { positional, options };
}

function loadFile(io: CliIo, file: string): unknown {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new InputFileError(file, [{ path: '(file)', problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}`, code: 'BAD_FORMAT' }]);
  }
  return parseJsonFile(file, text);
}

/** Reads and validates an SOP file; prints its problems and answers null when it is invalid. */
function loadSopFile(io: CliIo, file: string): Sop | null {
  const result = validateSop(loadFile(io, file));
  if (result.ok) return result.sop;
  problemLines(file, result.problems).forEach((line) => io.out(line));
  return null;
}

function only(parsed: Parsed, count: number, allowed: readonly string[], command: string): string[] {
  if (parsed.positional.length !== count) throw new UsageError(`sop ${command} takes ${count} file${count === 1 ? '' : 's'}`);
  for (const option of parsed.options.keys()) if (!allowed.includes(option)) throw new UsageError(`sop ${command} does not take ${option}`);
  return parsed.positional;
}

function validate(io: CliIo, parsed: Parsed): number {
  const [file] = only(parsed, 1, [], 'validate');
  const sop = loadSopFile(io, file);
  if (!sop) return 1;
  validSummary(file, sop).forEach((line) => io.out(line));
  return 0;
}

function simulate(io: CliIo, parsed: Parsed): number {
  const [file] = only(parsed, 1, ['--samples', '--against', '--agencies', '--now', '--json'], 'simulate');
  const option = (name: string) => {
    const value = parsed.options.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const draft = loadSopFile(io, file);
  const againstFile = option('--against');
  const active = againstFile === undefined ? null : loadSopFile(io, againstFile);
  if (!draft || (againstFile !== undefined && !active)) return 1;
  const samplesFile = option('--samples');
  const samples = samplesFile === undefined ? BUILT_IN_SAMPLES : readSamples(samplesFile, loadFile(io, samplesFile));
  const agenciesFile = option('--agencies');
  const agencies = agenciesFile === undefined ? DEMO_AGENCIES : readAgencies(agenciesFile, loadFile(io, agenciesFile));
  const nowText = option('--now');
  const now = nowText === undefined ? io.now() : new Date(nowText);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${nowText ?? ''} is not a date-time`);
  const simulation = simulateSop(draft, active, samples, agencies, now);
  if (parsed.options.has('--json')) io.out(JSON.stringify(simulation, null, 2));
  else simulationReport(simulation).forEach((line) => io.out(line));
  return 0;
}

function diff(io: CliIo, parsed: Parsed): number {
  const [before, after] = only(parsed, 2, [], 'diff');
  const [a, b] = [loadSopFile(io, before), loadSopFile(io, after)];
  if (!a || !b) return 1;
  io.out(`${a.version} → ${b.version}`);
  diffLines(diffSops(a, b)).forEach((line) => io.out(`  ${line}`));
  return 0;
}

/** Runs `kivuko <args>` and answers the exit status. */
export function main(args: readonly string[], io: CliIo): number {
  try {
    const [group, command, ...rest] = args;
    if (group === undefined || group === 'help' || group === '--help' || group === '-h') {
      USAGE.forEach((line) => io.out(line));
      return group === undefined ? 2 : 0;
    }
    if (group !== 'sop') throw new UsageError(`unknown command ${group}`);
    const parsed = parse(rest);
    switch (command) {
      case 'validate':
        return validate(io, parsed);
      case 'simulate':
        return simulate(io, parsed);
      case 'diff':
        return diff(io, parsed);
      case 'default':
        only(parsed, 0, [], 'default');
        io.out(defaultSopJson().trimEnd());
        return 0;
      default:
        throw new UsageError(command === undefined ? 'sop needs a command' : `unknown command sop ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kivuko: ${error.message}`);
      USAGE.forEach((line) => io.err(line));
      return 2;
    }
    if (error instanceof InputFileError) {
      problemLines(error.file, error.problems).forEach((line) => io.err(line));
      return 1;
    }
    throw error;
  }
}

/** The process's own terminal, file system and clock. */
export const PROCESS_IO: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => new Date(),
};

/** Entry point of `bin/kivuko.js`. */
export function run(args: readonly string[]): void {
  process.exitCode = main(args, PROCESS_IO);
}
