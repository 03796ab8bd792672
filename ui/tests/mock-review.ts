// Mock of a mentor's review and the club folder (issue 15) for the Playwright build. One mock library plays
// both sides: "send" writes a bundle of the open post into the club folder (and a sent review); opening a
// bundle makes a received review whose notes are drafts; "답장 보내기" writes a reply (drafts → sent); opening a
// reply puts its notes, `open`, on the sent review; accept / decline / undo change the post's title or block
// text as the core does (refused in plain words when the text changed since). State under its own
// localStorage key, cleared by window.__mock.reset().
//
// Test hooks (window.__mockReview):
//   seedBundle(opts?)   a bundle waiting in the club folder (from 대성정밀, three photos; `title` to change it)
//   seedReply(postId)   a mentor's reply in the club folder for the post (a title rewrite and a photo comment),
//                       with a sent review of the post made first when there is none
//   pickNext(o|null)    what the next pick_review_file answers ('bundle' | 'reply' | {pack: path} | null)
//   setFolder(p|null)   the club folder
//   state()             a copy of this file's state
import type {
  BundleBlock,
  BundleView,
  ClubItem,
  ClubSettings,
  NoteAnswer,
  NoteInput,
  NoteTarget,
  Opened,
  Post,
  Review,
  ReviewNote,
  SentBundle,
  WrittenReply,
} from '../src/backend';
import { mockCore } from './mock-backend';

interface FileBundle {
  name: string;
  bundleId: string;
  shop: string;
  createdAt: string;
  post: BundleView['post'];
  photos: string[];
}
interface FileReply {
  name: string;
  bundleId: string;
  mentor: string;
  title: string;
  createdAt: string;
  notes: { target: NoteTarget; comment: string; rewrite: ReviewNote['rewrite'] }[];
}
interface ReviewState {
  folder: string | null;
  folderMissing: boolean;
  shareStreak: boolean;
  reviewer: string;
  bundles: FileBundle[];
  replies: FileReply[];
  taken: string[];
  reviews: Review[];
  /** received review id → its bundle */
  opened: Record<number, FileBundle>;
  nextId: number;
}
const KEY = 'gb-mock-review';
const fresh = (): ReviewState => ({
  folder: '/home/owner/동아리',
  folderMissing: false,
  shareStreak: false,
  reviewer: '',
  bundles: [],
  replies: [],
  taken: [],
  reviews: [],
  opened: {},
  nextId: 1,
});
function load(): ReviewState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<ReviewState>) };
  } catch {
    /* start fresh */
  }
  return fresh();
}
let R = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(R));
const nid = () => R.nextId++;
const now = () => new Date().toISOString();
/** mockCore.cmd, with this file's state saved after each command. */
const rcmd = ((name: string, args: unknown, run: () => unknown) =>
  mockCore.cmd(name as never, args as never, () => {
    const out = run();
    save();
    return out as never;
  })) as typeof mockCore.cmd;
let nextPick: 'bundle' | 'reply' | { pack: string } | null = null;

