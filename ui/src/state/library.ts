// The library (서재, issue 14): the owner's years of work as cards (products and jobs), a photo wall across the
// whole library, and the customers. Search is debounced and asks the core (library_page's text, library_photos'
// text, library_search for what else matched); archive and delete answer with an undo toast instead of "are you
// sure?"; a product has its own page (product_detail) and starts product posts (new_product_post → open_job).
import { batch, effect, signal } from '@preact/signals';
import type {
  Client,
  ClientDetail,
  ClientInput,
  FilterChoices,
  JobCard,
  LibraryFilter,
  LibraryPage,
  PhotoTile,
  PostedFilter,
  Product,
  ProductDetail,
  ProductInput,
  Removal,
  SearchHit,
} from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, dismissToast, job, onEnter, showToast } from './core';
import { clients } from './job';
import { startNewJob, switchJob } from './session';

/** A library thumbnail's address (backend.ts: the one Rust made, else by hash). */
export const thumbOf = (hash: string | null, url?: string | null) => api.libraryThumb(hash, url);

export type LibTab = 'cards' | 'photos' | 'customers';
export const libTab = signal<LibTab>('cards');
/** What the library screen shows: the tabs, or one product's page (`id` null = a new product). */
export type LibView = { kind: 'tabs' } | { kind: 'product'; id: number | null };
export const libView = signal<LibView>({ kind: 'tabs' });

export const emptyFilter = (): LibraryFilter => ({
  text: '',
  clientId: null,
  material: '',
  process: '',
  posted: 'any',
  year: null,
  productId: null,
  archived: false,
});
export const libFilter = signal<LibraryFilter>(emptyFilter());
export const libPage = signal<LibraryPage | null>(null);
export const libChoices = signal<FilterChoices | null>(null);
export const libHits = signal<SearchHit[]>([]);
export const libLoading = signal(false);
export const PAGE = 60;

let pageSeq = 0;
/** Load the first page of cards for the current filter (a newer request wins over an older answer). */
export async function loadLibrary() {
  const seq = ++pageSeq;
  const f = libFilter.value;
  libLoading.value = true;
  const page = await attempt(() => api.libraryPage(f, 0, PAGE));
  if (seq !== pageSeq) return;
  libLoading.value = false;
  if (page) libPage.value = page;
}
/** The next page of job cards ("더 보기"). */
export async function loadMoreCards() {
  const cur = libPage.value;
  if (!cur) return;
  const seq = pageSeq;
  const page = await attempt(() => api.libraryPage(libFilter.value, cur.jobs.length, PAGE));
  if (!page || seq !== pageSeq) return;
  libPage.value = { ...cur, jobs: [...cur.jobs, ...page.jobs.filter((j) => !cur.jobs.some((c) => c.id === j.id))] };
}
export async function loadChoices() {
  const c = await attempt(api.libraryFilters);
  if (c) libChoices.value = c;
}

let hitSeq = 0;
async function loadHits(text: string) {
  const seq = ++hitSeq;
  if (!text.trim()) {
    libHits.value = [];
    return;
  }
  const hits = await attempt(() => api.librarySearch(text, 20));
  if (hits && seq === hitSeq) libHits.value = hits;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** The search box: typed at once, asked ~150 ms after the last key. */
export function setSearch(text: string) {
  libFilter.value = { ...libFilter.value, text };
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    void loadLibrary();
    void loadHits(text);
    resetWall();
  }, 150);
}
export function setFilter(patch: Partial<LibraryFilter>) {
  libFilter.value = { ...libFilter.value, ...patch };
  void loadLibrary();
}
export function setPosted(p: PostedFilter) {
  setFilter({ posted: p });
}
export function clearFilters() {
  libFilter.value = { ...emptyFilter(), archived: libFilter.value.archived };
  libHits.value = [];
  resetWall();
  void loadLibrary();
}
/** Show the archive (보관함) instead of the library, or back. */
export function showArchive(on: boolean) {
  setFilter({ archived: on });
}

/** Arriving at the library screen: the cards, the filter choices, and the customers. */
export function enterLibrary() {
  libView.value = { kind: 'tabs' };
  wallSelected.value = null;
  resetWall();
  void loadLibrary();
  void loadChoices();
  if (libTab.value === 'customers') void loadCustomers();
}

