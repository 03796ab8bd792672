// A stand-in for src/backend.ts used only by the test build (`vite build --mode test`), so Playwright can drive
// the real UI with no Rust behind it. It keeps the same exports (checked at compile time below), behaves as
// the contract describes (progress events per file, duplicates by content, rejected files with reasons,
// remove takes the photo out of the job and its posts, restore_photo undoes it), persists to localStorage so a reload is "close and reopen",
// and exposes window.__mock for the tests: drop files, inject failures, read the command log.
// The leak guard is modelled too: client policies (own → public, unset → ask, ask needs an approval for the
// job's current client, never refuses), append-only approvals and history, per-photo boxes, sample metadata
// (one value hostile on purpose) and a text scan with UTF-16 offsets, like the Rust side.
import type {
  AppError,
  AppInfo,
  Approval,
  Block,
  Client,
  CommandSignatures,
  Commands,
  ExportProgress,
  ExportResult,
  ExportTexts,
  FileDragEvent,
  Guard,
  HistoryEntry,
  ImportItem,
  ImportProgress,
  ImportSummary,
  Job,
  Lang,
  MetaItem,
  NaverPart,
  OwnerKind,
  Photo,
  PhotoRemoval,
  PhotoRole,
  Platform,
  Post,
  Presets,
  RedactBox,
  RemovedPhoto,
  Segment,
  Session,
  TextFinding,
  VideoPlan,
  VideoSettings,
} from '../src/backend';
import { toAppError } from '../src/errors';

export type * from '../src/backend';
export { isAppError, toAppError } from '../src/errors';

// ---- persisted state ----
interface LibPhoto {
  id: number;
  hash: string;
  originalName: string;
  path: string;
  width: number;
  height: number;
  byteSize: number;
  redactions?: RedactBox[];
}
interface MockJob extends Job {
  photoIds: number[];
  meta: Record<number, { role: PhotoRole | null; caption: string }>;
}
interface State {
  lang: Lang;
  exportDir: string | null;
  nextId: number;
  currentJob: number | null;
  library: LibPhoto[];
  jobs: MockJob[];
  posts: Post[];
  exports: number;
  clients: Client[];
  approvals: Approval[];
  history: Record<number, HistoryEntry[]>;
  watchWords: string[];
}
const KEY = 'gb-mock-state';

function fresh(): State {
  return {
    lang: 'ko',
    exportDir: null,
    nextId: 1,
    currentJob: null,
    library: [],
    jobs: [],
    posts: [],
    exports: 0,
    clients: [],
    approvals: [],
    history: {},
    watchWords: [],
  };
}
function load(): State {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<State>) };
  } catch {
    /* start fresh */
  }
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
const exportHandlers = new Set<(p: ExportProgress) => void>();
let videoExport = { frameStep: 30, stepMs: 60 }; // frames per progress event, ms between events
let exportCancel = false;
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
      setPhotoSize(photoId: number, width: number, height: number): void;
      setVideoExport(frameStep: number, stepMs: number): void;
      calls(): { cmd: string; args: unknown }[];
      clipboard(): string;
      state(): State;
      reset(): void;
    };
  }
}
window.__mock = {
  drop(paths) {
    for (const h of dragHandlers) h({ type: 'drop', paths });
  },
  drag(type) {
    for (const h of dragHandlers) h({ type });
  },
  failNext(cmd, err) {
    failures.set(cmd, err);
  },
  setPick(paths) {
    pickPaths = paths;
  },
  setImportDelay(ms) {
    importDelayMs = ms;
  },
  setChooseDir(dir) {
    chooseDirResult = dir;
  },
  setPhotoSize(photoId, width, height) {
    const p = S.library.find((x) => x.id === photoId);
    if (p) {
      p.width = width;
      p.height = height;
      thumbs.delete(photoId);
      save();
    }
  },
  setVideoExport(frameStep, stepMs) {
    videoExport = { frameStep, stepMs };
  },
  calls: () => calls.slice(),
  clipboard: () => clipboard,
  state: () => JSON.parse(JSON.stringify(S)) as State,
  reset() {
    S = fresh();
    save();
  },
};

// ---- the generated contract, as the mock sees it ----
/** A command's wire name, as `invoke` sends it and as the command log records it. */
type CommandName = keyof CommandSignatures;
type CommandFn<N extends CommandName> = Commands[CommandSignatures[N]['fn']];
/** A command's JSON arguments by name, typed from the generated bindings: an argument renamed or retyped in Rust
 * breaks this build at every stand-in that sends it. */
type ArgsOf<N extends CommandName> = CommandSignatures[N]['args'] extends []
  ? undefined
  : {
      [I in keyof CommandSignatures[N]['args'] & `${number}` as CommandSignatures[N]['args'][I] & string]: Parameters<
        CommandFn<N>
      >[I & keyof Parameters<CommandFn<N>>];
    };
/** What a command resolves to, from the generated bindings. */
type ResultOf<N extends CommandName> = Awaited<ReturnType<CommandFn<N>>>;

async function cmd<N extends CommandName>(
  name: N,
  args: ArgsOf<N>,
  run: () => ResultOf<N> | Promise<ResultOf<N>>,
): Promise<ResultOf<N>> {
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
    return JSON.parse(JSON.stringify(out ?? null)) as ResultOf<N>;
  } catch (e) {
    throw toAppError(e);
  }
}

const err = (code: string, messageKo: string, messageEn: string): AppError => ({ code, messageKo, messageEn });

