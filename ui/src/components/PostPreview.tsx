// The post rendered like the target blog (Naver: a white page, one centred ~700 px column, big title, photos
// full width with captions). Built from Post.blocks with Preact elements, so every word is text, never HTML.
// A paragraph, heading or caption turns into a textarea when clicked; leaving it saves.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { editBlock, flushPost, photos } from '../state';
import type { Block, Post } from '../backend';

function EditableText({ text, onChange, tag, testid, placeholder }: {
  text: string; onChange: (s: string) => void; tag: 'p' | 'h2' | 'figcaption'; testid: string; placeholder?: string;
}) {
  const [editing, setEditing] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing && area.current) {
      area.current.focus();
      fit(area.current);
    }
  }, [editing]);
  const fit = (el: HTMLTextAreaElement) => { el.style.height = 'auto'; el.style.height = `${el.scrollHeight + 4}px`; };
  if (editing) {
    return (
      <div class={`block-edit block-edit-${tag}`}>
        <textarea
          ref={area}
          data-testid={`${testid}-editor`}
          value={text}
          onInput={(e) => { onChange(e.currentTarget.value); fit(e.currentTarget); }}
          onBlur={() => { setEditing(false); void flushPost(); }}
          onKeyDown={(e) => { if (e.key === 'Escape') e.currentTarget.blur(); }}
        />
        <button type="button" class="btn btn-small" onMouseDown={(e) => e.preventDefault()} onClick={() => area.current?.blur()}>
          {t('doneEditing')}
        </button>
      </div>
    );
  }
  const Tag = tag as 'div';
  return (
    <Tag class="editable" data-testid={testid} tabIndex={0} role="button" aria-label={`${t('editParagraph')}: ${text.slice(0, 40)}`}
      onClick={() => setEditing(true)}
      onKeyDown={(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setEditing(true); } }}>
      {text || <span class="placeholder">{placeholder}</span>}
    </Tag>
  );
}

function BlockView({ block, index }: { block: Block; index: number }) {
  switch (block.kind) {
    case 'heading':
      return <EditableText tag="h2" testid="preview-heading" text={block.text} onChange={(text) => editBlock(index, { ...block, text })} />;
    case 'paragraph':
      return <EditableText tag="p" testid="preview-paragraph" text={block.text} onChange={(text) => editBlock(index, { ...block, text })} />;
    case 'list':
      return <ul class="post-list">{block.items.map((it, i) => <li key={i}>{it}</li>)}</ul>;
    case 'photo': {
      const ph = photos.value.find((p) => p.id === block.photoId);
      return (
        <figure class="post-photo" data-testid="preview-photo" data-photo-id={block.photoId}>
          {ph ? <img src={ph.thumbUrl} alt={block.caption || ph.originalName} /> : <div class="post-photo-missing">{t('missingPhoto')}</div>}
          <EditableText tag="figcaption" testid="preview-caption" text={block.caption} placeholder={t('caption')} onChange={(caption) => editBlock(index, { ...block, caption })} />
        </figure>
      );
    }
    default:
      return null;
  }
}

export function PostPreview({ post }: { post: Post }) {
  return (
    <div class={`preview-frame preview-${post.platform}`}>
      <article class="post-page" data-testid="preview" data-platform={post.platform}>
        <h1 class="post-title" data-testid="preview-title">{post.title}</h1>
        <div class="post-meta" aria-hidden="true">
          <span class="post-meta-bar" />
        </div>
        {post.blocks.map((b, i) => <BlockView key={i} block={b} index={i} />)}
        {post.tags.length > 0 && (
          <ul class="post-tags" aria-label={t('tags')}>
            {post.tags.map((tag) => <li key={tag} class="tag" data-testid="preview-tag">#{tag.replace(/^#/, '')}</li>)}
          </ul>
        )}
      </article>
    </div>
  );
}
