// The write step's editor: the post as plain form fields, always open (no click-to-edit): the title, then every
// block in order — headings and paragraphs as growing text boxes, lists one item a line, the specs table as
// label/value fields, photos as a thumbnail with its caption and buttons to move it among the photos or take it
// out, and below, the job's photos not in the post yet with "add". Edits show at once and are saved debounced
// (state/post.ts); the coach follows the save. The block last worked in is remembered for the AI helper.
// Everything is text in inputs, never HTML.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Block, Post } from '../backend';
import { type Key, t } from '../i18n';
import {
  addPostPhoto,
  coachBusy,
  editBlock,
  editTitle,
  flushPost,
  focusedBlock,
  movePostPhoto,
  photos,
  post as postSignal,
  removePostPhoto,
} from '../state';
import { RoleChips } from './RoleChips';

const KIND_KEY: Record<Block['kind'], Key> = {
  heading: 'blockHeading',
  paragraph: 'blockParagraph',
  list: 'blockList',
  table: 'blockTable',
  photo: 'blockCaption',
};

function fit(el: HTMLTextAreaElement) {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 4}px`;
}

/** A text box that grows with its text (no inner scroll bar: the owner sees the whole paragraph). */
function GrowText({
  value,
  onInput,
  ...rest
}: {
  value: string;
  onInput: (v: string) => void;
  class?: string;
  'data-testid'?: string;
  'data-index'?: number;
  'data-kind'?: string;
  'aria-label'?: string;
  readOnly?: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
  placeholder?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (ref.current) fit(ref.current);
  }, [value]);
  return (
    <textarea
      ref={ref}
      rows={2}
      value={value}
      {...rest}
      onInput={(e) => {
        onInput(e.currentTarget.value);
        fit(e.currentTarget);
      }}
    />
  );
}

function BlockEditor({ block, index, locked }: { block: Block; index: number; locked: boolean }) {
  const label = t('blockLabel', { n: index + 1, kind: t(KIND_KEY[block.kind]) });
  const common = {
    'data-index': index,
    'data-kind': block.kind,
    readOnly: locked,
    onFocus: () => {
      focusedBlock.value = index;
    },
    onBlur: () => {
      void flushPost();
    },
  };
  const focused = focusedBlock.value === index;
  const wrap = (kind: string, body: ComponentChildren) => (
    <div class={`eblock eblock-${kind}${focused ? ' is-focused' : ''}`}>
      <span class="eblock-kind" aria-hidden="true">
        {t(KIND_KEY[block.kind])}
      </span>
      {body}
    </div>
  );
  switch (block.kind) {
    case 'heading':
      return wrap(
        'heading',
        <input
          type="text"
          class="input-big eblock-heading-input"
          data-testid="block-text"
          aria-label={label}
          value={block.text}
          {...common}
          onInput={(e) => editBlock(index, { ...block, text: e.currentTarget.value })}
        />,
      );
    case 'paragraph':
      return wrap(
        'paragraph',
        <GrowText
          data-testid="block-text"
          aria-label={label}
          value={block.text}
          {...common}
          onInput={(text) => editBlock(index, { ...block, text })}
        />,
      );
    case 'list':
      return wrap(
        'list',
        <GrowText
          data-testid="block-text"
          aria-label={label}
          value={block.items.join('\n')}
          {...common}
          onInput={(v) => editBlock(index, { ...block, items: v.split('\n') })}
          onBlur={() => {
            // Blank lines are dropped once the owner leaves the box (not while he types a new line).
            const items = block.items.map((s) => s.trim()).filter(Boolean);
            if (items.length !== block.items.length) editBlock(index, { ...block, items });
            void flushPost();
          }}
        />,
      );
    case 'table':
      return wrap(
        'table',
        <table class="etable" data-testid="block-table" data-index={index} aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t('tableKey')}</th>
              <th scope="col">{t('tableValue')}</th>
            </tr>
          </thead>
          <tbody>
            {block.rows.map(([k, v], r) => (
              <tr key={r}>
                <td>
                  <input
                    type="text"
                    value={k}
                    aria-label={`${t('tableKey')} ${r + 1}`}
                    {...common}
                    data-testid="table-key"
                    onInput={(e) =>
                      editBlock(index, {
                        ...block,
                        rows: block.rows.map((row, i): [string, string] =>
                          i === r ? [e.currentTarget.value, row[1]] : row,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    type="text"
                    value={v}
                    aria-label={`${k || t('tableValue')} ${r + 1}`}
                    {...common}
                    data-testid="table-value"
                    onInput={(e) =>
                      editBlock(index, {
                        ...block,
                        rows: block.rows.map((row, i): [string, string] =>
                          i === r ? [row[0], e.currentTarget.value] : row,
                        ),
                      })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>,
      );
    case 'photo': {
      const ph = photos.value.find((p) => p.id === block.photoId);
      const all = postSignal.value?.blocks ?? [];
      const first = !all.slice(0, index).some((x) => x.kind === 'photo');
      const last = !all.slice(index + 1).some((x) => x.kind === 'photo');
      const n = index + 1;
      return (
        <div
          class={`eblock eblock-photo${focused ? ' is-focused' : ''}`}
          data-testid="block-photo"
          data-photo-id={block.photoId}
        >
          {ph ? (
            <img src={ph.thumbUrl} alt="" class="eblock-thumb" />
          ) : (
            <span class="eblock-thumb eblock-thumb-missing">{t('missingPhoto')}</span>
          )}
          <label class="eblock-caption">
            <span class="eblock-kind">{t('blockCaption')}</span>
            <input
              type="text"
              data-testid="block-caption"
              value={block.caption}
              placeholder={t('captionPlaceholder')}
              {...common}
              onInput={(e) => editBlock(index, { ...block, caption: e.currentTarget.value })}
            />
          </label>
          {ph && (
            // The photo's role, as in the photo step: the next draft writes the step that fits it.
            <RoleChips photo={ph} testId="block-photo-role" extraClass="eblock-roles" disabled={locked} />
          )}
          <div class="eblock-photo-actions">
            <button
              type="button"
              class="btn btn-secondary btn-small"
              data-testid="post-photo-up"
              disabled={locked || first}
              aria-label={t('postPhotoUpLabel', { n })}
              onClick={() => movePostPhoto(index, -1)}
            >
              ↑ {t('postPhotoUp')}
            </button>
            <button
              type="button"
              class="btn btn-secondary btn-small"
              data-testid="post-photo-down"
              disabled={locked || last}
              aria-label={t('postPhotoDownLabel', { n })}
              onClick={() => movePostPhoto(index, 1)}
            >
              ↓ {t('postPhotoDown')}
            </button>
            <button
              type="button"
              class="btn btn-secondary btn-small"
              data-testid="post-photo-remove"
              disabled={locked}
              aria-label={t('postPhotoRemoveLabel', { n })}
              onClick={() => removePostPhoto(index)}
            >
              × {t('postPhotoRemove')}
            </button>
          </div>
        </div>
      );
    }
    default:
      return null;
  }
}

/** The job's photos the post does not show yet, each with "add to the post" (only the job's photos are offered). */
function MorePhotos({ post, locked }: { post: Post; locked: boolean }) {
  const inPost = new Set(post.blocks.flatMap((b) => (b.kind === 'photo' ? [b.photoId] : [])));
  const more = photos.value.filter((p) => !inPost.has(p.id));
  if (!more.length) return null;
  return (
    <section class="post-photos-more" data-testid="post-photos-more" aria-labelledby="post-photos-more-title">
      <h2 id="post-photos-more-title" class="eblock-kind">
        {t('postPhotosMore')}
      </h2>
      <ul class="post-photos-more-list">
        {more.map((p) => (
          <li key={p.id} data-testid="post-photo-candidate" data-photo-id={p.id}>
            <img src={p.thumbUrl} alt="" class="eblock-thumb" />
            <button
              type="button"
              class="btn btn-secondary btn-small"
              data-testid="post-photo-add"
              disabled={locked}
              aria-label={t('postPhotoAddLabel', { name: p.originalName })}
              onClick={() => addPostPhoto(p)}
            >
              + {t('postPhotoAdd')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PostEditor({ post }: { post: Post }) {
  const locked = coachBusy.value !== null;
  return (
    <div class="post-editor" data-testid="post-editor" aria-label={t('editorLabel')} role="group" aria-busy={locked}>
      <label class="field field-wide">
        <span class="field-label">{t('postTitle')}</span>
        <input
          type="text"
          class="input-big"
          data-testid="post-title"
          value={post.title}
          readOnly={locked}
          onInput={(e) => editTitle(e.currentTarget.value)}
          onFocus={() => {
            focusedBlock.value = null;
          }}
          onBlur={() => void flushPost()}
        />
      </label>
      <div class="eblocks">
        {post.blocks.map((b, i) => (
          <BlockEditor key={`${postSignal.value?.id}-${i}`} block={b} index={i} locked={locked} />
        ))}
      </div>
      <MorePhotos post={post} locked={locked} />
      {post.tags.length > 0 && (
        <p class="etags" data-testid="write-tags">
          <span class="eblock-kind">{t('tags')}</span>
          {post.tags.map((tag) => (
            <span key={tag} class="tag">
              #{tag.replace(/^#/, '')}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