// ---- thumbnails: drawn on a canvas, so the mock needs no image files ----
// Like the real backend: `thumbUrl` has the photo's boxes burned in (a new URL when the boxes change),
// `rawThumbUrl` has none (the box editor's).
const thumbs = new Map<number, string>();
const burnedThumbs = new Map<string, string>();
function thumbFor(p: LibPhoto): string {
  const hit = thumbs.get(p.id);
  if (hit) return hit;
  const url = drawThumb(p).toDataURL('image/jpeg', 0.7);
  thumbs.set(p.id, url);
  return url;
}
function burnedThumbFor(p: LibPhoto): string {
  const boxes = p.redactions ?? [];
  if (boxes.length === 0) return thumbFor(p);
  const key = `${p.id}|${p.width}x${p.height}|${JSON.stringify(boxes)}`;
  const hit = burnedThumbs.get(key);
  if (hit) return hit;
  const c = drawThumb(p);
  const g = c.getContext('2d')!;
  g.fillStyle = '#000';
  for (const b of boxes) {
    const l = Math.floor(b.x * c.width),
      t = Math.floor(b.y * c.height);
    g.fillRect(l, t, Math.ceil((b.x + b.w) * c.width) - l, Math.ceil((b.y + b.h) * c.height) - t);
  }
  const url = c.toDataURL('image/jpeg', 0.7);
  burnedThumbs.set(key, url);
  return url;
}
function drawThumb(p: LibPhoto): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 480;
  c.height = Math.round((480 * p.height) / p.width);
  const g = c.getContext('2d')!;
  const hue = (p.id * 47) % 360;
  const bg = g.createLinearGradient(0, 0, 480, 360);
  bg.addColorStop(0, `hsl(${hue} 18% 32%)`);
  bg.addColorStop(1, `hsl(${hue} 22% 16%)`);
  g.fillStyle = bg;
  g.fillRect(0, 0, 480, 360);
  // a turned shaft: a steel cylinder with a shoulder
  const steel = g.createLinearGradient(0, 130, 0, 230);
  steel.addColorStop(0, '#8d969e');
  steel.addColorStop(0.35, '#f1f3f5');
  steel.addColorStop(1, '#5f6870');
  g.fillStyle = steel;
  g.fillRect(70, 140, 220, 80);
  g.fillRect(290, 118, 110, 124);
  g.fillStyle = 'rgba(255,255,255,0.18)';
  for (let x = 80; x < 400; x += 14) g.fillRect(x, 140, 2, 80);
  // the photo's number as large dots (no text: the mock must not depend on fonts)
  g.fillStyle = `hsl(${(hue + 180) % 360} 80% 60%)`;
  for (let i = 0; i < Math.min(p.id, 12); i++) {
    g.beginPath();
    g.arc(440 - i * 30, 326, 10, 0, Math.PI * 2);
    g.fill();
  }
  return c;
}

function toPhoto(j: MockJob, p: LibPhoto): Photo {
  const m = j.meta[p.id] ?? { role: null, caption: '' };
  return {
    id: p.id,
    hash: p.hash,
    format: 'jpeg',
    originalName: p.originalName,
    originalPath: p.path,
    importedAt: '2024-05-14T09:31:00',
    width: p.width,
    height: p.height,
    orientation: 1,
    takenAt: '2024-05-14T09:30:00',
    cameraMake: 'samsung',
    cameraModel: 'SM-S918N',
    hasGps: p.id % 2 === 0,
    byteSize: p.byteSize,
    role: m.role,
    caption: m.caption,
    redactions: p.redactions ?? [],
    thumbUrl: burnedThumbFor(p),
    rawThumbUrl: thumbFor(p),
  };
}
const lib = (photoId: number) => S.library.find((p) => p.id === photoId);
function jobById(jobId: number): MockJob {
  const j = S.jobs.find((x) => x.id === jobId);
  if (!j) throw err('not_found', '작업을 찾을 수 없습니다.', 'The job was not found.');
  return j;
}
const jobPhotos = (j: MockJob) =>
  j.photoIds
    .map(lib)
    .filter((p): p is LibPhoto => !!p)
    .map((p) => toPhoto(j, p));
const publicJob = (j: MockJob): Job => {
  const { photoIds: _a, meta: _b, ...rest } = j;
  return rest;
};
function session(j: MockJob): Session {
  S.currentJob = j.id;
  const posts = S.posts
    .filter((p) => p.jobId === j.id)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
  return { job: publicJob(j), photos: jobPhotos(j), post: posts[0] ?? null };
}
function createJob(): MockJob {
  const t = now();
  const j: MockJob = {
    id: id(),
    createdAt: t,
    updatedAt: t,
    photoIds: [],
    meta: {},
    ownerKind: null,
    clientId: null,
    productId: null,
    kind: 'job',
    title: '',
    material: '',
    process: '',
    machine: '',
    tolerance: '',
    finish: '',
    quantity: '',
    leadTime: '',
    story: '',
  };
  S.jobs.push(j);
  log(j.id, 'created', '작업을 만들었습니다.', 'Job created.');
  return j;
}
function log(jobId: number, kind: HistoryEntry['kind'], textKo: string, textEn: string) {
  S.history[jobId] = [{ at: now(), kind, textKo, textEn }, ...(S.history[jobId] ?? [])];
}

// ---- commands ----
export const appInfo = () =>
  cmd(
    'app_info',
    undefined,
    (): AppInfo => ({
      version: '0.1.0-mock',
      libraryDir: '/home/owner/.local/share/gongbang-post',
      lang: S.lang,
      exportDir: S.exportDir,
    }),
  );
export const setLang = (lang: string) =>
  cmd('set_lang', { lang }, (): AppInfo => {
    S.lang = lang === 'en' ? 'en' : 'ko'; // like Rust: anything but `en` is Korean
    return {
      version: '0.1.0-mock',
      libraryDir: '/home/owner/.local/share/gongbang-post',
      lang: S.lang,
      exportDir: S.exportDir,
    };
  });
