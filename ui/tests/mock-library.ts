// Mock of the library commands (issue 14, /work/coord/library-contract.md) for the Playwright build; shares the
// jobs, photos, posts and customers of mock-backend.ts through mockCore, and keeps its own state (products,
// archive, removals, the customers' change log) under its own localStorage key, cleared by window.__mock.reset().
//
// Behaves as the contract says: empty jobs (no photo, no field, no post) are never listed; search finds any part
// of a word (case-insensitive); remove takes the job (or product) out and undo_removal puts it back as it was; a
// removed product's jobs lose the link and get it back on undo; a product post's guard is the strictest of the
// product's jobs (`sourceJob`, as the lib branch's guard::SourceJob).
//
// Test hooks (window.__mockLib):
//   seedJobs(list)        jobs with a photo each: { title, material?, process?, client?, posted?, year?, caption? }
//   seedPhotos(n, title)  one job holding n photos (the photo wall's test)
//   state()               a copy of this file's state
import type {
  Client,
  ClientDetail,
  Commands,
  FilterChoices,
  Guard,
  JobCard,
  LibraryFilter,
  LibraryPage,
  PhotoPage,
  PhotoTile,
  Product,
  ProductDetail,
  ProductInput,
  Removal,
  SearchHit,
} from '../src/backend';
import { mockCore, mockHooks } from './mock-backend';

type CoreState = ReturnType<typeof mockCore.state>;
type MJob = CoreState['jobs'][number] & { kind?: 'job' | 'product_post'; productId?: number | null };
type MPost = CoreState['posts'][number];

interface MProduct {
  id: number;
  name: string;
  kind: string;
  material: string;
  process: string;
  description: string;
  coverPhotoId: number | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
interface StoredRemoval {
  removal: Removal;
  job?: MJob;
  posts?: MPost[];
  product?: MProduct;
  linked?: number[];
  wasCurrent?: boolean;
}
interface LibState {
  products: MProduct[];
  archived: number[];
  removals: StoredRemoval[];
  seen: Record<number, Client>;
  changes: Record<number, { at: string; what: string }[]>;
}
const KEY = 'gb-mock-lib';
const fresh = (): LibState => ({ products: [], archived: [], removals: [], seen: {}, changes: {} });
function load(): LibState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<LibState>) };
  } catch {
    /* start fresh */
  }
  return fresh();
}
let L = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(L));

/** The core mock's `cmd` (logged, delayed, failures injected, answer copied), for commands it does not know yet. */
type LooseCmd = <T>(name: string, args: unknown, run: () => T | Promise<T>) => Promise<T>;
const cmd = <T>(name: string, args: unknown, run: () => T | Promise<T>): Promise<T> =>
  (mockCore.cmd as unknown as LooseCmd)(name, args, async () => {
    syncClients();
    const out = await run();
    save();
    return out;
  });
const err = (code: string, messageKo: string, messageEn: string) => ({ code, messageKo, messageEn });
const S = () => mockCore.state();
const jobs = () => S().jobs as MJob[];
const jobById = (id: number) => {
  const j = jobs().find((x) => x.id === id);
  if (!j) throw err('not_found', '작업을 찾을 수 없습니다.', 'The job was not found.');
  return j;
};
const productById = (id: number) => {
  const p = L.products.find((x) => x.id === id);
  if (!p) throw err('not_found', '제품을 찾을 수 없습니다.', 'The product was not found.');
  return p;
};

// ---- the customers' change log (the core logs every save_client in the guard log) ----
function syncClients() {
  const at = mockCore.now();
  for (const c of S().clients) {
    const before = L.seen[c.id];
    const log = (what: string) => {
      L.changes[c.id] = [{ at, what }, ...(L.changes[c.id] ?? [])];
    };
    if (!before) log(`고객사를 만들었습니다: ${c.name}`);
    else {
      if (before.name !== c.name) log(`이름: ${before.name} → ${c.name}`);
      if (before.policy !== c.policy) log(`공개 여부: ${before.policy} → ${c.policy}`);
      if (before.aliases.join(', ') !== c.aliases.join(', '))
        log(`다른 이름: ${before.aliases.join(', ') || '없음'} → ${c.aliases.join(', ') || '없음'}`);
      if (before.note !== c.note) log(`메모: ${before.note || '없음'} → ${c.note || '없음'}`);
    }
    L.seen[c.id] = { ...c, aliases: [...c.aliases] };
  }
}

