// The lessons (배우기 / Learn): the list in the window's language, the lesson open on the Learn screen, and the
// coach's "배우기 ›" link, which opens the lesson that explains a check. The lessons come as plain blocks from
// Rust (never HTML); a mentor's or a pack's copy replaces the shipped one there.
import { computed, effect, signal } from '@preact/signals';
import { type Lesson, type LessonSummary, lesson, lessons } from '../backend';
import { lang } from '../i18n';
import { ready, showError } from './core';

export const lessonList = signal<LessonSummary[]>([]);
export const openLesson = signal<Lesson | null>(null);
export const lessonLoading = signal(false);

/** Check id → the lesson that explains it (the first in the list that names it). */
export const lessonByCheck = computed(() => {
  const map = new Map<string, LessonSummary>();
  for (const l of lessonList.value) for (const c of l.checks) if (!map.has(c)) map.set(c, l);
  return map;
});

export async function loadLessons() {
  try {
    lessonList.value = await lessons(lang.value);
  } catch (e) {
    showError(e);
  }
}

/** Opens one lesson (null: back to the list). */
export async function showLesson(id: string | null) {
  if (id === null) {
    openLesson.value = null;
    return;
  }
  lessonLoading.value = true;
  try {
    openLesson.value = await lesson(id, lang.value);
  } catch (e) {
    showError(e);
  } finally {
    lessonLoading.value = false;
  }
}

/** The list follows the window's language (and an open lesson too). */
effect(() => {
  const l = lang.value;
  if (!ready.value) return;
  void loadLessons();
  const open = openLesson.peek();
  if (open && open.lang !== l) void showLesson(open.id);
});
