// Shared steps for the Playwright specs: start from an empty mock library, watch for CSP violations and
// dialogs, read the photo order, save screenshots to ui/test-results/screens/.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENS = path.join(here, '..', 'test-results', 'screens');

export interface Watch {
  dialogs: string[];
  pageErrors: string[];
}

/** Open the app on an empty library; record dialogs, uncaught errors and CSP violations. */
export async function openFresh(page: Page): Promise<Watch> {
  const watch: Watch = { dialogs: [], pageErrors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto('/');
  await page.evaluate(() => {
    window.__mock.reset();
  });
  await page.reload();
  await ready(page);
  return watch;
}

export async function ready(page: Page) {
  await expect(page.getByTestId('next')).toBeEnabled();
  await page.evaluate(() => document.fonts.ready);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

export async function shot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

export async function cardIds(page: Page): Promise<number[]> {
  const ids = await page
    .getByTestId('photo-card')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.photoId)));
  return ids;
}

export async function backendOrder(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const s = window.__mock.state();
    return s.jobs.find((j) => j.id === s.currentJob)!.photoIds;
  });
}

export async function commands(page: Page, name: string): Promise<unknown[]> {
  return page.evaluate(
    (n) =>
      window.__mock
        .calls()
        .filter((c) => c.cmd === n)
        .map((c) => c.args),
    name,
  );
}

export async function drop(page: Page, paths: string[]) {
  await page.evaluate((p) => window.__mock.drop(p), paths);
}
