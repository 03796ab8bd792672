// 배우기 / Learn: short illustrated lessons on what the coach asks for and why. First the list (title and one
// line each, in order), then one lesson drawn from its blocks — headings, paragraphs with bold words, lists
// and drawings — in big, readable type. The blocks come from Rust as plain data: nothing here renders HTML.
import type { LessonBlock, LessonSpan } from '../backend';
import { t } from '../i18n';
import { lessonList, lessonLoading, openLesson, showLesson } from '../state';

function Spans({ spans }: { spans: LessonSpan[] }) {
  return <>{spans.map((s, i) => (s.bold ? <strong key={i}>{s.text}</strong> : <span key={i}>{s.text}</span>))}</>;
}

function Block({ b }: { b: LessonBlock }) {
  switch (b.kind) {
    case 'heading':
      return b.level <= 2 ? <h2 class="lesson-h2">{b.text}</h2> : <h3 class="lesson-h3">{b.text}</h3>;
    case 'paragraph':
      return (
        <p class="lesson-p">
          <Spans spans={b.spans} />
        </p>
      );
    case 'list':
      return (
        <ul class="lesson-list">
          {b.items.map((item, i) => (
            <li key={i}>
              <Spans spans={item} />
            </li>
          ))}
        </ul>
      );
    case 'image':
      return (
        <figure class="lesson-figure">
          <img src={b.dataUrl} alt={b.alt} data-testid="lesson-image" />
        </figure>
      );
  }
}

export function LessonsScreen() {
  const open = openLesson.value;
  return (
    <section class="step screen screen-lessons" aria-labelledby="step-title" data-testid="lessons">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {open ? open.title : t('lessonsTitle')}
        </h1>
        {!open && <p class="hint">{t('lessonsHelp')}</p>}
      </div>
      {open ? (
        <article class="lesson sc-card" data-testid="lesson" data-id={open.id} aria-busy={lessonLoading.value}>
          <button type="button" class="btn" data-testid="lesson-back" onClick={() => void showLesson(null)}>
            ‹ {t('lessonsBack')}
          </button>
          {open.summary && <p class="lesson-summary">{open.summary}</p>}
          {open.blocks.map((b, i) => (
            <Block key={i} b={b} />
          ))}
          <button type="button" class="btn" onClick={() => void showLesson(null)}>
            ‹ {t('lessonsBack')}
          </button>
        </article>
      ) : (
        <ol class="lesson-cards">
          {lessonList.value.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                class="lesson-card sc-card"
                data-testid="lesson-item"
                data-id={l.id}
                onClick={() => void showLesson(l.id)}
              >
                <span class="lesson-card-title">{l.title}</span>
                <span class="lesson-card-summary">{l.summary}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
