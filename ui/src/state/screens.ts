// Which screen fills the window: the wizard, or one of the side screens beside it (calendar, shop profile,
// lessons, settings). Leaving the wizard saves what is pending there; leaving the profile saves its form; arriving
// loads what the screen shows. The start-up work for these screens (profile, reminder) also lives here.
import { effect, signal } from '@preact/signals';
import { dismissReminder, loadKeepPosting, loadReminder } from './calendar';
import { job, ready, step, toast } from './core';
import { showLesson } from './lessons';
import { enterLibrary, leaveLibrary, newPostForProduct, openJobFromLibrary } from './library';
import { flushAll, switchJob } from './session';
import { commitLogoRemoval, loadProfile, resetForm, saveIfDirty } from './shop';

export type Screen = 'wizard' | 'library' | 'calendar' | 'profile' | 'lessons' | 'settings' | 'review';
export const SCREENS: Screen[] = ['wizard', 'library', 'calendar', 'profile', 'lessons', 'settings', 'review'];
export const screen = signal<Screen>('wizard');

effect(() => {
  document.body.dataset.screen = screen.value;
});

export async function goScreen(target: Screen) {
  const from = screen.value;
  if (target === from) return;
  if (from === 'wizard') await flushAll();
  if (from === 'profile') {
    await saveIfDirty();
    await commitLogoRemoval();
  }
  toast.value = null;
  if (target === 'profile') resetForm();
  if (from === 'library' && target === 'wizard') await leaveLibrary();
  screen.value = target;
  if (target === 'calendar') void loadKeepPosting();
  if (target === 'library') enterLibrary();
}

/** The coach's "배우기 ›": the Learn screen with the lesson that explains the check open. */
export async function openLessonScreen(lessonId: string) {
  await goScreen('lessons');
  await showLesson(lessonId);
}

/** Open a job from the library: the wizard shows it (also when it is the job already open). */
export async function openJobInWizard(jobId: number) {
  await openJobFromLibrary(jobId);
  if (screen.peek() !== 'wizard') await goScreen('wizard');
}
/** "이 제품으로 새 글": the new product post opens in the wizard. */
export async function newProductPostInWizard(productId: number) {
  if ((await newPostForProduct(productId)) && screen.peek() !== 'wizard') await goScreen('wizard');
}

/** Open a job from the reminder: the wizard shows it, the reminder has done its work. */
export async function openJobFromReminder(jobId: number) {
  dismissReminder();
  await switchJob(jobId);
  screen.value = 'wizard';
}

let started = false;
/** Once the session is ready (the presets are needed to show the equipment chips): profile and reminder. */
effect(() => {
  if (!ready.value || started) return;
  started = true;
  void loadProfile();
  void loadReminder();
});

/** Opening another job (the job list, "new job") always shows it in the wizard. */
let lastJobId: number | undefined;
effect(() => {
  const id = job.value?.id;
  if (lastJobId !== undefined && id !== lastJobId && screen.peek() !== 'wizard') void goScreen('wizard');
  lastJobId = id;
});

/** The reminder belongs to the start: once the owner moves on in the wizard, it has done its work. */
let startStep: string | undefined;
effect(() => {
  const s = step.value;
  if (startStep === undefined) {
    startStep = s;
    return;
  }
  if (s !== startStep) dismissReminder();
});
