// A stand-in for src/backend.ts used only by the test build (`vite build --mode test`), so Playwright can drive
// the real UI with no Rust behind it. It keeps the same exports (checked at compile time below), behaves as
// the contract describes (progress events per file, duplicates by content, rejected files with reasons,
// remove + re-attach through set_photo_order), persists to localStorage so a reload is "close and reopen",
// and exposes window.__mock for the tests: drop files, inject failures, read the command log.
import type {
  AppError, AppInfo, Block, ExportResult, FileDragEvent, ImportItem, ImportProgress, ImportSummary, Job, JobFields,
  Lang, Photo, PhotoRole, Platform, Post, Presets, Session,
} from '../src/backend';
import { toAppError } from '../src/errors';

export type * from '../src/backend';
export { isAppError, toAppError } from '../src/errors';

// ---- persisted state ----
interface LibPhoto { id: number; hash: string; originalName: string; path: string; width: number; height: number; byteSize: number }
interface MockJob extends Job { photoIds: number[]; meta: Record<number, { role: PhotoRole | null; caption: string }> }
interface State {
  lang: Lang; exportDir: string | null; nextId: number; currentJob: number | null;
  library: LibPhoto[]; jobs: MockJob[]; posts: Post[]; exports: number;
}
const KEY = 'gb-mock-state';

function fresh(): State {
  return { lang: 'ko', exportDir: null, nextId: 1, currentJob: null, library: [], jobs: [], posts: [], exports: 0 };
}
function load(): State {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as State;
  } catch { /* start fresh */ }
  return fresh();
}
let S = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(S));
const now = () => new Date().toISOString();
const id = () => S.nextId++;

// ---- test controls ----
const failures = new Map<string, unknown>();
const calls: { cmd: string; args: unknown }[] = [];
let importDelayMs = 80;
let pickPaths: string[] | null = ['/home/owner/사진/IMG_2001.jpg', '/home/owner/사진/IMG_2002.jpg'];
let chooseDirResult: string | null = '/home/owner/바탕화면/블로그 올릴 것';
const progressHandlers = new Set<(p: ImportProgress) => void>();
const dragHandlers = new Set<(ev: FileDragEvent) => void>();

declare global {
  interface Window {
    __mock: {
      drop(paths: string[]): void;
      drag(type: 'enter' | 'over' | 'leave'): void;
      failNext(cmd: string, err: unknown): void;
      setPick(paths: string[] | null): void;
      setImportDelay(ms: number): void;
      setChooseDir(dir: string | null): void;
      calls(): { cmd: string; args: unknown }[];
      state(): State;
      reset(): void;
    };
  }
}
window.__mock = {
  drop(paths) { for (const h of dragHandlers) h({ type: 'drop', paths }); },
  drag(type) { for (const h of dragHandlers) h({ type }); },
  failNext(cmd, err) { failures.set(cmd, err); },
  setPick(paths) { pickPaths = paths; },
  setImportDelay(ms) { importDelayMs = ms; },
  setChooseDir(dir) { chooseDirResult = dir; },
  calls: () => calls.slice(),
  state: () => JSON.parse(JSON.stringify(S)) as State,
  reset() { S = fresh(); save(); },
};

async function cmd<T>(name: string, args: Record<string, unknown> | undefined, run: () => T | Promise<T>): Promise<T> {
  calls.push({ cmd: name, args: args ? JSON.parse(JSON.stringify(args)) : undefined });
  await new Promise((r) => setTimeout(r, 5));
  if (failures.has(name)) {
    const err = failures.get(name);
    failures.delete(name);
    throw toAppError(err);
  }
  try {
    const out = await run();
    save();
    return JSON.parse(JSON.stringify(out ?? null)) as T;
  } catch (e) {
    throw toAppError(e);
  }
}

const err = (code: string, messageKo: string, messageEn: string): AppError => ({ code, messageKo, messageEn });

