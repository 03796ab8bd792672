// Mock of the coach commands (coach_post, apply_fix) and the AI helper (ai_settings, save_ai_settings,
// ai_rewrite, cancel_ai) for the Playwright build; shares state through mockCore (mock-backend.ts).
//
// The checks are computed from the saved mock post like core/src/coach does it, per platform (blog: title
// keyword, 1,500 characters, 8 photos, keyword in the first paragraph, contact block, 5–10 tags, captions;
// YouTube: title ≤ 100 with the keyword in front, the first lines of the description, tags ≤ 500 characters,
// Shorts length; all: photo quality, leak guard). A photo whose file name has "dark" or "어두운" in it counts as
// too dark. Every fix changes only what its check is about, and makes that check pass.
// The AI helper keeps its settings (and the "keychain" key, never returned) under its own localStorage key.
//
// Test hooks (window.__mockCoach):
//   aiError(code)     the next ai_rewrite fails with that code (ai_auth, ai_rate, ai_timeout, ai_network, ai_reply, ai_off)
//   aiDelay(ms)       how long ai_rewrite takes (default 150 ms); cancel_ai stops it with code `cancelled`
//   aiRequests()      what ai_rewrite "sent": the texts only
//   storedKey()       the key in the mock keychain (for tests only; the window never sees it)
//   state()           a copy of this file's state
import type { AiSettings, AiStyle, AppError, Block, Coach, CoachCheck, Platform, Post, ShopProfile } from '../src/backend';
import { mockCore } from './mock-backend';

interface AiState { enabled: boolean; baseUrl: string; model: string; key: string | null }
interface CoachState { ai: AiState }
const KEY = 'gb-mock-coach';
const fresh = (): CoachState => ({ ai: { enabled: false, baseUrl: '', model: '', key: null } });
function load(): CoachState {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return { ...fresh(), ...(JSON.parse(raw) as Partial<CoachState>) };
  } catch { /* start fresh */ }
  return fresh();
}
let M = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(M));

const err = (code: string, messageKo: string, messageEn: string): AppError => ({ code, messageKo, messageEn });
const AI_ERRORS: Record<string, AppError> = {
  ai_off: err('ai_off', 'AI 도움이 설정되지 않았습니다. 설정에서 켜 주세요.', 'AI help is not set up. Turn it on in Settings.'),
  ai_network: err('ai_network', 'AI 서버에 연결하지 못했습니다. 인터넷이나 주소를 확인해 주세요. 글은 그대로입니다.',
    'Could not reach the AI server. Check the connection or the address. Your text is unchanged.'),
  ai_auth: err('ai_auth', 'AI 서버가 API 키를 받지 않았습니다 (401). 설정에서 키를 확인해 주세요. 글은 그대로입니다.',
    'The AI server did not accept the API key (401). Check the key in Settings. Your text is unchanged.'),
  ai_rate: err('ai_rate', 'AI 서버에 요청이 너무 많습니다 (429). 잠시 뒤에 다시 해 주세요. 글은 그대로입니다.',
    'Too many requests to the AI server (429). Please try again in a moment. Your text is unchanged.'),
  ai_timeout: err('ai_timeout', 'AI 서버가 너무 오래 답하지 않았습니다. 글은 그대로입니다.',
    'The AI server took too long to answer. Your text is unchanged.'),
  ai_reply: err('ai_reply', 'AI 서버의 답을 쓸 수 없었습니다. 글은 그대로입니다.',
    'The AI server sent a reply that could not be used. Your text is unchanged.'),
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
      state(): CoachState;
    };
  }
}
window.__mockCoach = {
  aiError(code) { nextAiError = code; },
  aiDelay(ms) { aiDelayMs = ms; },
  aiRequests: () => aiSent.map((x) => x.slice()),
  storedKey: () => M.ai.key,
  state: () => JSON.parse(JSON.stringify(M)) as CoachState,
};
queueMicrotask(() => {
  const m = window.__mock;
  if (!m) return;
  const coreReset = m.reset;
  m.reset = () => { coreReset(); M = fresh(); save(); nextAiError = null; aiDelayMs = 150; aiSent.length = 0; };
});