export const presets = () =>
  cmd(
    'presets',
    undefined,
    (): Presets => ({
      materials: [
        { value: 'SUS304', labelKo: 'SUS304 (스테인리스)', labelEn: 'SUS304 (stainless)', group: 'stainless' },
        { value: 'SUS316', labelKo: 'SUS316 (스테인리스)', labelEn: 'SUS316 (stainless)', group: 'stainless' },
        { value: 'S45C', labelKo: 'S45C (기계 구조용 탄소강)', labelEn: 'S45C (carbon steel)', group: 'steel' },
        { value: 'SCM440', labelKo: 'SCM440 (크롬몰리브덴강)', labelEn: 'SCM440 (chrome-moly steel)', group: 'steel' },
        { value: 'SKD11', labelKo: 'SKD11 (냉간 금형강)', labelEn: 'SKD11 (cold-work tool steel)', group: 'tool' },
        { value: 'AL6061', labelKo: 'AL6061 (알루미늄)', labelEn: 'AL6061 (aluminium)', group: 'aluminium' },
        { value: 'AL7075', labelKo: 'AL7075 (알루미늄)', labelEn: 'AL7075 (aluminium)', group: 'aluminium' },
        {
          value: '황동 C3604',
          labelKo: '황동 C3604 (쾌삭 황동)',
          labelEn: 'Brass C3604 (free-cutting)',
          group: 'copper',
        },
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
      equipment: [
        { value: 'CNC 선반', labelKo: 'CNC 선반', labelEn: 'CNC lathe', group: 'turning' },
        { value: 'MCT', labelKo: 'MCT (머시닝센터)', labelEn: 'Machining centre', group: 'milling' },
        { value: '범용 밀링', labelKo: '범용 밀링', labelEn: 'Manual mill', group: 'milling' },
        { value: '와이어컷', labelKo: '와이어컷', labelEn: 'Wire EDM', group: 'edm' },
        { value: '평면 연삭', labelKo: '평면 연삭', labelEn: 'Surface grinder', group: 'grinding' },
        { value: '원통 연삭', labelKo: '원통 연삭', labelEn: 'Cylindrical grinder', group: 'grinding' },
        { value: '레이저', labelKo: '레이저', labelEn: 'Laser cutter', group: 'sheet' },
        { value: '절곡기', labelKo: '절곡기', labelEn: 'Press brake', group: 'sheet' },
        { value: '용접기', labelKo: '용접기', labelEn: 'Welder', group: 'other' },
      ],
    }),
  );
export const currentSession = () =>
  cmd('current_session', undefined, (): Session => {
    const j = S.jobs.find((x) => x.id === S.currentJob) ?? createJob();
    return session(j);
  });
export const newJob = () => cmd('new_job', undefined, (): Session => session(createJob()));
export const listJobs = () =>
  cmd('list_jobs', undefined, (): Job[] =>
    [...S.jobs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id).map(publicJob),
  );
export const openJob = (jobId: number) => cmd('open_job', { jobId }, (): Session => session(jobById(jobId)));
export const updateJob: Commands['updateJob'] = (jobId, fields) =>
  cmd('update_job', { jobId, fields }, (): Job => {
    const j = jobById(jobId);
    Object.assign(j, fields, { updatedAt: now() });
    return publicJob(j);
  });

const PHOTO_EXT = /\.(jpe?g|png|hei[cf]|webp|tiff?)$/i;
async function runImport(jobId: number, paths: string[]): Promise<ImportSummary> {
  const j = jobById(jobId);
  const items: ImportItem[] = [];
  for (const path of paths) {
    await new Promise((r) => setTimeout(r, importDelayMs));
    const fileName = path.split(/[\\/]/).pop() ?? path;
    let item: ImportItem;
    if (!PHOTO_EXT.test(fileName)) {
      item = {
        path,
        fileName,
        outcome: 'rejected',
        photo: null,
        reasonKo: '사진 파일이 아닙니다 (JPG, PNG, HEIC, WebP만 넣을 수 있습니다)',
        reasonEn: 'Not a photo file (only JPG, PNG, HEIC and WebP can be added)',
      };
    } else if (/broken|깨진/i.test(fileName)) {
      item = {
        path,
        fileName,
        outcome: 'rejected',
        photo: null,
        reasonKo: '파일이 깨져서 열 수 없습니다',
        reasonEn: 'The file is damaged and cannot be opened',
      };
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
        ? {
            path,
            fileName,
            outcome: 'duplicate',
            photo: toPhoto(j, p),
            reasonKo: '이미 있는 사진입니다',
            reasonEn: 'Already in the library',
          }
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
export const importPaths = (jobId: number, paths: string[]) =>
  cmd('import_paths', { jobId, paths }, () => runImport(jobId, paths));
export const pickAndImport = (jobId: number) =>
  cmd('pick_and_import', { jobId }, () => (pickPaths ? runImport(jobId, pickPaths) : null));
export const setPhotoOrder = (jobId: number, photoIds: number[]) =>
  cmd('set_photo_order', { jobId, photoIds }, (): Photo[] => {
    const j = jobById(jobId);
    if (new Set(photoIds).size !== photoIds.length || photoIds.some((p) => !lib(p))) {
      throw err('bad_order', '사진 순서를 저장하지 못했습니다.', 'Could not save the photo order.');
    }
    // Only the job's own photos (like the core: an order never adds a photo).
    const foreign = photoIds.find((p) => !j.photoIds.includes(p));
    if (foreign !== undefined) throw notInJob(foreign, jobId);
    j.photoIds = [...photoIds, ...j.photoIds.filter((p) => !photoIds.includes(p))];
    return jobPhotos(j);
  });
function notInJob(photoId: number, jobId: number) {
  return err(
    'photo_not_in_job',
    `${photoId}번 사진은 이 작업(${jobId}번 작업)의 사진이 아닙니다.`,
    `Photo ${photoId} is not one of the photos of this job (job ${jobId}).`,
  );
}
export const removePhoto = (jobId: number, photoId: number) =>
  cmd('remove_photo', { jobId, photoId }, (): PhotoRemoval => {
    const j = jobById(jobId);
    const index = j.photoIds.indexOf(photoId);
    if (index < 0) throw notInJob(photoId, jobId);
    const meta = j.meta[photoId] ?? { role: null, caption: '' };
    j.photoIds = j.photoIds.filter((p) => p !== photoId);
    delete j.meta[photoId];
    // Out of every post of the job too: photo blocks and the video's seconds (one "transaction").
    const removed: RemovedPhoto = { jobId, photoId, index, role: meta.role, caption: meta.caption, posts: [] };
    const changed: Post[] = [];
    for (const p of S.posts.filter((x) => x.jobId === jobId)) {
      const blocks = p.blocks.flatMap((b, i) =>
        b.kind === 'photo' && b.photoId === photoId ? [{ index: i, caption: b.caption }] : [],
      );
      const seconds = p.video?.photoSeconds[String(photoId)] ?? null;
      if (!blocks.length && seconds === null) continue;
      p.blocks = p.blocks.filter((b) => !(b.kind === 'photo' && b.photoId === photoId));
      if (p.video && seconds !== null) delete p.video.photoSeconds[String(photoId)];
      removed.posts.push({ postId: p.id, blocks, seconds });
      changed.push(p);
    }
    return { photos: jobPhotos(j), posts: changed, removed };
  });
export const restorePhoto: Commands['restorePhoto'] = (removed) =>
  cmd('restore_photo', { removed }, (): PhotoRemoval => {
    const j = jobById(removed.jobId);
    if (!lib(removed.photoId)) throw err('no_such_photo', '사진을 찾을 수 없습니다.', 'The photo was not found.');
    const changed: Post[] = [];
    if (!j.photoIds.includes(removed.photoId)) {
      j.photoIds.splice(Math.min(removed.index, j.photoIds.length), 0, removed.photoId);
      j.meta[removed.photoId] = { role: removed.role ?? null, caption: removed.caption };
      for (const r of removed.posts) {
        const p = S.posts.find((x) => x.id === r.postId && x.jobId === j.id);
        if (!p) continue;
        for (const b of r.blocks) {
          p.blocks.splice(Math.min(b.index, p.blocks.length), 0, {
            kind: 'photo',
            photoId: removed.photoId,
            caption: b.caption,
          });
        }
        if (r.seconds != null) {
          p.video ??= defaultVideo();
          p.video.photoSeconds[String(removed.photoId)] = r.seconds;
        }
        changed.push(p);
      }
    }
    return { photos: jobPhotos(j), posts: changed, removed: null };
  });
export const setPhotoMeta = (jobId: number, photoId: number, role: PhotoRole | null, caption: string) =>
  cmd('set_photo_meta', { jobId, photoId, role, caption }, (): Photo => {
    const j = jobById(jobId);
    const p = lib(photoId);
    if (!p || !j.photoIds.includes(photoId))
      throw err('not_found', '사진을 찾을 수 없습니다.', 'The photo was not found.');
    j.meta[photoId] = { role, caption };
    return toPhoto(j, p);
  });

const ROLE_KO: Record<PhotoRole, string> = {
  stock: '소재',
  in_process: '가공 중',
  finished: '완성',
  measured: '측정',
  machine: '장비',
};
export const makeDraft = (jobId: number, platform: Platform) =>
  cmd('make_draft', { jobId, platform }, (): Post => {
    const j = jobById(jobId);
    const ph = jobPhotos(j);
    const what = j.title.trim() || `${j.material} ${j.process} 가공`.trim();
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        text: `안녕하세요. 이번에 작업한 ${what} 소개해 드립니다. 소재는 ${j.material || '—'}, 가공은 ${j.process || '—'}로 했습니다.`,
      },
      { kind: 'heading', text: '작업 과정' },
      ...ph.map(
        (p): Block => ({ kind: 'photo', photoId: p.id, caption: p.caption || (p.role ? ROLE_KO[p.role] : '') }),
      ),
      { kind: 'heading', text: '작업 사양' },
      {
        kind: 'list',
        items: [
          `소재: ${j.material || '—'}`,
          `가공: ${j.process || '—'}`,
          `장비: ${j.machine || '—'}`,
          `공차: ${j.tolerance || '—'}`,
          `수량: ${j.quantity || '—'}`,
          `납기: ${j.leadTime || '—'}`,
        ],
      },
    ];
    if (j.story.trim()) blocks.push({ kind: 'heading', text: '어려웠던 점' }, { kind: 'paragraph', text: j.story });
    blocks.push({ kind: 'paragraph', text: '도면만 보내주시면 견적 드립니다. 단품·소량도 가능합니다.' });
    const video = platform === 'youtube' || platform === 'shorts';
    const ytBlocks: Block[] = [
      { kind: 'paragraph', text: `${what} 가공 영상입니다. 소재 ${j.material || '—'}, 가공 ${j.process || '—'}.` },
      ...ph.map(
        (p): Block => ({ kind: 'photo', photoId: p.id, caption: p.caption || (p.role ? ROLE_KO[p.role] : '') }),
      ),
      { kind: 'paragraph', text: '도면만 보내주시면 견적 드립니다.' },
    ];
    const existing = S.posts.find((p) => p.jobId === jobId && p.platform === platform);
    const post: Post = {
      id: existing?.id ?? id(),
      jobId,
      platform,
      title: what,
      blocks: video ? ytBlocks : blocks,
      tags: [j.material, j.process, '정밀가공', '소량가공', '시제품'].filter(Boolean),
      status: 'draft',
      exportPath: null,
      updatedAt: now(),
      video: existing?.video ?? defaultVideo(),
    };
    S.posts = [...S.posts.filter((p) => p.id !== post.id), post];
    return post;
  });
export const savePost: Commands['savePost'] = (post) =>
  cmd('save_post', { post }, (): Post => {
    const p = S.posts.find((x) => x.id === post.id);
    if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
    const j = jobById(p.jobId);
    for (const b of post.blocks) {
      if (b.kind === 'photo' && !j.photoIds.includes(b.photoId)) throw notInJob(b.photoId, j.id);
    }
    Object.assign(p, { title: post.title, blocks: post.blocks, tags: post.tags, updatedAt: now() });
    p.video ??= defaultVideo();
    return p;
  });

// ---- video (YouTube / Shorts) ----
function defaultVideo(): VideoSettings {
  return { secondsPerPhoto: 4, photoSeconds: {}, burnCaptions: true, titleCard: '', titleCardSub: '', music: null };
}
const FPS = 30;
const clampS = (s: number) => (Number.isFinite(s) ? Math.min(6, Math.max(3, s)) : 4);
function planOf(p: Post): VideoPlan {
  if (p.platform !== 'youtube' && p.platform !== 'shorts')
    throw invalid('영상은 YouTube 글에서만 만듭니다.', 'Videos are made for YouTube posts only.');
  const v = p.video ?? defaultVideo();
  const shots = p.blocks.flatMap((b) => (b.kind === 'photo' ? [b] : []));
  if (!shots.length) throw err('no_photos', '사진이 없습니다.', 'There are no photos.');
  const segments: Segment[] = [];
  let at = 0;
  type Shown = { kind: 'title' } | { kind: 'end' } | { kind: 'photo'; photoId: number; role: PhotoRole | null };
  const push = (shown: Shown, seconds: number, caption: string) => {
    const n = Math.max(1, Math.round(seconds * FPS));
    segments.push({
      ...shown,
      startFrame: at,
      endFrame: at + n,
      startMs: Math.floor((at * 1000) / FPS),
      endMs: Math.floor(((at + n) * 1000) / FPS),
      caption,
    });
    at += n;
  };
  push({ kind: 'title' }, 3, '');
  for (const b of shots) {
    push(
      { kind: 'photo', photoId: b.photoId, role: null },
      clampS(v.photoSeconds[String(b.photoId)] ?? v.secondsPerPhoto),
      b.caption,
    );
  }
  push({ kind: 'end' }, 4, '');
  const landscape = p.platform === 'youtube';
  return {
    format: landscape ? 'landscape' : 'shorts',
    width: landscape ? 1920 : 1080,
    height: landscape ? 1080 : 1920,
    fps: FPS,
    totalFrames: at,
    durationMs: Math.floor((at * 1000) / FPS),
    segments,
    droppedPhotos: 0,
    frameBase: `mockframe:${p.id}/`,
  };
}
export const saveVideo: Commands['saveVideo'] = (postId, video) =>
  cmd('save_video', { postId, video }, (): Post => {
    const p = postById(postId);
    p.video = { ...defaultVideo(), ...video };
    p.updatedAt = now();
    return p;
  });
/** set_music, simplified: the name decides (the Rust side decodes the whole file before keeping a copy). */
function musicFrom(path: string) {
  const name = path.split(/[\\/]/).pop() ?? path;
  const ext = (name.split('.').pop() ?? '').toLowerCase();
  if (!['mp3', 'm4a', 'wav', 'ogg'].includes(ext))
    throw err(
      'music_unsupported',
      `'${name}'은(는) 넣을 수 있는 음악 형식이 아닙니다 (MP3, M4A, WAV, OGG만 넣을 수 있습니다).`,
      `'${name}' is not a music format the app takes (only MP3, M4A, WAV, OGG).`,
    );
  return { hash: 'a'.repeat(64), extension: ext, name, seconds: 42 };
}
export const setMusic: Commands['setMusic'] = (postId, path) =>
  cmd('set_music', { postId, path }, (): Post => {
    const p = postById(postId);
    p.video = { ...defaultVideo(), ...p.video, music: path === null ? null : musicFrom(path) };
    p.updatedAt = now();
    return p;
  });
export const pickMusic: Commands['pickMusic'] = (postId) =>
  cmd('pick_music', { postId }, (): Post => {
    const p = postById(postId);
    p.video = { ...defaultVideo(), ...p.video, music: musicFrom('/home/owner/음악/잔잔한 공장.mp3') };
    p.updatedAt = now();
    return p;
  });
export const videoPlan = (postId: number) => cmd('video_plan', { postId }, (): VideoPlan => planOf(postById(postId)));
/** export_texts, simplified: a YouTube description that starts with the job's "what" line like the Rust side. */
export const exportTexts = (postId: number) =>
  cmd('export_texts', { postId }, (): ExportTexts => {
    const p = postById(postId);
    const j = jobById(p.jobId);
    const files = (pairs: [string, string][]) => pairs.map(([name, text]) => ({ name, text }));
    const base = { postId, platform: p.platform, drawn: null, youtube: null, replacements: [] };
    if (p.platform !== 'youtube' && p.platform !== 'shorts') {
      return {
        ...base,
        files: files([
          ['title.txt', `${p.title.trim()}\n`],
          ['tags.txt', `${p.tags.join(', ')}\n`],
        ]),
      };
    }
    const v = p.video ?? defaultVideo();
    const title = p.title.trim() || j.title;
    const what = [j.title, j.material, j.process].some((s) => s.trim())
      ? [j.material, j.process, j.title].filter((s) => s.trim()).join(' ')
      : title;
    const body = p.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));
    const yt = { title, description: `${[what, ...body].join('\n\n')}\n`, tags: p.tags.join(','), srt: '' };
    const titleCard = [v.titleCard, j.title, p.title].map((s) => s.trim()).find(Boolean) ?? '';
    const drawn = {
      titleCard,
      titleCardSub: v.titleCardSub.trim() || [j.material, j.process].filter((s) => s.trim()).join(' · '),
      captions: p.blocks.flatMap((b) => (b.kind === 'photo' ? [v.burnCaptions ? b.caption : ''] : [])),
      endCardName: '',
      endCardLines: [],
      thumbnail: p.platform === 'youtube' ? title : null,
    };
    return {
      ...base,
      drawn,
      youtube: yt,
      files: files([
        ['title.txt', yt.title],
        ['description.txt', yt.description],
        ['tags.txt', yt.tags],
        ['captions.srt', yt.srt],
      ]),
    };
  });