// ---- thumbnails: drawn on a canvas, so the mock needs no image files ----
const thumbs = new Map<number, string>();
function thumbFor(p: LibPhoto): string {
  const hit = thumbs.get(p.id);
  if (hit) return hit;
  const c = document.createElement('canvas');
  c.width = 480; c.height = 360;
  const g = c.getContext('2d')!;
  const hue = (p.id * 47) % 360;
  const bg = g.createLinearGradient(0, 0, 480, 360);
  bg.addColorStop(0, `hsl(${hue} 18% 32%)`);
  bg.addColorStop(1, `hsl(${hue} 22% 16%)`);
  g.fillStyle = bg; g.fillRect(0, 0, 480, 360);
  // a turned shaft: a steel cylinder with a shoulder
  const steel = g.createLinearGradient(0, 130, 0, 230);
  steel.addColorStop(0, '#8d969e'); steel.addColorStop(0.35, '#f1f3f5'); steel.addColorStop(1, '#5f6870');
  g.fillStyle = steel;
  g.fillRect(70, 140, 220, 80);
  g.fillRect(290, 118, 110, 124);
  g.fillStyle = 'rgba(255,255,255,0.18)';
  for (let x = 80; x < 400; x += 14) g.fillRect(x, 140, 2, 80);
  // the photo's number as large dots (no text: the mock must not depend on fonts)
  g.fillStyle = `hsl(${(hue + 180) % 360} 80% 60%)`;
  for (let i = 0; i < Math.min(p.id, 12); i++) {
    g.beginPath(); g.arc(440 - i * 30, 326, 10, 0, Math.PI * 2); g.fill();
  }
  const url = c.toDataURL('image/jpeg', 0.7);
  thumbs.set(p.id, url);
  return url;
}

function toPhoto(j: MockJob, p: LibPhoto): Photo {
  const m = j.meta[p.id] ?? { role: null, caption: '' };
  return {
    id: p.id, hash: p.hash, originalName: p.originalName, width: p.width, height: p.height,
    takenAt: '2024-05-14T09:30:00', cameraMake: 'samsung', cameraModel: 'SM-S918N', hasGps: p.id % 2 === 0,
    byteSize: p.byteSize, role: m.role, caption: m.caption, thumbUrl: thumbFor(p),
  };
}
const lib = (photoId: number) => S.library.find((p) => p.id === photoId);
function jobById(jobId: number): MockJob {
  const j = S.jobs.find((x) => x.id === jobId);
  if (!j) throw err('not_found', '작업을 찾을 수 없습니다.', 'The job was not found.');
  return j;
}
const jobPhotos = (j: MockJob) => j.photoIds.map(lib).filter((p): p is LibPhoto => !!p).map((p) => toPhoto(j, p));
const publicJob = (j: MockJob): Job => {
  const { photoIds: _a, meta: _b, ...rest } = j;
  return rest;
};
function session(j: MockJob): Session {
  S.currentJob = j.id;
  const posts = S.posts.filter((p) => p.jobId === j.id).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
  return { job: publicJob(j), photos: jobPhotos(j), post: posts[0] ?? null };
}
function createJob(): MockJob {
  const t = now();
  const j: MockJob = {
    id: id(), createdAt: t, updatedAt: t, photoIds: [], meta: {},
    title: '', material: '', process: '', machine: '', tolerance: '', finish: '', quantity: '', leadTime: '', story: '',
  };
  S.jobs.push(j);
  return j;
}

// ---- commands ----
export const appInfo = () => cmd('app_info', undefined, (): AppInfo =>
  ({ version: '0.1.0-mock', libraryDir: '/home/owner/.local/share/gongbang-post', lang: S.lang, exportDir: S.exportDir }));
export const setLang = (lang: Lang) => cmd('set_lang', { lang }, (): AppInfo => {
  S.lang = lang;
  return { version: '0.1.0-mock', libraryDir: '/home/owner/.local/share/gongbang-post', lang: S.lang, exportDir: S.exportDir };
});
export const presets = () => cmd('presets', undefined, (): Presets => ({
  materials: [
    { value: 'SUS304', labelKo: 'SUS304 (스테인리스)', labelEn: 'SUS304 (stainless)', group: 'stainless' },
    { value: 'SUS316', labelKo: 'SUS316 (스테인리스)', labelEn: 'SUS316 (stainless)', group: 'stainless' },
    { value: 'S45C', labelKo: 'S45C (기계 구조용 탄소강)', labelEn: 'S45C (carbon steel)', group: 'steel' },
    { value: 'SCM440', labelKo: 'SCM440 (크롬몰리브덴강)', labelEn: 'SCM440 (chrome-moly steel)', group: 'steel' },
    { value: 'SKD11', labelKo: 'SKD11 (냉간 금형강)', labelEn: 'SKD11 (cold-work tool steel)', group: 'tool' },
    { value: 'AL6061', labelKo: 'AL6061 (알루미늄)', labelEn: 'AL6061 (aluminium)', group: 'aluminium' },
    { value: 'AL7075', labelKo: 'AL7075 (알루미늄)', labelEn: 'AL7075 (aluminium)', group: 'aluminium' },
    { value: '황동 C3604', labelKo: '황동 C3604 (쾌삭 황동)', labelEn: 'Brass C3604 (free-cutting)', group: 'copper' },
    { value: 'POM', labelKo: 'POM (아세탈)', labelEn: 'POM (acetal)', group: 'plastic' },
    { value: 'MC나일론', labelKo: 'MC나일론', labelEn: 'MC nylon', group: 'plastic' },
  ],
  processes: [
    { value: 'CNC 선반', labelKo: 'CNC 선반', labelEn: 'CNC lathe', group: 'turning' },
    { value: '머시닝센터 (MCT)', labelKo: '머시닝센터 (MCT)', labelEn: 'Machining centre (MCT)', group: 'milling' },
    { value: '밀링', labelKo: '밀링', labelEn: 'Milling', group: 'milling' },
    { value: '와이어컷', labelKo: '와이어컷', labelEn: 'Wire EDM', group: 'edm' },
    { value: '연마', labelKo: '연마', labelEn: 'Grinding', group: 'grinding' },
    { value: '용접', labelKo: '용접', labelEn: 'Welding', group: 'other' },
  ],
}));
export const currentSession = () => cmd('current_session', undefined, (): Session => {
  const j = S.jobs.find((x) => x.id === S.currentJob) ?? createJob();
  return session(j);
});
export const newJob = () => cmd('new_job', undefined, (): Session => session(createJob()));
export const listJobs = () => cmd('list_jobs', undefined, (): Job[] =>
  [...S.jobs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id).map(publicJob));
