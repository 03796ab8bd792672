// Keep posting: this week against the goal, the streak, the last 8 weeks as small bars, the month with what
// was exported (□) or posted (✓) per platform each day, and below it the history of every post — open its
// export folder again, or note that it went up ("올렸어요", the address optional).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Calendar, ExportEvent, Platform, PostHistoryItem } from '../backend';
import { type Key, lang, t } from '../i18n';
import {
  cal,
  calLoading,
  goalSaving,
  historyItems,
  loadCalendar,
  markPublished,
  nextMonth,
  openFolder,
  prevMonth,
  saveGoal,
  thisMonth,
} from '../state';

const PLATFORM_KEY: Record<Platform, Key> = {
  naver: 'naver',
  html: 'html',
  markdown: 'markdown',
  youtube: 'youtube',
  shorts: 'shorts',
};
const PLATFORM_MARK: Record<Platform, string> = { naver: 'N', html: 'H', markdown: 'M', youtube: 'YT', shorts: 'S' };
const WEEKDAYS: Key[] = ['wdMon', 'wdTue', 'wdWed', 'wdThu', 'wdFri', 'wdSat', 'wdSun'];
const STATUS_KEY: Record<PostHistoryItem['status'], Key> = {
  draft: 'statusDraft',
  exported: 'statusExported',
  published: 'statusPublished',
};

const locale = () => (lang.value === 'ko' ? 'ko-KR' : 'en-GB');
function fmtDate(iso: string, withWeekday = false): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
  });
}
const pad = (n: number) => String(n).padStart(2, '0');
const todayYmd = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function CalendarScreen() {
  const c = cal.value;
  return (
    <section class="step screen screen-calendar" aria-labelledby="step-title">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {t('calendarTitle')}
        </h1>
      </div>
      <p class="lead">{t('calendarLead')}</p>
      {!c ? (
        <p class="loading">{t('loading')}</p>
      ) : (
        <>
          <Summary c={c} />
          <MonthGrid c={c} />
        </>
      )}
      <History />
    </section>
  );
}