export const cancelExport = () =>
  cmd('cancel_export', undefined, () => {
    exportCancel = true;
  });
/** A small frame drawn on a canvas: the segment's photo colour and a bar for the frame number (no files). */
const frameCache = new Map<string, string>();
export function frameUrl(plan: VideoPlan, frame: number, version: string): string {
  const key = `${plan.frameBase}${frame}?${version}`;
  const hit = frameCache.get(key);
  if (hit) return hit;
  const seg = plan.segments.find((s) => frame >= s.startFrame && frame < s.endFrame) ?? plan.segments[0];
  const c = document.createElement('canvas');
  const landscape = plan.width >= plan.height;
  c.width = landscape ? 160 : 90;
  c.height = landscape ? 90 : 160;
  const g = c.getContext('2d')!;
  g.fillStyle = seg.kind === 'photo' ? `hsl(${((seg.photoId ?? 0) * 47) % 360} 30% 35%)` : '#222';
  g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = '#f5a623';
  g.fillRect(0, c.height - 8, (c.width * (frame + 1)) / Math.max(1, plan.totalFrames), 8);
  const url = c.toDataURL('image/png');
  if (frameCache.size > 2000) frameCache.clear();
  frameCache.set(key, url);
  return url;
}
async function renderVideo(p: Post) {
  const total = planOf(p).totalFrames;
  exportCancel = false;
  const started = performance.now();
  for (let done = 0; done < total; ) {
    await new Promise((r) => setTimeout(r, videoExport.stepMs));
    if (exportCancel) {
      exportCancel = false;
      throw err(
        'cancelled',
        '취소했습니다. 만들던 파일은 남기지 않았습니다.',
        'Cancelled. Nothing half-made was left behind.',
      );
    }
    done = Math.min(total, done + videoExport.frameStep);
    const etaMs = Math.round(((performance.now() - started) / done) * (total - done));
    for (const h of exportHandlers) h({ done, total, etaMs });
  }
}
export const chooseExportDir = () =>
  cmd('choose_export_dir', undefined, (): string | null => {
    if (chooseDirResult) S.exportDir = chooseDirResult;
    return chooseDirResult;
  });
