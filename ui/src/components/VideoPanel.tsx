// The preview of a YouTube / Shorts post: a player that shows the real frames (gbframe URLs rendered by the
// app at a third of the size, stepped at about 10 a second against the clock, never faster than they load),
// a time line with the segment boundaries, the settings (seconds per photo, per-photo seconds, photo order
// and captions, captions burned in, the title card, the background music) and the text that goes to YouTube, as the export writes it
// (export_texts: the same texts the leak guard scans).
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Block, frameUrl, type Post, type VideoPlan } from '../backend';
import { pick, t } from '../i18n';
import {
  clearMusic,
  editVideoCaption,
  MAX_SECONDS,
  MIN_SECONDS,
  moveVideoPhoto,
  photos,
  pickMusic,
  plan,
  planVersion,
  refreshPlan,
  SECONDS_STEP,
  setBurnCaptions,
  setPhotoSeconds,
  setSecondsPerPhoto,
  setTitleCard,
  setTitleCardSub,
  videoTexts,
} from '../state';

const TICK_MS = 100;

export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
const secText = (s: number) => t('secondsUnit', { s: Number.isInteger(s) ? s : s.toFixed(1) });
const SECOND_CHOICES: number[] = [];
for (let s = MIN_SECONDS; s <= MAX_SECONDS; s += SECONDS_STEP) SECOND_CHOICES.push(s);