// ---- views ----
const postsOf = (jobId: number) => S().posts.filter((p) => p.jobId === jobId);
const posted = (j: MJob) => postsOf(j.id).some((p) => p.status !== 'draft');
const libPhoto = (id: number) => S().library.find((p) => p.id === id);
const FIELDS = [
  'title',
  'material',
  'process',
  'machine',
  'tolerance',
  'finish',
  'quantity',
  'leadTime',
  'story',
] as const;
const isEmpty = (j: MJob) =>
  j.photoIds.length === 0 && FIELDS.every((f) => !String(j[f] ?? '').trim()) && postsOf(j.id).length === 0;
const clientName = (id: number | null) => S().clients.find((c) => c.id === id)?.name ?? null;

function card(j: MJob): JobCard {
  const cover = j.photoIds.map(libPhoto).find(Boolean);
  return {
    id: j.id,
    title: j.title,
    kind: j.kind ?? 'job',
    productId: j.productId ?? null,
    productName: L.products.find((p) => p.id === j.productId)?.name ?? null,
    clientId: j.clientId,
    clientName: clientName(j.clientId),
    material: j.material,
    process: j.process,
    photoCount: j.photoIds.length,
    coverHash: cover?.hash ?? null,
    coverThumbUrl: null,
    posted: posted(j),
    archived: L.archived.includes(j.id),
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}
const productJobs = (p: MProduct) => jobs().filter((j) => j.productId === p.id);
function productView(p: MProduct): Product {
  const js = productJobs(p);
  const photoIds = [...new Set(js.flatMap((j) => j.photoIds))];
  const coverId = p.coverPhotoId ?? photoIds[0] ?? null;
  return {
    ...p,
    coverHash: coverId === null ? null : (libPhoto(coverId)?.hash ?? null),
    coverThumbUrl: null,
    jobCount: js.length,
    photoCount: photoIds.length,
  };
}
function tile(photoId: number, j: MJob): PhotoTile | null {
  const p = libPhoto(photoId);
  if (!p) return null;
  return {
    photoId,
    hash: p.hash,
    caption: j.meta[photoId]?.caption ?? '',
    jobId: j.id,
    jobTitle: j.title,
    takenAt: '2024-05-14T09:30:00',
    thumbUrl: '',
  };
}

// ---- search: any part of a word, case-insensitive ----
const has = (hay: (string | null | undefined)[], needle: string) => {
  const n = needle.trim().toLowerCase();
  return !n || hay.some((h) => (h ?? '').toLowerCase().includes(n));
};
function jobText(j: MJob): string[] {
  const c = S().clients.find((x) => x.id === j.clientId);
  return [
    ...FIELDS.map((f) => String(j[f] ?? '')),
    ...Object.values(j.meta).map((m) => m.caption),
    c?.name,
    ...(c?.aliases ?? []),
    L.products.find((p) => p.id === j.productId)?.name,
    ...postsOf(j.id).flatMap((p) => [
      p.title,
      ...p.tags,
      ...p.blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : '')),
    ]),
  ].filter((x): x is string => !!x);
}
const productText = (p: MProduct) => [p.name, p.kind, p.material, p.process, p.description];
const year = (iso: string) => Number(iso.slice(0, 4));