export const exportPost: Commands['exportPost'] = (postId, confirmedTerms) =>
  cmd('export_post', { postId, confirmedTerms }, async (): Promise<ExportResult> => {
    const p = S.posts.find((x) => x.id === postId);
    if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
    const j = jobById(p.jobId);
    const g = guardFor(j);
    if (!g.canExport) {
      log(j.id, 'refused', `내보내기를 막았습니다: ${g.reasonKo}`, `Export refused: ${g.reasonEn}`);
      save();
      throw err(g.policy === 'never' ? 'export_forbidden' : 'approval_missing', g.reasonKo ?? '', g.reasonEn ?? '');
    }
    const left = scan(p).filter((f) => !(confirmedTerms ?? []).includes(f.text));
    if (left.length) {
      log(
        j.id,
        'refused',
        '확인하지 않은 단어가 있어 내보내기를 막았습니다.',
        'Export refused: flagged words not confirmed.',
      );
      save();
      throw err(
        'flagged_text',
        `확인하지 않은 단어가 있습니다: ${left.map((f) => f.text).join(', ')}`,
        `Some flagged words were not confirmed: ${left.map((f) => f.text).join(', ')}`,
      );
    }
    if (p.platform === 'youtube' || p.platform === 'shorts') await renderVideo(p);
    for (const term of new Set(confirmedTerms)) {
      log(
        j.id,
        'override',
        `표시된 단어를 확인하고 그대로 내보냄: ${term}`,
        `Flagged word confirmed and exported: ${term}`,
      );
    }
    if (!S.exportDir) S.exportDir = '/home/owner/공방포스트 내보내기';
    S.exports++;
    const folder = `${S.exportDir}/2024-05-14-${String(S.exports).padStart(2, '0')}`;
    const n = p.blocks.filter((b) => b.kind === 'photo').length;
    const photosOut = Array.from({ length: n }, (_, i) => `photos/${String(i + 1).padStart(2, '0')}.jpg`);
    const files =
      p.platform === 'naver'
        ? [...photosOut, '본문.txt', '제목.txt', '태그.txt', 'post.html', '올리는 방법.txt']
        : p.platform === 'youtube'
          ? ['video.mp4', 'thumbnail.jpg', 'title.txt', 'description.txt', 'tags.txt', 'captions.srt']
          : p.platform === 'shorts'
            ? ['video.mp4', 'title.txt', 'description.txt', 'tags.txt', 'captions.srt']
            : [...photosOut, 'post.html', 'post.md', 'title.txt', 'tags.txt'];
    Object.assign(p, { status: 'exported', exportPath: folder });
    log(j.id, 'export', `내보냈습니다: ${folder}`, `Exported: ${folder}`);
    lastExport = p.platform === 'naver' ? { postId, texts: naverTexts(p) } : { postId, texts: null };
    return { folder, files, logoLeftOff: [] };
  });

