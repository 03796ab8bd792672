// The box editor over the selected photo, drawn large at its own aspect ratio. Press and drag on the photo
// draws a box, dragging a box moves it, its corner handles resize it (pointer events with pointer capture,
// listened for on the window too, so a plain WebDriver or X drag works as well as a hand on the mouse). Every
// box is focusable: arrows move it, Alt/Ctrl + arrows or + / − resize it, Delete removes it; "add a box" is
// the keyboard way to start. Boxes are solid black, as the export burns them in (never a blur).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Photo, RedactBox } from '../backend';
import { t } from '../i18n';
import { clampBox, deleteBox, MIN_BOX, previewBoxes, saveBoxes } from '../state';

type Corner = 'nw' | 'ne' | 'sw' | 'se';
const CORNERS: Corner[] = ['nw', 'ne', 'sw', 'se'];
interface Drag {
  mode: 'draw' | 'move' | 'resize';
  pointerId: number;
  index: number; // the box being drawn, moved or resized
  corner: Corner | null;
  startX: number;
  startY: number; // fractions
  startPx: [number, number];
  base: RedactBox[]; // the boxes when the press began
  current: RedactBox[];
  started: boolean;
  move: (e: PointerEvent) => void; // the listeners added for this drag (removed by the same reference)
  up: (e: PointerEvent) => void;
}
const DRAW_THRESHOLD_PX = 4; // less than this is a click, not a box
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export function RedactEditor({ photo, index }: { photo: Photo; index: number }) {
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [sel, setSel] = useState<number | null>(null);
  const [focusWanted, setFocusWanted] = useState<number | null>(null);
  const boxes = photo.redactions;
  const ratio = photo.width > 0 && photo.height > 0 ? photo.width / photo.height : 4 / 3;

  // Another photo: nothing selected. Not on the first render: a box focused as soon as the editor opens (the
  // keyboard, a quick hand) keeps its selection, and with it the delete button.
  const shownPhoto = useRef(photo.id);
  useEffect(() => {
    if (shownPhoto.current === photo.id) return;
    shownPhoto.current = photo.id;
    setSel(null);
  }, [photo.id]);
  // Focus a box once it is on screen (after drawing or adding one).
  useEffect(() => {
    if (focusWanted === null) return;
    canvas.current
      ?.querySelector<HTMLElement>(`[data-testid="redact-box"][data-index="${focusWanted}"]`)
      ?.focus({ preventScroll: true });
    setFocusWanted(null);
  }, [focusWanted, boxes]);
  useEffect(() => () => stop(), []);

  function frac(e: PointerEvent): [number, number] {
    const el = canvas.current;
    if (!el) return [0, 0];
    const r = el.getBoundingClientRect();
    return [clamp01((e.clientX - r.left) / r.width), clamp01((e.clientY - r.top) / r.height)];
  }

  function onDown(e: PointerEvent) {
    if (e.button !== 0 || drag.current || !canvas.current) return;
    const target = e.target as Element;
    if (target.closest('button')) return;
    const boxEl = target.closest<HTMLElement>('[data-testid="redact-box"]');
    const handle = target.closest<HTMLElement>('[data-handle]');
    e.preventDefault(); // no text selection, no native image drag
    const [x, y] = frac(e);
    const i = boxEl ? Number(boxEl.dataset.index) : boxes.length;
    drag.current = {
      mode: handle ? 'resize' : boxEl ? 'move' : 'draw',
      pointerId: e.pointerId,
      index: i,
      corner: (handle?.dataset.handle as Corner | undefined) ?? null,
      startX: x,
      startY: y,
      startPx: [e.clientX, e.clientY],
      base: boxes,
      current: boxes,
      started: false,
      move: onMove,
      up: onUp,
    };
    if (boxEl) {
      setSel(i);
      boxEl.focus({ preventScroll: true });
    }
    try {
      canvas.current.setPointerCapture(e.pointerId);
    } catch {
      /* the window listeners still see the drag */
    }
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
  }

  function onMove(e: PointerEvent) {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    if (!d.started) {
      if (Math.hypot(e.clientX - d.startPx[0], e.clientY - d.startPx[1]) < DRAW_THRESHOLD_PX) return;
      d.started = true;
    }
    const [x, y] = frac(e);
    let box: RedactBox;
    if (d.mode === 'draw') {
      box = {
        x: Math.min(d.startX, x),
        y: Math.min(d.startY, y),
        w: Math.abs(x - d.startX),
        h: Math.abs(y - d.startY),
      };
    } else if (d.mode === 'move') {
      const o = d.base[d.index];
      box = { ...o, x: o.x + x - d.startX, y: o.y + y - d.startY };
    } else {
      const o = d.base[d.index];
      // The corner opposite the handle stays put.
      const fx = d.corner === 'nw' || d.corner === 'sw' ? o.x + o.w : o.x;
      const fy = d.corner === 'nw' || d.corner === 'ne' ? o.y + o.h : o.y;
      box = { x: Math.min(fx, x), y: Math.min(fy, y), w: Math.abs(x - fx), h: Math.abs(y - fy) };
    }
    box = clampBox(box);
    const next = d.base.slice();
    next[d.index] = box;
    d.current = next;
    previewBoxes(photo.id, next);
  }

  function stop() {
    const d = drag.current;
    if (!d) return;
    window.removeEventListener('pointermove', d.move);
    window.removeEventListener('pointerup', d.up);
    window.removeEventListener('pointercancel', d.up);
    try {
      canvas.current?.releasePointerCapture(d.pointerId);
    } catch {
      /* already released */
    }
    drag.current = null;
  }

  function onUp(e: PointerEvent) {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    // The release point counts even when no move event came before it (a bare down → up drag).
    if (e.type === 'pointerup') onMove(e);
    stop();
    if (!d.started || e.type === 'pointercancel') {
      previewBoxes(photo.id, d.base);
      if (d.mode === 'draw') setSel(null); // a click on the photo clears the selection
      return;
    }
    void saveBoxes(photo.id, d.current, true);
    setSel(d.index);
    setFocusWanted(d.index);
  }

  function change(i: number, box: RedactBox) {
    const next = boxes.slice();
    next[i] = clampBox(box);
    void saveBoxes(photo.id, next);
  }

  function onKey(i: number, e: KeyboardEvent) {
    const b = boxes[i];
    if (!b) return;
    const s = e.shiftKey ? 0.1 : 0.01;
    const resize = e.altKey || e.ctrlKey || e.metaKey;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const a = arrows[e.key];
    if (a) {
      if (resize) change(i, { ...b, w: b.w + a[0] * s, h: b.h + a[1] * s });
      else change(i, { ...b, x: b.x + a[0] * s, y: b.y + a[1] * s });
    } else if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_') {
      const g = e.key === '+' || e.key === '=' ? s : -s;
      const w = Math.max(MIN_BOX, b.w + 2 * g);
      const h = Math.max(MIN_BOX, b.h + 2 * g);
      change(i, { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, w, h });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      remove(i);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  function remove(i: number) {
    deleteBox(photo.id, i);
    const left = boxes.length - 1;
    if (left > 0) {
      const n = Math.min(i, left - 1);
      setSel(n);
      setFocusWanted(n);
    } else {
      setSel(null);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="redact-add"]')?.focus());
    }
  }

  function add() {
    const next = [...boxes, clampBox({ x: 0.4, y: 0.4, w: 0.2, h: 0.2 })];
    void saveBoxes(photo.id, next, true);
    setSel(next.length - 1);
    setFocusWanted(next.length - 1);
  }

  const selected = sel !== null && sel < boxes.length ? sel : null;
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  return (
    <div class="redact">
      <div class="redact-frame">
        <div
          ref={canvas}
          class="redact-canvas"
          data-testid="redact-canvas"
          data-photo-id={photo.id}
          role="group"
          aria-label={t('canvasLabel', { name: photo.originalName })}
          style={{ aspectRatio: `${ratio}`, maxWidth: `calc(62vh * ${ratio})` }}
          onPointerDown={onDown}
        >
          {/* The only view of the photo without its boxes burned in: the owner must see what they cover. */}
          <img src={photo.rawThumbUrl} alt="" draggable={false} data-testid="redact-image" />
          {boxes.map((b, i) => (
            <div
              key={i}
              class={`redact-box${selected === i ? ' is-selected' : ''}`}
              data-testid="redact-box"
              data-index={i}
              tabIndex={0}
              role="button"
              aria-label={t('boxLabel', { n: i + 1 })}
              aria-describedby="redact-keys"
              aria-pressed={selected === i}
              style={{ left: pct(b.x), top: pct(b.y), width: pct(b.w), height: pct(b.h) }}
              onFocus={() => setSel(i)}
              onKeyDown={(e) => onKey(i, e)}
            >
              {selected === i &&
                CORNERS.map((c) => (
                  <span key={c} class={`redact-handle handle-${c}`} data-handle={c} aria-hidden="true" />
                ))}
            </div>
          ))}
        </div>
      </div>
      <div class="redact-tools">
        <button type="button" class="btn btn-secondary" data-testid="redact-add" onClick={add}>
          {t('redactAdd')}
        </button>
        {selected !== null && (
          <button
            type="button"
            class="btn btn-secondary btn-danger"
            data-testid="redact-box-delete"
            aria-label={`${t('redactDelete')} (${t('boxLabel', { n: selected + 1 })})`}
            onClick={() => remove(selected)}
          >
            <span aria-hidden="true">× </span>
            {t('redactDelete')}
          </button>
        )}
        <span class="redact-count" aria-live="polite">
          {t('photoN', { n: index + 1 })} · {t('boxCount', { n: boxes.length })}
        </span>
      </div>
      <p class="hint redact-keys" id="redact-keys">
        {t('redactKeys')}
      </p>
    </div>
  );
}
