// One product (issue 14): what the shop makes, as the owner thinks of it — name, kind, material, process, a
// description and a cover photo chosen from its jobs' photos — with its jobs, its best photos and its posts, and
// "이 제품으로 새 글": a post about the product itself, drawing on all its jobs (the leak guard applies the strictest
// policy among them; approvals are recorded in those jobs).
import { useEffect, useState } from 'preact/hooks';
import type { Product } from '../backend';
import { t } from '../i18n';
import {
  closeProduct,
  newProductPostInWizard,
  openJobInWizard,
  productDetail,
  saveProductForm,
  thumbOf,
} from '../state';
import { fmtDay, JobCardView } from './LibraryScreen';

export function ProductScreen({ id }: { id: number | null }) {
  const d = productDetail.value;
  const loaded = id === null || (d !== null && d.product.id === id);
  return (
    <section class="step screen screen-product" data-testid="product-screen" aria-labelledby="step-title">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {id === null ? t('productNew') : loaded && d ? d.product.name : t('libProduct')}
        </h1>
        <div class="lib-head-actions">
          <button type="button" class="btn btn-secondary" data-testid="product-back" onClick={closeProduct}>
            <span aria-hidden="true">◀ </span>
            {t('productBack')}
          </button>
        </div>
      </div>
      <p class="lead">{t('productLead')}</p>
      {!loaded ? (
        <p class="loading">{t('loading')}</p>
      ) : (
        <>
          <ProductForm key={id ?? 'new'} product={id === null ? null : (d?.product ?? null)} />
          {id !== null && d && (
            <>
              <section class="sc-card product-post" aria-labelledby="product-post-title">
                <h2 id="product-post-title">{t('productNewPost')}</h2>
                <p class="hint">{t('productNewPostHelp')}</p>
                <button
                  type="button"
                  class="btn btn-primary btn-big"
                  data-testid="product-new-post"
                  onClick={() => void newProductPostInWizard(id)}
                >
                  {t('productNewPost')}
                </button>
              </section>
              <section class="sc-card" aria-labelledby="product-jobs-title">
                <h2 id="product-jobs-title">{t('productJobs')}</h2>
                {d.jobs.length === 0 ? (
                  <p class="hint">{t('productNoJobs')}</p>
                ) : (
                  <ul class="lib-grid lib-grid-small" data-testid="product-jobs">
                    {d.jobs.map((c) => (
                      <JobCardView key={c.id} c={c} actions={false} />
                    ))}
                  </ul>
                )}
              </section>
              <section class="sc-card" aria-labelledby="product-photos-title">
                <h2 id="product-photos-title">{t('productPhotos')}</h2>
                {d.photos.length === 0 ? (
                  <p class="hint">{t('productNoPhotos')}</p>
                ) : (
                  <ul class="product-photos" data-testid="product-photos">
                    {d.photos.map((p) => (
                      <li key={p.photoId} data-testid="product-photo" data-photo-id={p.photoId}>
                        <img src={thumbOf(p.hash, p.thumbUrl) ?? ''} alt={p.caption || p.jobTitle} loading="lazy" />
                        <span>{p.caption || p.jobTitle}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section class="sc-card" aria-labelledby="product-posts-title">
                <h2 id="product-posts-title">{t('productPosts')}</h2>
                {d.posts.length === 0 ? (
                  <p class="hint">{t('productNoPosts')}</p>
                ) : (
                  <ul class="product-posts">
                    {d.posts.map((p) => (
                      <li key={p.postId}>
                        <button
                          type="button"
                          class="lib-hit"
                          data-testid="product-post"
                          data-post-id={p.postId}
                          onClick={() => void openJobInWizard(p.jobId)}
                        >
                          <span class="lib-hit-kind">{p.platform}</span>
                          <span class="lib-hit-title">{p.title.trim() || t('untitled')}</span>
                          <span class="lib-hit-snippet">
                            {p.exportedAt
                              ? t('productPostExported', { date: fmtDay(p.exportedAt) })
                              : t('productPostDraft')}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </>
      )}
    </section>
  );
}

function ProductForm({ product }: { product: Product | null }) {
  const d = productDetail.value;
  const [name, setName] = useState(product?.name ?? '');
  const [kind, setKind] = useState(product?.kind ?? '');
  const [material, setMaterial] = useState(product?.material ?? '');
  const [process, setProcess] = useState(product?.process ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [cover, setCover] = useState<number | null>(product?.coverPhotoId ?? null);
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setName(product?.name ?? '');
    setKind(product?.kind ?? '');
    setMaterial(product?.material ?? '');
    setProcess(product?.process ?? '');
    setDescription(product?.description ?? '');
    setCover(product?.coverPhotoId ?? null);
  }, [product]);
  const photos = product && d?.product.id === product.id ? d.photos : [];
  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    setSaving(true);
    await saveProductForm({
      id: product?.id ?? null,
      name: name.trim(),
      kind: kind.trim(),
      material: material.trim(),
      process: process.trim(),
      description: description.trim(),
      coverPhotoId: cover,
    });
    setSaving(false);
  }
  const text = (
    testid: string,
    label: Parameters<typeof t>[0],
    ph: Parameters<typeof t>[0],
    value: string,
    set: (v: string) => void,
  ) => (
    <label class="field">
      <span class="field-label">{t(label)}</span>
      <input
        type="text"
        data-testid={testid}
        value={value}
        placeholder={t(ph)}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </label>
  );
  return (
    <form class="sc-card product-form" data-testid="product-form" onSubmit={(e) => void submit(e)}>
      <div class="pf-grid">
        <label class="field pf-wide">
          <span class="field-label">{t('productName')}</span>
          <input
            type="text"
            class="input-big"
            data-testid="product-name"
            value={name}
            placeholder={t('productNamePh')}
            aria-invalid={missing && !name.trim()}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setMissing(false);
            }}
          />
          {missing && (
            <span class="field-error" role="alert">
              {t('productNameMissing')}
            </span>
          )}
        </label>
        {text('product-kind', 'productKind', 'productKindPh', kind, setKind)}
        {text('product-material', 'fMaterial', 'fMaterialPh', material, setMaterial)}
        {text('product-process', 'fProcess', 'fProcessPh', process, setProcess)}
        <label class="field pf-wide">
          <span class="field-label">{t('productDescription')}</span>
          <textarea
            data-testid="product-description"
            rows={3}
            value={description}
            placeholder={t('productDescriptionPh')}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </label>
      </div>
      {product && (
        <fieldset class="pf-set product-cover-set">
          <legend class="field-label">{t('productCover')}</legend>
          {photos.length === 0 ? (
            <p class="hint">{t('productNoPhotos')}</p>
          ) : (
            <>
              <p class="hint">{t('productCoverHelp')}</p>
              <ul class="product-covers">
                {photos.map((p) => (
                  <li key={p.photoId}>
                    <button
                      type="button"
                      class={`product-cover${cover === p.photoId ? ' is-on' : ''}`}
                      data-testid="product-cover"
                      data-photo-id={p.photoId}
                      aria-pressed={cover === p.photoId}
                      onClick={() => setCover(p.photoId)}
                    >
                      <img src={thumbOf(p.hash, p.thumbUrl) ?? ''} alt={p.caption || p.jobTitle} />
                      {cover === p.photoId && <span class="product-cover-tick">✓ {t('productCoverOn')}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
      )}
      <div class="form-actions">
        <button type="submit" class="btn btn-accent-outline" data-testid="product-save" disabled={saving}>
          {t('productSave')}
        </button>
      </div>
    </form>
  );
}
