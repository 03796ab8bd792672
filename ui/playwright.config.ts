// Playwright runs the real UI against tests/mock-backend.ts in headless Chromium (the system one: nothing is
// downloaded). The web server builds the test bundle and serves it under the app's CSP from tauri.conf.json.
// Chromium gets a fontconfig with no fonts, so Hangul can only render from the shipped Pretendard.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
// GB_UI_PORT: another port when several worktrees run their tests at once (the server is strict about its port).
const PORT = Number(process.env.GB_UI_PORT ?? 4179);

// tests/fonts.conf keeps only a Latin system font (Chromium loads no web font when it sees no font at all).
const latinFonts = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'];
const fontEnv: Record<string, string> = {};
if (latinFonts.some((d) => existsSync(d))) fontEnv.FONTCONFIG_FILE = path.join(here, 'tests', 'fonts.conf');
else console.warn('[ui tests] neither fonts-dejavu-core nor fonts-liberation is installed: using the system fonts');

export default defineConfig({
  testDir: './tests',
  testMatch: '*.spec.ts',
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1200, height: 820 },
    locale: 'ko-KR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      env: { ...process.env, ...fontEnv } as Record<string, string>,
    },
  },
  webServer: {
    command: `npm run build:test && npx vite preview --mode test --outDir tests/.dist-test --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