// ---- open, archive, delete (with undo) ----
/** The job open in the wizard, when it was deleted here: going back to the wizard starts a fresh job. */
let removedCurrent: number | null = null;
/** The job open in the wizard, when a photo was added to it here: going back reopens it with the photo. */
let staleCurrent: number | null = null;

/** Open a job in the wizard (the screen change follows the job: screens.ts). */
export async function openJobFromLibrary(id: number) {
  removedCurrent = null;
  staleCurrent = null;
  await switchJob(id);
}
/** Going back to the wizard from the library: the open job as it now is. */
export async function leaveLibrary() {
  const id = job.value?.id;
  const removed = removedCurrent === id;
  const stale = staleCurrent === id;
  removedCurrent = null;
  staleCurrent = null;
  if (id === undefined) return;
  if (removed) await startNewJob();
  else if (stale) await switchJob(id);
}

const UNDO = 'toast-undo';
const cardTitle = (c: { title: string }) => c.title.trim() || t('untitled');

export async function archiveCard(c: JobCard) {
  const ok = await attempt(() => api.archiveJob(c.id));
  if (ok === undefined) return;
  await loadLibrary();
  showToast(t('libArchived', { title: cardTitle(c) }), () => void unarchiveCard(c, true), UNDO);
}
export async function unarchiveCard(c: JobCard, fromUndo = false) {
  if (fromUndo) dismissToast();
  const ok = await attempt(() => api.unarchiveJob(c.id));
  if (ok === undefined) return;
  await loadLibrary();
  if (!fromUndo) showToast(t('libUnarchived', { title: cardTitle(c) }));
}
export async function removeCard(c: JobCard) {
  const r = await attempt(() => api.removeJob(c.id));
  if (!r) return;
  if (job.value?.id === c.id) removedCurrent = c.id;
  await loadLibrary();
  showToast(t('libRemoved', { title: cardTitle(c) }), () => void undoRemove(r), UNDO);
}
async function undoRemove(r: Removal) {
  dismissToast();
  const ok = await attempt(() => api.undoRemoval(r.removalId));
  if (ok === undefined) return;
  if (r.kind === 'job' && removedCurrent === r.id) removedCurrent = null;
  await loadLibrary();
  if (libView.value.kind === 'product') void loadProduct();
  showToast(t('undone'));
}

export async function archiveProductCard(p: Product) {
  const ok = await attempt(() => api.archiveProduct(p.id));
  if (ok === undefined) return;
  await loadLibrary();
  showToast(t('libArchived', { title: p.name }), () => void unarchiveProductCard(p, true), UNDO);
}
export async function unarchiveProductCard(p: Product, fromUndo = false) {
  if (fromUndo) dismissToast();
  const ok = await attempt(() => api.unarchiveProduct(p.id));
  if (ok === undefined) return;
  await loadLibrary();
  if (!fromUndo) showToast(t('libUnarchived', { title: p.name }));
}
export async function removeProductCard(p: Product) {
  const r = await attempt(() => api.removeProduct(p.id));
  if (!r) return;
  if (libView.value.kind === 'product') libView.value = { kind: 'tabs' };
  await loadLibrary();
  showToast(t('libRemoved', { title: p.name }), () => void undoRemove(r), UNDO);
}

// ---- the photo wall ----
export const wallTotal = signal<number | null>(null);
/** Loaded tiles by their place in the wall (newest first); pages load as they scroll into view. */
export const wallTiles = signal<Map<number, PhotoTile>>(new Map());
export const WALL_PAGE = 120;
const wallPagesAsked = new Set<number>();
let wallSeq = 0;
export function resetWall() {
  wallSeq++;
  wallPagesAsked.clear();
  batch(() => {
    wallTotal.value = null;
    wallTiles.value = new Map();
  });
}
/** Make sure the tiles `from`..`to` (indices) are loaded or on their way. */
export async function ensureWall(from: number, to: number) {
  const first = Math.floor(Math.max(0, from) / WALL_PAGE);
  const last = Math.floor(Math.max(0, to) / WALL_PAGE);
  const asks: Promise<void>[] = [];
  for (let p = first; p <= last; p++) {
    if (wallPagesAsked.has(p)) continue;
    wallPagesAsked.add(p);
    asks.push(loadWallPage(p));
  }
  await Promise.all(asks);
}
async function loadWallPage(p: number) {
  const seq = wallSeq;
  const page = await attempt(() => api.libraryPhotos(libFilter.value.text, p * WALL_PAGE, WALL_PAGE));
  if (seq !== wallSeq) return;
  if (!page) {
    wallPagesAsked.delete(p);
    return;
  }
  const next = new Map(wallTiles.value);
  page.photos.forEach((tile, i) => {
    next.set(p * WALL_PAGE + i, tile);
  });
  batch(() => {
    wallTiles.value = next;
    wallTotal.value = page.total;
  });
}
export const wallSelected = signal<PhotoTile | null>(null);
/** "이 작업에 추가": put a library photo into a job (the open one, or one chosen). */
export async function addTileToJob(tile: PhotoTile, jobId: number, jobTitle: string) {
  const ok = await attempt(() => api.addPhotoToJob(tile.photoId, jobId));
  if (ok === undefined) return false;
  if (job.value?.id === jobId) staleCurrent = jobId;
  showToast(t('wallAdded', { title: jobTitle.trim() || t('untitled') }));
  return true;
}