function Summary({ c }: { c: Calendar }) {
  const [goal, setGoal] = useState(String(c.goalPerWeek));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setGoal(String(c.goalPerWeek));
  }, [c.goalPerWeek]);
  const max = Math.max(1, c.goalPerWeek, ...c.weeks.map((w) => w.count));
  const submit = (e: Event) => {
    e.preventDefault();
    const n = Number(goal.trim());
    if (!/^\d+$/.test(goal.trim()) || n > 14) {
      setBad(true);
      return;
    }
    setBad(false);
    void saveGoal(n);
  };
  return (
    <div class="cal-summary">
      <div class="cal-stat sc-card" data-testid="this-week" data-count={c.thisWeek}>
        <span class="cal-stat-label">{t('thisWeekLabel')}</span>
        <span class="cal-stat-value">
          {c.goalPerWeek > 0
            ? t('thisWeekOf', { n: c.thisWeek, goal: c.goalPerWeek })
            : t('thisWeekValue', { n: c.thisWeek })}
        </span>
      </div>
      <div class="cal-stat sc-card" data-testid="streak" data-weeks={c.streakWeeks}>
        <span class="cal-stat-label">{t('streakLabel')}</span>
        <span class="cal-stat-value">{t('streakValue', { n: c.streakWeeks })}</span>
        {c.goalPerWeek === 0 && <span class="hint">{t('streakNoGoal')}</span>}
      </div>
      <form class="cal-goal sc-card" onSubmit={submit} noValidate>
        <label class="field-label" for="goal-input">
          {t('goalLabel')}
        </label>
        <div class="cal-goal-row">
          <input
            id="goal-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={14}
            step={1}
            class="goal-input"
            data-testid="goal-input"
            value={goal}
            aria-describedby="goal-help"
            aria-invalid={bad}
            onInput={(e) => setGoal((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="btn btn-secondary" data-testid="goal-save" disabled={goalSaving.value}>
            {t('goalSave')}
          </button>
        </div>
        <p class={`hint${bad ? ' hint-bad' : ''}`} id="goal-help" role={bad ? 'alert' : undefined}>
          {bad ? t('goalBad') : t('goalHelp')}
        </p>
      </form>
      <div class="cal-weeks sc-card">
        <span class="cal-stat-label" id="weeks-title">
          {t('weeksTitle')}
        </span>
        <ol class="week-bars" aria-labelledby="weeks-title">
          {c.weeks.map((w) => (
            <li
              key={w.start}
              class={`week-bar${w.met ? ' is-met' : ''}`}
              data-testid="week-bar"
              data-count={w.count}
              data-met={w.met}
            >
              <span
                class="week-bar-fill"
                style={{ height: `${Math.round((w.count / max) * 100)}%` }}
                aria-hidden="true"
              />
              <span class="week-bar-n" aria-hidden="true">
                {w.count}
              </span>
              <span class="sr-only">
                {t('weekBar', { date: fmtDate(w.start), n: w.count })}
                {w.met ? ` (${t('weekMet')})` : ''}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function monthCells(month: string): (string | null)[] {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(y, m - 1, 1);
  const lead = (first.getDay() + 6) % 7;
  const days = new Date(y, m, 0).getDate();
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}

function MonthGrid({ c }: { c: Calendar }) {
  const [y, m] = c.month.split('-').map(Number);
  const byDay = new Map(c.days.map((d) => [d.date, d.events]));
  const cells = monthCells(c.month);
  const rows: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  const today = todayYmd();
  return (
    <div class="cal-month sc-card" data-testid="calendar" data-month={c.month} aria-busy={calLoading.value}>
      <div class="cal-nav">
        <button type="button" class="btn btn-secondary" data-testid="calendar-prev" onClick={() => void prevMonth()}>
          <span aria-hidden="true">◀ </span>
          {t('prevMonth')}
        </button>
        <h2 class="cal-month-title" id="cal-month-title" aria-live="polite">
          {t('monthLabel', { y, m })}
        </h2>
        <div class="cal-nav-right">
          {c.month !== thisMonth() && (
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="calendar-today"
              onClick={() => void loadCalendar(null)}
            >
              {t('thisMonthBtn')}
            </button>
          )}
          <button type="button" class="btn btn-secondary" data-testid="calendar-next" onClick={() => void nextMonth()}>
            {t('nextMonth')}
            <span aria-hidden="true"> ▶</span>
          </button>
        </div>
      </div>
      <table class="cal-grid" aria-labelledby="cal-month-title">
        <thead>
          <tr>
            {WEEKDAYS.map((w, i) => (
              <th key={w} scope="col" class={i >= 5 ? 'is-weekend' : ''}>
                {t(w)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri}>
              {r.map((date, ci) =>
                date ? (
                  <DayCell key={date} date={date} events={byDay.get(date) ?? []} today={date === today} />
                ) : (
                  <td key={`x${ci}`} class="cal-day is-blank" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {c.days.length === 0 && (
        <p class="hint cal-empty" data-testid="calendar-empty">
          {t('monthEmpty')}
        </p>
      )}
      <ul class="cal-legend" aria-hidden="true">
        {(Object.keys(PLATFORM_MARK) as Platform[]).map((p) => (
          <li key={p}>
            <span class={`plat-mark plat-${p}`}>{PLATFORM_MARK[p]}</span>
            {t(PLATFORM_KEY[p])}
          </li>
        ))}
        <li>
          <span class="plat-mark plat-naver is-published">N✓</span>
          {t('kindPublished')}
        </li>
      </ul>
    </div>
  );
}

function DayCell({ date, events, today }: { date: string; events: ExportEvent[]; today: boolean }) {
  const day = Number(date.slice(8));
  const shown = events.slice(0, 4);
  const label = events.length
    ? `${t('dayEvents', { date: fmtDate(date, true), n: events.length })}: ${events
        .map(
          (e) =>
            `${t(PLATFORM_KEY[e.platform])} ${e.kind === 'published' ? t('kindPublished') : t('kindExported')} ${e.postTitle || e.jobTitle}`,
        )
        .join(', ')}`
    : t('dayNone', { date: fmtDate(date, true) });
  return (
    <td
      class={`cal-day${events.length ? ' has-events' : ''}${today ? ' is-today' : ''}`}
      data-testid="calendar-day"
      data-date={date}
      data-count={events.length}
      aria-current={today ? 'date' : undefined}
    >
      <span class="cal-day-n" aria-hidden="true">
        {day}
      </span>
      <span class="sr-only">{label}</span>
      {events.length > 0 && (
        <span class="cal-day-marks" aria-hidden="true">
          {shown.map((e, i) => (
            <span
              key={i}
              class={`plat-mark plat-${e.platform}${e.kind === 'published' ? ' is-published' : ''}`}
              title={`${t(PLATFORM_KEY[e.platform])} · ${e.kind === 'published' ? t('kindPublished') : t('kindExported')} · ${e.postTitle || e.jobTitle}`}
            >
              {PLATFORM_MARK[e.platform]}
              {e.kind === 'published' ? '✓' : ''}
            </span>
          ))}
          {events.length > shown.length && <span class="cal-more">+{events.length - shown.length}</span>}
        </span>
      )}
    </td>
  );
}

function History() {
  const list = historyItems.value;
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('postHistoryTitle')}</h2>
      {list === null ? (
        <p class="loading">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p class="empty" data-testid="history-empty">
          {t('postHistoryEmpty')}
        </p>
      ) : (
        <ul class="history-list">
          {list.map((h) => (
            <HistoryRow key={h.postId} h={h} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HistoryRow({ h }: { h: PostHistoryItem }) {
  const [marking, setMarking] = useState(false);
  const [url, setUrl] = useState('');
  const urlRef = useRef<HTMLInputElement>(null);
  const markBtn = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (marking) urlRef.current?.focus();
  }, [marking]);
  const noteId = `folder-note-${h.postId}`;
  const folderNote = !h.exportPath ? t('folderNone') : !h.folderExists ? t('folderGone') : null;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await markPublished(h.postId, url)) {
      setMarking(false);
      setUrl('');
    }
  };
  return (
    <li class={`hist sc-card is-${h.status}`} data-testid="history-item" data-post-id={h.postId} data-status={h.status}>
      <div class="hist-main">
        <div class="hist-top">
          <span class={`plat-mark plat-${h.platform}`} aria-hidden="true">
            {PLATFORM_MARK[h.platform]}
          </span>
          <span class="hist-platform">{t(PLATFORM_KEY[h.platform])}</span>
          <span class={`status-badge status-${h.status}`} data-testid="history-status">
            {t(STATUS_KEY[h.status])}
          </span>
        </div>
        <h3 class="hist-title">{h.title.trim() || t('untitled')}</h3>
        <p class="hist-job">{h.jobTitle.trim() || t('untitled')}</p>
        <p class="hist-meta">
          {h.exportedAt
            ? t('exportedOn', { date: fmtDate(h.exportedAt) })
            : t('changedOn', { date: fmtDate(h.updatedAt) })}
          {h.exportPath && <span class="hist-path"> · {h.exportPath}</span>}
        </p>
        {h.publishedUrl && (
          <p class="hist-meta" data-testid="history-url">
            {t('publishedWhere')}: <span class="hist-url">{h.publishedUrl}</span>
          </p>
        )}
      </div>
      <div class="hist-actions">
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="open-folder"
          disabled={!h.exportPath || !h.folderExists}
          aria-describedby={folderNote ? noteId : undefined}
          onClick={() => void openFolder(h.postId)}
        >
          {t('openFolder')}
        </button>
        {folderNote && (
          <p class="hint hist-note" id={noteId} data-testid="folder-note">
            {folderNote}
          </p>
        )}
        {h.status !== 'published' && !marking && (
          <button
            type="button"
            class="btn btn-accent-outline btn-mark"
            data-testid="mark-published"
            ref={markBtn}
            onClick={() => setMarking(true)}
          >
            {t('markPublished')}
          </button>
        )}
      </div>
      {marking && (
        <form class="hist-publish" onSubmit={(e) => void submit(e)} noValidate>
          <label class="field-label" for={`pub-url-${h.postId}`}>
            {t('publishedUrl')}
          </label>
          <div class="hist-publish-row">
            <input
              id={`pub-url-${h.postId}`}
              ref={urlRef}
              type="url"
              data-testid="published-url"
              value={url}
              placeholder={t('publishedUrlPh')}
              autocomplete="off"
              spellcheck={false}
              onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setMarking(false);
                  setTimeout(() => markBtn.current?.focus());
                }
              }}
            />
            <button type="submit" class="btn btn-primary" data-testid="published-save">
              {t('publishedSave')}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="published-cancel"
              onClick={() => {
                setMarking(false);
                setTimeout(() => markBtn.current?.focus());
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
