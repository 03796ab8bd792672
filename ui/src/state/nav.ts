// Moving through the wizard: next/back, which steps count as done (the rail's ticks), and whether "next" may
// be pressed (a job for a "never" customer stops at the safety check).
import { computed } from '@preact/signals';
import { coachSeen } from './coach';
import { goTo, job, photos, post, STEPS, type Step, step } from './core';
import { guard } from './guard';
import { choosePlatform, exportResult, selectedPlatform } from './post';

export const stepIndex = computed(() => STEPS.indexOf(step.value));
export const stepDone = computed<Record<Step, boolean>>(() => ({
  photos: photos.value.length > 0,
  job: !!job.value?.title.trim() && !!job.value?.ownerKind,
  safety: !!guard.value?.canExport,
  platform: !!post.value,
  write: !!post.value && coachSeen.value,
  preview: post.value?.status === 'exported' || !!exportResult.value,
}));
/** The guard stops the wizard at the safety step for a customer whose work may never leave the shop. */
export const stoppedHere = computed(() => step.value === 'safety' && guard.value?.policy === 'never');

export async function next() {
  if (stoppedHere.value) return;
  if (step.value === 'platform') return choosePlatform(selectedPlatform.value);
  const i = stepIndex.value;
  if (i < STEPS.length - 1) await goTo(STEPS[i + 1]);
}
export async function back() {
  const i = stepIndex.value;
  if (i > 0) await goTo(STEPS[i - 1]);
}