export const openJob = (jobId: number) => cmd('open_job', { jobId }, (): Session => session(jobById(jobId)));
export const updateJob = (jobId: number, fields: JobFields) => cmd('update_job', { jobId, fields }, (): Job => {
  const j = jobById(jobId);
  Object.assign(j, fields, { updatedAt: now() });
  return publicJob(j);
});

const PHOTO_EXT = /\.(jpe?g|png|heic|webp)$/i;
async function runImport(jobId: number, paths: string[]): Promise<ImportSummary> {
  const j = jobById(jobId);
  const items: ImportItem[] = [];
  for (const path of paths) {
    await new Promise((r) => setTimeout(r, importDelayMs));
    const fileName = path.split(/[\\/]/).pop() ?? path;
    let item: ImportItem;
    if (!PHOTO_EXT.test(fileName)) {
      item = { path, fileName, outcome: 'rejected', photo: null,
        reasonKo: '사진 파일이 아닙니다 (JPG, PNG, HEIC, WebP만 넣을 수 있습니다)',
        reasonEn: 'Not a photo file (only JPG, PNG, HEIC and WebP can be added)' };
    } else if (/broken|깨진/i.test(fileName)) {
      item = { path, fileName, outcome: 'rejected', photo: null,
        reasonKo: '파일이 깨져서 열 수 없습니다', reasonEn: 'The file is damaged and cannot be opened' };
    } else {
      const hash = `h-${fileName.toLowerCase()}`; // the mock's "content": same name = same photo
      let p = S.library.find((x) => x.hash === hash);
      const dup = !!p;
      if (!p) {
        p = { id: id(), hash, originalName: fileName, path, width: 4000, height: 3000, byteSize: 2_400_000 };
        S.library.push(p);
      }
      if (!j.photoIds.includes(p.id)) j.photoIds.push(p.id);
      item = dup
        ? { path, fileName, outcome: 'duplicate', photo: toPhoto(j, p), reasonKo: '이미 있는 사진입니다', reasonEn: 'Already in the library' }
        : { path, fileName, outcome: 'imported', photo: toPhoto(j, p), reasonKo: null, reasonEn: null };
    }
    items.push(item);
    save();
    const ev: ImportProgress = JSON.parse(JSON.stringify({ done: items.length, total: paths.length, item }));
    for (const h of progressHandlers) h(ev);
  }
  j.updatedAt = now();
  return {
    items,
    imported: items.filter((i) => i.outcome === 'imported').length,
    duplicates: items.filter((i) => i.outcome === 'duplicate').length,
    rejected: items.filter((i) => i.outcome === 'rejected').length,
  };
}
export const importPaths = (jobId: number, paths: string[]) => cmd('import_paths', { jobId, paths }, () => runImport(jobId, paths));
export const pickAndImport = (jobId: number) => cmd('pick_and_import', { jobId }, () =>
  (pickPaths ? runImport(jobId, pickPaths) : null));
export const setPhotoOrder = (jobId: number, photoIds: number[]) => cmd('set_photo_order', { jobId, photoIds }, (): Photo[] => {
  const j = jobById(jobId);
  if (new Set(photoIds).size !== photoIds.length || photoIds.some((p) => !lib(p))) {
    throw err('bad_order', '사진 순서를 저장하지 못했습니다.', 'Could not save the photo order.');
  }
  // A library photo that is not in the job is re-attached (this is how "undo remove" works).
  j.photoIds = [...photoIds];
  return jobPhotos(j);
});
export const removePhoto = (jobId: number, photoId: number) => cmd('remove_photo', { jobId, photoId }, (): Photo[] => {
  const j = jobById(jobId);
  j.photoIds = j.photoIds.filter((p) => p !== photoId);
  delete j.meta[photoId]; // like the backend may: the per-job role/caption go with it
  return jobPhotos(j);
});
export const setPhotoMeta = (jobId: number, photoId: number, role: PhotoRole | null, caption: string) =>
  cmd('set_photo_meta', { jobId, photoId, role, caption }, (): Photo => {
    const j = jobById(jobId);
    const p = lib(photoId);
    if (!p || !j.photoIds.includes(photoId)) throw err('not_found', '사진을 찾을 수 없습니다.', 'The photo was not found.');
    j.meta[photoId] = { role, caption };
    return toPhoto(j, p);
  });

