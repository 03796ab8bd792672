// Builds the window. `vite build` → ui/dist (Tauri's frontendDist). `vite build --mode test` swaps
// src/backend.ts for tests/mock-backend.ts so Playwright can drive the UI with no Rust behind it; the
// mock never reaches ui/dist. `vite preview --mode test` serves that build under the app's real CSP
// (read from ../tauri.conf.json) so the tests also catch anything the CSP would block.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const realBackend = path.join(here, 'src', 'backend.ts');
const mockBackend = path.join(here, 'tests', 'mock-backend.ts');

function swapBackendForMock(): Plugin {
  return {
    name: 'gongbang-mock-backend',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === mockBackend) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && path.normalize(resolved.id) === realBackend ? mockBackend : null;
    },
  };
}

function appCsp(): string {
  const conf = JSON.parse(readFileSync(path.join(here, '..', 'tauri.conf.json'), 'utf8'));
  const csp: Record<string, string> = conf.app.security.csp;
  return Object.entries(csp)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

export default defineConfig(({ mode }) => ({
  root: here,
  base: './',
  clearScreen: false,
  plugins: mode === 'test' ? [swapBackendForMock()] : [],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: {
    port: 5173,
    strictPort: true,
    // The fonts live in ../assets/fonts (shared with the rest of the app); allow only that outside ui/.
    fs: { allow: [here, path.join(here, '..', 'assets', 'fonts')] },
  },
  preview: mode === 'test' ? { headers: { 'Content-Security-Policy': appCsp() } } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline assets as data: URLs: the CSP's font-src is 'self' only.
    assetsInlineLimit: 0,
  },
}));
