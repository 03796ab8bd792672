// Every photo of the library on one wall, newest first. Virtualised: the rows have one fixed height, and only
// the rows in view (and a few around them) are in the page, so ten thousand photos scroll as smoothly as ten;
// their tiles load a page at a time as they come into view. A photo clicked can be put into a job ("이 작업에
// 추가": the job open in the wizard, or one chosen from the list).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PhotoTile } from '../backend';
import { t } from '../i18n';
import {
  addTileToJob,
  ensureWall,
  job,
  jobList,
  loadJobList,
  thumbOf,
  wallSelected,
  wallTiles,
  wallTotal,
} from '../state';

/** One row: the tile (square) plus the gap under it. Fixed, so a row's place is its index times this. */
export const ROW = 196;
const TILE_MIN = 170;
const GAP = 12;
const OVERSCAN = 2;

export function PhotoWall() {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600, width: 900 });
  const total = wallTotal.value;
  const tiles = wallTiles.value;

  // Measure the wall and follow its scrolling and resizing.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight, width: el.clientWidth });
    measure();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);

  const cols = Math.max(1, Math.floor((view.width + GAP) / (TILE_MIN + GAP)));
  const count = total ?? 0;
  const rows = Math.ceil(count / cols);
  const firstRow = Math.max(0, Math.floor(view.top / ROW) - OVERSCAN);
  const lastRow = Math.min(rows - 1, Math.ceil((view.top + view.height) / ROW) + OVERSCAN);
  const from = firstRow * cols;
  const to = Math.min(count, (lastRow + 1) * cols) - 1;

  // The first page tells how many there are; then whatever is in view.
  useEffect(() => {
    if (total === null) void ensureWall(0, 0);
    else if (to >= from) void ensureWall(from, to);
  }, [total, from, to]);

  const size = Math.floor((view.width - GAP * (cols - 1)) / cols);
  const cells = [];
  for (let i = from; i <= to; i++) {
    const tile = tiles.get(i);
    const row = Math.floor(i / cols);
    const col = i % cols;
    const style = {
      top: `${row * ROW}px`,
      left: `${col * (size + GAP)}px`,
      width: `${size}px`,
      height: `${ROW - GAP}px`,
    };
    cells.push(
      tile ? (
        <Cell key={i} index={i} tile={tile} style={style} />
      ) : (
        <div key={i} class="wall-cell is-loading" style={style} aria-hidden="true" />
      ),
    );
  }

  return (
    <div class="wall-wrap">
      <p class="hint wall-lead">
        {t('wallLead')}{' '}
        {total !== null && (
          <strong data-testid="wall-total" data-total={total}>
            {t('libPhotoCount', { n: total })}
          </strong>
        )}
      </p>
      <div class="wall" ref={box} data-testid="wall" data-cols={cols} role="region" aria-label={t('libTabPhotos')}>
        {total === 0 ? (
          <p class="empty">{t('wallEmpty')}</p>
        ) : (
          <div class="wall-space" style={{ height: `${rows * ROW}px` }}>
            {cells}
          </div>
        )}
      </div>
      {wallSelected.value && <AddToJob tile={wallSelected.value} />}
    </div>
  );
}

function Cell({ index, tile, style }: { index: number; tile: PhotoTile; style: Record<string, string> }) {
  const selected = wallSelected.value?.photoId === tile.photoId;
  const src = thumbOf(tile.hash, tile.thumbUrl) ?? '';
  return (
    <button
      type="button"
      class={`wall-cell${selected ? ' is-selected' : ''}`}
      style={style}
      data-testid="wall-cell"
      data-index={index}
      data-photo-id={tile.photoId}
      aria-pressed={selected}
      title={[tile.caption, tile.jobTitle].filter(Boolean).join(' · ')}
      onClick={() => {
        wallSelected.value = selected ? null : tile;
      }}
    >
      <img src={src} alt={tile.caption || tile.jobTitle} loading="lazy" decoding="async" draggable={false} />
      <span class="wall-cell-job">{tile.jobTitle.trim() || t('untitled')}</span>
    </button>
  );
}

/** The panel under the wall for the photo picked: which job it goes into. */
function AddToJob({ tile }: { tile: PhotoTile }) {
  const [target, setTarget] = useState<string>('');
  const current = job.value;
  const jobs = jobList.value;
  useEffect(() => {
    void loadJobList();
  }, []);
  useEffect(() => {
    setTarget(current ? String(current.id) : '');
  }, [tile.photoId, current?.id]);
  const chosen =
    jobs?.find((j) => String(j.id) === target) ?? (current && String(current.id) === target ? current : null);
  const add = async () => {
    if (!chosen) return;
    if (await addTileToJob(tile, chosen.id, chosen.title)) wallSelected.value = null;
  };
  return (
    <section
      class="wall-add sc-card"
      data-testid="wall-panel"
      data-photo-id={tile.photoId}
      aria-labelledby="wall-add-title"
    >
      <img class="wall-add-thumb" src={thumbOf(tile.hash, tile.thumbUrl) ?? ''} alt="" />
      <div class="wall-add-body">
        <h2 id="wall-add-title">{t('wallAddTitle')}</h2>
        <p class="hint">{t('wallFrom', { title: tile.jobTitle.trim() || t('untitled') })}</p>
        <label class="field">
          <span class="field-label">{t('wallChooseJob')}</span>
          <select data-testid="wall-add-job" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            {current && (
              <option value={String(current.id)}>
                {t('wallCurrentJob', { title: current.title.trim() || t('untitled') })}
              </option>
            )}
            {(jobs ?? [])
              .filter((j) => j.id !== current?.id)
              .map((j) => (
                <option key={j.id} value={String(j.id)}>
                  {j.title.trim() || t('untitled')}
                </option>
              ))}
          </select>
        </label>
        <div class="form-actions">
          <button
            type="button"
            class="btn btn-primary"
            data-testid="wall-add"
            disabled={!chosen}
            onClick={() => void add()}
          >
            {t('wallAdd')}
          </button>
          <button type="button" class="btn btn-secondary" onClick={() => (wallSelected.value = null)}>
            {t('close')}
          </button>
        </div>
      </div>
    </section>
  );
}
