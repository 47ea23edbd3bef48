// Starts the built api for the browser tests on a fresh temporary data folder (embedded PostgreSQL, demo
// mode on), and removes the folder when the api has stopped. Playwright's webServer runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'kivuko-web-e2e-'));
const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'development', KIVUKO_DATA_DIR: dataDir, KIVUKO_DEMO: 'true', LOG_LEVEL: 'warn', KIVUKO_WEB_DIR: 'dist/apps/web' },
});
const stop = (signal) => api.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
api.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
