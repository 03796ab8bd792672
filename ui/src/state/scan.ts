// The text scan before export: the saved post is checked by the backend for customer names, drawing and
// part-number patterns and the owner's own words. Findings are listed with a one-click replace; what is left
// must be confirmed by the owner (the backend logs it) before the export goes ahead.
import { computed, effect, signal } from '@preact/signals';
import type { Post, TextFinding } from '../backend';
import * as api from '../backend';
import { attempt, post, step } from './core';
import { acceptPost, exportResult, flushPost } from './post';

export const findings = signal<TextFinding[]>([]);
export const scanning = signal(false);
/** The owner ticked "I checked these words and export anyway" for exactly these texts. */
export const confirmedFor = signal<string | null>(null);

/** The distinct flagged texts, the list the owner confirms and export_post receives. */
export const flaggedTerms = computed(() => [...new Set(findings.value.map((f) => f.text))]);
const termsKey = computed(() => flaggedTerms.value.join('\u0000'));
export const flagsConfirmed = computed(() => flaggedTerms.value.length === 0 || confirmedFor.value === termsKey.value);
export function confirmFlags(yes: boolean) {
  confirmedFor.value = yes ? termsKey.value : null;
}

export function resetScan() {
  findings.value = [];
  confirmedFor.value = null;
  lastScanned = '';
}

const contentKey = (p: Post) => JSON.stringify([p.id, p.title, p.blocks, p.tags]);
let lastScanned = '';
let scanTimer: ReturnType<typeof setTimeout> | undefined;
let scanSeq = 0;

/** Save, then scan the saved text (the backend scans what it has). */
export async function scanNow() {
  clearTimeout(scanTimer);
  await flushPost();
  const p = post.value;
  if (!p) {
    findings.value = [];
    return;
  }
  const key = contentKey(p);
  const seq = ++scanSeq;
  scanning.value = true;
  const res = await attempt(() => api.scanPost(p.id));
  if (seq !== scanSeq) return;
  scanning.value = false;
  if (!res || post.value?.id !== p.id) return;
  lastScanned = key;
  findings.value = res;
}

// Scan on arriving at the preview and whenever the post's text changes there (debounced: the owner types).
effect(() => {
  const p = post.value;
  if (step.value !== 'preview' || !p) return;
  if (contentKey(p) === lastScanned) return;
  clearTimeout(scanTimer);
  scanTimer = setTimeout(() => {
    void scanNow();
  }, 400);
});

/** The one-click fix: replace every occurrence of the finding's text with its safe suggestion. */
export async function replaceFinding(f: TextFinding) {
  await flushPost();
  const p = post.value;
  if (!p) return;
  const res = await attempt(() => api.replaceInPost(p.id, f.text, f.suggestion));
  if (!res || post.value?.id !== p.id) return;
  acceptPost(res);
  exportResult.value = null;
  await scanNow();
}
