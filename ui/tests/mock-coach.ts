// Mock of the coach commands (coach_post, apply_fix) and the AI helper (ai_settings, save_ai_settings,
// ai_rewrite, cancel_ai) for the Playwright build; shares state through mockCore (mock-backend.ts).
//
// The checks follow core/src/coach (the source of truth) exactly in their ids, order, statuses ('fail' or
// 'warn' when not passed), wording and fix ids (checks.rs, mod.rs, fixes.rs): blog (naver/html/markdown):
// title_keyword, text_length, photo_count, keyword_first_paragraph, contact_block, copied_text, tags;
// YouTube/Shorts: video_title_length, video_title_keyword, description_what_who, chapters (YouTube only),
// video_tags, thumbnail_words, video_length; then for all: leak_guard, photo_quality, contact_profile,
// photo_captions. The measurements are simplified where the core needs files (a photo whose file name has
// "dark" or "어두운" in it counts as too dark; the video length and chapters come from the mock's video plan).
// Fix ids: title_keyword, keyword_first_paragraph, contact_block, tags, video_title_length, photo_captions; each
// changes only what its check is about, and makes that check pass.
// The AI helper keeps its settings (and the "keychain" key, never returned) under its own localStorage key.
//
// Test hooks (window.__mockCoach):
//   aiError(code)     the next ai_rewrite fails with that code (ai_auth, ai_rate, ai_timeout, ai_network, ai_reply, ai_off)
//   aiDelay(ms)       how long ai_rewrite takes (default 150 ms); cancel_ai stops it with code `cancelled`
//   aiRequests()      what ai_rewrite "sent": the texts only
//   storedKey()       the key in the mock keychain for the saved address (tests only; the window never sees it)
//   storedKeys()      every key in the mock keychain by the origin it is bound to (issue 10)
//   state()           a copy of this file's state
import type {
  AiSettings,
  AiStyle,
  AppError,
  Block,
  Coach,
  CoachCheck,
  Commands,
  Platform,
  Post,
  ShopProfile,
  VideoPlan,
} from '../src/backend';
import { originOf } from '../src/origin';
import { mockCore } from './mock-backend';

// Keys are bound to the origin of the address they were saved for (secrets.rs: one keychain item per origin).
interface AiState {
  enabled: boolean;
  baseUrl: string;
  model: string;
  keys: Record<string, string>;
}
interface CoachState {
  ai: AiState;
}
const KEY = 'gb-mock-coach';
const fresh = (): CoachState => ({ ai: { enabled: false, baseUrl: '', model: '', keys: {} } });
function load(): CoachState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<CoachState>) };
  } catch {
    /* start fresh */
  }
  return fresh();
}
let M = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(M));

const err = (code: string, messageKo: string, messageEn: string): AppError => ({ code, messageKo, messageEn });
const AI_ERRORS: Record<string, AppError> = {
  ai_off: err(
    'ai_off',
    'AI 도움이 설정되지 않았습니다. 설정에서 켜 주세요.',
    'AI help is not set up. Turn it on in Settings.',
  ),
  ai_network: err(
    'ai_network',
    'AI 서버에 연결하지 못했습니다. 인터넷이나 주소를 확인해 주세요. 글은 그대로입니다.',
    'Could not reach the AI server. Check the connection or the address. Your text is unchanged.',
  ),
  ai_auth: err(
    'ai_auth',
    'AI 서버가 API 키를 받지 않았습니다 (401). 설정에서 키를 확인해 주세요. 글은 그대로입니다.',
    'The AI server did not accept the API key (401). Check the key in Settings. Your text is unchanged.',
  ),
  ai_rate: err(
    'ai_rate',
    'AI 서버에 요청이 너무 많습니다 (429). 잠시 뒤에 다시 해 주세요. 글은 그대로입니다.',
    'Too many requests to the AI server (429). Please try again in a moment. Your text is unchanged.',
  ),
  ai_timeout: err(
    'ai_timeout',
    'AI 서버가 너무 오래 답하지 않았습니다. 글은 그대로입니다.',
    'The AI server took too long to answer. Your text is unchanged.',
  ),
  ai_reply: err(
    'ai_reply',
    'AI 서버의 답을 쓸 수 없었습니다. 글은 그대로입니다.',
    'The AI server sent a reply that could not be used. Your text is unchanged.',
  ),
};
let nextAiError: string | null = null;
let aiDelayMs = 150;
let cancelAiFlag = false;
const aiSent: string[][] = [];

