// Mock of the shop profile, calendar, history and reminder commands for the Playwright build; shares state
// through mockCore (mock-backend.ts). Its own state (profile, weekly goal, export/publish events, URLs) lives
// under its own localStorage key and is cleared by window.__mock.reset() like the rest.
//
// Events: the core mock's export_post marks the post `status: 'exported'` with a new `exportPath` per export.
// This file cannot see the export happen, so every command here first records an 'exported' event (at = now,
// local time) for each exported folder it has not seen yet; the UI always asks the calendar, the history or
// the reminder after an export, so the day is right. Weeks are Monday-based in local time, like the Rust side.
//
// Test hooks (window.__mockShop):
//   firstRun()                 an empty, never-saved profile (reload afterwards: the window shows the first run)
//   seedWeeks(counts)          counts[0] events this week, counts[1] last week, … (naver posts of made-up jobs)
//   addEvent(partial)          one event with an explicit `at` (local ISO) and platform
//   removeFolder(postId)       the post's export folder is "gone" (folderExists = false)
//   setLogoPick(ok)            whether pick_logo returns a logo (true) or null (cancelled)
//   state()                    a copy of this file's state
import type {
  Calendar,
  Commands,
  ExportEvent,
  Platform,
  PostHistoryItem,
  Reminder,
  ShopProfile,
  WeekStat,
} from '../src/backend';
import { mockCore } from './mock-backend';

interface StoredEvent {
  postId: number;
  jobId: number;
  jobTitle: string;
  platform: Platform;
  postTitle: string;
  at: string;
  kind: 'exported' | 'published';
  folder: string | null;
  url: string | null;
}
interface ShopState {
  profile: ShopProfile;
  goal: number;
  events: StoredEvent[];
  gone: string[];
}
const KEY = 'gb-mock-shop';

const emptyProfile = (saved: boolean): ShopProfile => ({
  name: '',
  owner: '',
  phone: '',
  email: '',
  address: '',
  regionKeywords: [],
  website: '',
  kakao: '',
  equipment: [],
  materials: [],
  tolerance: '',
  sizes: '',
  lotSizes: '',
  logoDataUrl: null,
  watermark: { on: false, corner: 'bottomRight', sizePercent: 15, opacityPercent: 80 },
  saved,
});
// Fresh state: the profile counts as saved, so the other specs never meet the first run (see firstRun()).
const fresh = (): ShopState => ({ profile: emptyProfile(true), goal: 0, events: [], gone: [] });
function load(): ShopState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<ShopState>) };
  } catch {
    /* start fresh */
  }
  return fresh();
}
let M = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(M));
let logoPick = true;

