// 서재 (the library, issue 14): one search box over everything, three tabs — products and jobs as cards with
// their cover photo, every photo of the library on one wall (virtualised: only the rows in view exist), and the
// customers — and the archive (보관함). Big text and plain words: the owner is in his sixties.
import type { JobCard, Product, SearchHit } from '../backend';
import { type Key, t } from '../i18n';
import {
  archiveCard,
  archiveProductCard,
  clearFilters,
  type LibTab,
  libChoices,
  libFilter,
  libHits,
  libLoading,
  libPage,
  libTab,
  libView,
  loadCustomers,
  loadMoreCards,
  openJobInWizard,
  openProduct,
  removeCard,
  removeProductCard,
  selectClient,
  setFilter,
  setSearch,
  showArchive,
  thumbOf,
  unarchiveCard,
  unarchiveProductCard,
} from '../state';
import { Customers } from './Customers';
import { PhotoWall } from './PhotoWall';
import { ProductScreen } from './ProductScreen';

const TABS: { tab: LibTab; key: Key }[] = [
  { tab: 'cards', key: 'libTabCards' },
  { tab: 'photos', key: 'libTabPhotos' },
  { tab: 'customers', key: 'libTabCustomers' },
];

export function LibraryScreen() {
  const v = libView.value;
  if (v.kind === 'product') return <ProductScreen id={v.id} />;
  const tab = libTab.value;
  const archive = libFilter.value.archived;
  return (
    <section class="step screen screen-library" aria-labelledby="step-title">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {archive ? t('libArchiveView') : t('libTitle')}
        </h1>
        <div class="lib-head-actions">
          {!archive && (
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="lib-new-product"
              onClick={() => openProduct(null)}
            >
              <span aria-hidden="true">＋ </span>
              {t('libNewProduct')}
            </button>
          )}
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="lib-archive-view"
            aria-pressed={archive}
            onClick={() => {
              libTab.value = 'cards';
              showArchive(!archive);
            }}
          >
            {archive ? t('libArchiveBack') : t('libArchiveView')}
          </button>
        </div>
      </div>
      <p class="lead">{archive ? t('libArchiveLead') : t('libLead')}</p>
      <label class="field lib-search">
        <span class="field-label">{t('libSearch')}</span>
        <input
          type="search"
          class="input-big"
          data-testid="lib-search"
          value={libFilter.value.text}
          placeholder={t('libSearchPh')}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </label>
      {!archive && (
        <div class="lib-tabs" role="tablist" aria-label={t('libTitle')}>
          {TABS.map((x) => (
            <button
              key={x.tab}
              type="button"
              role="tab"
              class={`lib-tab${tab === x.tab ? ' is-current' : ''}`}
              data-testid={`lib-tab-${x.tab}`}
              aria-selected={tab === x.tab}
              onClick={() => {
                libTab.value = x.tab;
                if (x.tab === 'customers') void loadCustomers();
              }}
            >
              {t(x.key)}
            </button>
          ))}
        </div>
      )}
      {archive || tab === 'cards' ? <Cards /> : tab === 'photos' ? <PhotoWall /> : <Customers />}
    </section>
  );
}

