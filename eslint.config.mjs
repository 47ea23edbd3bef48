// ESLint 9 flat config for the Kivuko Nx workspace.
// `npm run lint` runs `eslint . --max-warnings 0`, so every rule here is an error or off.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import nx from '@nx/eslint-plugin';
import formatjs from 'eslint-plugin-formatjs';
import jest from 'eslint-plugin-jest';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync, readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom, by Nx project tag (see each project.json). `type:core` is the pure domain core
 * (profiling, SOP, safeguards, name matching): plain TypeScript that imports only other core libs, so the
 * worker, the CLI and the web app can reuse it; what it may not import from outside is in `coreFrameworkBans`
 * and `coreIoBans`.
 */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:runtime', 'type:platform'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:domain', 'type:core', 'type:platform', 'type:migrations'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:core', 'type:platform'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
  // The web app talks to the api over HTTP only (types come from docs/openapi.json), never through a lib.
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },

  // Which context may import which (through its index.ts only: imports of another project's files are
  // refused by the same rule). A new cross-context import is a deliberate change to this list.
  ...scopeConstraints({
    // The pure core.
    profiling: [],
    safeguards: ['profiling'],
    sop: ['profiling'],
    matching: [],
    // Shared by every context.
    platform: [],
    audit: ['platform'],
    access: ['platform', 'audit', 'sop'],
    // The contexts of a case: intake and reading, the SOP's referrals, then the casework records.
    cases: ['platform', 'audit', 'access', 'profiling', 'safeguards', 'sop', 'matching'],
    // The joint SOP's versions and their lifecycle (upload, approval, activation), which routing reads.
    'sop-lifecycle': ['platform', 'audit', 'cases', 'profiling', 'sop'],
    referrals: ['platform', 'audit', 'cases', 'profiling', 'sop', 'sop-lifecycle'],
    casework: ['platform', 'audit', 'access', 'cases', 'referrals', 'profiling', 'safeguards', 'sop', 'sop-lifecycle'],
    // Wires every context into the Nest modules the apps start.
    runtime: ['platform', 'migrations', 'audit', 'access', 'cases', 'referrals', 'sop-lifecycle', 'casework', 'safeguards', 'sop'],
    migrations: [],
    api: ['platform', 'runtime'],
    worker: ['platform', 'runtime'],
    web: [],
  }),
];

/** One constraint per context: `scope:<context>` may depend only on the scopes listed for it. */
function scopeConstraints(allowed) {
  return Object.entries(allowed).map(([scope, deps]) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: deps.map((dep) => `scope:${dep}`),
  }));
}

/** The roots of the libs tagged `type:core`, read from their project.json (the tag is the only list). */
const coreRoots = readdirSync(new URL('./libs/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .filter((entry) => {
    try {
      const project = JSON.parse(readFileSync(new URL(`./libs/${entry.name}/project.json`, import.meta.url), 'utf8'));
      return (project.tags ?? []).includes('type:core');
    } catch {
      return false;
    }
  })
  .map((entry) => `libs/${entry.name}`);

/** Deep imports through an alias (`@kivuko/<project>/src/...`): see `kivuko/module-boundaries`. */
const deepImportPattern = {
  regex: '^@kivuko/(?!platform/(testing|tracing)$)[^/]+/.+',
  message:
    'Import another project only through its entry point (`@kivuko/<name>`, or `@kivuko/platform/testing`, or `@kivuko/platform/tracing` for the apps\' first import), never through a deep path.',
};

/**
 * What the pure core never imports: the frameworks and drivers (Nest, TypeORM, pg, BullMQ, ioredis) and the
 * platform lib that brings them. Its specs are held to this too: a test of the core has no use for them.
 */
const coreFrameworkBans = {
  paths: ['typeorm', 'pg', 'bullmq', 'ioredis', '@kivuko/platform', '@kivuko/platform/testing'].map((name) => ({
    name,
    message: 'The pure core (type:core) imports no framework, driver or platform code: keep it plain TypeScript.',
  })),
  patterns: [
    deepImportPattern,
    { group: ['@nestjs/*', 'typeorm/*', 'pg-*'], message: 'The pure core (type:core) imports no framework or driver code: keep it plain TypeScript.' },
  ],
};

/**
 * The core's code (not its specs) does no I/O either: no file system, no processes. Specs may read
 * fixture files (the JSON schemas, the default documents) and run the SOP's CLI, so they keep node:fs,
 * node:child_process and node:os; the CLI entry point reads the files it is given and is exempt.
 */
const coreIoBans = {
  paths: [
    ...coreFrameworkBans.paths,
    ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http'].map((name) => ({
      name,
      message: 'The pure core (type:core) does no I/O: take the data as an argument.',
    })),
  ],
  patterns: coreFrameworkBans.patterns,
};