function jobMatches(j: MJob, f: LibraryFilter): boolean {
  if (isEmpty(j)) return false;
  if (L.archived.includes(j.id) !== f.archived) return false;
  if (f.clientId !== null && j.clientId !== f.clientId) return false;
  if (f.material && j.material !== f.material) return false;
  if (f.process && j.process !== f.process) return false;
  if (f.posted === 'posted' && !posted(j)) return false;
  if (f.posted === 'unposted' && posted(j)) return false;
  if (f.year !== null && year(j.createdAt) !== f.year) return false;
  if (f.productId !== null && j.productId !== f.productId) return false;
  return has(jobText(j), f.text);
}
function productMatches(p: MProduct, f: LibraryFilter): boolean {
  if (p.archived !== f.archived) return false;
  if (f.clientId !== null || f.year !== null || f.posted !== 'any' || f.productId !== null) return false;
  if (f.material && p.material !== f.material) return false;
  if (f.process && p.process !== f.process) return false;
  return has(productText(p), f.text);
}
const newestFirst = (a: MJob, b: MJob) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id;

// ---- commands ----
export const libraryPage = (sent: Parameters<Commands['libraryPage']>[0], offset: number, limit: number) =>
  cmd('library_page', { filter: sent, offset, limit }, (): LibraryPage => {
    const filter: LibraryFilter = {
      text: '',
      clientId: null,
      material: '',
      process: '',
      posted: 'any',
      year: null,
      productId: null,
      archived: false,
      ...sent,
    };
    const all = jobs()
      .filter((j) => jobMatches(j, filter))
      .sort(newestFirst);
    return {
      jobs: all.slice(offset, offset + limit).map(card),
      products: offset === 0 ? L.products.filter((p) => productMatches(p, filter)).map(productView) : [],
      totalJobs: all.length,
    };
  });