// ---- local time ----
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Local ISO 8601 with the offset, e.g. 2026-11-27T21:05:00+09:00. */
function localIso(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${ymd(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
/** The local calendar day of an event (its `at` is written in local time). */
const dayOf = (at: string) => ymd(new Date(at));
function mondayOf(d: Date): Date {
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  m.setDate(m.getDate() - ((m.getDay() + 6) % 7));
  return m;
}
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

// ---- events from the core mock's posts ----
function sync() {
  const S = mockCore.state();
  let changed = false;
  for (const p of S.posts) {
    if (!p.exportPath || p.status === 'draft') continue;
    if (M.events.some((e) => e.kind === 'exported' && e.postId === p.id && e.folder === p.exportPath)) continue;
    const j = S.jobs.find((x) => x.id === p.jobId);
    M.events.push({
      postId: p.id,
      jobId: p.jobId,
      jobTitle: j?.title ?? '',
      platform: p.platform,
      postTitle: p.title,
      at: localIso(new Date()),
      kind: 'exported',
      folder: p.exportPath,
      url: null,
    });
    changed = true;
  }
  if (changed) save();
}
const sortedEvents = () => [...M.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
const toEvent = (e: StoredEvent): ExportEvent => ({ ...e, folderExists: !!e.folder && !M.gone.includes(e.folder) });

/** Posts counted in a week: distinct posts with an export or a publication that week. */
function weekCount(monday: Date): number {
  const from = ymd(monday);
  const to = ymd(addDays(monday, 6));
  const posts = new Set(
    M.events
      .filter((e) => {
        const d = dayOf(e.at);
        return d >= from && d <= to;
      })
      .map((e) => `${e.postId}`),
  );
  return posts.size;
}
function calendarOf(month: string | null): Calendar {
  sync();
  const today = new Date();
  const shown = month && /^\d{4}-\d{2}$/.test(month) ? month : ymd(today).slice(0, 7);
  const days = new Map<string, ExportEvent[]>();
  for (const e of sortedEvents()) {
    const d = dayOf(e.at);
    if (d.slice(0, 7) !== shown) continue;
    if (!days.has(d)) days.set(d, []);
    days.get(d)!.push(toEvent(e));
  }
  const thisMonday = mondayOf(today);
  const weeks: WeekStat[] = [];
  for (let w = 7; w >= 0; w--) {
    const m = addDays(thisMonday, -7 * w);
    const count = weekCount(m);
    weeks.push({ start: ymd(m), count, met: M.goal > 0 && count >= M.goal });
  }
  let streak = 0;
  if (M.goal > 0) {
    const met = (m: Date) => weekCount(m) >= M.goal;
    let m = met(thisMonday) ? thisMonday : addDays(thisMonday, -7);
    for (let guard = 0; guard < 520 && met(m); guard++) {
      streak++;
      m = addDays(m, -7);
    }
  }
  return {
    month: shown,
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, events]) => ({ date, events })),
    goalPerWeek: M.goal,
    thisWeek: weekCount(thisMonday),
    streakWeeks: streak,
    weeks,
  };
}
function historyItem(postId: number): PostHistoryItem {
  const S = mockCore.state();
  const p = S.posts.find((x) => x.id === postId);
  if (!p) throw { code: 'not_found', messageKo: '글을 찾을 수 없습니다.', messageEn: 'The post was not found.' };
  const j = S.jobs.find((x) => x.id === p.jobId);
  const mine = sortedEvents().filter((e) => e.postId === p.id);
  const lastExport = mine.find((e) => e.kind === 'exported') ?? null;
  const lastPublish = mine.find((e) => e.kind === 'published') ?? null;
  const exportPath = p.exportPath ?? lastExport?.folder ?? null;
  const times = [Date.parse(p.updatedAt), ...mine.map((e) => Date.parse(e.at))];
  return {
    postId: p.id,
    jobId: p.jobId,
    jobTitle: j?.title ?? '',
    platform: p.platform,
    title: p.title,
    status: p.status,
    exportPath,
    folderExists: !!exportPath && !M.gone.includes(exportPath),
    exportedAt: lastExport?.at ?? null,
    publishedUrl: lastPublish?.url ?? null,
    updatedAt: localIso(new Date(Math.max(...times))),
  };
}
const invalid = (ko: string, en: string) => ({ code: 'invalid', messageKo: ko, messageEn: en });
const words = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

// A small square logo drawn on a canvas (no files).
function drawLogo(): string {
  const c = document.createElement('canvas');
  c.width = 128;
  c.height = 128;
  const g = c.getContext('2d')!;
  g.fillStyle = '#27313b';
  g.fillRect(0, 0, 128, 128);
  g.fillStyle = '#c2410c';
  g.beginPath();
  g.arc(64, 64, 42, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#27313b';
  g.beginPath();
  g.arc(64, 64, 16, 0, Math.PI * 2);
  g.fill();
  return c.toDataURL('image/png');
}
// A small thumbnail for a job's first photo, in the core mock's colours.
const thumbCache = new Map<number, string>();
function thumb(photoId: number): string {
  const hit = thumbCache.get(photoId);
  if (hit) return hit;
  const c = document.createElement('canvas');
  c.width = 160;
  c.height = 120;
  const g = c.getContext('2d')!;
  const hue = (photoId * 47) % 360;
  g.fillStyle = `hsl(${hue} 20% 26%)`;
  g.fillRect(0, 0, 160, 120);
  g.fillStyle = '#c9d0d6';
  g.fillRect(24, 46, 76, 28);
  g.fillRect(100, 38, 36, 44);
  const url = c.toDataURL('image/png');
  thumbCache.set(photoId, url);
  return url;
}

const clampMark = (m: ShopProfile['watermark']): ShopProfile['watermark'] => ({
  ...m,
  sizePercent: Math.min(40, Math.max(5, m.sizePercent)),
  opacityPercent: Math.min(100, Math.max(10, m.opacityPercent)),
});

// ---- commands ----
export const shopProfile = () => mockCore.cmd('shop_profile', undefined, (): ShopProfile => M.profile);
export const saveShopProfile: Commands['saveShopProfile'] = (profile) =>
  mockCore.cmd('save_shop_profile', { profile }, (): ShopProfile => {
    const t = (s: string | undefined) => (s ?? '').trim(); // a field left out is empty, as in Rust
    M.profile = {
      name: t(profile.name),
      owner: t(profile.owner),
      phone: t(profile.phone),
      email: t(profile.email),
      address: t(profile.address),
      regionKeywords: words(profile.regionKeywords),
      website: t(profile.website),
      kakao: t(profile.kakao),
      equipment: words(profile.equipment),
      materials: words(profile.materials),
      tolerance: t(profile.tolerance),
      sizes: t(profile.sizes),
      lotSizes: t(profile.lotSizes),
      logoDataUrl: M.profile.logoDataUrl,
      // As in Rust: a mark left out is the default, its numbers brought inside their ranges.
      watermark: clampMark({ ...emptyProfile(true).watermark, ...(profile.watermark ?? {}) }),
      saved: true,
    };
    save();
    return M.profile;
  });
export const pickLogo = () =>
  mockCore.cmd('pick_logo', undefined, (): ShopProfile | null => {
    if (!logoPick) return null;
    M.profile = { ...M.profile, logoDataUrl: drawLogo() };
    save();
    return M.profile;
  });
export const clearLogo = () =>
  mockCore.cmd('clear_logo', undefined, (): ShopProfile => {
    M.profile = { ...M.profile, logoDataUrl: null };
    save();
    return M.profile;
  });
export const calendar = (month: string | null) =>
  mockCore.cmd('calendar', { month }, (): Calendar => calendarOf(month));
export const setWeeklyGoal = (perWeek: number) =>
  mockCore.cmd('set_weekly_goal', { perWeek }, (): Calendar => {
    if (!Number.isInteger(perWeek) || perWeek < 0 || perWeek > 14) {
      throw invalid('한 주 목표는 0에서 14 사이로 적어 주세요.', 'Please enter a weekly goal from 0 to 14.');
    }
    M.goal = perWeek;
    save();
    return calendarOf(null);
  });
export const reminder = () =>
  mockCore.cmd('reminder', undefined, (): Reminder => {
    sync();
    const S = mockCore.state();
    const thisWeek = weekCount(mondayOf(new Date()));
    const posted = new Set([
      ...S.posts.filter((p) => p.status !== 'draft').map((p) => p.jobId),
      ...M.events.map((e) => e.jobId),
    ]);
    const jobs = S.jobs
      .filter((j) => j.photoIds.length > 0 && !posted.has(j.id))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
    return {
      behind: M.goal > 0 && thisWeek < M.goal,
      goalPerWeek: M.goal,
      thisWeek,
      jobsWithoutPost: jobs.map((j) => ({
        jobId: j.id,
        title: j.title,
        photoCount: j.photoIds.length,
        thumbUrl: thumb(j.photoIds[0]),
      })),
    };
  });
export const postHistory = () =>
  mockCore.cmd('post_history', undefined, (): PostHistoryItem[] => {
    sync();
    return mockCore
      .state()
      .posts.map((p) => historyItem(p.id))
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.postId - a.postId);
  });
export const openExportFolder = (postId: number) =>
  mockCore.cmd('open_export_folder', { postId }, (): null => {
    sync();
    const h = historyItem(postId);
    if (!h.exportPath || !h.folderExists) {
      throw invalid(
        '내보낸 폴더가 없습니다. 옮기거나 지웠을 수 있습니다.',
        'The export folder is gone. It may have been moved or deleted.',
      );
    }
    return null;
  });
export const markPublished = (postId: number, url: string) =>
  mockCore.cmd('mark_published', { postId, url }, (): PostHistoryItem => {
    sync();
    const S = mockCore.state();
    const p = S.posts.find((x) => x.id === postId);
    if (!p) throw { code: 'not_found', messageKo: '글을 찾을 수 없습니다.', messageEn: 'The post was not found.' };
    const u = url.trim();
    if (u && !/^https?:\/\/\S+$/i.test(u))
      throw invalid(
        '주소는 http:// 또는 https://로 시작해야 합니다.',
        'The address must start with http:// or https://.',
      );
    p.status = 'published';
    const j = S.jobs.find((x) => x.id === p.jobId);
    M.events.push({
      postId: p.id,
      jobId: p.jobId,
      jobTitle: j?.title ?? '',
      platform: p.platform,
      postTitle: p.title,
      at: localIso(new Date()),
      kind: 'published',
      folder: p.exportPath,
      url: u || null,
    });
    save();
    mockCore.save();
    return historyItem(p.id);
  });

// ---- test hooks ----
declare global {
  interface Window {
    __mockShop: {
      firstRun(): void;
      seedWeeks(counts: number[]): void;
      addEvent(e: Partial<StoredEvent> & { at: string }): void;
      removeFolder(postId: number): void;
      setLogoPick(ok: boolean): void;
      state(): ShopState;
    };
  }
}
let seedSeq = 0;
window.__mockShop = {
  firstRun() {
    M.profile = emptyProfile(false);
    save();
  },
  seedWeeks(counts) {
    const thisMonday = mondayOf(new Date());
    counts.forEach((n, w) => {
      for (let i = 0; i < n; i++) {
        // this week: a minute ago (never in the future); earlier weeks: Tuesday 10:00 + i hours
        const d =
          w === 0
            ? new Date(Date.now() - 60_000 * (i + 1))
            : new Date(addDays(thisMonday, -7 * w + 1).getTime() + (10 + i) * 3_600_000);
        const postId = 900_000 + ++seedSeq;
        M.events.push({
          postId,
          jobId: 900_000 + seedSeq,
          jobTitle: `예전 작업 ${seedSeq}`,
          platform: 'naver',
          postTitle: `예전 글 ${seedSeq}`,
          at: localIso(d),
          kind: 'exported',
          folder: `/home/owner/공방포스트 내보내기/old-${seedSeq}`,
          url: null,
        });
      }
    });
    save();
  },
  addEvent(e) {
    const postId = e.postId ?? 900_000 + ++seedSeq;
    M.events.push({
      postId,
      jobId: e.jobId ?? postId,
      jobTitle: e.jobTitle ?? '',
      platform: e.platform ?? 'naver',
      postTitle: e.postTitle ?? '',
      at: e.at,
      kind: e.kind ?? 'exported',
      folder: e.folder ?? null,
      url: e.url ?? null,
    });
    save();
  },
  removeFolder(postId) {
    sync();
    for (const e of M.events) if (e.postId === postId && e.folder && !M.gone.includes(e.folder)) M.gone.push(e.folder);
    const p = mockCore.state().posts.find((x) => x.id === postId);
    if (p?.exportPath && !M.gone.includes(p.exportPath)) M.gone.push(p.exportPath);
    save();
  },
  setLogoPick(ok) {
    logoPick = ok;
  },
  state: () => JSON.parse(JSON.stringify(M)) as ShopState,
};
// window.__mock is made after this module runs (mock-backend.ts imports this file first): wrap its reset
// once everything is loaded, so a reset clears this state too.
queueMicrotask(() => {
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => {
    coreReset();
    M = fresh();
    save();
    thumbCache.clear();
  };
});
