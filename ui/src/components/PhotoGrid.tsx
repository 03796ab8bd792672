// The ordered photo grid. Reordering by mouse uses pointer events (not HTML5 drag-and-drop, which Tauri's
// native file-drop handling can swallow on Linux): the card follows the pointer and the others make room
// live; the order is sent to the backend once, on release. The ◀ ▶ buttons do the same by keyboard.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Photo } from '../backend';
import { commitOrder, movePhoto, photos, previewOrder } from '../state';
import { PhotoCard } from './PhotoCard';

interface Drag {
  id: number;
  el: HTMLElement;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  left0: number;
  top0: number;
  scroller: HTMLElement | null;
  scroll0: number;
  before: Photo[];
  started: boolean;
  raf: number;
}

const THRESHOLD = 6; // px of movement before a press becomes a drag (so clicks stay clicks)
const EDGE = 70; // px from the work area's top/bottom edge where dragging scrolls it

export function PhotoGrid() {
  const grid = useRef<HTMLOListElement>(null);
  const drag = useRef<Drag | null>(null);
  const list = photos.value;

  function place(d: Drag) {
    const scrolled = (d.scroller?.scrollTop ?? 0) - d.scroll0;
    const dx = d.x - d.startX - (d.el.offsetLeft - d.left0);
    const dy = d.y - d.startY - (d.el.offsetTop - d.top0) + scrolled;
    d.el.style.transform = `translate(${dx}px, ${dy}px)`;
  }

  // After a live reorder the dragged card's slot moved: keep it under the pointer.
  useLayoutEffect(() => {
    if (drag.current?.started) place(drag.current);
  });

  /** Move the dragged photo into the slot of the card under the pointer, if any. */
  function hitTest(d: Drag) {
    const cards = grid.current?.querySelectorAll<HTMLElement>('[data-testid="photo-card"]') ?? [];
    for (const c of cards) {
      if (c === d.el) continue;
      const r = c.getBoundingClientRect();
      if (d.x >= r.left && d.x <= r.right && d.y >= r.top && d.y <= r.bottom) {
        const ids = photos.value.map((p) => p.id);
        const from = ids.indexOf(d.id);
        const to = ids.indexOf(Number(c.dataset.photoId));
        if (from < 0 || to < 0 || from === to) return;
        ids.splice(from, 1);
        ids.splice(to, 0, d.id);
        previewOrder(ids);
        return;
      }
    }
  }

  /** While the pointer rests near the top or bottom edge, scroll the work area. */
  function autoScroll() {
    const d = drag.current;
    if (!d?.started || !d.scroller) return;
    const r = d.scroller.getBoundingClientRect();
    const step = d.y < r.top + EDGE ? -14 : d.y > r.bottom - EDGE ? 14 : 0;
    if (step) {
      const before = d.scroller.scrollTop;
      d.scroller.scrollTop += step;
      if (d.scroller.scrollTop !== before) {
        place(d);
        hitTest(d);
      }
    }
    d.raf = requestAnimationFrame(autoScroll);
  }

  function onMove(e: PointerEvent) {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    d.x = e.clientX;
    d.y = e.clientY;
    if (!d.started) {
      if (Math.hypot(d.x - d.startX, d.y - d.startY) < THRESHOLD) return;
      d.started = true;
      d.el.classList.add('is-dragging');
      grid.current?.classList.add('is-sorting');
      d.raf = requestAnimationFrame(autoScroll);
    }
    place(d);
    hitTest(d);
  }

  function end(e: PointerEvent) {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    drag.current = null;
    cancelAnimationFrame(d.raf);
    d.el.style.transform = '';
    d.el.classList.remove('is-dragging');
    grid.current?.classList.remove('is-sorting');
    if (d.started) {
      if (e.type === 'pointercancel') previewOrder(d.before.map((p) => p.id));
      else void commitOrder(d.before);
    }
  }

  function startDrag(id: number, e: PointerEvent) {
    if (e.button !== 0 || drag.current || (e.target as Element).closest('button')) return;
    const el = (e.currentTarget as HTMLElement).closest<HTMLElement>('[data-testid="photo-card"]');
    if (!el) return;
    e.preventDefault(); // no text selection, no native image drag
    drag.current = {
      id,
      el,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      x: e.clientX,
      y: e.clientY,
      left0: el.offsetLeft,
      top0: el.offsetTop,
      scroller: el.closest<HTMLElement>('.work-area'),
      scroll0: el.closest<HTMLElement>('.work-area')?.scrollTop ?? 0,
      before: photos.value,
      started: false,
      raf: 0,
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  }

  async function move(id: number, delta: -1 | 1) {
    await movePhoto(id, delta);
    // The card moved in the DOM: keep keyboard focus on the same button (or its twin at the edge).
    requestAnimationFrame(() => {
      const card = grid.current?.querySelector(`[data-photo-id="${id}"]`);
      const want = card?.querySelector<HTMLButtonElement>(`[data-testid="photo-move-${delta < 0 ? 'left' : 'right'}"]`);
      const other = card?.querySelector<HTMLButtonElement>(
        `[data-testid="photo-move-${delta < 0 ? 'right' : 'left'}"]`,
      );
      (want && !want.disabled ? want : other)?.focus();
    });
  }

  return (
    <ol class="photo-grid" ref={grid}>
      {list.map((p, i) => (
        <PhotoCard
          key={p.id}
          photo={p}
          index={i}
          count={list.length}
          onGrab={(e) => startDrag(p.id, e)}
          onMove={(d) => void move(p.id, d)}
        />
      ))}
    </ol>
  );
}
