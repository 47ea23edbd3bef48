/**
 * The pure core's unit specs (safeguards, SOP, profiling) on their own: no database, no Redis, no build.
 * The mutation test (stryker.config.mjs) runs these. Left out: the SOP CLI spec (it spawns the built CLI)
 * and the vocabulary-equivalence spec (it loads the access library, with Nest and TypeORM).
 */
const base = require('./jest.config');

module.exports = {
  testEnvironment: base.testEnvironment,
  rootDir: __dirname,
  roots: ['<rootDir>/libs/safeguards', '<rootDir>/libs/sop', '<rootDir>/libs/profiling'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/libs/sop/src/cli/cli\\.spec\\.ts$', '/libs/sop/src/access-equivalence\\.spec\\.ts$'],
  moduleFileExtensions: base.moduleFileExtensions,
  transform: base.transform,
  moduleNameMapper: base.moduleNameMapper,
  setupFiles: base.setupFiles,
  testTimeout: base.testTimeout,
};