/** Every `@typescript-eslint/no-unsafe-*` rule, switched off (the presets enable some of them). */
const unsafeOff = Object.fromEntries(
  Object.keys(tseslint.plugin.rules ?? {})
    .filter((rule) => rule.startsWith('no-unsafe-'))
    .map((rule) => [`@typescript-eslint/${rule}`, 'off']),
);

export default defineConfig(
  {
    name: 'kivuko/ignores',
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'tmp/**',
      '**/.data/**',
      '**/coverage/**',
      '**/.nx/**',
      // Plain JS config files at the root (jest.config.js, this file, ...).
      '*.js',
      '*.cjs',
      '*.mjs',
      // Generated: the router's route tree and the api types (tests check both are current).
      'apps/web/src/routeTree.gen.ts',
      'apps/web/src/api/schema.d.ts',
      'apps/web/playwright-report/**',
      'apps/web/test-results/**',
    ],
  },
  {
    name: 'kivuko/lint-options',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Baseline: ESLint's and typescript-eslint's recommended (syntactic) rules. The type-checked presets
  // are deliberately not used, and the no-unsafe-* family is kept off entirely (see `unsafeOff`):
  // TypeORM types entity and migration lists as `Function`, so no-unsafe-function-type would fight its API.
  {
    name: 'kivuko/typescript',
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // Type information from the root tsconfig.json (apps, libs, migrations, bench, test).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      ...unsafeOff,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Process entry points and scripts talk to the terminal.
    name: 'kivuko/console-allowed',
    files: ['apps/*/src/main.ts', 'apps/*/src/migrate.ts', 'bench/**/*.ts', 'test/**/*.ts', 'apps/web/e2e/**/*.bench.ts'],
    rules: { 'no-console': 'off' },
  },

  {
    // Only files inside Nx projects. test/ (Jest global setup/teardown) and bench/ (benchmarks that time
    // a lib's internals, e.g. the queue's cursor encoding) belong to no project and may reach into libs
    // with relative paths: they are measuring and set-up tools, not code any context depends on.
    name: 'kivuko/module-boundaries',
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'migrations/**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      // Flags tag violations, relative/absolute imports across project roots, circular project
      // dependencies and imports of apps.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // The "static import of a lazy-loaded library" check exists for bundler code splitting in
          // front-end apps. These are Node processes: an `await import('@kivuko/...')` (e.g. in a test)
          // is not lazy loading and must not forbid the project's static imports of the same library.
          checkDynamicDependenciesExceptions: ['@kivuko/**'],
          depConstraints,
        },
      ],
      // Deep imports through an alias (`@kivuko/<project>/src/...`) are not resolvable by the boundaries
      // rule (no tsconfig path matches them), so ban them here. Only declared entry points may be used.
      'no-restricted-imports': ['error', { patterns: [deepImportPattern] }],
    },
  },
  {
    // The pure core, specs included (this replaces the block above's no-restricted-imports, so the
    // deep-import pattern is repeated inside `coreFrameworkBans`).
    name: 'kivuko/core-no-frameworks',
    files: coreRoots.map((root) => `${root}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', coreFrameworkBans] },
  },
  {
    name: 'kivuko/core-no-io',
    files: coreRoots.map((root) => `${root}/**/*.ts`),
    ignores: ['**/*.spec.ts', 'libs/sop/src/cli/main.ts'],
    rules: { 'no-restricted-imports': ['error', coreIoBans] },
  },

  {
    // The web app: hooks used by the rules, accessible markup, and no user-visible text outside the
    // message catalogs (JSX text, labels, descriptions, error messages, aria-* and alt all go through react-intl).
    name: 'kivuko/web',
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
    plugins: { formatjs, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', 'label'], ['*', 'description'], ['*', 'errorMessage'], ['*', 'placeholder'], ['*', 'title'], ['*', 'aria-label'], ['*', 'textValue']] } },
      ],
      'formatjs/enforce-plural-rules': ['error', { other: true }],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-invalid-icu': 'error',
      'formatjs/enforce-id': ['error', { idInterpolationPattern: '[sha512:contenthash:base64:6]', idWhitelist: ['^[a-zA-Z][\\w.]*$'] }],
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/no-multiple-whitespaces': 'error',
    },
  },
  {
    // Tests of the web app may use literal strings to find what the user sees.
    name: 'kivuko/web-tests',
    files: ['apps/web/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'],
    rules: { 'formatjs/no-literal-string-in-jsx': 'off' },
  },
  {
    name: 'kivuko/jest',
    files: ['**/*.spec.ts'],
    plugins: { jest },
    languageOptions: { globals: jest.environments.globals.globals },
    settings: { jest: { version: 30 } },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      // supertest assertions count: `request(server).get(...).expect(200)`, and the spec's
      // `const http = () => request(server)` shorthand.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'request.**.expect', 'http.**.expect'] }],
      'jest/valid-expect': 'error',
      'jest/no-standalone-expect': 'error',
    },
  },
);