// The copy buttons: like Rust, only the last export's texts (as exported, not as edited since), only Naver's.
let lastExport: { postId: number; texts: Record<NaverPart, string> | null } | null = null;
let clipboard = '';
function naverTexts(p: Post): Record<NaverPart, string> {
  let n = 0;
  const body = p.blocks
    .map((b) => {
      if (b.kind === 'photo') {
        n++;
        return b.caption ? `[사진 ${n}]\n${b.caption}` : `[사진 ${n}]`;
      }
      if (b.kind === 'heading') return `■ ${b.text}`;
      if (b.kind === 'paragraph') return b.text;
      if (b.kind === 'list') return b.items.map((i) => `· ${i}`).join('\n');
      return b.rows.map(([k, v]) => `${k} : ${v}`).join('\n');
    })
    .join('\n\n');
  return { title: p.title.trim(), body, tags: p.tags.map((t) => `#${t}`).join(' ') };
}
export const copyExportText: Commands['copyExportText'] = (postId, part) =>
  cmd('copy_export_text', { postId, part }, () => {
    if (!lastExport || lastExport.postId !== postId) {
      throw err(
        'not_exported',
        '먼저 내보내기를 해 주세요. 복사할 글은 내보낸 글입니다.',
        'Export the post first: the copy buttons copy the exported texts.',
      );
    }
    if (!lastExport.texts)
      throw invalid('네이버 블로그 글만 복사 단추로 복사합니다.', 'The copy buttons are for Naver Blog posts.');
    clipboard = lastExport.texts[part];
    return null;
  });

// ---- leak guard ----
const today = () => now().slice(0, 10);
const invalid = (ko: string, en: string) => err('invalid', ko, en);
const clientById = (cid: number | null) => S.clients.find((c) => c.id === cid) ?? null;

/** Per-area mocks may answer the guard for a job themselves (mock-library.ts: product posts). */
export const mockHooks: { guard?: (jobId: number) => Guard | null } = {};

function guardFor(j: MockJob): Guard {
  const over = mockHooks.guard?.(j.id);
  if (over) return over;
  const base = {
    jobId: j.id,
    sourceJob: null,
    ownerKind: j.ownerKind,
    approval: null,
    reasonKo: null,
    reasonEn: null,
    photoIssue: null,
  };
  if (j.ownerKind === 'own') return { ...base, client: null, policy: 'public', canExport: true };
  if (j.ownerKind === null) {
    return {
      ...base,
      client: null,
      policy: 'ask',
      canExport: false,
      reasonKo: '누구의 부품인지 정하지 않았습니다. 작업 정보에서 골라 주세요.',
      reasonEn: 'Whose part this is has not been chosen. Please choose it in the job step.',
    };
  }
  const c = clientById(j.clientId);
  if (!c) throw err('not_found', '고객사를 찾을 수 없습니다.', 'The customer was not found.');
  if (c.policy === 'public') return { ...base, client: c, policy: 'public', canExport: true };
  if (c.policy === 'never') {
    return {
      ...base,
      client: c,
      policy: 'never',
      canExport: false,
      reasonKo: `${c.name}의 작업은 내보낼 수 없습니다.`,
      reasonEn: `Work for ${c.name} cannot be exported.`,
    };
  }
  const approval = S.approvals.filter((a) => a.jobId === j.id && a.clientId === c.id).at(-1) ?? null;
  return approval
    ? { ...base, client: c, policy: 'ask', approval, canExport: true }
    : {
        ...base,
        client: c,
        policy: 'ask',
        canExport: false,
        reasonKo: `${c.name}의 허락 기록이 없습니다. 보안 점검에서 누가 허락했는지 적어 주세요.`,
        reasonEn: `There is no recorded approval from ${c.name}. Please record it in the safety check.`,
      };
}

export const listClients = () =>
  cmd('list_clients', undefined, (): Client[] => [...S.clients].sort((a, b) => a.name.localeCompare(b.name, 'ko')));
export const saveClient: Commands['saveClient'] = (client) =>
  cmd('save_client', { client }, (): Client => {
    const name = client.name.trim();
    if (!name) throw invalid('회사 이름을 적어 주세요.', 'Please enter the company name.');
    // As the core's clients::name_key: case, spaces, invisible characters and separators do not count.
    const key = (n: string) =>
      n
        .normalize('NFKC')
        .replace(
          /[\s\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\-\u2010-\u2015\u2212·\u318D\u2022\u30FB\uFF65\u2027._,/]/g,
          '',
        )
        .toLowerCase();
    const same = S.clients.find((c) => c.id !== client.id && key(c.name) === key(name));
    if (same) {
      throw err(
        'client_exists',
        `'${same.name}' 고객사가 이미 있습니다. 새로 만들지도, 있던 고객사를 바꾸지도 않았습니다.`,
        `A customer named '${same.name}' already exists. Nothing was created or changed.`,
      );
    }
    const aliases = [...new Set((client.aliases ?? []).map((a) => a.trim()).filter(Boolean))];
    const existing = clientById(client.id ?? null);
    if (client.id != null && !existing)
      throw err('not_found', '고객사를 찾을 수 없습니다.', 'The customer was not found.');
    const c: Client = { id: existing?.id ?? id(), name, aliases, policy: client.policy, note: client.note ?? '' };
    S.clients = [...S.clients.filter((x) => x.id !== c.id), c];
    return c;
  });
