// The library's wire types (issue 14, /work/coord/library-contract.md), written by hand until the generated
// ./bindings.ts has them: the Rust commands (src-tauri/commands/library.rs) were written at the same time. Only
// backend.ts (and the test mock) import this file. When `GONGBANG_WRITE_IPC=1 cargo test -p gongbang-post
// ipc_contract` has generated them, backend.ts takes these names from the bindings instead and this file goes.
import type { Client, Policy } from './bindings';

export interface Product {
  id: number;
  name: string;
  kind: string;
  material: string;
  process: string;
  description: string;
  coverPhotoId: number | null;
  coverHash: string | null;
  /** The cover's thumbnail with its boxes burned in (asked of the lib helper; the hash address is the fallback). */
  coverThumbUrl?: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  jobCount: number;
  photoCount: number;
}

export interface ProductInput {
  id: number | null;
  name: string;
  kind: string;
  material: string;
  process: string;
  description: string;
  coverPhotoId: number | null;
}

export type JobCardKind = 'job' | 'product_post';

export interface JobCard {
  id: number;
  title: string;
  kind: JobCardKind;
  productId: number | null;
  productName: string | null;
  clientId: number | null;
  clientName: string | null;
  material: string;
  process: string;
  photoCount: number;
  coverHash: string | null;
  coverThumbUrl?: string | null;
  posted: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export type PostedFilter = 'any' | 'posted' | 'unposted';

export interface LibraryFilter {
  text: string;
  clientId: number | null;
  material: string;
  process: string;
  posted: PostedFilter;
  year: number | null;
  productId: number | null;
  /** true = show the archive only. */
  archived: boolean;
}

export interface LibraryPage {
  jobs: JobCard[];
  products: Product[];
  totalJobs: number;
}

export interface FilterChoices {
  clients: { id: number; name: string }[];
  materials: string[];
  processes: string[];
  years: number[];
}

export type SearchHitKind = 'job' | 'product' | 'photo' | 'customer' | 'post';

export interface SearchHit {
  kind: SearchHitKind;
  id: number;
  jobId: number | null;
  title: string;
  snippet: string;
}

export interface PhotoTile {
  photoId: number;
  hash: string;
  caption: string;
  jobId: number;
  jobTitle: string;
  takenAt: string | null;
  thumbUrl?: string;
}

export interface PhotoPage {
  photos: PhotoTile[];
  total: number;
}

export interface ProductPost {
  postId: number;
  jobId: number;
  platform: string;
  title: string;
  exportedAt: string | null;
}

export interface ProductDetail {
  product: Product;
  jobs: JobCard[];
  photos: PhotoTile[];
  posts: ProductPost[];
}

export interface Removal {
  removalId: number;
  kind: 'job' | 'product';
  id: number;
  title: string;
}

export interface ClientChange {
  at: string;
  what: string;
}

export interface ClientDetail {
  client: Client;
  jobs: JobCard[];
  changes: ClientChange[];
}

/** The job of a product that made a product post's verdict strict (the lib branch's `guard::SourceJob`). */
export interface SourceJob {
  jobId: number;
  title: string;
  client: string | null;
  policy: Policy;
  /** Always true: tells this verdict from a job's own. */
  productJob: boolean;
}
/** What issue 14 adds to the guard view (job_guard): for a product post, the stricter job of the product. */
export interface ProductGuard {
  sourceJob?: SourceJob | null;
}
/** What issue 14 adds to the job view: its product, and whether it is a post about a product. */
export interface JobLibraryFields {
  productId?: number | null;
  kind?: JobCardKind;
}

/** The library commands: wire name → JS argument names (Tauri maps camelCase to Rust's snake_case). */
export const LIBRARY_COMMANDS = {
  library_page: ['filter', 'offset', 'limit'],
  library_filters: [],
  library_search: ['text', 'limit'],
  library_photos: ['text', 'offset', 'limit'],
  add_photo_to_job: ['photoId', 'jobId'],
  archive_job: ['jobId'],
  unarchive_job: ['jobId'],
  remove_job: ['jobId'],
  undo_removal: ['removalId'],
  list_products: ['includeArchived'],
  save_product: ['input'],
  archive_product: ['productId'],
  unarchive_product: ['productId'],
  remove_product: ['productId'],
  product_detail: ['productId'],
  set_job_product: ['jobId', 'productId'],
  new_product_post: ['productId'],
  client_detail: ['clientId'],
} as const;

/** The library commands as functions, the shape the generated `commands` object will have. */
export interface LibraryCommands {
  libraryPage(filter: LibraryFilter, offset: number, limit: number): Promise<LibraryPage>;
  libraryFilters(): Promise<FilterChoices>;
  librarySearch(text: string, limit: number): Promise<SearchHit[]>;
  libraryPhotos(text: string, offset: number, limit: number): Promise<PhotoPage>;
  addPhotoToJob(photoId: number, jobId: number): Promise<null>;
  archiveJob(jobId: number): Promise<null>;
  unarchiveJob(jobId: number): Promise<null>;
  removeJob(jobId: number): Promise<Removal>;
  undoRemoval(removalId: number): Promise<null>;
  listProducts(includeArchived: boolean): Promise<Product[]>;
  saveProduct(input: ProductInput): Promise<Product>;
  archiveProduct(productId: number): Promise<null>;
  unarchiveProduct(productId: number): Promise<null>;
  removeProduct(productId: number): Promise<Removal>;
  productDetail(productId: number): Promise<ProductDetail>;
  setJobProduct(jobId: number, productId: number | null): Promise<null>;
  newProductPost(productId: number): Promise<number>;
  clientDetail(clientId: number): Promise<ClientDetail>;
}
