#!/usr/bin/env node
// The `kivuko` command for SOP authors (`npx kivuko sop validate FILE`). The CLI itself is TypeScript in
// libs/sop/src/cli, compiled by `npm run build`; this shim only finds it.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'libs', 'sop', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('kivuko: the CLI is not built yet. Run `npm run build` in the repository first.\n');
  process.exit(1);
}
require(entry).run(process.argv.slice(2));