declare global {
  interface Window {
    __mockCoach: {
      aiError(code: string | null): void;
      aiDelay(ms: number): void;
      aiRequests(): string[][];
      storedKey(): string | null;
      storedKeys(): Record<string, string>;
      state(): CoachState;
    };
  }
}
window.__mockCoach = {
  aiError(code) {
    nextAiError = code;
  },
  aiDelay(ms) {
    aiDelayMs = ms;
  },
  aiRequests: () => aiSent.map((x) => x.slice()),
  storedKey: () => keyFor(M.ai.baseUrl),
  storedKeys: () => ({ ...M.ai.keys }),
  state: () => JSON.parse(JSON.stringify(M)) as CoachState,
};
queueMicrotask(() => {
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => {
    coreReset();
    M = fresh();
    save();
    nextAiError = null;
    aiDelayMs = 150;
    aiSent.length = 0;
  };
});

// ---- reading the mock's state ----
const core = () => mockCore.state();
function postById(postId: number): Post {
  const p = core().posts.find((x) => x.id === postId);
  if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
  return p;
}
const SAMPLE_PROFILE = {
  name: '문래정밀',
  phone: '02-2677-0000',
  email: '',
  address: '서울 영등포구 문래동',
  regionKeywords: ['문래동', '영등포구'],
  kakao: '',
  website: '',
};
/** The saved shop profile (mock-shop.ts keeps it), or a sample shop when the owner has not filled one in. */
function profile(): Pick<ShopProfile, 'name' | 'phone' | 'email' | 'address' | 'regionKeywords' | 'kakao' | 'website'> {
  try {
    const raw = localStorage.getItem('gb-mock-shop');
    const p = raw ? (JSON.parse(raw) as { profile?: ShopProfile }).profile : undefined;
    if (p && (p.name.trim() || p.phone.trim())) return p;
  } catch {
    /* the sample below */
  }
  return SAMPLE_PROFILE;
}
const isVideo = (p: Platform) => p === 'youtube' || p === 'shorts';
const lang = () => core().lang;
const pick = (ko: string, en: string) => (lang() === 'en' ? en : ko);
/** The profile's phone, e-mail, Kakao channel and website (ShopProfile::has_contact reads these). */
const contactValues = () => {
  const pr = profile();
  return [pr.phone, pr.email, pr.kakao, pr.website]
    .map((v) => (v ?? '').split(/\s+/).filter(Boolean).join(' '))
    .filter(Boolean);
};
const profileHasContact = () => contactValues().length > 0;

// ---- keywords: region + process + material + part ----
const STOP = new Set(['가공', '정밀', '정밀가공', '제작', '작업', '부품', 'machining', 'part']);
function keywordsFor(jobId: number): { main: string; parts: string[]; list: string[] } {
  const j = core().jobs.find((x) => x.id === jobId);
  const region = profile().regionKeywords[0] ?? '';
  const material = j?.material.trim() ?? '';
  const process = (j?.process.trim() ?? '').replace(/\s*\(.*\)$/, '');
  const titleWords = (j?.title ?? '').split(/\s+/).filter(Boolean);
  const part =
    titleWords.find((w) => !STOP.has(w.toLowerCase()) && w !== material && !process.split(' ').includes(w)) ?? '';
  const parts = [region, process, material, part].filter(Boolean);
  const main = parts.join(' ');
  const list = [
    main,
    [region, process].filter(Boolean).join(' '),
    [material, part, '가공'].filter(Boolean).join(' '),
    region ? `${region} 정밀가공` : '',
    profile().regionKeywords[1] ? `${profile().regionKeywords[1]} ${process || '가공'}` : '',
  ]
    .map((s) => s.trim())
    .filter((s) => s && s !== '가공');
  return { main, parts, list: [...new Set(list)].slice(0, 5) };
}
/** coach/text.rs has_all: every part in the text, ASCII letters without case; false for no parts. */
const hasAll = (text: string, parts: string[]) =>
  parts.length > 0 && parts.every((w) => text.toLowerCase().includes(w.toLowerCase()));

// ---- measuring the post (coach/text.rs) ----
const paragraphs = (p: Post) => p.blocks.flatMap((b, i) => (b.kind === 'paragraph' ? [{ b, i }] : []));
const photoBlocks = (p: Post) => p.blocks.flatMap((b, i) => (b.kind === 'photo' ? [{ b, i }] : []));
const blockText = (b: Block) =>
  b.kind === 'heading' || b.kind === 'paragraph'
    ? b.text
    : b.kind === 'list'
      ? b.items.join('\n')
      : b.kind === 'table'
        ? b.rows.map(([k, v]) => `${k} ${v}`).join('\n')
        : b.caption;