function Player({ pl, version }: { pl: VideoPlan; version: string }) {
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const wanted = useRef(''); // the src on screen now
  const arrived = useRef(''); // the last src that finished loading (or failed)
  const started = useRef<{ at: number; from: number } | null>(null);
  const last = Math.max(0, pl.totalFrames - 1);
  const shown = Math.min(frame, last);

  // A new plan: stay at the same place (clamped) and show the new frame.
  useEffect(() => {
    setFrame((f) => Math.min(f, last));
  }, [version, last]);

  useEffect(() => {
    if (!playing) {
      started.current = null;
      return;
    }
    started.current = { at: performance.now(), from: frame >= last ? 0 : frame };
    const id = setInterval(() => {
      if (wanted.current !== arrived.current || !started.current) return; // the previous frame is still coming
      const f = started.current.from + Math.floor(((performance.now() - started.current.at) / 1000) * pl.fps);
      if (f >= last) {
        setFrame(last);
        setPlaying(false);
        return;
      }
      setFrame(f);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [playing, version]);

  const src = frameUrl(pl, shown, version);
  wanted.current = src;
  const done = (e: Event) => {
    arrived.current = (e.currentTarget as HTMLImageElement).getAttribute('src') ?? '';
    setLoaded(true);
  };
  const seek = (f: number) => {
    const g = Math.max(0, Math.min(last, Math.round(f)));
    setFrame(g);
    if (started.current) started.current = { at: performance.now(), from: g };
  };
  const ms = (shown * 1000) / pl.fps;
  const vertical = pl.height > pl.width;
  let photoN = 0;
  return (
    <div class={`video-player${vertical ? ' is-vertical' : ''}`}>
      <div class="video-screen" style={{ aspectRatio: `${pl.width} / ${pl.height}` }}>
        <img
          src={src}
          data-testid="video-frame"
          data-frame={shown}
          alt={t('videoPreview')}
          width={pl.width}
          height={pl.height}
          onLoad={done}
          onError={done}
        />
        {!loaded && (
          <p class="video-wait" role="status">
            <span class="spinner" aria-hidden="true" />
            {t('videoPreparing')}
          </p>
        )}
      </div>
      <div class="video-controls">
        <button
          type="button"
          class="btn btn-secondary video-play"
          data-testid="video-play"
          aria-pressed={playing}
          onClick={() => setPlaying(!playing)}
        >
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
          {playing ? t('pause') : t('play')}
        </button>
        <span class="video-time" data-testid="video-time">
          {clock(ms)} / {clock(pl.durationMs)}
        </span>
      </div>
      <div class="video-timeline">
        <div class="video-segments" aria-hidden="true">
          {pl.segments.map((s) => {
            const label =
              s.kind === 'title' ? t('segTitle') : s.kind === 'end' ? t('segEnd') : t('segPhoto', { n: ++photoN });
            return (
              <button
                type="button"
                tabIndex={-1}
                key={`${s.kind}-${s.startFrame}`}
                data-testid="video-segment"
                class={`video-seg seg-${s.kind}${shown >= s.startFrame && shown < s.endFrame ? ' is-current' : ''}`}
                style={{ flexGrow: s.endFrame - s.startFrame }}
                title={label}
                onClick={() => seek(s.startFrame)}
              >
                <span>{label}</span>
              </button>
            );
          })}
        </div>
        <input
          type="range"
          class="video-range"
          data-testid="video-range"
          aria-label={t('timeline')}
          min={0}
          max={last}
          step={1}
          value={shown}
          aria-valuetext={`${clock(ms)} / ${clock(pl.durationMs)}`}
          onInput={(e) => seek(Number(e.currentTarget.value))}
        />
      </div>
    </div>
  );
}

function Settings({ p }: { p: Post }) {
  const v = p.video;
  const photoBlocks = p.blocks.flatMap((b, i): { b: Extract<Block, { kind: 'photo' }>; i: number }[] =>
    b.kind === 'photo' ? [{ b, i }] : [],
  );
  return (
    <div class="video-settings" data-testid="video-settings">
      <h2>{t('videoSettings')}</h2>
      <div class="field">
        <span class="field-label" id="spp-label">
          {t('secondsPerPhoto')}
        </span>
        <div class="stepper" role="group" aria-labelledby="spp-label">
          <button
            type="button"
            class="btn btn-secondary stepper-btn"
            data-testid="seconds-minus"
            disabled={v.secondsPerPhoto <= MIN_SECONDS}
            aria-label={t('fewer')}
            onClick={() => setSecondsPerPhoto(v.secondsPerPhoto - SECONDS_STEP)}
          >
            −
          </button>
          <output class="stepper-value" data-testid="seconds-value" aria-live="polite">
            {secText(v.secondsPerPhoto)}
          </output>
          <button
            type="button"
            class="btn btn-secondary stepper-btn"
            data-testid="seconds-plus"
            disabled={v.secondsPerPhoto >= MAX_SECONDS}
            aria-label={t('more')}
            onClick={() => setSecondsPerPhoto(v.secondsPerPhoto + SECONDS_STEP)}
          >
            +
          </button>
        </div>
      </div>
      <h3>{t('photosInVideo')}</h3>
      <ol class="video-photos">
        {photoBlocks.map(({ b, i }, n) => {
          const ph = photos.value.find((x) => x.id === b.photoId);
          const own = v.photoSeconds[String(b.photoId)];
          return (
            <li key={b.photoId} class="video-photo" data-testid="video-photo" data-photo-id={b.photoId}>
              <span class="video-photo-n">{n + 1}</span>
              {ph ? <img src={ph.thumbUrl} alt="" class="video-photo-thumb" /> : <span class="video-photo-thumb" />}
              <div class="video-photo-fields">
                <label class="field">
                  <span class="field-label">{t('captionLabel')}</span>
                  <input
                    type="text"
                    class="input-big"
                    data-testid="video-caption"
                    value={b.caption}
                    onInput={(e) => editVideoCaption(i, e.currentTarget.value)}
                  />
                </label>
                <label class="field field-inline">
                  <span class="field-label">{t('photoSecondsLabel')}</span>
                  <select
                    class="input-big"
                    data-testid="photo-seconds"
                    value={own === undefined ? '' : String(own)}
                    onChange={(e) => {
                      const val = e.currentTarget.value;
                      setPhotoSeconds(b.photoId, val === '' ? null : Number(val));
                    }}
                  >
                    <option value="">{t('photoSecondsDefault', { s: v.secondsPerPhoto })}</option>
                    {SECOND_CHOICES.map((s) => (
                      <option key={s} value={String(s)}>
                        {secText(s)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div class="video-photo-move">
                <button
                  type="button"
                  class="btn btn-secondary"
                  data-testid="photo-up"
                  disabled={n === 0}
                  aria-label={`${t('moveUp')} (${n + 1})`}
                  onClick={() => moveVideoPhoto(i, -1)}
                >
                  ↑ {t('moveUp')}
                </button>
                <button
                  type="button"
                  class="btn btn-secondary"
                  data-testid="photo-down"
                  disabled={n === photoBlocks.length - 1}
                  aria-label={`${t('moveDown')} (${n + 1})`}
                  onClick={() => moveVideoPhoto(i, 1)}
                >
                  ↓ {t('moveDown')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <label class="check-big">
        <input
          type="checkbox"
          data-testid="burn-captions"
          checked={v.burnCaptions}
          onChange={(e) => setBurnCaptions(e.currentTarget.checked)}
        />
        <span>{t('burnCaptions')}</span>
      </label>
      <label class="field field-wide">
        <span class="field-label">{t('titleCard')}</span>
        <input
          type="text"
          class="input-big"
          data-testid="title-card"
          value={v.titleCard}
          onInput={(e) => setTitleCard(e.currentTarget.value)}
        />
      </label>
      <label class="field field-wide">
        <span class="field-label">{t('titleCardSub')}</span>
        <input
          type="text"
          class="input-big"
          data-testid="title-card-sub"
          value={v.titleCardSub}
          onInput={(e) => setTitleCardSub(e.currentTarget.value)}
        />
      </label>
      <p class="hint">{t('titleCardHint')}</p>
      <Music p={p} />
    </div>
  );
}

/** The background music: none (the default, a silent video) or the owner's file, with where to find safe music. */
function Music({ p }: { p: Post }) {
  const m = p.video.music;
  return (
    <section class="video-music" data-testid="video-music" aria-labelledby="music-label">
      <h3 id="music-label">{t('music')}</h3>
      <p class="video-music-now" data-testid="music-name">
        {m ? (
          <>
            <span aria-hidden="true">♪ </span>
            {m.name} <span class="hint">({t('musicLength', { t: clock(m.seconds * 1000) })})</span>
          </>
        ) : (
          t('musicNone')
        )}
      </p>
      <div class="video-music-actions">
        <button type="button" class="btn btn-secondary" data-testid="music-pick" onClick={() => void pickMusic()}>
          {m ? t('musicChange') : t('musicPick')}
        </button>
        {m && (
          <button type="button" class="btn btn-secondary" data-testid="music-remove" onClick={() => void clearMusic()}>
            {t('musicRemove')}
          </button>
        )}
      </div>
      <p class="hint">{t('musicHint')}</p>
      <p class="hint" data-testid="music-guide">
        {t('musicGuide')}
      </p>
    </section>
  );
}

/** What the export will write and draw (export_texts, the very texts the leak guard scans), not the blocks. */
function TextPreview() {
  const x = videoTexts.value;
  const yt = x?.youtube;
  const d = x?.drawn;
  if (!x || !yt || !d) {
    return (
      <div class="yt-text" data-testid="yt-text">
        <h2>{t('textPreview')}</h2>
        <p class="video-wait" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('videoPreparing')}
        </p>
      </div>
    );
  }
  const tags = yt.tags
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <div class="yt-text" data-testid="yt-text">
      <h2>{t('textPreview')}</h2>
      <dl>
        <dt>{t('ytTitle')}</dt>
        <dd class="yt-title" data-testid="yt-title">
          {yt.title}
        </dd>
        <dt>{t('ytDescription')}</dt>
        <dd class="yt-description" data-testid="yt-description">
          {yt.description
            .trimEnd()
            .split(/\n{2,}/)
            .map((para, i) => (
              <p key={i}>{para}</p>
            ))}
        </dd>
        <dt>{t('tags')}</dt>
        <dd>
          <ul class="post-tags yt-tags" data-testid="yt-tags">
            {tags.map((tag) => (
              <li key={tag} class="tag">
                #{tag}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('titleCard')}</dt>
        <dd data-testid="yt-title-card">
          <span class="yt-card-line">{d.titleCard}</span>
          {d.titleCardSub && (
            <span class="yt-card-sub" data-testid="yt-title-card-sub">
              {' '}
              · {d.titleCardSub}
            </span>
          )}
        </dd>
      </dl>
      {x.replacements.length > 0 && (
        <p class="hint" data-testid="yt-replacements">
          {pick('작업 기록에서 온 글은 이렇게 바꿔서 씁니다: ', 'Texts from the job record are written with: ')}
          {x.replacements.map((r) => `${r.find} → ${r.replacement}`).join(', ')}
        </p>
      )}
    </div>
  );
}

export function VideoPanel({ post: p }: { post: Post }) {
  const pl = plan.value;
  // A new post, a new draft or any save: fetch the cut list again (cheap; the frames follow its version).
  useEffect(() => {
    void refreshPlan();
  }, [p.id, p.updatedAt]);
  return (
    <div class="video-panel" data-testid="video-panel">
      <div class="video-top">
        <div class="video-preview">
          <h2>
            {t('videoPreview')}
            {pl && <span class="video-length"> · {t('videoLength', { t: clock(pl.durationMs) })}</span>}
          </h2>
          {pl ? (
            <Player pl={pl} version={planVersion.value} />
          ) : (
            <p class="video-wait" role="status">
              <span class="spinner" aria-hidden="true" />
              {t('videoPreparing')}
            </p>
          )}
          {pl && pl.droppedPhotos > 0 && (
            <p class="hint" data-testid="dropped-photos">
              {t('droppedPhotos', { n: pl.droppedPhotos })}
            </p>
          )}
        </div>
        <Settings p={p} />
      </div>
      <TextPreview />
    </div>
  );
}