const ROLE_KO: Record<PhotoRole, string> = { stock: '소재', in_process: '가공 중', finished: '완성', measured: '측정', machine: '장비' };
export const makeDraft = (jobId: number, platform: Platform) => cmd('make_draft', { jobId, platform }, (): Post => {
  const j = jobById(jobId);
  const ph = jobPhotos(j);
  const what = j.title.trim() || `${j.material} ${j.process} 가공`.trim();
  const blocks: Block[] = [
    { kind: 'paragraph', text: `안녕하세요. 이번에 작업한 ${what} 소개해 드립니다. 소재는 ${j.material || '—'}, 가공은 ${j.process || '—'}로 했습니다.` },
    { kind: 'heading', text: '작업 과정' },
    ...ph.map((p): Block => ({ kind: 'photo', photoId: p.id, caption: p.caption || (p.role ? ROLE_KO[p.role] : '') })),
    { kind: 'heading', text: '작업 사양' },
    { kind: 'list', items: [
      `소재: ${j.material || '—'}`, `가공: ${j.process || '—'}`, `장비: ${j.machine || '—'}`,
      `공차: ${j.tolerance || '—'}`, `수량: ${j.quantity || '—'}`, `납기: ${j.leadTime || '—'}`,
    ] },
  ];
  if (j.story.trim()) blocks.push({ kind: 'heading', text: '어려웠던 점' }, { kind: 'paragraph', text: j.story });
  blocks.push({ kind: 'paragraph', text: '도면만 보내주시면 견적 드립니다. 단품·소량도 가능합니다.' });
  const existing = S.posts.find((p) => p.jobId === jobId && p.platform === platform);
  const post: Post = {
    id: existing?.id ?? id(), jobId, platform, title: what, blocks,
    tags: [j.material, j.process, '정밀가공', '소량가공', '시제품'].filter(Boolean),
    status: 'draft', exportPath: null, updatedAt: now(),
  };
  S.posts = [...S.posts.filter((p) => p.id !== post.id), post];
  return post;
});
export const savePost = (post: Post) => cmd('save_post', { post }, (): Post => {
  const p = S.posts.find((x) => x.id === post.id);
  if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
  Object.assign(p, { title: post.title, blocks: post.blocks, tags: post.tags, updatedAt: now() });
  return p;
});
export const chooseExportDir = () => cmd('choose_export_dir', undefined, (): string | null => {
  if (chooseDirResult) S.exportDir = chooseDirResult;
  return chooseDirResult;
});
export const exportPost = (postId: number) => cmd('export_post', { postId }, (): ExportResult => {
  const p = S.posts.find((x) => x.id === postId);
  if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
  if (!S.exportDir) S.exportDir = '/home/owner/공방포스트 내보내기';
  S.exports++;
  const folder = `${S.exportDir}/2024-05-14-${String(S.exports).padStart(2, '0')}`;
  const n = p.blocks.filter((b) => b.kind === 'photo').length;
  const photosOut = Array.from({ length: n }, (_, i) => `photos/${String(i + 1).padStart(2, '0')}.jpg`);
  const files = p.platform === 'naver'
    ? [...photosOut, '본문.txt', '제목.txt', '태그.txt', 'post.html', '올리는 방법.txt']
    : [...photosOut, 'post.html', 'post.md', 'title.txt', 'tags.txt'];
  Object.assign(p, { status: 'exported', exportPath: folder });
  return { folder, files };
});

// ---- events ----
export async function onImportProgress(handler: (p: ImportProgress) => void): Promise<() => void> {
  progressHandlers.add(handler);
  return () => progressHandlers.delete(handler);
}
export async function onFileDrag(handler: (ev: FileDragEvent) => void): Promise<() => void> {
  dragHandlers.add(handler);
  return () => dragHandlers.delete(handler);
}

// Compile-time check: this module offers everything the real backend.ts does, with the same signatures.
type RealApi = typeof import('../src/backend');
type MockApi = typeof import('./mock-backend');
const sameShape: MockApi extends RealApi ? true : false = true;
void sameShape;
