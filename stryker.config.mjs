// @ts-check
/**
 * Mutation test of the pure core: `npm run mutation` runs the three areas one after the other (each prints
 * its score as "All files"); `npm run mutation -- sop` runs one. The specs run through jest.core.config.js
 * (no database). Reports land in reports/mutation/<area>.html.
 */
const AREAS = {
  safeguards: {
    mutate: ['libs/safeguards/src/**/*.ts', '!libs/safeguards/src/**/*.spec.ts'],
    testFiles: ['libs/safeguards/src/**/*.spec.ts'],
  },
  sop: {
    mutate: ['libs/sop/src/{referral-plan,agency-choice,consent,escalation}.ts'],
    testFiles: ['libs/sop/src/{referral-plan,agency-choice,consent,escalation,default-sop,simulation}.spec.ts'],
  },
  profiling: {
    mutate: ['libs/profiling/src/{principles,interpreter}.ts'],
    // Not the properties spec: its 500 cases per property take half a minute for every mutant.
    testFiles: ['libs/profiling/src/{principles,interpreter,engine,personas,derived-facts,diff}.spec.ts'],
  },
};

const area = process.env.MUTATION_AREA ?? 'core';
if (area !== 'core' && !Object.hasOwn(AREAS, area)) throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.core.config.js' },
  coverageAnalysis: 'perTest',
  // The machine's two cores are shared: one test process, and a slow run is not taken for an endless loop.
  concurrency: 1,
  timeoutMS: 30_000,
  // Each area is measured by the specs beside its code.
  mutate: area === 'core' ? Object.values(AREAS).flatMap((a) => a.mutate) : AREAS[/** @type {keyof typeof AREAS} */ (area)].mutate,
  testFiles: area === 'core' ? Object.values(AREAS).flatMap((a) => a.testFiles) : AREAS[/** @type {keyof typeof AREAS} */ (area)].testFiles,
  // Only what the core's specs load is copied into the sandbox.
  ignorePatterns: ['/*', '!/libs', '!/test', '!/jest.config.js', '!/jest.core.config.js', '!/tsconfig.base.json', '!/package.json'],
  incremental: false,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