export const setJobOwner = (jobId: number, ownerKind: OwnerKind | null, clientId: number | null) =>
  cmd('set_job_owner', { jobId, ownerKind, clientId }, (): Guard => {
    const j = jobById(jobId);
    if (ownerKind === 'client' && !clientById(clientId))
      throw invalid('고객사를 골라 주세요.', 'Please choose the customer.');
    j.ownerKind = ownerKind;
    j.clientId = ownerKind === 'client' ? clientId : null;
    j.updatedAt = now();
    return guardFor(j);
  });
export const jobGuard = (jobId: number) => cmd('job_guard', { jobId }, (): Guard => guardFor(jobById(jobId)));
export const recordApproval = (
  jobId: number,
  approvedBy: string,
  how: string,
  note: string,
  approvedAt: string | null,
) =>
  cmd('record_approval', { jobId, approvedBy, how, note, approvedAt }, (): Guard => {
    const j = jobById(jobId);
    const g = guardFor(j);
    if (g.policy !== 'ask' || !g.client) {
      throw invalid('허락을 기록할 수 있는 작업이 아닙니다.', 'This job does not take an approval.');
    }
    if (!approvedBy.trim()) throw invalid('누가 허락했는지 적어 주세요.', 'Please enter who agreed.');
    const a: Approval = {
      id: id(),
      jobId,
      clientId: g.client.id,
      clientName: g.client.name,
      approvedBy: approvedBy.trim(),
      how: how.trim(),
      note: note.trim(),
      approvedAt: approvedAt || today(),
      recordedAt: now(),
    };
    S.approvals.push(a);
    log(
      jobId,
      'approval',
      `${a.clientName} 허락: ${a.approvedBy} (${a.how || '방법 없음'}, ${a.approvedAt})`,
      `Approval from ${a.clientName}: ${a.approvedBy} (${a.how || 'no method'}, ${a.approvedAt})`,
    );
    return guardFor(j);
  });
export const jobHistory = (jobId: number) =>
  cmd('job_history', { jobId }, (): HistoryEntry[] => {
    jobById(jobId);
    return S.history[jobId] ?? [];
  });
export const photoMetadata = (photoId: number) =>
  cmd('photo_metadata', { photoId }, (): MetaItem[] => {
    const p = lib(photoId);
    if (!p) throw err('not_found', '사진을 찾을 수 없습니다.', 'The photo was not found.');
    if (/clean|깨끗/i.test(p.originalName)) return [];
    const items: MetaItem[] = [];
    if (p.id % 2 === 0)
      items.push({ kind: 'gps', labelKo: '찍은 위치 (GPS)', labelEn: 'Location (GPS)', value: '37.5172, 126.8866' });
    items.push(
      { kind: 'date', labelKo: '찍은 날짜', labelEn: 'Date taken', value: '2024:05:14 09:30:00' },
      { kind: 'camera', labelKo: '카메라', labelEn: 'Camera', value: 'samsung SM-S918N' },
      { kind: 'serial', labelKo: '카메라 일련번호', labelEn: 'Camera serial number', value: 'R58M12ABCDE' },
      { kind: 'thumbnail', labelKo: '숨은 미리보기 사진', labelEn: 'Hidden preview image', value: '160 × 120' },
      { kind: 'comment', labelKo: '사진 메모', labelEn: 'Comment', value: '<img src=x onerror=alert(1)>' },
    );
    return items;
  });
export const setRedactions = (photoId: number, boxes: RedactBox[]) =>
  cmd('set_redactions', { photoId, boxes }, (): Photo => {
    const p = lib(photoId);
    if (!p) throw err('not_found', '사진을 찾을 수 없습니다.', 'The photo was not found.');
    const ok = (b: RedactBox) =>
      [b.x, b.y, b.w, b.h].every((v) => Number.isFinite(v)) &&
      b.x >= 0 &&
      b.y >= 0 &&
      b.w > 0 &&
      b.h > 0 &&
      b.x + b.w <= 1.000001 &&
      b.y + b.h <= 1.000001;
    if (!boxes.every(ok)) throw invalid('가림 상자가 사진 밖으로 나갔습니다.', 'A cover box lies outside the photo.');
    p.redactions = boxes.map((b) => ({ ...b }));
    const j = S.jobs.find((x) => x.id === S.currentJob) ?? S.jobs.find((x) => x.photoIds.includes(photoId));
    if (!j) throw err('not_found', '작업을 찾을 수 없습니다.', 'The job was not found.');
    return toPhoto(j, p);
  });

const PATTERNS: { re: RegExp; ko: string; en: string }[] = [
  { re: /DWG[-_ ]?[A-Za-z0-9][A-Za-z0-9-]*|\bDWG\b/g, ko: '도면 번호 형식', en: 'Drawing number pattern' },
  { re: /도번[:\s]*[A-Za-z0-9][A-Za-z0-9-]*|도번/g, ko: '도면 번호 형식', en: 'Drawing number pattern' },
  { re: /P\/N[:\s]*[A-Za-z0-9][A-Za-z0-9-]*|P\/N/g, ko: '부품 번호 형식', en: 'Part number pattern' },
  { re: /\b[A-Za-z]{1,5}-?\d{3,}(?:-[A-Za-z0-9]{2,})+\b/g, ko: '긴 부품 코드', en: 'Long part code' },
];
function scanText(
  text: string,
  at: Pick<TextFinding, 'field' | 'blockIndex' | 'itemIndex'> & Partial<Pick<TextFinding, 'row' | 'column'>>,
): TextFinding[] {
  const out: TextFinding[] = [];
  const add = (
    start: number,
    end: number,
    kind: TextFinding['kind'],
    ruleKo: string,
    ruleEn: string,
    suggestion: string,
  ) => {
    if (out.some((f) => start < f.end && end > f.start)) return; // the first rule to claim a range keeps it
    out.push({
      row: null,
      column: null,
      ...at,
      start,
      end,
      text: text.slice(start, end),
      kind,
      ruleKo,
      ruleEn,
      suggestion,
      place: { kind: 'post' },
      whereKo: null,
      whereEn: null,
    });
  };
  const lower = text.toLowerCase();
  const findAll = (needle: string, fn: (i: number) => void) => {
    const n = needle.toLowerCase();
    if (!n) return;
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) fn(i);
  };
  for (const c of S.clients) {
    for (const name of [c.name, ...c.aliases].sort((a, b) => b.length - a.length)) {
      findAll(name, (i) =>
        add(i, i + name.length, 'client', `고객사 이름: ${c.name}`, `Customer name: ${c.name}`, '고객사'),
      );
    }
  }
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) add(m.index, m.index + m[0].length, 'pattern', p.ko, p.en, '○○○');
  }
  for (const w of S.watchWords)
    findAll(w, (i) => add(i, i + w.length, 'word', `등록한 단어: ${w}`, `Your word: ${w}`, '○○○'));
  return out.sort((a, b) => a.start - b.start);
}
function scan(p: Post): TextFinding[] {
  const out = scanText(p.title, { field: 'title', blockIndex: null, itemIndex: null });
  p.blocks.forEach((b, bi) => {
    if (b.kind === 'heading' || b.kind === 'paragraph') {
      out.push(...scanText(b.text, { field: 'body', blockIndex: bi, itemIndex: null }));
    } else if (b.kind === 'list') {
      b.items.forEach((it, ii) => {
        out.push(...scanText(it, { field: 'body', blockIndex: bi, itemIndex: ii }));
      });
    } else if (b.kind === 'table') {
      b.rows.forEach((row, ri) => {
        row.forEach((cell, ci) => {
          out.push(...scanText(cell, { field: 'body', blockIndex: bi, itemIndex: null, row: ri, column: ci }));
        });
      });
    } else {
      out.push(...scanText(b.caption, { field: 'caption', blockIndex: bi, itemIndex: null }));
    }
  });
  p.tags.forEach((tag, ti) => {
    out.push(...scanText(tag, { field: 'tag', blockIndex: null, itemIndex: ti }));
  });
  return out;
}
const postById = (postId: number) => {
  const p = S.posts.find((x) => x.id === postId);
  if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
  return p;
};
export const scanPost = (postId: number) => cmd('scan_post', { postId }, (): TextFinding[] => scan(postById(postId)));
export const replaceInPost = (postId: number, find: string, replacement: string) =>
  cmd('replace_in_post', { postId, find, replacement }, (): Post => {
    const p = postById(postId);
    if (!find) throw invalid('바꿀 글자가 없습니다.', 'Nothing to replace.');
    const r = (s: string) => s.split(find).join(replacement);
    p.title = r(p.title);
    p.blocks = p.blocks.map((b): Block => {
      if (b.kind === 'list') return { ...b, items: b.items.map(r) };
      if (b.kind === 'photo') return { ...b, caption: r(b.caption) };
      if (b.kind === 'table') return { ...b, rows: b.rows.map(([k, v]): [string, string] => [r(k), r(v)]) };
      return { ...b, text: r(b.text) };
    });
    p.tags = p.tags.map(r);
    if (p.video) p.video = { ...p.video, titleCard: r(p.video.titleCard), titleCardSub: r(p.video.titleCardSub) };
    p.updatedAt = now();
    return p;
  });