// ---- reading the mock's state ----
const core = () => mockCore.state();
function postById(postId: number): Post {
  const p = core().posts.find((x) => x.id === postId);
  if (!p) throw err('not_found', '글을 찾을 수 없습니다.', 'The post was not found.');
  return p;
}
const SAMPLE_PROFILE = {
  name: '문래정밀', phone: '02-2677-0000', email: '', address: '서울 영등포구 문래동', regionKeywords: ['문래동', '영등포구'], kakao: '',
};
/** The saved shop profile (mock-shop.ts keeps it), or a sample shop when the owner has not filled one in. */
function profile(): Pick<ShopProfile, 'name' | 'phone' | 'email' | 'address' | 'regionKeywords' | 'kakao'> {
  try {
    const raw = localStorage.getItem('gb-mock-shop');
    const p = raw ? (JSON.parse(raw) as { profile?: ShopProfile }).profile : undefined;
    if (p && (p.name.trim() || p.phone.trim())) return p;
  } catch { /* the sample below */ }
  return SAMPLE_PROFILE;
}
const isVideo = (p: Platform) => p === 'youtube' || p === 'shorts';
const lang = () => core().lang;

// ---- keywords: region + process + material + part ----
const STOP = new Set(['가공', '정밀', '정밀가공', '제작', '작업', '부품', 'machining', 'part']);
function keywordsFor(jobId: number): { main: string; parts: string[]; list: string[] } {
  const j = core().jobs.find((x) => x.id === jobId);
  const region = profile().regionKeywords[0] ?? '';
  const material = j?.material.trim() ?? '';
  const process = (j?.process.trim() ?? '').replace(/\s*\(.*\)$/, '');
  const titleWords = (j?.title ?? '').split(/\s+/).filter(Boolean);
  const part = titleWords.find((w) => !STOP.has(w.toLowerCase()) && w !== material && !process.split(' ').includes(w)) ?? '';
  const parts = [region, process, material, part].filter(Boolean);
  const main = parts.join(' ');
  const list = [
    main,
    [region, process].filter(Boolean).join(' '),
    [material, part, '가공'].filter(Boolean).join(' '),
    region ? `${region} 정밀가공` : '',
    profile().regionKeywords[1] ? `${profile().regionKeywords[1]} ${process || '가공'}` : '',
  ].map((s) => s.trim()).filter((s) => s && s !== '가공');
  return { main, parts, list: [...new Set(list)].slice(0, 5) };
}
const hasAll = (text: string, parts: string[]) => parts.length > 0 && parts.every((w) => text.includes(w));