const invalid = (messageKo: string, messageEn: string) => ({ code: 'invalid', messageKo, messageEn });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A small grey JPEG-like data URL (an SVG stands in: the CSP allows data: images). */
const photo = (n: number) =>
  `data:image/svg+xml;utf8,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#8a96a3"/><text x="400" y="260" font-size="64" text-anchor="middle" fill="#fff">${n}</text></svg>`,
  )}`;

function bundleOf(p: Post, shop: string): FileBundle {
  const photoIds: number[] = [];
  const blocks: BundleBlock[] = p.blocks.map((b) => {
    if (b.kind !== 'photo') return clone(b);
    photoIds.push(b.photoId);
    return { kind: 'photo', photo: photoIds.length, caption: b.caption };
  });
  const bundleId = `b${Date.now()}${nid()}`;
  return {
    name: `${shop}-${bundleId}.gbreview`,
    bundleId,
    shop,
    createdAt: now(),
    post: { platform: p.platform, title: p.title, tags: [...p.tags], blocks },
    photos: photoIds.map((_, i) => photo(i + 1)),
  };
}

function viewOf(r: Review): BundleView {
  const b = R.opened[r.id];
  return clone({
    review: r,
    shop: b.shop,
    createdAt: b.createdAt,
    post: b.post,
    photos: b.photos,
    texts: [{ name: '본문.txt', text: b.post.title }],
    coach: {
      score: 72,
      passed: 8,
      total: 11,
      mainKeyword: '문래동 CNC 가공',
      checks: [
        {
          id: 'title_keyword',
          status: 'pass',
          titleKo: '제목에 지역',
          titleEn: 'Region in the title',
          whyKo: '검색에 잡힙니다.',
          whyEn: 'Found by search.',
        },
        {
          id: 'photo_count',
          status: 'warn',
          titleKo: '사진 수',
          titleEn: 'Photo count',
          whyKo: '사진이 5장 이상이면 좋습니다.',
          whyEn: 'Five photos or more is better.',
        },
        {
          id: 'contact',
          status: 'fail',
          titleKo: '연락처',
          titleEn: 'Contact',
          whyKo: '글 끝에 연락처가 없습니다.',
          whyEn: 'No contact at the end.',
        },
      ],
    },
  });
}

const blockText = (b: Post['blocks'][number] | BundleBlock | undefined): string | null => {
  if (!b) return null;
  if (b.kind === 'heading' || b.kind === 'paragraph') return b.text;
  if (b.kind === 'photo') return b.caption;
  if (b.kind === 'list') return b.items.join('\n');
  return null;
};

function inbox(): ClubItem[] {
  if (!R.folder || R.folderMissing) return [];
  const sentIds = R.reviews.filter((r) => r.role === 'sent').map((r) => r.bundleId);
  const gotIds = R.reviews.filter((r) => r.role === 'received').map((r) => r.bundleId);
  const items: ClubItem[] = [];
  for (const b of R.bundles)
    if (!sentIds.includes(b.bundleId) && !gotIds.includes(b.bundleId))
      items.push({ name: b.name, kind: 'bundle', from: b.shop, title: b.post.title, createdAt: b.createdAt });
  for (const r of R.replies)
    if (sentIds.includes(r.bundleId) && !R.taken.includes(r.name))
      items.push({ name: r.name, kind: 'reply', from: r.mentor, title: r.title, createdAt: r.createdAt });
  return items;
}

function openBundle(b: FileBundle): Opened {
  let r = R.reviews.find((x) => x.role === 'received' && x.bundleId === b.bundleId);
  if (!r) {
    r = {
      id: nid(),
      bundleId: b.bundleId,
      role: 'received',
      postId: null,
      shopName: b.shop,
      title: b.post.title,
      platform: b.post.platform,
      file: `reviews/${b.name}`,
      createdAt: b.createdAt,
      repliedAt: null,
      notes: [],
    };
    R.reviews.push(r);
    R.opened[r.id] = b;
  }
  return { kind: 'bundle', view: viewOf(r) };
}

function openReply(f: FileReply): Opened {
  const r = R.reviews.find((x) => x.role === 'sent' && x.bundleId === f.bundleId);
  if (!r)
    throw invalid('이 답장은 이 자료에서 보낸 글의 답장이 아닙니다.', 'This reply is not about a post sent from here.');
  if (!R.taken.includes(f.name)) {
    R.taken.push(f.name);
    r.repliedAt = f.createdAt;
    for (const n of f.notes)
      r.notes.push({
        id: nid(),
        author: f.mentor,
        target: n.target,
        comment: n.comment,
        rewrite: n.rewrite,
        state: 'open',
        createdAt: f.createdAt,
        decidedAt: null,
      });
  }
  return { kind: 'reply', review: clone(r) };
}

const received = (id: number) => {
  const r = R.reviews.find((x) => x.id === id && x.role === 'received');
  if (!r) throw invalid('그 검토를 찾을 수 없습니다.', 'That review cannot be found.');
  return r;
};
const noteById = (noteId: number) => {
  for (const r of R.reviews) {
    const n = r.notes.find((x) => x.id === noteId);
    if (n) return { r, n };
  }
  throw invalid('그 의견을 찾을 수 없습니다.', 'That note cannot be found.');
};
function noteFrom(r: Review, note: NoteInput): Pick<ReviewNote, 'comment' | 'rewrite'> {
  const b = R.opened[r.id];
  const original = note.target.kind === 'title' ? b.post.title : blockText(b.post.blocks[note.target.index]);
  const s = note.suggestion?.trim() || null;
  if (s && original === null)
    throw invalid(
      '표는 고쳐 쓰기 제안을 할 수 없습니다. 의견으로 남겨 주세요.',
      'A table cannot take a suggested rewrite; leave a comment instead.',
    );
  const rewrite = s && original !== null && s !== original.trim() ? { original, text: s } : null;
  const comment = note.comment.trim();
  if (!comment && !rewrite) throw invalid('의견이나 고쳐 쓰기 제안을 적어 주세요.', 'Write a note or a rewrite.');
  return { comment, rewrite };
}

/** Puts `to` where `from` is (the title or the block), as the core's rewrite_post: refused when changed. */
function rewritePost(p: Post, target: NoteTarget, from: string, to: string) {
  const changed = invalid(
    '그 사이에 글이 바뀌어 이 제안을 넣을 수 없습니다. 직접 고쳐 주세요.',
    'The post changed since; this suggestion cannot be put in. Change it by hand.',
  );
  if (target.kind === 'title') {
    if (p.title.trim() !== from.trim()) throw changed;
    p.title = to;
    return;
  }
  const b = p.blocks[target.index];
  if (blockText(b)?.trim() !== from.trim()) throw changed;
  if (b.kind === 'heading' || b.kind === 'paragraph') b.text = to;
  else if (b.kind === 'photo') b.caption = to;
  else if (b.kind === 'list') b.items = to.split('\n');
}

function clubSettingsNow(): ClubSettings {
  const mine = mockCore.state().posts.some((p) => p.status === 'exported');
  return {
    folder: R.folder,
    folderMissing: R.folderMissing,
    shareStreak: R.shareStreak,
    streaks: [
      { shop: '대성정밀', streakWeeks: 6, thisWeek: 2, goalPerWeek: 2, updatedAt: now(), mine: false },
      ...(R.shareStreak
        ? [
            {
              shop: '문래정밀',
              streakWeeks: mine ? 1 : 0,
              thisWeek: mine ? 1 : 0,
              goalPerWeek: 1,
              updatedAt: now(),
              mine: true,
            },
          ]
        : []),
      { shop: '한결기공', streakWeeks: 2, thisWeek: 0, goalPerWeek: 1, updatedAt: now(), mine: false },
    ],
  };
}

// ---- the commands ----
export const sendForReview = (postId: number, confirmedTerms: string[] | null) =>
  rcmd('send_for_review', { postId, confirmedTerms }, (): SentBundle => {
    const S = mockCore.state();
    const p = S.posts.find((x) => x.id === postId);
    if (!p) throw invalid('글이 없습니다.', 'No such post.');
    const g = mockCore.guard(p.jobId);
    if (!g.canExport) {
      throw {
        code: g.policy === 'never' ? 'export_forbidden' : 'approval_missing',
        messageKo: g.reasonKo ?? '내보낼 수 없습니다.',
        messageEn: g.reasonEn ?? 'Cannot be sent.',
      };
    }
    const left = [...new Set(mockCore.scan(p).map((f) => f.text))].filter((x) => !(confirmedTerms ?? []).includes(x));
    if (left.length)
      throw {
        code: 'flagged_text',
        messageKo: `확인하지 않은 낱말이 있습니다: ${left.join(', ')}`,
        messageEn: `Words not confirmed: ${left.join(', ')}`,
      };
    if (!R.folder || R.folderMissing) throw { code: 'cancelled', messageKo: '취소했습니다.', messageEn: 'Cancelled.' };
    const b = bundleOf(p, '문래정밀');
    R.bundles.push(b);
    const r: Review = {
      id: nid(),
      bundleId: b.bundleId,
      role: 'sent',
      postId,
      shopName: '문래정밀',
      title: p.title,
      platform: p.platform,
      file: `reviews/${b.name}`,
      createdAt: b.createdAt,
      repliedAt: null,
      notes: [],
    };
    R.reviews.push(r);
    save();
    return { file: `${R.folder}/${b.name}`, bundleId: b.bundleId, reviewId: r.id };
  });
export const pickReviewFile = () =>
  rcmd('pick_review_file', undefined, (): Opened | null => {
    const what = nextPick;
    nextPick = null;
    if (what === null) return null;
    if (typeof what === 'object') return { kind: 'pack', path: what.pack };
    const items = inbox().filter((i) => i.kind === what);
    if (!items.length) throw invalid('열 파일이 없습니다.', 'No file to open.');
    return take(items[0].name);
  });
function take(name: string): Opened {
  const b = R.bundles.find((x) => x.name === name);
  const out = b ? openBundle(b) : undefined;
  const f = R.replies.find((x) => x.name === name);
  const res = out ?? (f ? openReply(f) : undefined);
  if (!res) throw invalid('동아리 폴더에 그 파일이 없습니다.', 'That file is not in the club folder.');
  save();
  return res;
}
export const takeClubFile = (name: string) => rcmd('take_club_file', { name }, (): Opened => take(name));
export const clubInbox = () => rcmd('club_inbox', undefined, (): ClubItem[] => inbox());
export const receivedReviews = () =>
  rcmd('received_reviews', undefined, (): Review[] => clone(R.reviews.filter((r) => r.role === 'received').reverse()));
export const reviewBundle = (reviewId: number) =>
  rcmd('review_bundle', { reviewId }, (): BundleView => viewOf(received(reviewId)));
export const addReviewNote = (reviewId: number, note: NoteInput) =>
  rcmd('add_review_note', { reviewId, note }, (): BundleView => {
    const r = received(reviewId);
    r.notes.push({
      id: nid(),
      author: '',
      target: note.target,
      ...noteFrom(r, note),
      state: 'draft',
      createdAt: now(),
      decidedAt: null,
    });
    return viewOf(r);
  });
export const updateReviewNote = (noteId: number, note: NoteInput) =>
  rcmd('update_review_note', { noteId, note }, (): BundleView => {
    const { r, n } = noteById(noteId);
    Object.assign(n, { target: note.target, ...noteFrom(r, note) });
    return viewOf(r);
  });
export const deleteReviewNote = (noteId: number) =>
  rcmd('delete_review_note', { noteId }, (): BundleView => {
    const { r } = noteById(noteId);
    r.notes = r.notes.filter((x) => x.id !== noteId);
    return viewOf(r);
  });
export const reviewerName = () => rcmd('reviewer_name', undefined, (): string => R.reviewer);
export const sendReviewReply = (reviewId: number, reviewer: string) =>
  rcmd('send_review_reply', { reviewId, reviewer }, (): WrittenReply => {
    if (!reviewer.trim())
      throw invalid(
        '답장에 적을 이름을 넣어 주세요 (누가 한 말인지 사장님이 알 수 있게).',
        'Enter your name for the reply (so the owner knows who said what).',
      );
    const r = received(reviewId);
    const drafts = r.notes.filter((n) => n.state === 'draft');
    if (!drafts.length) throw invalid('보낼 의견이 없습니다.', 'No notes to send.');
    if (!R.folder || R.folderMissing) throw { code: 'cancelled', messageKo: '취소했습니다.', messageEn: 'Cancelled.' };
    R.reviewer = reviewer.trim();
    const name = `${reviewer.trim()}-${r.bundleId}.gbreply`;
    R.replies.push({
      name,
      bundleId: r.bundleId,
      mentor: reviewer.trim(),
      title: r.title,
      createdAt: now(),
      notes: drafts.map((n) => ({ target: n.target, comment: n.comment, rewrite: n.rewrite })),
    });
    for (const n of drafts) {
      n.state = 'open';
      n.author = reviewer.trim();
    }
    r.repliedAt = now();
    return { file: `${R.folder}/${name}`, notes: drafts.length };
  });
export const postReviews = (postId: number) =>
  rcmd('post_reviews', { postId }, (): Review[] =>
    clone(R.reviews.filter((r) => r.role === 'sent' && r.postId === postId)),
  );
export const answerReviewNote = (noteId: number, answer: NoteAnswer) =>
  rcmd('answer_review_note', { noteId, answer }, (): Review => {
    const { r, n } = noteById(noteId);
    const p = mockCore.state().posts.find((x) => x.id === r.postId);
    if (!p) throw invalid('글이 없습니다.', 'No such post.');
    if (answer === 'undo') {
      if (n.state === 'accepted' && n.rewrite) rewritePost(p, n.target, n.rewrite.text, n.rewrite.original);
      n.state = 'open';
      n.decidedAt = null;
    } else {
      if (n.state !== 'open') throw invalid('이미 답한 의견입니다.', 'Already answered.');
      if (answer === 'accept' && n.rewrite) rewritePost(p, n.target, n.rewrite.original, n.rewrite.text);
      n.state = answer === 'accept' ? 'accepted' : 'declined';
      n.decidedAt = now();
    }
    p.updatedAt = now();
    mockCore.save();
    return clone(r);
  });
export const clubSettings = () => rcmd('club_settings', undefined, (): ClubSettings => clubSettingsNow());
export const chooseClubFolder = () =>
  rcmd('choose_club_folder', undefined, (): ClubSettings | null => {
    R.folder = '/home/owner/NAS/동아리';
    R.folderMissing = false;
    return clubSettingsNow();
  });
export const clearClubFolder = () =>
  rcmd('clear_club_folder', undefined, (): ClubSettings => {
    R.folder = null;
    R.folderMissing = false;
    return clubSettingsNow();
  });
export const setShareStreak = (on: boolean) =>
  rcmd('set_share_streak', { on }, (): ClubSettings => {
    R.shareStreak = on;
    return clubSettingsNow();
  });

// ---- test hooks ----
declare global {
  interface Window {
    __mockReview: {
      seedBundle(opts?: { title?: string }): string;
      seedReply(postId: number): string;
      pickNext(o: 'bundle' | 'reply' | { pack: string } | null): void;
      setFolder(path: string | null, missing?: boolean): void;
      state(): ReviewState;
    };
  }
}
window.__mockReview = {
  seedBundle(opts) {
    const b: FileBundle = {
      name: `대성정밀-seed${nid()}.gbreview`,
      bundleId: `seed${R.nextId}`,
      shop: '대성정밀',
      createdAt: now(),
      photos: [photo(1), photo(2)],
      post: {
        platform: 'naver',
        title: opts?.title ?? 'SUS304 플랜지 정밀 가공',
        tags: ['CNC가공', '문래동'],
        blocks: [
          { kind: 'heading', text: '작업 소개' },
          { kind: 'paragraph', text: 'SUS304 플랜지를 CNC 선반으로 가공했습니다.' },
          { kind: 'photo', photo: 1, caption: '소재 상태' },
          { kind: 'list', items: ['소재: SUS304', '공차: ±0.01'] },
          { kind: 'table', rows: [['수량', '20개']] },
          { kind: 'photo', photo: 2, caption: '완성품' },
        ],
      },
    };
    R.bundles.push(b);
    save();
    return b.name;
  },
  seedReply(postId) {
    const p = mockCore.state().posts.find((x) => x.id === postId);
    if (!p) throw new Error(`no post ${postId}`);
    let r = R.reviews.find((x) => x.role === 'sent' && x.postId === postId);
    if (!r) {
      const b = bundleOf(p, '문래정밀');
      r = {
        id: nid(),
        bundleId: b.bundleId,
        role: 'sent',
        postId,
        shopName: '문래정밀',
        title: p.title,
        platform: p.platform,
        file: `reviews/${b.name}`,
        createdAt: b.createdAt,
        repliedAt: null,
        notes: [],
      };
      R.reviews.push(r);
    }
    const photoAt = p.blocks.findIndex((b) => b.kind === 'photo');
    const name = `김멘토-${r.bundleId}.gbreply`;
    R.replies.push({
      name,
      bundleId: r.bundleId,
      mentor: '김멘토',
      title: p.title,
      createdAt: now(),
      notes: [
        {
          target: { kind: 'title' },
          comment: '지역 이름을 제목 앞에 두세요.',
          rewrite: { original: p.title, text: `문래동 ${p.title}` },
        },
        ...(photoAt >= 0
          ? [
              {
                target: { kind: 'block', index: photoAt } as NoteTarget,
                comment: '이 사진은 더 밝게 찍으면 좋겠습니다.',
                rewrite: null,
              },
            ]
          : []),
      ],
    });
    save();
    return name;
  },
  pickNext(o) {
    nextPick = o;
  },
  setFolder(path, missing = false) {
    R.folder = path;
    R.folderMissing = missing;
    save();
  },
  state: () => clone(R),
};
queueMicrotask(() => {
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => {
    coreReset();
    R = fresh();
    save();
  };
});