/** One filter: a labelled choice whose first option, "전체", means no filter (the empty value). */
function FilterSelect({
  id,
  label,
  value,
  all = '',
  options,
  onPick,
}: {
  id: string;
  label: Key;
  value: string;
  all?: string;
  options: { value: string; text: string }[];
  onPick: (v: string) => void;
}) {
  return (
    <label class="field">
      <span class="field-label">{t(label)}</span>
      <select data-testid={`lib-filter-${id}`} value={value} onChange={(e) => onPick(e.currentTarget.value)}>
        <option value={all}>{t('libAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

const same = (v: string) => ({ value: v, text: v });
const numberOrNull = (v: string) => (v ? Number(v) : null);

function Filters() {
  const f = libFilter.value;
  const c = libChoices.value;
  const any = f.clientId !== null || f.material || f.process || f.posted !== 'any' || f.year !== null || f.text;
  return (
    <div class="lib-filters">
      <FilterSelect
        id="client"
        label="libFilterClient"
        value={f.clientId === null ? '' : String(f.clientId)}
        options={(c?.clients ?? []).map((x) => ({ value: String(x.id), text: x.name }))}
        onPick={(v) => setFilter({ clientId: numberOrNull(v) })}
      />
      <FilterSelect
        id="material"
        label="libFilterMaterial"
        value={f.material}
        options={(c?.materials ?? []).map(same)}
        onPick={(v) => setFilter({ material: v })}
      />
      <FilterSelect
        id="process"
        label="libFilterProcess"
        value={f.process}
        options={(c?.processes ?? []).map(same)}
        onPick={(v) => setFilter({ process: v })}
      />
      <FilterSelect
        id="posted"
        label="libFilterPosted"
        value={f.posted}
        all="any"
        options={[
          { value: 'posted', text: t('libPostedYes') },
          { value: 'unposted', text: t('libPostedNo') },
        ]}
        onPick={(v) => setFilter({ posted: v as typeof f.posted })}
      />
      <FilterSelect
        id="year"
        label="libFilterYear"
        value={f.year === null ? '' : String(f.year)}
        options={(c?.years ?? []).map((y) => ({ value: String(y), text: t('libYear', { y }) }))}
        onPick={(v) => setFilter({ year: numberOrNull(v) })}
      />
      {any && (
        <button type="button" class="btn btn-small lib-clear" data-testid="lib-clear" onClick={clearFilters}>
          {t('libClear')}
        </button>
      )}
    </div>
  );
}

const HIT_KEY: Record<SearchHit['kind'], Key> = {
  job: 'hitJob',
  product: 'hitProduct',
  photo: 'hitPhoto',
  customer: 'hitCustomer',
  post: 'hitPost',
};
/** What the search found beyond the cards (a photo's caption, a post's text, a customer): one click away. */
function Hits() {
  const hits = libHits.value.filter((h) => h.kind !== 'job' && h.kind !== 'product');
  if (!hits.length || libFilter.value.archived) return null;
  const open = (h: SearchHit) => {
    if (h.kind === 'customer') {
      libTab.value = 'customers';
      void loadCustomers();
      void selectClient(h.id);
    } else if (h.jobId !== null) void openJobInWizard(h.jobId);
  };
  return (
    <section class="lib-hits" aria-labelledby="lib-hits-title">
      <h2 id="lib-hits-title">{t('libHits')}</h2>
      <ul>
        {hits.map((h) => (
          <li key={`${h.kind}-${h.id}`}>
            <button type="button" class="lib-hit" data-testid="lib-hit" data-kind={h.kind} onClick={() => open(h)}>
              <span class="lib-hit-kind">{t(HIT_KEY[h.kind])}</span>
              <span class="lib-hit-title">{h.title || t('untitled')}</span>
              {h.snippet && <span class="lib-hit-snippet">{h.snippet}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Cover({ hash, url, alt }: { hash: string | null; url?: string | null; alt: string }) {
  const src = thumbOf(hash, url);
  return (
    <div class="lib-cover">
      {src ? (
        <img src={src} alt={alt} loading="lazy" decoding="async" draggable={false} />
      ) : (
        <span class="lib-cover-none">{t('libNoCover')}</span>
      )}
    </div>
  );
}

function ProductCard({ p }: { p: Product }) {
  const archive = libFilter.value.archived;
  return (
    <li class="lib-card lib-card-product" data-testid="lib-product" data-product-id={p.id}>
      <button type="button" class="lib-card-main" data-testid="lib-open" onClick={() => openProduct(p.id)}>
        <Cover hash={p.coverHash} url={p.coverThumbUrl} alt="" />
        <span class="lib-card-badge is-product">{t('libProduct')}</span>
        <span class="lib-card-title">{p.name}</span>
        <span class="lib-card-meta">{[p.kind, p.material, p.process].filter(Boolean).join(' · ')}</span>
        <span class="lib-card-meta">
          {t('libJobCount', { n: p.jobCount })} · {t('libPhotoCount', { n: p.photoCount })}
        </span>
      </button>
      <div class="lib-card-actions">
        {archive ? (
          <button
            type="button"
            class="btn btn-small"
            data-testid="lib-unarchive"
            onClick={() => void unarchiveProductCard(p)}
          >
            {t('libUnarchive')}
          </button>
        ) : (
          <button
            type="button"
            class="btn btn-small"
            data-testid="lib-archive"
            onClick={() => void archiveProductCard(p)}
          >
            {t('libArchive')}
          </button>
        )}
        <button
          type="button"
          class="btn btn-small btn-danger-outline"
          data-testid="lib-remove"
          onClick={() => void removeProductCard(p)}
        >
          {t('libRemove')}
        </button>
      </div>
    </li>
  );
}

export function JobCardView({ c, actions = true }: { c: JobCard; actions?: boolean }) {
  const archive = c.archived;
  const title = c.title.trim() || t('untitled');
  return (
    <li class="lib-card" data-testid="lib-job" data-job-id={c.id} data-posted={String(c.posted)}>
      <button
        type="button"
        class="lib-card-main"
        data-testid="lib-open"
        title={t('libOpenJob', { title })}
        onClick={() => void openJobInWizard(c.id)}
      >
        <Cover hash={c.coverHash} url={c.coverThumbUrl} alt="" />
        {c.kind === 'product_post' && <span class="lib-card-badge is-product">{t('libProductPost')}</span>}
        <span class="lib-card-title">{title}</span>
        <span class="lib-card-meta">
          {[c.clientName, c.productName, c.material, c.process].filter(Boolean).join(' · ')}
        </span>
        <span class="lib-card-meta">
          {t('libPhotoCount', { n: c.photoCount })} · {fmtDay(c.updatedAt)}
        </span>
        <span class={`lib-card-meta lib-posted${c.posted ? ' is-posted' : ''}`}>
          {c.posted ? `✓ ${t('libPosted')}` : t('libNotPosted')}
        </span>
      </button>
      {actions && (
        <div class="lib-card-actions">
          {archive ? (
            <button
              type="button"
              class="btn btn-small"
              data-testid="lib-unarchive"
              onClick={() => void unarchiveCard(c)}
            >
              {t('libUnarchive')}
            </button>
          ) : (
            <button type="button" class="btn btn-small" data-testid="lib-archive" onClick={() => void archiveCard(c)}>
              {t('libArchive')}
            </button>
          )}
          <button
            type="button"
            class="btn btn-small btn-danger-outline"
            data-testid="lib-remove"
            onClick={() => void removeCard(c)}
          >
            {t('libRemove')}
          </button>
        </div>
      )}
    </li>
  );
}

export function fmtDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return `${d.getFullYear()}. ${d.getMonth() + 1}. ${d.getDate()}.`;
}

function Cards() {
  const page = libPage.value;
  const archive = libFilter.value.archived;
  if (!page) return <p class="loading">{t('loading')}</p>;
  const empty = page.jobs.length === 0 && page.products.length === 0;
  return (
    <div class="lib-cards" data-testid="lib-cards" data-loading={String(libLoading.value)}>
      {!archive && <Filters />}
      <Hits />
      {empty ? (
        <p class="empty" data-testid="lib-empty">
          {archive ? t('libEmptyArchive') : t('libEmpty')}
        </p>
      ) : (
        <>
          {page.products.length > 0 && (
            <section aria-labelledby="lib-products-title">
              <h2 id="lib-products-title" class="lib-section-title">
                {t('libProducts')} <span class="lib-count">{page.products.length}</span>
              </h2>
              <ul class="lib-grid">
                {page.products.map((p) => (
                  <ProductCard key={p.id} p={p} />
                ))}
              </ul>
            </section>
          )}
          {page.jobs.length > 0 && (
            <section aria-labelledby="lib-jobs-title">
              <h2 id="lib-jobs-title" class="lib-section-title">
                {t('libJobs')} <span class="lib-count">{page.totalJobs}</span>
              </h2>
              <ul class="lib-grid">
                {page.jobs.map((c) => (
                  <JobCardView key={c.id} c={c} />
                ))}
              </ul>
              {page.jobs.length < page.totalJobs && (
                <button
                  type="button"
                  class="btn btn-secondary lib-more"
                  data-testid="lib-more"
                  onClick={() => void loadMoreCards()}
                >
                  {t('libMore', { shown: page.jobs.length, total: page.totalJobs })}
                </button>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