// ---- measuring the post ----
const paragraphs = (p: Post) => p.blocks.flatMap((b, i) => (b.kind === 'paragraph' ? [{ b, i }] : []));
const photoBlocks = (p: Post) => p.blocks.flatMap((b, i) => (b.kind === 'photo' ? [{ b, i }] : []));
function textLength(p: Post): number {
  let n = p.title.length;
  for (const b of p.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') n += b.text.length;
    else if (b.kind === 'list') n += b.items.join('').length;
    else if (b.kind === 'table') n += b.rows.flat().join('').length;
    else n += b.caption.length;
  }
  return n;
}
const CONTACT_HEAD = /^(문의|연락처|Contact)/i;
function hasContact(p: Post): boolean {
  const phone = profile().phone.replace(/\s/g, '');
  const all = p.blocks.map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text : b.kind === 'list' ? b.items.join('\n') : '')).join('\n');
  return p.blocks.some((b) => b.kind === 'heading' && CONTACT_HEAD.test(b.text)) && !!phone && all.replace(/\s/g, '').includes(phone);
}
/** YouTube counts the tag field: commas between tags, quotes around a tag with a space. */
const ytTagChars = (tags: string[]) => tags.reduce((n, t) => n + t.length + (t.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
const darkPhotos = (p: Post) => {
  const names = new Map(mockCore.jobPhotos(p.jobId).map((ph) => [ph.id, ph.originalName]));
  return photoBlocks(p).filter(({ b }) => /dark|어두운/i.test(names.get(b.photoId) ?? '')).map(({ b }) => b.photoId);
};
const shortsSeconds = (p: Post) => 7 + photoBlocks(p).reduce((s, { b }) => s + (p.video?.photoSeconds[String(b.photoId)] ?? p.video?.secondsPerPhoto ?? 4), 0);

function check(id: string, ok: boolean | 'warn', ko: [string, string], en: [string, string],
  fix: [string, string, string] | null, photoIds: number[] = []): CoachCheck {
  const status = ok === true ? 'pass' : ok === 'warn' ? 'warn' : 'fail';
  return {
    id, status, titleKo: ko[0], whyKo: ko[1], titleEn: en[0], whyEn: en[1],
    fix: fix ? fix[0] : null, fixLabelKo: fix ? fix[1] : null, fixLabelEn: fix ? fix[2] : null, photoIds,
  };
}

function checksFor(p: Post): CoachCheck[] {
  const kw = keywordsFor(p.jobId);
  const out: CoachCheck[] = [];
  const firstPara = paragraphs(p)[0]?.b.text ?? '';
  const tagsOk = p.tags.length >= 5 && p.tags.length <= 10;
  const missingCaptions = photoBlocks(p).filter(({ b }) => !b.caption.trim()).map(({ b }) => b.photoId);
  if (!isVideo(p.platform)) {
    out.push(
      check('title_keyword', hasAll(p.title, kw.parts),
        ['제목에 핵심 키워드', `“${kw.main}”처럼 지역·가공·소재·부품이 제목에 있어야 검색에 잘 걸립니다.`],
        ['Main keyword in the title', `Searchers type region, process, material and part, like “${kw.main}”.`],
        ['title_keyword', '제목에 키워드 넣기', 'Put the keyword in the title']),
      check('length_1500', textLength(p) >= 1500,
        ['글자 수 1,500자 이상', `지금 ${textLength(p).toLocaleString()}자입니다. 네이버는 내용이 충분한 글을 더 잘 보여 줍니다.`],
        ['At least 1,500 characters', `Now ${textLength(p).toLocaleString()}. Naver ranks posts with enough content higher.`], null),
      check('photos_8', photoBlocks(p).length >= 8,
        ['직접 찍은 사진 8장 이상', `지금 ${photoBlocks(p).length}장입니다. 사진이 많으면 작업을 믿고 연락합니다.`],
        ['8 or more of your own photos', `Now ${photoBlocks(p).length}. More photos make customers trust the work.`], null),
      check('keyword_first_paragraph', hasAll(firstPara, kw.parts),
        ['첫 문단에 키워드', '첫 문단에 핵심 키워드가 있으면 검색 결과에 그 문장이 보입니다.'],
        ['Keyword in the first paragraph', 'Search results show the first paragraph; the keyword there helps.'],
        ['keyword_first_paragraph', '첫 문단에 키워드 넣기', 'Add the keyword to the first paragraph']),
    );
  } else {
    const front = p.title.startsWith(kw.parts[0] ?? '') && hasAll(p.title.slice(0, 40), kw.parts);
    out.push(
      check('title_keyword', front,
        ['제목 앞쪽에 핵심 키워드', '휴대폰에서는 제목 앞부분만 보입니다. 키워드를 앞에 두세요.'],
        ['Keyword at the front of the title', 'Phones show only the start of a title; put the keyword first.'],
        ['title_keyword', '제목 앞에 키워드 넣기', 'Put the keyword first']),
      check('yt_title_length', p.title.length <= 100 && !/[<>]/.test(p.title),
        ['제목 100자 이하', `지금 ${p.title.length}자입니다. YouTube는 100자까지만 받습니다.`],
        ['Title at most 100 characters', `Now ${p.title.length}. YouTube takes 100 at most.`],
        ['yt_title_length', '제목 100자로 줄이기', 'Shorten the title to 100']),
      check('yt_description_first_lines', hasAll(firstPara, kw.parts) && firstPara.includes(profile().name),
        ['설명 첫 줄에 무엇을·누가', '설명은 앞의 두 줄만 먼저 보입니다. 무엇을 만들었고 어느 공방인지 적으세요.'],
        ['First lines: what and who', 'Only the first two lines show at first: say what was made and by which shop.'],
        ['yt_description_first_lines', '설명 첫 줄 채우기', 'Fill in the first line']),
      check('yt_tags_500', ytTagChars(p.tags) <= 500,
        ['태그 500자 이하', 'YouTube는 태그를 모두 합쳐 500자까지만 받습니다.'],
        ['Tags at most 500 characters', 'YouTube takes at most 500 characters of tags in all.'],
        ['yt_tags_500', '태그 줄이기', 'Trim the tags']),
    );
    if (p.platform === 'shorts') {
      const s = shortsSeconds(p);
      out.push(check('shorts_length', s <= 180,
        ['쇼츠 3분 이하', `지금 약 ${Math.round(s)}초입니다. 쇼츠는 3분까지입니다.`],
        ['Shorts at most 3 minutes', `Now about ${Math.round(s)} s. Shorts are at most 3 minutes.`], null));
    }
  }
  out.push(
    check('contact_block', hasContact(p),
      ['연락처', '글을 보고 바로 전화할 수 있게 공방 이름과 전화번호를 넣으세요.'],
      ['Contact details', 'Let a reader call straight away: the shop name and phone number.'],
      ['contact_block', '연락처 넣기', 'Add the contact block']),
    check('tags_5_10', tagsOk,
      ['태그 5~10개', `지금 ${p.tags.length}개입니다. 태그가 알맞으면 비슷한 글 옆에 함께 보입니다.`],
      ['5 to 10 tags', `Now ${p.tags.length}. The right number of tags shows the post next to similar ones.`],
      ['tags_5_10', p.tags.length > 10 ? '태그 10개로 줄이기' : '태그 채우기', p.tags.length > 10 ? 'Keep 10 tags' : 'Add tags']),
    check('captions', missingCaptions.length === 0,
      ['사진마다 설명', `설명이 없는 사진이 ${missingCaptions.length}장 있습니다. 한 줄이면 무엇을 하는 장면인지 압니다.`],
      ['A caption on every photo', `${missingCaptions.length} photo(s) have no caption. One line says what is going on.`],
      ['captions', '빈 사진 설명 채우기', 'Fill in the empty captions'], missingCaptions),
  );
  const dark = darkPhotos(p);
  out.push(check('photo_quality', dark.length === 0 ? true : 'warn',
    ['사진 밝기·선명도', dark.length ? `너무 어둡거나 흐린 사진이 ${dark.length}장 있습니다. 밝은 곳에서 다시 찍으면 좋습니다.` : '사진이 밝고 선명합니다.'],
    ['Bright, sharp photos', dark.length ? `${dark.length} photo(s) look too dark or blurry. Retake them in good light if you can.` : 'The photos are bright and sharp.'],
    null, dark));
  const g = mockCore.guard(p.jobId);
  const flagged = mockCore.scan(p).length;
  out.push(check('leak_guard', g.canExport && flagged === 0,
    ['보안 점검', !g.canExport ? (g.reasonKo ?? '') : flagged ? `확인할 단어가 ${flagged}개 있습니다. 미리보기에서 확인해 주세요.` : '고객사 정보가 나가지 않습니다.'],
    ['Safety check', !g.canExport ? (g.reasonEn ?? '') : flagged ? `${flagged} flagged word(s): check them in the preview.` : "Nothing of a customer's leaves the shop."],
    null));
  return out;
}

export const coachPost = (postId: number) => mockCore.cmd('coach_post', { postId }, (): Coach => {
  const p = postById(postId);
  const checks = checksFor(p);
  const passed = checks.filter((c) => c.status === 'pass').length;
  const kw = keywordsFor(p.jobId);
  return {
    postId, platform: p.platform, score: Math.round((passed / checks.length) * 100), passed, total: checks.length,
    checks, mainKeyword: kw.main, keywords: kw.list,
  };
});

// ---- fixes: each changes only what its check is about ----
function withKeyword(title: string, kw: string): string {
  if (title.startsWith(kw)) return title;
  const words = new Set(kw.split(/\s+/));
  const rest = title.split(/\s+/).filter((w) => w && !words.has(w)).join(' ');
  return `${kw} ${rest || '가공'}`.trim();
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
  return [{ kind: 'heading', text: en ? 'Contact' : '문의하기' }, { kind: 'paragraph', text: lines.join('\n') }];
}

export const applyFix = (postId: number, fix: string, arg: string | null = null) =>
  mockCore.cmd('apply_fix', { postId, fix, arg }, (): Post => {
    const p = postById(postId);
    const kw = keywordsFor(p.jobId);
    switch (fix) {
      case 'title_keyword':
        p.title = withKeyword(p.title, (arg ?? '').trim() || kw.main);
        break;
      case 'keyword_first_paragraph':
      case 'yt_description_first_lines': {
        const first = paragraphs(p)[0];
        const who = fix === 'yt_description_first_lines' ? ` — ${profile().name}` : '';
        const lead = lang() === 'en' ? `${kw.main}${who}.` : `${kw.main} 작업입니다${who}.`;
        if (first) p.blocks[first.i] = { kind: 'paragraph', text: `${lead} ${first.b.text}` };
        else p.blocks.unshift({ kind: 'paragraph', text: lead });
        break;
      }
      case 'contact_block':
        // Replace an old contact section (heading + paragraph) or append one at the end.
        p.blocks = p.blocks.filter((b, i, all) => !(b.kind === 'heading' && CONTACT_HEAD.test(b.text))
          && !(i > 0 && all[i - 1].kind === 'heading' && CONTACT_HEAD.test((all[i - 1] as { text: string }).text)));
        p.blocks.push(...contactBlocks());
        break;
      case 'tags_5_10': {
        if (p.tags.length > 10) { p.tags = p.tags.slice(0, 10); break; }
        const more = [...kw.parts, ...kw.list.map((s) => s.replace(/\s+/g, '')), '정밀가공', '소량가공', '시제품', '금속가공', '기계가공'];
        for (const t of more) if (p.tags.length < 5 && t && !p.tags.includes(t)) p.tags.push(t);
        break;
      }
      case 'captions': {
        const roles = new Map(mockCore.jobPhotos(p.jobId).map((ph) => [ph.id, ph.role]));
        const ROLE: Record<string, string> = { stock: '소재 준비', in_process: '가공하는 모습', finished: '완성된 부품', measured: '치수 측정', machine: '작업한 장비' };
        let n = 0;
        p.blocks = p.blocks.map((b): Block => {
          if (b.kind !== 'photo') return b;
          n++;
          if (b.caption.trim()) return b;
          const r = roles.get(b.photoId);
          return { ...b, caption: (r && ROLE[r]) || `작업 사진 ${n}` };
        });
        break;
      }
      case 'yt_title_length': {
        let t = p.title.replace(/[<>]/g, '');
        if (t.length > 100) { t = t.slice(0, 100); const sp = t.lastIndexOf(' '); if (sp > 60) t = t.slice(0, sp); }
        p.title = t.trim();
        break;
      }
      case 'yt_tags_500':
        while (p.tags.length && ytTagChars(p.tags) > 500) p.tags.pop();
        break;
      default:
        throw err('invalid', '이 고침은 할 수 없습니다.', 'This fix is not available.');
    }
    p.updatedAt = mockCore.now();
    return p;
  });

// ---- the AI helper ----
const publicAi = (): AiSettings => ({ enabled: M.ai.enabled, baseUrl: M.ai.baseUrl, model: M.ai.model, hasKey: !!M.ai.key });
export const aiSettings = () => mockCore.cmd('ai_settings', undefined, publicAi);
export const saveAiSettings = (settings: { enabled: boolean; baseUrl: string; model: string }, apiKey: string | null) =>
  mockCore.cmd('save_ai_settings', { settings, apiKey: apiKey === null ? null : apiKey === '' ? '' : '•••' }, (): AiSettings => {
    const url = settings.baseUrl.trim();
    if (settings.enabled && !/^https?:\/\/\S+$/i.test(url)) {
      throw err('invalid', '주소는 http:// 또는 https:// 로 시작해야 합니다.', 'The address must start with http:// or https://.');
    }
    M.ai = { ...M.ai, enabled: settings.enabled, baseUrl: url, model: settings.model.trim() };
    if (apiKey !== null) M.ai.key = apiKey === '' ? null : apiKey;
    save();
    return publicAi();
  });

function rewrite(text: string, style: AiStyle): string {
  const en = !/[가-힣]/.test(text);
  const clean = text.replace(/[ \t]+/g, ' ').trim();
  if (style === 'shorter') {
    const sentences = clean.match(/[^.!?。]+[.!?。]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [clean];
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
    const targets = blockIndex === null ? paragraphs(p).map((x) => x.i) : [blockIndex];
    if (targets.some((i) => p.blocks[i]?.kind !== 'paragraph')) {
      throw err('invalid', '문단만 고칠 수 있습니다.', 'Only paragraphs can be rewritten.');
    }
    aiSent.push(targets.map((i) => (p.blocks[i] as { text: string }).text));
    cancelAiFlag = false;
    const until = performance.now() + aiDelayMs;
    while (performance.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      if (cancelAiFlag) { cancelAiFlag = false; throw err('cancelled', '그만뒀습니다. 글은 그대로입니다.', 'Stopped. Your text is unchanged.'); }
    }
    if (nextAiError) {
      const e = AI_ERRORS[nextAiError] ?? err(nextAiError, 'AI 요청이 실패했습니다. 글은 그대로입니다.', 'The AI request failed. Your text is unchanged.');
      nextAiError = null;
      throw e;
    }
    // Only now, with every answer in hand, the post changes (a failure above leaves it untouched).
    const texts = targets.map((i) => rewrite((p.blocks[i] as { text: string }).text, style));
    targets.forEach((i, k) => { p.blocks[i] = { kind: 'paragraph', text: texts[k] }; });
    p.updatedAt = mockCore.now();
    return p;
  });

export const cancelAi = () => mockCore.cmd('cancel_ai', undefined, (): null => { cancelAiFlag = true; return null; });
