// The bottom layer of the window's state: the signals every step reads (the session's job, photos and post,
// the current step, errors, the busy flag, the toast) and the helpers every action uses. It imports no other
// state module, so the per-concern modules (photos, job, guard, redact, post, scan) can all build on it
// without import cycles. Leaving a step runs the hooks the modules registered (e.g. "save what is pending").
import { signal } from '@preact/signals';
import type { AppError, AppInfo, Job, Photo, Post, Presets } from '../backend';
import * as api from '../backend';
import type { Key } from '../i18n';

export type Step = 'photos' | 'job' | 'safety' | 'platform' | 'write' | 'preview';
export const STEPS: Step[] = ['photos', 'job', 'safety', 'platform', 'write', 'preview'];
export const STEP_LABEL: Record<Step, Key> = {
  photos: 'stepPhotos',
  job: 'stepJob',
  safety: 'stepSafety',
  platform: 'stepPlatform',
  write: 'stepWrite',
  preview: 'stepPreview',
};

export const ready = signal(false);
export const info = signal<AppInfo | null>(null);
export const presets = signal<Presets>({ materials: [], processes: [], equipment: [] });
export const step = signal<Step>('photos');
export const job = signal<Job | null>(null);
export const photos = signal<Photo[]>([]);
export const post = signal<Post | null>(null);
export const error = signal<AppError | null>(null);
export const busy = signal<null | 'draft' | 'export' | 'session'>(null);

export const jobId = () => job.value?.id ?? 0;

// ---- errors ----
export function showError(e: unknown) {
  error.value = api.toAppError(e);
}
export function clearError() {
  error.value = null;
}

/** Run a backend call; on failure show the message and return undefined (never throw into the UI). */
export async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

// ---- toast ----
export interface Toast {
  id: number;
  text: string;
  undo?: () => void;
  /** The undo button's test id ('undo' unless given: the library's toasts use 'toast-undo'). */
  undoTestId?: string;
}
export const toast = signal<Toast | null>(null);
let toastSeq = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function showToast(text: string, undo?: () => void, undoTestId?: string) {
  clearTimeout(toastTimer);
  const id = ++toastSeq;
  toast.value = { id, text, undo, undoTestId };
  toastTimer = setTimeout(
    () => {
      if (toast.value?.id === id) toast.value = null;
    },
    undo ? 12000 : 4000,
  );
}
export function dismissToast() {
  clearTimeout(toastTimer);
  toast.value = null;
}

// ---- navigation ----
type Hook = () => Promise<void> | void;
const leaveHooks: Partial<Record<Step, Hook[]>> = {};
const enterHooks: Partial<Record<Step, Hook[]>> = {};
/** Run `fn` (awaited) whenever the owner leaves `s`: modules save what is pending there. */
export function onLeave(s: Step, fn: Hook) {
  leaveHooks[s] = [...(leaveHooks[s] ?? []), fn];
}
/** Run `fn` (not awaited) after the owner arrives at `s`: modules load what that step shows. */
export function onEnter(s: Step, fn: Hook) {
  enterHooks[s] = [...(enterHooks[s] ?? []), fn];
}

/** Checks that may turn a step change elsewhere (the leak guard keeps a "never" job at the safety step). */
const enterGuards: ((target: Step) => Step | null)[] = [];
export function guardEnter(fn: (target: Step) => Step | null) {
  enterGuards.push(fn);
}

export async function goTo(wanted: Step) {
  let target = wanted;
  for (const g of enterGuards) target = g(target) ?? target;
  if (target === step.value) return;
  for (const fn of leaveHooks[step.value] ?? []) await fn();
  toast.value = null; // an undo offer belongs to the step where the action happened
  step.value = target;
  window.scrollTo(0, 0);
  for (const fn of enterHooks[target] ?? []) void fn();
}
