import { defineConfig, devices } from '@playwright/test';

/** The api the browser tests drive: the built api and web app, on a fresh embedded database, demo mode on. */
const PORT = Number(process.env.KIVUKO_E2E_PORT ?? 3550);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
    launchOptions: {
      // Debian's chromium package, never a downloaded browser (the machines have no internet).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'e2e', testMatch: /.*\.e2e\.ts/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'screenshots', testMatch: /.*\.shots\.ts/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'bench', testMatch: /.*\.bench\.ts/, use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    command: 'node apps/web/e2e/start-api.mjs',
    cwd: '../..',
    url: `${BASE_URL}/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT) },
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
