// End-to-end tests in the system's Chromium (never a downloaded browser), against the built
// site served by `vite preview`. CHROMIUM_PATH overrides where Chromium lives.
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.ts';

// E2E_PORT and E2E_DIST let two test runs (each with its own build) share a machine.
const port = Number(process.env.E2E_PORT ?? 4317);
const outDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_RESULTS ?? 'test-results/e2e',
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: chromiumLaunch,
    trace: 'off',
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
