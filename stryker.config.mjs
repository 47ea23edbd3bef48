// @ts-check
import { createRequire } from 'node:module';

const jestCore = createRequire(import.meta.url)('./jest.core.config.js');
/**
 * Mutation test of the pure core: `npm run mutation` runs the three areas one after the other (each prints
 * its score as "All files"); `npm run mutation -- sop` runs one. The specs run through jest.core.config.js
 * (no database). Reports land in reports/mutation/<area>.html.
 */
const AREAS = {
  safeguards: ['libs/safeguards/src/**/*.ts', '!libs/safeguards/src/**/*.spec.ts'],
  sop: ['libs/sop/src/{referral-plan,agency-choice,consent,escalation}.ts'],
  profiling: ['libs/profiling/src/{principles,interpreter}.ts'],
};

/**
 * Specs left out of the mutation runs: they take half a minute or more for every mutant they reach (500 cases
 * per property; the JSON schemas walked over every document) and test what the unit specs beside the code test.
 */
const SLOW_SPECS = ['/libs/profiling/src/profiling\\.properties\\.spec\\.ts$', '/libs/sop/src/sop-schema\\.spec\\.ts$', '/libs/profiling/src/rule-set-schema\\.spec\\.ts$'];

const area = process.env.MUTATION_AREA ?? 'core';
if (area !== 'core' && !Object.hasOwn(AREAS, area)) throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.core.config.js',
    config: { testPathIgnorePatterns: [...jestCore.testPathIgnorePatterns, ...SLOW_SPECS] },
  },
  coverageAnalysis: 'perTest',
  // The machine's two cores are shared: one test process, and a slow run is not taken for an endless loop.
  concurrency: 1,
  timeoutMS: 30_000,
  mutate: area === 'core' ? Object.values(AREAS).flat() : AREAS[/** @type {keyof typeof AREAS} */ (area)],
  // Only what the core's specs load is copied into the sandbox.
  ignorePatterns: ['/*', '!/libs', '!/test', '!/jest.config.js', '!/jest.core.config.js', '!/tsconfig.base.json', '!/package.json'],
  incremental: false,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
