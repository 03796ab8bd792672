// The job's facts (typed into big fields, saved debounced and when leaving the step) and whose part it is:
// our own product or a customer's job, with the shop's customer list and each customer's policy.
import { signal } from '@preact/signals';
import type { Client, ClientInput, JobFields, OwnerKind } from '../backend';
import * as api from '../backend';
import { attempt, job, onEnter, onLeave } from './core';
import { guard, loadGuard } from './guard';

export const jobSave = signal<'idle' | 'saving' | 'saved'>('idle');
export const clients = signal<Client[]>([]);
/** 'client' chosen in the window but no customer picked yet (the backend only hears of it with a customer). */
export const ownerPending = signal(false);

let jobTimer: ReturnType<typeof setTimeout> | undefined;
let jobVersion = 0;
let savedJobVersion = 0;
let jobSaving: Promise<void> | null = null;

export function resetJobEdits() {
  clearTimeout(jobTimer);
  jobTimer = undefined;
  jobVersion = savedJobVersion;
  jobSave.value = 'idle';
  ownerPending.value = false;
}

export function editJob(field: keyof JobFields, value: string) {
  const j = job.value;
  if (!j) return;
  job.value = { ...j, [field]: value };
  jobVersion++;
  jobSave.value = 'idle';
  clearTimeout(jobTimer);
  jobTimer = setTimeout(() => {
    void flushJob();
  }, 700);
}

export async function flushJob() {
  clearTimeout(jobTimer);
  jobTimer = undefined;
  if (jobSaving) await jobSaving;
  const j = job.value;
  if (!j || jobVersion === savedJobVersion) return;
  const v = jobVersion;
  const fields: JobFields = {
    title: j.title,
    material: j.material,
    process: j.process,
    machine: j.machine,
    tolerance: j.tolerance,
    finish: j.finish,
    quantity: j.quantity,
    leadTime: j.leadTime,
    story: j.story,
  };
  jobSave.value = 'saving';
  jobSaving = (async () => {
    const saved = await attempt(() => api.updateJob(j.id, fields));
    if (saved && job.value?.id === saved.id) {
      savedJobVersion = v;
      // Keep what the owner typed while the save was under way, and whose part it is: that is set by
      // setOwner, whose answer may come after this one (the saved job would undo a click on the radio).
      const cur = job.value;
      job.value =
        jobVersion === v
          ? { ...saved, ownerKind: cur.ownerKind, clientId: cur.clientId }
          : { ...cur, id: saved.id, createdAt: saved.createdAt, updatedAt: saved.updatedAt };
      jobSave.value = jobVersion === v ? 'saved' : 'idle';
    } else if (!saved) {
      jobSave.value = 'idle';
    }
  })();
  await jobSaving;
  jobSaving = null;
}

// ---- whose part it is ----
export async function loadClients() {
  const list = await attempt(api.listClients);
  if (list) clients.value = list;
}

/** Tell the backend whose part this is; the answer is the new leak-guard verdict. Shown at once, rolled back
 *  if the backend says no. */
export async function setOwner(kind: OwnerKind | null, clientId: number | null) {
  const j = job.value;
  if (!j) return;
  if (kind === 'client' && clientId === null) {
    ownerPending.value = true;
    return;
  }
  ownerPending.value = false;
  job.value = { ...j, ownerKind: kind, clientId: kind === 'client' ? clientId : null };
  const g = await attempt(() => api.setJobOwner(j.id, kind, clientId));
  const cur = job.value;
  if (!cur || cur.id !== j.id) return;
  if (!g) {
    job.value = { ...cur, ownerKind: j.ownerKind, clientId: j.clientId };
    return;
  }
  job.value = { ...cur, ownerKind: g.ownerKind, clientId: g.client?.id ?? null };
  guard.value = g;
}

/** Add (or change) a customer; a new one becomes this job's customer at once. Returns it, or null on failure. */
export async function saveClient(input: ClientInput): Promise<Client | null> {
  const saved = await attempt(() => api.saveClient(input));
  if (!saved) return null;
  const rest = clients.value.filter((c) => c.id !== saved.id);
  clients.value = [...rest, saved].sort((a, b) => a.name.localeCompare(b.name, 'ko'));
  if (input.id === null || job.value?.clientId === saved.id) await setOwner('client', saved.id);
  return saved;
}

onLeave('job', flushJob);
onEnter('job', () => Promise.all([loadClients(), loadGuard()]).then(() => undefined));