// ---- customers ----
export const selectedClientId = signal<number | null | 'new'>(null);
export const clientDetail = signal<ClientDetail | null>(null);
export async function loadCustomers() {
  const list = await attempt(api.listClients);
  if (list) clients.value = list;
}
export async function selectClient(id: number | 'new') {
  selectedClientId.value = id;
  clientDetail.value = null;
  if (id === 'new') return;
  const d = await attempt(() => api.clientDetail(id));
  if (d && selectedClientId.value === id) clientDetail.value = d;
}
/** Save a customer's name, aliases, policy and note (the core logs every change). */
export async function saveCustomer(input: ClientInput): Promise<Client | null> {
  const saved = await attempt(() => api.saveClient(input));
  if (!saved) return null;
  clients.value = [...clients.value.filter((c) => c.id !== saved.id), saved].sort((a, b) =>
    a.name.localeCompare(b.name, 'ko'),
  );
  showToast(t('customerSaved', { name: saved.name }));
  await selectClient(saved.id);
  void loadChoices();
  return saved;
}

// ---- products ----
export const productDetail = signal<ProductDetail | null>(null);
export const products = signal<Product[]>([]);
/** Every product, archived ones too (the job step shows an archived one only for the job that has it). */
export async function loadProducts() {
  const list = await attempt(() => api.listProducts(true));
  if (list) products.value = list;
}
export function openProduct(id: number | null) {
  libView.value = { kind: 'product', id };
  productDetail.value = null;
  if (id !== null) void loadProduct();
}
/** Back from a product's page to the cards, as they now are. */
export function closeProduct() {
  libView.value = { kind: 'tabs' };
  void loadLibrary();
}
export async function loadProduct() {
  const v = libView.value;
  if (v.kind !== 'product' || v.id === null) return;
  const d = await attempt(() => api.productDetail(v.id as number));
  const now = libView.value;
  if (d && now.kind === 'product' && now.id === d.product.id) productDetail.value = d;
}
export async function saveProductForm(input: ProductInput): Promise<Product | null> {
  const saved = await attempt(() => api.saveProduct(input));
  if (!saved) return null;
  showToast(t('productSaved', { name: saved.name }));
  libView.value = { kind: 'product', id: saved.id };
  await loadProduct();
  void loadProducts();
  return saved;
}
/** "이 제품으로 새 글": a product post (a job of its own), opened (the caller shows the wizard). */
export async function newPostForProduct(productId: number): Promise<boolean> {
  const id = await attempt(() => api.newProductPost(productId));
  if (id === undefined) return false;
  await openJobFromLibrary(id);
  return true;
}

// ---- the wizard's product chooser ----
/** The open job's product as this window last knew it (the Job view may carry `productId`: see the report). */
export const jobProductId = signal<number | null>(null);
let productOfJob: number | undefined;
effect(() => {
  const j = job.value;
  if (!j || j.id === productOfJob) return;
  productOfJob = j.id;
  jobProductId.value = j.productId ?? null;
});
export async function chooseJobProduct(productId: number | null) {
  const j = job.value;
  if (!j) return;
  const before = jobProductId.value;
  jobProductId.value = productId;
  const ok = await attempt(() => api.setJobProduct(j.id, productId));
  if (ok === undefined) jobProductId.value = before;
}
onEnter('job', loadProducts);