/** char_count: the body's characters, spaces counted and line breaks not (the title is not counted). */
const charCount = (p: Post) => p.blocks.reduce((n, b) => n + [...blockText(b).replace(/[\r\n]/g, '')].length, 0);
/** draft::has_contact_block: some block holds one of the profile's phone, e-mail, Kakao channel or website. */
function hasContactBlock(p: Post): boolean {
  const values = contactValues();
  return values.length > 0 && p.blocks.some((b) => values.some((v) => blockText(b).includes(v)));
}
/** YouTube counts the tag field: commas between tags, quotes around a tag with a space. */
const ytTagChars = (tags: string[]) =>
  tags.reduce((n, t) => n + t.length + (t.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
const darkPhotos = (p: Post) => {
  const names = new Map(mockCore.jobPhotos(p.jobId).map((ph) => [ph.id, ph.originalName]));
  return [
    ...new Set(
      photoBlocks(p)
        .filter(({ b }) => /dark|어두운/i.test(names.get(b.photoId) ?? ''))
        .map(({ b }) => b.photoId),
    ),
  ];
};
/** coach/copied.rs: a paragraph (30+ characters without spaces) sharing 80 % of its three-character pieces with
 *  a paragraph of another job's post. */
const norm = (s: string) => s.replace(/\s/g, '').toLowerCase();
const trigrams = (s: string) => {
  const c = [...s];
  return new Set(c.slice(2).map((_, i) => c[i] + c[i + 1] + c[i + 2]));
};
function copiedParagraphs(p: Post): number[] {
  const others = core()
    .posts.filter((o) => o.jobId !== p.jobId)
    .flatMap((o) =>
      paragraphs(o)
        .map(({ b }) => norm(b.text))
        .filter((t) => [...t].length >= 30)
        .map(trigrams),
    );
  return paragraphs(p)
    .filter(({ b }) => {
      const t = norm(b.text);
      if ([...t].length < 30) return false;
      const mine = trigrams(t);
      return others.some((o) => {
        const inter = [...mine].filter((x) => o.has(x)).length;
        const union = mine.size + o.size - inter;
        return union > 0 && inter / union >= 0.8;
      });
    })
    .map(({ i }) => i);
}
/** chapters.rs, roughly: landscape only; the photos grouped in runs of 10 s or more; at least three. */
function chapterCount(plan: VideoPlan): number {
  if (plan.format !== 'landscape') return 0;
  const min = Math.max(10_000, Math.ceil(plan.durationMs / 12));
  const starts = plan.segments.filter((s) => s.kind === 'photo').map((s) => s.startMs);
  if (!starts.length) return 0;
  let n = 0;
  let from = 0; // the first chapter starts at 0:00 (the title card joins it)
  for (const s of [...starts.slice(1), plan.durationMs]) {
    if (s - from >= min) {
      n++;
      from = s;
    }
  }
  return n;
}

// ---- the checks: ids, wording and fixes exactly as core/src/coach/checks.rs ----
type Status = CoachCheck['status'];
interface Def {
  id: string;
  title: [string, string];
  why: [string, string];
  fix: [string, string, string] | null;
}
const FIX = {
  titleKeyword: 'title_keyword',
  firstParagraph: 'keyword_first_paragraph',
  contact: 'contact_block',
  tags: 'tags',
  shortenTitle: 'video_title_length',
  captions: 'photo_captions',
} as const;
const D = {
  titleKeyword: {
    id: 'title_keyword',
    title: ['제목에 핵심 키워드', 'Main keyword in the title'],
    why: [
      "손님은 '지역 + 공정 + 소재 + 부품'으로 검색하므로 제목에 그 말이 있어야 글이 검색됩니다.",
      'Buyers search for region + process + material + part, so the title must hold those words to be found.',
    ],
    fix: [FIX.titleKeyword, '제목에 키워드 넣기', 'Add the keyword to the title'],
  },
  textLength: {
    id: 'text_length',
    title: ['글 1,500자 이상', '1,500+ characters of text'],
    why: [
      '네이버는 내용이 충분한 글을 더 잘 보여 주므로 작업 이야기를 조금 더 써 주세요.',
      'Naver ranks posts with enough text higher, so tell a little more about the job.',
    ],
    fix: null,
  },
  photoCount: {
    id: 'photo_count',
    title: ['직접 찍은 사진 8장 이상', '8+ of your own photos'],
    why: [
      '사진이 많을수록 손님이 실력을 믿고, 블로그 검색에서도 좋은 평가를 받습니다.',
      'More of your own photos build trust and help the post in blog search.',
    ],
    fix: null,
  },
  firstParagraph: {
    id: 'keyword_first_paragraph',
    title: ['첫 문단에 키워드', 'Keyword in the first paragraph'],
    why: [
      '검색은 글의 첫머리를 가장 중요하게 보므로 첫 문단에 핵심 키워드가 있어야 합니다.',
      'Search looks hardest at the opening, so the first paragraph should hold the main keyword.',
    ],
    fix: [FIX.firstParagraph, '첫 문단에 키워드 넣기', 'Add the keyword to the first paragraph'],
  },
  contactBlock: {
    id: 'contact_block',
    title: ['연락처 안내', 'Contact block'],
    why: [
      '글을 본 손님이 바로 전화하거나 문의할 수 있도록 글 끝에 연락처가 있어야 합니다.',
      'A buyer who liked the post must be able to call or write right away.',
    ],
    fix: [FIX.contact, '연락처 넣기', 'Insert the contact block'],
  },
  copiedText: {
    id: 'copied_text',
    title: ['다른 글과 겹치지 않는 글', 'No copied text'],
    why: [
      '다른 작업 글과 거의 같은 문단이 많으면 네이버가 유사 문서로 보고 노출을 줄입니다.',
      "Paragraphs copied from another job's post make Naver treat the post as a duplicate.",
    ],
    fix: null,
  },
  tags: {
    id: 'tags',
    title: ['태그 5~10개', '5–10 tags'],
    why: [
      '태그가 너무 적으면 검색에 덜 걸리고, 너무 많으면 오히려 스팸처럼 보입니다.',
      'Too few tags miss searches; too many look like spam.',
    ],
    fix: [FIX.tags, '태그 맞추기', 'Fix the tags'],
  },
  videoTitleLength: {
    id: 'video_title_length',
    title: ['제목 100자 이내', 'Title within 100 characters'],
    why: ['YouTube는 100자가 넘는 제목을 받지 않습니다.', 'YouTube does not accept titles longer than 100 characters.'],
    fix: [FIX.shortenTitle, '제목 줄이기', 'Shorten the title'],
  },
  videoTitleKeyword: {
    id: 'video_title_keyword',
    title: ['제목 앞에 키워드', 'Keyword at the front of the title'],
    why: [
      '검색 결과와 휴대폰에서는 제목 앞부분만 보이므로 핵심 키워드가 맨 앞에 와야 합니다.',
      'Search results and phones show only the start of a title, so the keyword must come first.',
    ],
    fix: [FIX.titleKeyword, '키워드를 앞으로', 'Move the keyword to the front'],
  },
  descriptionWhatWho: {
    id: 'description_what_who',
    title: ['설명 첫 두 줄: 무엇을, 누가', "Description's first lines: what and who"],
    why: [
      '설명은 두 줄만 먼저 보이므로 무엇을 만들었는지와 어느 공장인지가 거기 있어야 합니다.',
      'Only two lines of a description show at first, so they must say what was made and by which shop.',
    ],
    fix: null,
  },
  chapters: {
    id: 'chapters',
    title: ['챕터(타임라인)', 'Chapters'],
    why: [
      '챕터가 있으면 시청자가 원하는 과정으로 바로 갈 수 있습니다 (사진 3장 이상, 10초 이상씩).',
      'Chapters let viewers jump to the step they want (3+ photos of 10+ seconds each).',
    ],
    fix: null,
  },
  videoTags: {
    id: 'video_tags',
    title: ['태그 500자 이내', 'Tags within 500 characters'],
    why: ['YouTube는 태그를 모두 합쳐 500자까지만 받습니다.', 'YouTube accepts at most 500 characters of tags in all.'],
    fix: [FIX.tags, '태그 맞추기', 'Fix the tags'],
  },
  thumbnailWords: {
    id: 'thumbnail_words',
    title: ['썸네일 글자 10단어 이하', '10 words or fewer on the thumbnail'],
    why: [
      '썸네일은 작게 보이므로 제목이 10단어를 넘으면 뒷부분이 잘립니다.',
      'Thumbnails are seen small; a title of more than 10 words is cut on it.',
    ],
    fix: null,
  },
  videoLength: {
    id: 'video_length',
    title: ['영상 길이', 'Video length'],
    why: [
      '쇼츠는 3분을 넘으면 안 되고, 일반 영상은 30초는 넘어야 볼 만합니다.',
      'Shorts must stay within 3 minutes; a regular video should run at least 30 seconds.',
    ],
    fix: null,
  },
  leakGuard: {
    id: 'leak_guard',
    title: ['보안 점검 통과', 'Leak guard passes'],
    why: [
      '고객사 이름이나 도면 번호가 나가면 거래를 잃을 수 있어, 보안 점검을 통과해야 내보낼 수 있습니다.',
      "A customer's name or drawing number getting out can cost the customer, so export needs the guard's clearance.",
    ],
    fix: null,
  },
  photoQuality: {
    id: 'photo_quality',
    title: ['밝고 선명한 사진', 'Bright, sharp photos'],
    why: [
      '어둡거나 흔들린 사진은 실력을 가리므로 다시 찍거나 빼는 것이 좋습니다.',
      'Dark or blurry photos hide your skill; retake or drop them.',
    ],
    fix: null,
  },
  contactProfile: {
    id: 'contact_profile',
    title: ['공장 정보에 연락처', 'Contact details in the shop profile'],
    why: [
      '공장 정보에 전화·이메일·카카오톡 중 하나는 있어야 모든 글에 연락처가 들어갑니다.',
      'The shop profile needs a phone, e-mail or Kakao channel so every post can carry it.',
    ],
    fix: null,
  },
  photoCaptions: {
    id: 'photo_captions',
    title: ['사진마다 설명', 'A caption on every photo'],
    why: [
      '사진 설명은 손님이 과정을 이해하게 돕고 검색에도 쓰입니다.',
      'Captions help buyers follow the job and are read by search.',
    ],
    fix: [FIX.captions, '사진 설명 채우기', 'Fill in the captions'],
  },
} satisfies Record<string, Def>;

/** Def::result: the fix is offered only when the check did not pass and `fixable`. */
function result(d: Def, status: Status, fixable: boolean, photoIds: number[] = []): CoachCheck {
  const fix = fixable && status !== 'pass' ? d.fix : null;
  return {
    id: d.id,
    status,
    titleKo: d.title[0],
    titleEn: d.title[1],
    whyKo: d.why[0],
    whyEn: d.why[1],
    fix: fix ? fix[0] : null,
    fixLabelKo: fix ? fix[1] : null,
    fixLabelEn: fix ? fix[2] : null,
    photoIds,
    weight: 1,
  };
}
const status = (ok: boolean, otherwise: 'fail' | 'warn'): Status => (ok ? 'pass' : otherwise);

function blogChecks(p: Post, parts: string[]): CoachCheck[] {
  const first = paragraphs(p)[0]?.b.text ?? '';
  const photos = new Set(photoBlocks(p).map(({ b }) => b.photoId)).size;
  const tags = p.tags.filter((t) => t.trim()).length;
  return [
    result(D.titleKeyword, status(hasAll(p.title, parts), 'fail'), parts.length > 0),
    result(D.textLength, status(charCount(p) >= 1500, 'warn'), false),
    result(D.photoCount, status(photos >= 8, 'warn'), false),
    result(D.firstParagraph, status(hasAll(first, parts), 'fail'), parts.length > 0),
    result(D.contactBlock, status(hasContactBlock(p), 'fail'), profileHasContact()),
    result(D.copiedText, status(copiedParagraphs(p).length === 0, 'fail'), false),
    result(D.tags, status(tags >= 5 && tags <= 10, 'fail'), true),
  ];
}

function videoChecks(p: Post, parts: string[]): CoachCheck[] {
  const title = p.title.trim();
  const titleOk = !!title && [...title].length <= 100 && !/[<>]/.test(title);
  const front = [...title].slice(0, 50).join('');
  const j = core().jobs.find((x) => x.id === p.jobId);
  const what = [j?.title, j?.material, j?.process].some((s) => !!s?.trim()) || !!title;
  const who = !!profile().name.trim() || !!profile().regionKeywords[0];
  const tags = p.tags.filter((t) => t.trim());
  const tagsOk = tags.length > 0 && ytTagChars(tags) <= 500;
  const plan = photoBlocks(p).length ? mockCore.plan(p) : null;
  const landscape = p.platform === 'youtube';
  const lengthOk = !plan
    ? false
    : landscape
      ? plan.durationMs >= 30_000
      : plan.droppedPhotos === 0 && plan.durationMs <= 180_000;
  const out = [
    result(D.videoTitleLength, status(titleOk, 'fail'), !!title),
    result(D.videoTitleKeyword, status(hasAll(front, parts), 'fail'), parts.length > 0),
    result(D.descriptionWhatWho, status(what && who, 'warn'), false),
  ];
  if (landscape) out.push(result(D.chapters, status(!!plan && chapterCount(plan) >= 3, 'warn'), false));
  out.push(
    result(D.videoTags, status(tagsOk, 'fail'), true),
    result(D.thumbnailWords, status(title.split(/\s+/).filter(Boolean).length <= 10, 'warn'), false),
    result(D.videoLength, status(lengthOk, 'warn'), false),
  );
  return out;
}

function commonChecks(p: Post): CoachCheck[] {
  const g = mockCore.guard(p.jobId);
  const guard: Status = !g.canExport ? 'fail' : mockCore.scan(p).length ? 'warn' : 'pass';
  const dark = darkPhotos(p);
  const uncaptioned = photoBlocks(p)
    .filter(({ b }) => !b.caption.trim())
    .map(({ b }) => b.photoId);
  return [
    result(D.leakGuard, guard, false),
    result(D.photoQuality, status(dark.length === 0, 'warn'), false, dark),
    result(D.contactProfile, status(profileHasContact(), 'fail'), false),
    result(D.photoCaptions, status(uncaptioned.length === 0, 'fail'), true, uncaptioned),
  ];
}

function checksFor(p: Post): CoachCheck[] {
  const { parts } = keywordsFor(p.jobId);
  return [...(isVideo(p.platform) ? videoChecks(p, parts) : blogChecks(p, parts)), ...commonChecks(p)];
}

export const coachPost = (postId: number) =>
  mockCore.cmd('coach_post', { postId }, (): Coach => {
    const p = postById(postId);
    const checks = checksFor(p);
    const passed = checks.filter((c) => c.status === 'pass').length;
    const kw = keywordsFor(p.jobId);
    return {
      postId,
      platform: p.platform,
      score: Math.round((passed * 100) / Math.max(1, checks.length)),
      passed,
      total: checks.length,
      checks,
      mainKeyword: kw.main,
      keywords: kw.list,
    };
  });

// ---- fixes (core/src/coach/fixes.rs): each changes only what its check is about ----
/** video/package_text youtube_title, roughly: no < >, one line, at most 100 characters (cut at a space). */
function youtubeTitle(raw: string): string {
  let t = raw.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
  if ([...t].length > 100) {
    t = [...t].slice(0, 100).join('');
    const sp = t.lastIndexOf(' ');
    if (sp > 60) t = t.slice(0, sp);
  }
  return t.trim();
}
/** Blog: the keyword's words the title lacks, put in front of it. */
function missingInFront(title: string, words: string[]): string {
  const t = title.trim();
  const missing = words.filter((w) => !t.toLowerCase().includes(w.toLowerCase()));
  return missing.length ? `${missing.join(' ')} ${t}`.trim() : t;
}
/** Video: the keyword moved to the front of the title (taken out where it stands as words of its own). */
function keywordInFront(title: string, words: string[]): string {
  let rest = ` ${title.trim()} `;
  for (const w of words) {
    const i = rest.indexOf(` ${w} `);
    if (i >= 0) rest = `${rest.slice(0, i)} ${rest.slice(i + w.length + 2)}`;
  }
  return youtubeTitle(`${words.join(' ')} ${rest.trim()}`);
}
/** video/package_text youtube_tags, roughly: trimmed, unique, within 500 characters. */
function youtubeTags(raw: string[]): string[] {
  const tags = [...new Set(raw.map((t) => t.replace(/[<>,]/g, '').trim()).filter(Boolean))];
  while (tags.length && ytTagChars(tags) > 500) tags.pop();
  return tags;
}
function contactBlocks(): Block[] {
  const pr = profile();
  const en = lang() === 'en';
  const lines = [
    pr.name && `${pr.name}`,
    pr.phone && `${en ? 'Phone' : '전화'}: ${pr.phone}`,
    pr.email && `${en ? 'Email' : '이메일'}: ${pr.email}`,
    pr.address && `${en ? 'Address' : '주소'}: ${pr.address}`,
    pr.kakao && `${en ? 'Kakao' : '카카오톡'}: ${pr.kakao}`,
  ].filter(Boolean) as string[];
  return [
    { kind: 'heading', text: en ? 'Contact' : '문의하기' },
    { kind: 'paragraph', text: lines.join('\n') },
  ];
}
const noKeyword = () =>
  err(
    'invalid',
    '작업 정보(공정, 소재, 제목)나 공장 지역이 없어 키워드를 만들 수 없습니다.',
    "There is no keyword yet: fill in the job's process, material or title, or the shop's region.",
  );

export const applyFix = (postId: number, fix: string, arg: string | null = null) =>
  mockCore.cmd('apply_fix', { postId, fix, arg }, (): Post => {
    const p = postById(postId);
    const kw = keywordsFor(p.jobId);
    const chosen = (arg ?? '').trim() || null;
    switch (fix) {
      case FIX.titleKeyword: {
        if (!chosen && !kw.parts.length) throw noKeyword();
        const words = chosen ? [chosen] : kw.parts;
        p.title = isVideo(p.platform) ? keywordInFront(p.title, words) : missingInFront(p.title, words);
        break;
      }
      case FIX.firstParagraph: {
        const keyword = chosen ?? kw.main;
        if (!keyword) throw noKeyword();
        const sentence = lang() === 'en' ? `This post is about ${keyword}.` : `${keyword} 작업을 소개합니다.`;
        const first = paragraphs(p)[0];
        if (first) p.blocks[first.i] = { kind: 'paragraph', text: `${sentence}\n${first.b.text}` };
        else p.blocks.unshift({ kind: 'paragraph', text: sentence });
        break;
      }
      case FIX.contact:
        if (!profileHasContact()) {
          throw err(
            'invalid',
            '공장 정보에 전화번호나 이메일을 먼저 넣어 주세요.',
            'Add a phone number or e-mail to the shop profile first.',
          );
        }
        if (!hasContactBlock(p)) p.blocks.push(...contactBlocks());
        break;
      case FIX.tags: {
        const suggestions = [
          ...kw.parts.map((s) => s.replace(/\s+/g, '')),
          '정밀가공',
          '소량가공',
          '시제품',
          '금속가공',
          '기계가공',
        ];
        if (isVideo(p.platform)) {
          const tags = youtubeTags(p.tags);
          p.tags = tags.length ? tags : youtubeTags(suggestions);
        } else {
          const tags = [...new Set(p.tags.map((t) => t.trim()).filter(Boolean))];
          for (const s of suggestions) {
            if (tags.length >= 5) break;
            if (!tags.includes(s)) tags.push(s);
          }
          p.tags = tags.slice(0, 10);
        }
        break;
      }
      case FIX.shortenTitle:
        p.title = youtubeTitle(p.title);
        break;
      case FIX.captions: {
        const roles = new Map(mockCore.jobPhotos(p.jobId).map((ph) => [ph.id, ph.role]));
        const ROLE: Record<string, [string, string]> = {
          stock: ['소재 준비', 'Stock'],
          in_process: ['가공하는 모습', 'Machining'],
          finished: ['완성된 부품', 'Finished part'],
          measured: ['치수 측정', 'Measuring'],
          machine: ['작업한 장비', 'The machine'],
        };
        p.blocks = p.blocks.map((b): Block => {
          if (b.kind !== 'photo' || b.caption.trim()) return b;
          const r = roles.get(b.photoId);
          const c = (r && ROLE[r]) || ['가공 과정', 'Machining step'];
          return { ...b, caption: pick(c[0], c[1]) };
        });
        break;
      }
      default:
        throw err('invalid', `알 수 없는 고치기 항목입니다: ${fix}`, `Unknown fix: ${fix}`);
    }
    p.updatedAt = mockCore.now();
    return p;
  });

// ---- the AI helper ----
// ---- transport (crates/gongbang-ai/src/transport.rs): plain http only to this PC or the shop's network ----
const keyFor = (url: string): string | null => {
  const o = originOf(url);
  return o ? (M.ai.keys[o] ?? null) : null;
};
function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  const v4 = h.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  if (h.startsWith('[')) return h === '[::1]' || /^\[f[cd]/.test(h) || /^\[fe[89ab]/.test(h);
  return (
    h === 'localhost' ||
    !h.includes('.') ||
    ['.localhost', '.local', '.home.arpa', '.internal', '.lan'].some((x) => h.endsWith(x))
  );
}
function insecure(url: string): AppError | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' || isLocalHost(u.hostname)) return null;
  const host = u.port ? `${u.hostname}:${u.port}` : `${u.hostname}:80`;
  return err(
    'ai_insecure',
    `${host} 은(는) 인터넷의 공개 주소라 http:// 로는 보내지 않습니다. 글과 API 키가 암호화되지 않은 채 인터넷을 지나가기 때문입니다. 주소를 https:// 로 바꿔 주세요. (http:// 는 이 PC나 가게 안 네트워크의 서버에만 쓸 수 있습니다.) 글은 바뀌지 않았습니다.`,
    `${host} is a public internet address, so nothing is sent to it over plain http:// — the text and the API key would cross the internet unencrypted. Change the address to https://. (http:// is only for a server on this PC or on the shop's own network.) The post was not changed.`,
  );
}

const publicAi = (): AiSettings => ({
  enabled: M.ai.enabled,
  baseUrl: M.ai.baseUrl,
  model: M.ai.model,
  hasKey: !!keyFor(M.ai.baseUrl),
});
export const aiSettings = () => mockCore.cmd('ai_settings', undefined, publicAi);
export const saveAiSettings: Commands['saveAiSettings'] = (settings, apiKey) =>
  mockCore.cmd(
    'save_ai_settings',
    { settings, apiKey: apiKey === null ? null : apiKey === '' ? '' : '•••' },
    (): AiSettings => {
      const url = (settings.baseUrl ?? '').trim();
      if (settings.enabled && !/^https?:\/\/\S+$/i.test(url)) {
        throw err(
          'invalid',
          '주소는 http:// 또는 https:// 로 시작해야 합니다.',
          'The address must start with http:// or https://.',
        );
      }
      const refused = insecure(url);
      if (refused) throw refused;
      const origin = originOf(url);
      if (apiKey && !origin) {
        throw err(
          'invalid',
          'API 키를 저장하려면 먼저 AI 서버 주소를 넣어 주세요. 키는 그 주소에만 보냅니다.',
          'To save an API key, first enter the AI server address. The key is sent to that address only.',
        );
      }
      M.ai = {
        ...M.ai,
        enabled: settings.enabled,
        baseUrl: url.replace(/\/+$/, ''),
        model: (settings.model ?? '').trim(),
      };
      if (apiKey !== null && origin) {
        if (apiKey === '') delete M.ai.keys[origin];
        else M.ai.keys[origin] = apiKey;
      }
      save();
      return publicAi();
    },
  );

function rewrite(text: string, style: AiStyle): string {
  const en = !/[가-힣]/.test(text);
  const clean = text.replace(/[ \t]+/g, ' ').trim();
  if (style === 'shorter') {
    const sentences = clean
      .match(/[^.!?。]+[.!?。]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [clean];
    if (sentences.length > 1) return sentences.slice(0, Math.max(1, Math.ceil(sentences.length / 2))).join(' ');
    return clean.length > 30 ? `${clean.slice(0, Math.ceil(clean.length * 0.6)).trim()}…` : clean;
  }
  if (style === 'friendlier') {
    const add = en ? ' Feel free to ask us anything!' : ' 궁금하신 점은 편하게 물어봐 주세요!';
    return clean.endsWith(add.trim()) ? clean.replace(/습니다/g, '어요') : `${clean}${add}`;
  }
  const polished = en
    ? clean.replace(/\bwe did\b/gi, 'we carried out').replace(/^/, 'Carefully: ')
    : clean.replace(/했습니다/g, '진행했습니다').replace(/^안녕하세요\. /, '안녕하세요, 정밀가공 공방입니다. ');
  return polished === clean ? `정성껏 다듬은 글: ${clean}` : polished;
}

export const aiRewrite = (postId: number, style: AiStyle, blockIndex: number | null) =>
  mockCore.cmd('ai_rewrite', { postId, style, blockIndex }, async (): Promise<Post> => {
    const p = postById(postId);
    if (!M.ai.enabled || !M.ai.baseUrl) throw AI_ERRORS.ai_off;
    // The leak guard's verdict, as export decides it (rewrite::prepare), before anything is "sent".
    const g = mockCore.guard(p.jobId);
    if (!g.canExport)
      throw err(g.policy === 'never' ? 'export_forbidden' : 'approval_missing', g.reasonKo ?? '', g.reasonEn ?? '');
    const refused = insecure(M.ai.baseUrl);
    if (refused) throw refused;
    const targets = blockIndex === null ? paragraphs(p).map((x) => x.i) : [blockIndex];
    if (targets.some((i) => p.blocks[i]?.kind !== 'paragraph')) {
      throw err('invalid', '문단만 고칠 수 있습니다.', 'Only paragraphs can be rewritten.');
    }
    aiSent.push(targets.map((i) => (p.blocks[i] as { text: string }).text));
    cancelAiFlag = false;
    const until = performance.now() + aiDelayMs;
    while (performance.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      if (cancelAiFlag) {
        cancelAiFlag = false;
        throw err('cancelled', '그만뒀습니다. 글은 그대로입니다.', 'Stopped. Your text is unchanged.');
      }
    }
    if (nextAiError) {
      const e =
        AI_ERRORS[nextAiError] ??
        err(
          nextAiError,
          'AI 요청이 실패했습니다. 글은 그대로입니다.',
          'The AI request failed. Your text is unchanged.',
        );
      nextAiError = null;
      throw e;
    }
    // Only now, with every answer in hand, the post changes (a failure above leaves it untouched).
    const texts = targets.map((i) => rewrite((p.blocks[i] as { text: string }).text, style));
    targets.forEach((i, k) => {
      p.blocks[i] = { kind: 'paragraph', text: texts[k] };
    });
    p.updatedAt = mockCore.now();
    return p;
  });

export const cancelAi = () =>
  mockCore.cmd('cancel_ai', undefined, () => {
    cancelAiFlag = true;
  });
