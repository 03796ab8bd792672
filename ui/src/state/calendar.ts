// Keep posting: the calendar (a month of exports and publications per platform, the weekly goal, this week's
// count, the streak, the last 8 weeks), the history of every post (open its folder again, mark it published
// with its address) and the gentle reminder on start (the goal is behind, or jobs have photos but no post).
import { signal } from '@preact/signals';
import type { Calendar, PostHistoryItem, Reminder } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, showToast } from './core';

export const cal = signal<Calendar | null>(null);
export const calLoading = signal(false);
export const historyItems = signal<PostHistoryItem[] | null>(null);
export const reminderInfo = signal<Reminder | null>(null);
export const reminderDismissed = signal(false);
export const goalSaving = signal(false);

const pad = (n: number) => String(n).padStart(2, '0');
/** "2026-11" → "2026-12" (delta months later). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(y, m - 1 + delta, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}
export const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
};

export async function loadCalendar(month: string | null = cal.value?.month ?? null) {
  calLoading.value = true;
  const c = await attempt(() => api.calendar(month));
  calLoading.value = false;
  if (c) cal.value = c;
}
export const prevMonth = () => loadCalendar(shiftMonth(cal.value?.month ?? thisMonth(), -1));
export const nextMonth = () => loadCalendar(shiftMonth(cal.value?.month ?? thisMonth(), 1));

export async function saveGoal(perWeek: number) {
  goalSaving.value = true;
  const month = cal.value?.month ?? null;
  const c = await attempt(() => api.setWeeklyGoal(perWeek));
  goalSaving.value = false;
  if (!c) return;
  // set_weekly_goal answers with this month; keep the month the owner is looking at.
  if (month && c.month !== month) await loadCalendar(month);
  else cal.value = c;
  showToast(perWeek > 0 ? t('goalSaved', { n: perWeek }) : t('goalOff'));
  void loadReminder();
}

export async function loadPostHistory() {
  const h = await attempt(api.postHistory);
  historyItems.value = h ?? [];
}
export async function openFolder(postId: number) {
  const ok = await attempt(() => api.openExportFolder(postId));
  if (ok !== undefined) showToast(t('folderOpened'));
  else void loadPostHistory(); // the folder may be gone now: show it as such
}
export async function markPublished(postId: number, url: string): Promise<boolean> {
  const item = await attempt(() => api.markPublished(postId, url.trim()));
  if (!item) return false;
  historyItems.value = (historyItems.value ?? []).map((h) => (h.postId === postId ? item : h));
  showToast(t('publishedSaved'));
  void loadCalendar();
  void loadReminder();
  return true;
}

export async function loadKeepPosting() {
  await Promise.all([loadCalendar(), loadPostHistory()]);
}

export async function loadReminder() {
  const r = await attempt(api.reminder);
  if (r) reminderInfo.value = r;
}
export function dismissReminder() {
  reminderDismissed.value = true;
}