export const libraryFilters = () =>
  cmd('library_filters', undefined, (): FilterChoices => {
    const live = jobs().filter((j) => !isEmpty(j));
    const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x.trim()))].sort((a, b) => a.localeCompare(b, 'ko'));
    return {
      clients: S()
        .clients.map((c) => ({ id: c.id, name: c.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ko')),
      materials: uniq(live.map((j) => j.material)),
      processes: uniq(live.map((j) => j.process)),
      years: [...new Set(live.map((j) => year(j.createdAt)))].sort((a, b) => b - a),
    };
  });
export const librarySearch = (text: string, limit: number) =>
  cmd('library_search', { text, limit }, (): SearchHit[] => {
    if (!text.trim()) return [];
    const hits: SearchHit[] = [];
    for (const j of jobs().filter((x) => !isEmpty(x))) {
      if (
        has(
          FIELDS.map((f) => String(j[f] ?? '')),
          text,
        )
      )
        hits.push({ kind: 'job', id: j.id, jobId: j.id, title: j.title, snippet: j.material });
      for (const [pid, m] of Object.entries(j.meta)) {
        if (m.caption && has([m.caption], text))
          hits.push({ kind: 'photo', id: Number(pid), jobId: j.id, title: j.title, snippet: m.caption });
      }
      for (const p of postsOf(j.id)) {
        const body = p.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
        if (has([p.title, body], text))
          hits.push({ kind: 'post', id: p.id, jobId: j.id, title: p.title, snippet: body.slice(0, 60) });
      }
    }
    for (const p of L.products)
      if (has(productText(p), text)) hits.push({ kind: 'product', id: p.id, jobId: null, title: p.name, snippet: '' });
    for (const c of S().clients)
      if (has([c.name, ...c.aliases], text))
        hits.push({ kind: 'customer', id: c.id, jobId: null, title: c.name, snippet: c.aliases.join(', ') });
    return hits.slice(0, limit);
  });
export const libraryPhotos = (text: string, offset: number, limit: number) =>
  cmd('library_photos', { text, offset, limit }, (): PhotoPage => {
    const seen = new Set<number>();
    const all: PhotoTile[] = [];
    const live = jobs()
      .filter((j) => !L.archived.includes(j.id))
      .sort((a, b) => b.id - a.id);
    for (const j of live) {
      for (const pid of [...j.photoIds].reverse()) {
        if (seen.has(pid)) continue;
        const x = tile(pid, j);
        if (!x || !has([x.caption, x.jobTitle, j.material, j.process], text)) continue;
        seen.add(pid);
        all.push(x);
      }
    }
    return { photos: all.slice(offset, offset + limit), total: all.length };
  });
export const addPhotoToJob = (photoId: number, jobId: number) =>
  cmd('add_photo_to_job', { photoId, jobId }, (): null => {
    const j = jobById(jobId);
    if (!libPhoto(photoId)) throw err('not_found', '사진을 찾을 수 없습니다.', 'The photo was not found.');
    if (!j.photoIds.includes(photoId)) j.photoIds.push(photoId);
    j.updatedAt = mockCore.now();
    return null;
  });
export const archiveJob = (jobId: number) =>
  cmd('archive_job', { jobId }, (): null => {
    jobById(jobId);
    if (!L.archived.includes(jobId)) L.archived.push(jobId);
    return null;
  });
export const unarchiveJob = (jobId: number) =>
  cmd('unarchive_job', { jobId }, (): null => {
    jobById(jobId);
    L.archived = L.archived.filter((x) => x !== jobId);
    return null;
  });
export const removeJob = (jobId: number) =>
  cmd('remove_job', { jobId }, (): Removal => {
    const j = jobById(jobId);
    const s = S();
    const removal: Removal = { removalId: mockCore.id(), kind: 'job', id: j.id, title: j.title };
    const posts = s.posts.filter((p) => p.jobId === jobId);
    L.removals.push({ removal, job: j, posts, wasCurrent: s.currentJob === jobId });
    s.jobs = s.jobs.filter((x) => x.id !== jobId);
    s.posts = s.posts.filter((p) => p.jobId !== jobId);
    mockCore.save();
    return removal;
  });
export const undoRemoval = (removalId: number) =>
  cmd('undo_removal', { removalId }, (): null => {
    const r = L.removals.find((x) => x.removal.removalId === removalId);
    if (!r) throw err('not_found', '되돌릴 것이 없습니다.', 'Nothing to undo.');
    const s = S();
    if (r.job) {
      s.jobs.push(r.job);
      s.posts.push(...(r.posts ?? []));
    }
    if (r.product) {
      L.products.push(r.product);
      for (const id of r.linked ?? []) {
        const j = jobs().find((x) => x.id === id);
        if (j) j.productId = r.product.id;
      }
    }
    L.removals = L.removals.filter((x) => x !== r);
    mockCore.save();
    return null;
  });

export const listProducts = (includeArchived: boolean) =>
  cmd('list_products', { includeArchived }, (): Product[] =>
    L.products
      .filter((p) => includeArchived || !p.archived)
      .sort((a, b) => a.name.localeCompare(b.name, 'ko'))
      .map(productView),
  );
export const saveProduct: Commands['saveProduct'] = (sent) =>
  cmd('save_product', { input: sent }, (): Product => {
    const input: ProductInput = {
      id: null,
      name: '',
      kind: '',
      material: '',
      process: '',
      description: '',
      coverPhotoId: null,
      ...sent,
    };
    const name = input.name.trim();
    if (!name) throw err('invalid', '제품 이름을 적어 주세요.', 'Please enter the product name.');
    const t = mockCore.now();
    const fields = {
      name,
      kind: input.kind.trim(),
      material: input.material.trim(),
      process: input.process.trim(),
      description: input.description.trim(),
      coverPhotoId: input.coverPhotoId,
    };
    if (input.id !== null) {
      const p = productById(input.id);
      Object.assign(p, fields, { updatedAt: t });
      return productView(p);
    }
    const p: MProduct = { id: mockCore.id(), ...fields, archived: false, createdAt: t, updatedAt: t };
    L.products.push(p);
    return productView(p);
  });
export const archiveProduct = (productId: number) =>
  cmd('archive_product', { productId }, (): null => {
    productById(productId).archived = true;
    return null;
  });
export const unarchiveProduct = (productId: number) =>
  cmd('unarchive_product', { productId }, (): null => {
    productById(productId).archived = false;
    return null;
  });
export const removeProduct = (productId: number) =>
  cmd('remove_product', { productId }, (): Removal => {
    const p = productById(productId);
    const linked = productJobs(p).map((j) => j.id);
    for (const j of productJobs(p)) j.productId = null;
    const removal: Removal = { removalId: mockCore.id(), kind: 'product', id: p.id, title: p.name };
    L.removals.push({ removal, product: p, linked });
    L.products = L.products.filter((x) => x.id !== productId);
    mockCore.save();
    return removal;
  });
export const productDetail = (productId: number) =>
  cmd('product_detail', { productId }, (): ProductDetail => {
    const p = productById(productId);
    const js = productJobs(p).sort(newestFirst);
    const photos: PhotoTile[] = [];
    for (const j of js)
      for (const pid of j.photoIds)
        if (!photos.some((x) => x.photoId === pid)) {
          const x = tile(pid, j);
          if (x) photos.push(x);
        }
    return {
      product: productView(p),
      jobs: js.map(card),
      photos: photos.slice(0, 24),
      posts: js.flatMap((j) =>
        postsOf(j.id).map((post) => ({
          postId: post.id,
          jobId: j.id,
          platform: post.platform,
          title: post.title,
          exportedAt: post.status === 'draft' ? null : post.updatedAt,
        })),
      ),
    };
  });
export const setJobProduct = (jobId: number, productId: number | null) =>
  cmd('set_job_product', { jobId, productId }, (): null => {
    const j = jobById(jobId);
    if (productId !== null) productById(productId);
    j.productId = productId;
    j.updatedAt = mockCore.now();
    return null;
  });
export const newProductPost = (productId: number) =>
  cmd('new_product_post', { productId }, (): number => {
    const p = productById(productId);
    const t = mockCore.now();
    const j: MJob = {
      id: mockCore.id(),
      createdAt: t,
      updatedAt: t,
      photoIds: [...new Set(productJobs(p).flatMap((x) => x.photoIds))],
      meta: {},
      ownerKind: null,
      clientId: null,
      title: p.name,
      material: p.material,
      process: p.process,
      machine: '',
      tolerance: '',
      finish: '',
      quantity: '',
      leadTime: '',
      story: p.description,
      kind: 'product_post',
      productId: p.id,
    };
    S().jobs.push(j);
    mockCore.log(j.id, 'created', '제품 글을 만들었습니다.', 'Product post created.');
    mockCore.save();
    return j.id;
  });
export const clientDetail = (clientId: number) =>
  cmd('client_detail', { clientId }, (): ClientDetail => {
    const c = S().clients.find((x) => x.id === clientId);
    if (!c) throw err('not_found', '고객사를 찾을 수 없습니다.', 'The customer was not found.');
    return {
      client: c,
      jobs: jobs()
        .filter((j) => j.clientId === clientId && !isEmpty(j))
        .sort(newestFirst)
        .map(card),
      changes: L.changes[clientId] ?? [],
    };
  });

/** Like backend.ts: the view's own address, else the thumbnail by hash (here drawn on a canvas). */
export function libraryThumb(hash: string | null, thumbUrl?: string | null): string | null {
  if (thumbUrl) return thumbUrl;
  return hash ? mockCore.thumbByHash(hash) : null;
}

// ---- a product post's guard: the strictest of the product's jobs ----
function productGuard(jobId: number): Guard | null {
  const j = jobs().find((x) => x.id === jobId);
  if (j?.kind !== 'product_post' || j.productId == null) return null;
  const sources = jobs().filter((x) => x.productId === j.productId && x.kind !== 'product_post');
  const rank = { public: 0, ask: 1, never: 2 } as const;
  let worst: { g: Guard; id: number } | null = null;
  for (const s of sources) {
    const g = mockCore.guard(s.id);
    if (g.canExport) continue;
    if (!worst || rank[g.policy] > rank[worst.g.policy]) worst = { g, id: s.id };
  }
  const src = worst ? jobById(worst.id) : null;
  const base = {
    jobId,
    ownerKind: j.ownerKind,
    client: null,
    approval: null,
    photoIssue: null,
    sourceJob:
      worst && src
        ? {
            jobId: src.id,
            title: src.title,
            client: worst.g.client?.name ?? null,
            policy: worst.g.policy,
            productJob: true,
          }
        : null,
  };
  return worst
    ? {
        ...base,
        policy: worst.g.policy,
        canExport: false,
        reasonKo: `제품 글입니다. '${jobById(worst.id).title}' 작업에서 고객 허락을 받아야 합니다.`,
        reasonEn: `A product post: the customer's approval is needed in the job '${jobById(worst.id).title}'.`,
      }
    : { ...base, policy: 'public', canExport: true, reasonKo: null, reasonEn: null };
}

// ---- test hooks ----
interface Seed {
  title: string;
  material?: string;
  process?: string;
  client?: string;
  posted?: boolean;
  year?: number;
  caption?: string;
}
declare global {
  interface Window {
    __mockLib: {
      seedJobs(list: Seed[]): number[];
      seedPhotos(n: number, title: string): number;
      state(): LibState;
    };
  }
}
function seedJob(seed: Seed, photos: number): number {
  const s = S();
  const at = `${seed.year ?? new Date().getFullYear()}-05-14T09:00:00.000Z`;
  let clientId: number | null = null;
  if (seed.client) {
    let c = s.clients.find((x) => x.name === seed.client);
    if (!c) {
      c = { id: mockCore.id(), name: seed.client, aliases: [], policy: 'ask', note: '' };
      s.clients.push(c);
    }
    clientId = c.id;
  }
  const j: MJob = {
    id: mockCore.id(),
    createdAt: at,
    updatedAt: at,
    photoIds: [],
    meta: {},
    ownerKind: clientId === null ? 'own' : 'client',
    clientId,
    productId: null,
    kind: 'job',
    title: seed.title,
    material: seed.material ?? '',
    process: seed.process ?? '',
    machine: '',
    tolerance: '',
    finish: '',
    quantity: '',
    leadTime: '',
    story: '',
  };
  for (let i = 0; i < photos; i++) {
    const id = mockCore.id();
    s.library.push({
      id,
      hash: `seed-${id}`,
      originalName: `IMG_${id}.jpg`,
      path: `/home/owner/사진/IMG_${id}.jpg`,
      width: 4000,
      height: 3000,
      byteSize: 2_000_000,
    });
    j.photoIds.push(id);
    if (seed.caption) j.meta[id] = { role: null, caption: seed.caption };
  }
  s.jobs.push(j);
  if (seed.posted) {
    s.posts.push({
      id: mockCore.id(),
      jobId: j.id,
      platform: 'naver',
      title: seed.title,
      blocks: [{ kind: 'paragraph', text: `${seed.title} 작업을 소개합니다.` }],
      tags: [],
      status: 'exported',
      exportPath: `/home/owner/내보내기/${j.id}`,
      updatedAt: at,
      video: { secondsPerPhoto: 4, photoSeconds: {}, burnCaptions: true, titleCard: '', titleCardSub: '', music: null },
    });
  }
  return j.id;
}
window.__mockLib = {
  seedJobs(list) {
    const ids = list.map((x) => seedJob(x, 1));
    mockCore.save();
    return ids;
  },
  seedPhotos(n, title) {
    const id = seedJob({ title }, n);
    mockCore.save();
    return id;
  },
  state: () => JSON.parse(JSON.stringify(L)) as LibState,
};
// mock-backend.ts is still running when this module runs (it imports this file): hook in once it is done.
queueMicrotask(() => {
  mockHooks.guard = productGuard;
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => {
    coreReset();
    L = fresh();
    save();
  };
});
