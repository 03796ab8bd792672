// Mock of the template packs and the lessons (issue 15) for the Playwright build. The lessons are a small
// fixed set (one per area, every coach check the mock checks named by one of them), as plain blocks like the
// ones Rust sends; an installed pack adds its lesson. Pack state lives under its own localStorage key and is
// cleared by window.__mock.reset() like the rest.
//
// Test hooks (window.__mockPacks):
//   pick(p|null)    what the next pick_pack dialog answers (null: cancel); default: a pack by a new author
//   calls()         the commands called, with their arguments
//   state()         a copy of this file's state
import type {
  AppError,
  ExportedPack,
  InstalledPack,
  Lang,
  Lesson,
  LessonBlock,
  LessonSummary,
  PickedPack,
} from '../src/backend';
import { toAppError } from '../src/errors';

interface PackState {
  trusted: string[];
  installed: InstalledPack[];
}
const KEY = 'gb-mock-packs';
const fresh = (): PackState => ({ trusted: [], installed: [] });
function load(): PackState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<PackState>) };
  } catch {
    /* start fresh */
  }
  return fresh();
}
let M = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(M));
const calls: { cmd: string; args: unknown }[] = [];

async function cmd<T>(name: string, args: unknown, run: () => T | Promise<T>): Promise<T> {
  calls.push({ cmd: name, args: args === undefined ? undefined : JSON.parse(JSON.stringify(args)) });
  await new Promise((r) => setTimeout(r, 5));
  try {
    const out = await run();
    save();
    return JSON.parse(JSON.stringify(out ?? null)) as T;
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- lessons ----
const DRAWING = `data:image/svg+xml;base64,${btoa(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 270"><rect width="480" height="270" fill="#eef"/><circle cx="240" cy="135" r="80" fill="#48a"/></svg>',
)}`;
interface MockLesson {
  id: string;
  order: number;
  checks: string[];
  ko: [string, string, string];
  en: [string, string, string];
}
const LESSONS: MockLesson[] = [
  {
    id: 'photographing-parts',
    order: 1,
    checks: ['photo_count', 'photo_quality'],
    ko: ['기계 부품 사진 잘 찍기', '빛, 배경, 크기 비교', '밝은 곳에서 찍으면 부품이 잘 보입니다.'],
    en: ['Taking good photos of parts', 'Light, background, scale', 'Parts show best in good light.'],
  },
  {
    id: 'naver-search',
    order: 2,
    checks: [
      'title_keyword',
      'keyword_first_paragraph',
      'text_length',
      'copied_text',
      'tags',
      'contact_block',
      'contact_profile',
    ],
    ko: ['네이버 검색에 잘 나오는 글', '핵심 키워드, 넉넉한 글, 태그', '손님은 지역, 공정, 소재, 부품으로 검색합니다.'],
    en: [
      'Posts Naver search finds',
      'Main keyword, enough text, tags',
      'Buyers search by region, process, material, part.',
    ],
  },
  {
    id: 'youtube-watched',
    order: 3,
    checks: [
      'video_title_keyword',
      'video_title_length',
      'thumbnail_words',
      'description_what_who',
      'chapters',
      'video_tags',
      'photo_captions',
      'video_length',
    ],
    ko: ['끝까지 보는 유튜브 영상', '제목, 썸네일, 챕터', '제목 앞에 핵심 키워드를 두세요.'],
    en: ['YouTube videos people finish', 'Title, thumbnail, chapters', 'Put the main keyword first.'],
  },
  {
    id: 'leak-guard',
    order: 4,
    checks: ['leak_guard'],
    ko: ['고객 정보 지키기', '가림, 허락, 사진 속 정보', '도면 번호와 고객 이름은 가립니다.'],
    en: ["Keeping customers' secrets", 'Boxes, approvals, photo data', 'Hide drawing numbers and customer names.'],
  },
];
const PACK_LESSON: MockLesson = {
  id: 'shop-tips',
  order: 9,
  checks: [],
  ko: ['멘토의 가게 요령', '멘토가 쓴 배우기 글', '멘토의 요령입니다.'],
  en: ["A mentor's shop tips", 'Written by a mentor', "A mentor's tips."],
};
const allLessons = () => (M.installed.length > 0 ? [...LESSONS, PACK_LESSON] : LESSONS);
const summary = (l: MockLesson, lang: Lang): LessonSummary => ({
  id: l.id,
  title: l[lang][0],
  summary: l[lang][1],
  order: l.order,
  checks: l.checks,
});
function blocks(l: MockLesson, lang: Lang): LessonBlock[] {
  const ko = lang === 'ko';
  return [
    { kind: 'heading', level: 2, text: ko ? '왜 중요할까요' : 'Why it matters' },
    { kind: 'paragraph', spans: [{ text: l[lang][2], bold: false }] },
    {
      kind: 'paragraph',
      spans: [
        { text: ko ? '이것만은 ' : 'Above all, ', bold: false },
        { text: ko ? '꼭 기억하세요' : 'remember this', bold: true },
        { text: '.', bold: false },
      ],
    },
    {
      kind: 'list',
      items: [[{ text: ko ? '첫째' : 'First', bold: false }], [{ text: ko ? '둘째' : 'Second', bold: false }]],
    },
    { kind: 'image', alt: ko ? '설명 그림' : 'A drawing', dataUrl: DRAWING },
    { kind: 'heading', level: 3, text: ko ? '점검표에서는' : 'In the checklist' },
    { kind: 'paragraph', spans: [{ text: ko ? '한 번 누르면 고쳐집니다.' : 'One click fixes it.', bold: false }] },
  ];
}
const notFound = (id: string): AppError => ({
  code: 'invalid',
  messageKo: `'${id}' 배우기 글을 찾을 수 없습니다.`,
  messageEn: `There is no lesson '${id}'.`,
});

export const lessons = (lang: Lang) => cmd('lessons', { lang }, () => allLessons().map((l) => summary(l, lang)));
export const lesson = (id: string, lang: Lang) =>
  cmd('lesson', { id, lang }, (): Lesson => {
    const l = allLessons().find((x) => x.id === id);
    if (!l) throw notFound(id);
    return { ...summary(l, lang), lang, blocks: blocks(l, lang) };
  });
export const lessonForCheck = (check: string, lang: Lang) =>
  cmd('lesson_for_check', { check, lang }, (): LessonSummary | null => {
    const l = allLessons().find((x) => x.checks.includes(check));
    return l ? summary(l, lang) : null;
  });

// ---- packs ----
const KEY_HEX = 'ab'.repeat(32);
const defaultPick = (): PickedPack => ({
  path: '/home/owner/받은 파일/문래-멘토-묶음.gbpack',
  preview: {
    id: 'c0ffee'.padEnd(64, '0'),
    name: '문래 멘토 묶음',
    author: { name: '김멘토', key: KEY_HEX, fingerprint: '1A2B-3C4D-5E6F-7A8B' },
    createdAt: '2025-03-01T10:00:00+09:00',
    trusted: M.trusted.includes(KEY_HEX),
    knownNameOtherKey: false,
    installed: M.installed.some((p) => p.id === 'c0ffee'.padEnd(64, '0')),
    files: [
      { path: 'templates/blog_body.ko.j2', size: 2400, change: 'replaces_builtin', otherPack: null },
      { path: 'lessons/shop-tips.ko.md', size: 900, change: 'new', otherPack: null },
      { path: 'weights.toml', size: 30, change: 'new', otherPack: null },
    ],
    keywords: [{ group: 'any', lang: 'ko', added: ['멘토추천 검색어'] }],
    weights: [{ check: 'contact_block', from: 1, to: 3, hiddenByOwner: false }],
  },
});
let nextPick: PickedPack | null | undefined;

export const pickPack = () =>
  cmd('pick_pack', undefined, (): PickedPack | null => (nextPick === undefined ? defaultPick() : nextPick));
export const previewPack = (path: string) =>
  cmd('preview_pack', { path }, (): PickedPack => ({ ...defaultPick(), path }));
export const installPack = (path: string, trust: boolean) =>
  cmd('install_pack', { path, trust }, (): InstalledPack => {
    const p = (nextPick ?? defaultPick()).preview;
    if (!M.trusted.includes(p.author.key)) {
      if (!trust)
        throw {
          code: 'pack_untrusted',
          messageKo: `처음 보는 사람이 만든 묶음입니다: '${p.author.name}' (열쇠 지문 ${p.author.fingerprint}).`,
          messageEn: `This pack was made by someone new: '${p.author.name}' (key fingerprint ${p.author.fingerprint}).`,
        } satisfies AppError;
      M.trusted.push(p.author.key);
    }
    const row: InstalledPack = {
      id: p.id,
      name: p.name,
      author: p.author,
      createdAt: p.createdAt,
      installedAt: new Date().toISOString(),
      fileCount: p.files.length,
    };
    M.installed = [row, ...M.installed.filter((x) => x.id !== p.id)];
    return row;
  });
export const installedPacks = () => cmd('installed_packs', undefined, () => M.installed);
export const removePack = (id: string) =>
  cmd('remove_pack', { id }, (): null => {
    if (!M.installed.some((p) => p.id === id))
      throw { code: 'no_such_pack', messageKo: '설치되어 있지 않습니다.', messageEn: 'Not installed.' };
    M.installed = M.installed.filter((p) => p.id !== id);
    return null;
  });
export const exportPack = (name: string) =>
  cmd(
    'export_pack',
    { name },
    (): ExportedPack => ({
      path: `/home/owner/묶음/${name || '대성정밀 템플릿 묶음'}-1a2b3c4d.gbpack`,
      id: '1a2b3c4d'.padEnd(64, '0'),
      name: name || '대성정밀 템플릿 묶음',
      author: { name: '대성정밀', key: 'cd'.repeat(32), fingerprint: '9F8E-7D6C-5B4A-3928' },
      fileCount: 3,
    }),
  );

// ---- test hooks ----
declare global {
  interface Window {
    __mockPacks: {
      pick(p: PickedPack | null): void;
      calls(): { cmd: string; args: unknown }[];
      state(): PackState;
    };
  }
}
window.__mockPacks = {
  pick(p) {
    nextPick = p;
  },
  calls: () => JSON.parse(JSON.stringify(calls)) as { cmd: string; args: unknown }[],
  state: () => JSON.parse(JSON.stringify(M)) as PackState,
};
queueMicrotask(() => {
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => {
    coreReset();
    M = fresh();
    save();
  };
});