export const listWatchWords = () => cmd('list_watch_words', undefined, (): string[] => S.watchWords);
export const setWatchWords = (words: string[]) =>
  cmd('set_watch_words', { words }, (): string[] => {
    S.watchWords = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
    return S.watchWords;
  });

// ---- events ----
export async function onImportProgress(handler: (p: ImportProgress) => void): Promise<() => void> {
  progressHandlers.add(handler);
  return () => progressHandlers.delete(handler);
}
export async function onExportProgress(handler: (p: ExportProgress) => void): Promise<() => void> {
  exportHandlers.add(handler);
  return () => exportHandlers.delete(handler);
}
export async function onFileDrag(handler: (ev: FileDragEvent) => void): Promise<() => void> {
  dragHandlers.add(handler);
  return () => dragHandlers.delete(handler);
}

// ---- per-area mocks (mock-coach.ts: coach, fixes, AI; mock-shop.ts: profile, calendar, history, reminder) ----
/** What the per-area mock files share with this one (read lazily: the files import each other). */
export const mockCore = {
  state: () => S,
  save: () => save(),
  now: () => now(),
  id: () => id(),
  cmd,
  /** The leak guard's verdict and the text scan, as export_post sees them (no command logged). */
  guard: (jobId: number) => guardFor(jobById(jobId)),
  scan: (p: Post) => scan(p),
  jobPhotos: (jobId: number) => jobPhotos(jobById(jobId)),
  /** The video plan of a YouTube/Shorts post with photos, as video_plan answers (no command logged). */
  plan: (p: Post) => planOf(p),
  /** The thumbnail every view shows of a library photo, by its hash (null: no such photo). */
  thumbByHash: (hash: string): string | null => {
    const p = S.library.find((x) => x.hash === hash);
    return p ? burnedThumbFor(p) : null;
  },
  /** Log a line in a job's history (as the core's guard log would). */
  log: (jobId: number, kind: HistoryEntry['kind'], textKo: string, textEn: string) => log(jobId, kind, textKo, textEn),
};
export {
  backupNow,
  backupSettings,
  chooseBackupFolder,
  onBackupProgress,
  restoreBackup,
  setAutoBackup,
  switchLibrary,
} from './mock-backup';
// Named (not `export *`): a star export would clash with `export type *` from backend.ts above.
export { aiRewrite, aiSettings, applyFix, cancelAi, coachPost, saveAiSettings } from './mock-coach';
// The library (issue 14): tests/mock-library.ts.
export {
  addPhotoToJob,
  archiveJob,
  archiveProduct,
  clientDetail,
  libraryFilters,
  libraryPage,
  libraryPhotos,
  librarySearch,
  libraryThumb,
  listProducts,
  newProductPost,
  productDetail,
  removeJob,
  removeProduct,
  saveProduct,
  setJobProduct,
  unarchiveJob,
  unarchiveProduct,
  undoRemoval,
} from './mock-library';
// Template packs and lessons (issue 15): tests/mock-packs.ts.
export {
  exportPack,
  installedPacks,
  installPack,
  lesson,
  lessonForCheck,
  lessons,
  pickPack,
  previewPack,
  removePack,
} from './mock-packs';
// A mentor's review and the club folder (issue 15): tests/mock-review.ts.
export {
  addReviewNote,
  answerReviewNote,
  chooseClubFolder,
  clearClubFolder,
  clubInbox,
  clubSettings,
  deleteReviewNote,
  pickReviewFile,
  postReviews,
  receivedReviews,
  reviewBundle,
  reviewerName,
  sendForReview,
  sendReviewReply,
  setShareStreak,
  takeClubFile,
  updateReviewNote,
} from './mock-review';
export * from './mock-shop';
// Named on purpose: `export type *` above also names these (type-only), and two star exports of one name clash.
export {
  calendar,
  clearLogo,
  markPublished,
  openExportFolder,
  pickLogo,
  postHistory,
  reminder,
  saveShopProfile,
  setWeeklyGoal,
  shopProfile,
} from './mock-shop';

// Compile-time checks: every generated command has its stand-in here with the generated signature (a command
// added or changed in Rust breaks this build), and this module offers everything the real backend.ts does.
type MockApi = typeof import('./mock-backend');
type RealApi = typeof import('../src/backend');
const implementsCommands = (m: MockApi): Commands => m;
const sameShape = (m: MockApi): RealApi => m;
void implementsCommands;
void sameShape;
