// The post rendered like the target blog (Naver: a white page, one centred ~700 px column, big title, photos
// full width with captions). Built from Post.blocks with Preact elements, so every word is text, never HTML.
// A paragraph, heading or caption turns into a textarea when clicked; leaving it saves. Words the text scan
// flagged are wrapped in <mark> by splitting the text into pieces (still text nodes, never innerHTML); a finding in
// a table cell is marked in that cell (its row and column), not in the whole row.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Block, Post, TextFinding } from '../backend';
import { t } from '../i18n';
import { editBlock, findings, flushPost, photos } from '../state';

/** `text` with the flagged ranges marked. Offsets are checked against the text (it may have changed since the
 *  scan); a range that no longer matches falls back to the first occurrence of the flagged word. */
export function marked(text: string, fs: TextFinding[]): ComponentChildren {
  if (fs.length === 0 || !text) return text;
  const ranges: [number, number][] = [];
  for (const f of fs) {
    let s = f.start;
    let e = f.end;
    if (text.slice(s, e) !== f.text) {
      s = text.indexOf(f.text);
      if (s < 0 || !f.text) continue;
      e = s + f.text.length;
    }
    if (!ranges.some(([a, b]) => s < b && e > a)) ranges.push([s, e]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push(text.slice(at, s));
    out.push(
      <mark key={s} class="flag-mark" data-testid="flag-mark">
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

const inBlock = (i: number, item: number | null = null) =>
  findings.value.filter(
    (f) => f.field !== 'title' && f.field !== 'tag' && f.blockIndex === i && f.itemIndex === item && f.row == null,
  );
/** The findings in one cell of the table that is block `i` (row `r`, column `c`: 0 the label, 1 the value). */
const inCell = (i: number, r: number, c: number) =>
  findings.value.filter((f) => f.field === 'body' && f.blockIndex === i && f.row === r && f.column === c);

function EditableText({
  text,
  onChange,
  tag,
  testid,
  placeholder,
  flags,
}: {
  text: string;
  onChange: (s: string) => void;
  tag: 'p' | 'h2' | 'figcaption';
  testid: string;
  placeholder?: string;
  flags: TextFinding[];
}) {
  const [editing, setEditing] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing && area.current) {
      area.current.focus();
      fit(area.current);
    }
  }, [editing]);
  const fit = (el: HTMLTextAreaElement) => {
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 4}px`;
  };
  if (editing) {
    return (
      <div class={`block-edit block-edit-${tag}`}>
        <textarea
          ref={area}
          data-testid={`${testid}-editor`}
          value={text}
          onInput={(e) => {
            onChange(e.currentTarget.value);
            fit(e.currentTarget);
          }}
          onBlur={() => {
            setEditing(false);
            void flushPost();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <button
          type="button"
          class="btn btn-small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => area.current?.blur()}
        >
          {t('doneEditing')}
        </button>
      </div>
    );
  }
  const Tag = tag as 'div';
  return (
    <Tag
      class="editable"
      data-testid={testid}
      tabIndex={0}
      role="button"
      aria-label={`${t('editParagraph')}: ${text.slice(0, 40)}`}
      onClick={() => setEditing(true)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          setEditing(true);
        }
      }}
    >
      {text ? marked(text, flags) : <span class="placeholder">{placeholder}</span>}
    </Tag>
  );
}

function BlockView({ block, index }: { block: Block; index: number }) {
  switch (block.kind) {
    case 'heading':
      return (
        <EditableText
          tag="h2"
          testid="preview-heading"
          text={block.text}
          flags={inBlock(index)}
          onChange={(text) => editBlock(index, { ...block, text })}
        />
      );
    case 'paragraph':
      return (
        <EditableText
          tag="p"
          testid="preview-paragraph"
          text={block.text}
          flags={inBlock(index)}
          onChange={(text) => editBlock(index, { ...block, text })}
        />
      );
    case 'list':
      return (
        <ul class="post-list">
          {block.items.map((it, i) => (
            <li key={i}>{marked(it, inBlock(index, i))}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table class="post-table" data-testid="preview-table">
          <tbody>
            {block.rows.map(([k, v], r) => (
              <tr key={r} data-testid="table-row" data-row={r}>
                <th scope="row" data-testid="table-cell" data-row={r} data-column={0}>
                  {marked(k, inCell(index, r, 0))}
                </th>
                <td data-testid="table-cell" data-row={r} data-column={1}>
                  {marked(v, inCell(index, r, 1))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'photo': {
      const ph = photos.value.find((p) => p.id === block.photoId);
      return (
        <figure class="post-photo" data-testid="preview-photo" data-photo-id={block.photoId}>
          {ph ? (
            <img src={ph.thumbUrl} alt={block.caption || ph.originalName} />
          ) : (
            <div class="post-photo-missing">{t('missingPhoto')}</div>
          )}
          <EditableText
            tag="figcaption"
            testid="preview-caption"
            text={block.caption}
            flags={inBlock(index)}
            placeholder={t('caption')}
            onChange={(caption) => editBlock(index, { ...block, caption })}
          />
        </figure>
      );
    }
    default:
      return null;
  }
}

export function PostPreview({ post }: { post: Post }) {
  const fs = findings.value;
  return (
    <div class={`preview-frame preview-${post.platform}`}>
      <article class="post-page" data-testid="preview" data-platform={post.platform}>
        <h1 class="post-title" data-testid="preview-title">
          {marked(
            post.title,
            fs.filter((f) => f.field === 'title'),
          )}
        </h1>
        <div class="post-meta" aria-hidden="true">
          <span class="post-meta-bar" />
        </div>
        {post.blocks.map((b, i) => (
          <BlockView key={i} block={b} index={i} />
        ))}
        {post.tags.length > 0 && (
          <ul class="post-tags" aria-label={t('tags')}>
            {post.tags.map((tag, i) => (
              <li key={tag} class="tag" data-testid="preview-tag">
                #
                {marked(
                  tag.replace(/^#/, ''),
                  fs.filter((f) => f.field === 'tag' && f.itemIndex === i),
                )}
              </li>
            ))}
          </ul>
        )}
      </article>
    </div>
  );
}
