//! Why: every check has a stable id (the window and the tests use it), a short "what" and a one-sentence
//! "why" in Korean and English, and the one-click fix that repairs it, if there is one.

use serde::Serialize;

/// How a check came out; `warn` is advice and counts as not passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Fail,
    Warn,
    Pass,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CoachCheck {
    pub id: &'static str,
    pub status: CheckStatus,
    pub title_ko: &'static str,
    pub title_en: &'static str,
    pub why_ko: &'static str,
    pub why_en: &'static str,
    pub fix: Option<&'static str>,
    pub fix_label_ko: Option<&'static str>,
    pub fix_label_en: Option<&'static str>,
    pub photo_ids: Vec<i64>,
    /// How much the check counts in the score (0–10; 1 unless a `weights.toml` says otherwise, 0 = shown
    /// but not counted).
    pub weight: u8,
}

/// A check's fixed texts and fix.
pub struct Def {
    pub id: &'static str,
    pub title: (&'static str, &'static str),
    pub why: (&'static str, &'static str),
    pub fix: Option<(&'static str, &'static str, &'static str)>,
}

impl Def {
    /// The check with `status`; the fix is offered only when it failed and `fixable`.
    pub fn result(&self, status: CheckStatus, fixable: bool) -> CoachCheck {
        let fix = self.fix.filter(|_| fixable && status != CheckStatus::Pass);
        CoachCheck {
            id: self.id,
            status,
            title_ko: self.title.0,
            title_en: self.title.1,
            why_ko: self.why.0,
            why_en: self.why.1,
            fix: fix.map(|f| f.0),
            fix_label_ko: fix.map(|f| f.1),
            fix_label_en: fix.map(|f| f.2),
            photo_ids: Vec::new(),
            weight: super::weights::DEFAULT,
        }
    }
}

/// Fix ids (apply_fix).
pub mod fix {
    /// Blog: the keyword's missing words (or `arg`) put in front of the title; video: the keyword (or
    /// `arg`) moved to the front of the title (the window's keyword chips send this with `arg`).
    pub const TITLE_KEYWORD: &str = "title_keyword";
    pub const FIRST_PARAGRAPH_KEYWORD: &str = "keyword_first_paragraph";
    pub const INSERT_CONTACT: &str = "contact_block";
    /// Blog: 5–10 tags; video: within YouTube's 500 characters.
    pub const TAGS: &str = "tags";
    pub const SHORTEN_TITLE: &str = "video_title_length";
    pub const CAPTIONS: &str = "photo_captions";
    pub const ALL: &[&str] = &[
        TITLE_KEYWORD,
        FIRST_PARAGRAPH_KEYWORD,
        INSERT_CONTACT,
        TAGS,
        SHORTEN_TITLE,
        CAPTIONS,
    ];
}

pub const TITLE_KEYWORD: Def = Def {
    id: "title_keyword",
    title: ("제목에 핵심 키워드", "Main keyword in the title"),
    why: (
        "손님은 '지역 + 공정 + 소재 + 부품'으로 검색하므로 제목에 그 말이 있어야 글이 검색됩니다.",
        "Buyers search for region + process + material + part, so the title must hold those words to be found.",
    ),
    fix: Some((fix::TITLE_KEYWORD, "제목에 키워드 넣기", "Add the keyword to the title")),
};

pub const TEXT_LENGTH: Def = Def {
    id: "text_length",
    title: ("글 1,500자 이상", "1,500+ characters of text"),
    why: (
        "네이버는 내용이 충분한 글을 더 잘 보여 주므로 작업 이야기를 조금 더 써 주세요.",
        "Naver ranks posts with enough text higher, so tell a little more about the job.",
    ),
    fix: None,
};

pub const PHOTO_COUNT: Def = Def {
    id: "photo_count",
    title: ("직접 찍은 사진 8장 이상", "8+ of your own photos"),
    why: (
        "사진이 많을수록 손님이 실력을 믿고, 블로그 검색에서도 좋은 평가를 받습니다.",
        "More of your own photos build trust and help the post in blog search.",
    ),
    fix: None,
};

pub const FIRST_PARAGRAPH_KEYWORD: Def = Def {
    id: "keyword_first_paragraph",
    title: ("첫 문단에 키워드", "Keyword in the first paragraph"),
    why: (
        "검색은 글의 첫머리를 가장 중요하게 보므로 첫 문단에 핵심 키워드가 있어야 합니다.",
        "Search looks hardest at the opening, so the first paragraph should hold the main keyword.",
    ),
    fix: Some((
        fix::FIRST_PARAGRAPH_KEYWORD,
        "첫 문단에 키워드 넣기",
        "Add the keyword to the first paragraph",
    )),
};

pub const CONTACT_BLOCK: Def = Def {
    id: "contact_block",
    title: ("연락처 안내", "Contact block"),
    why: (
        "글을 본 손님이 바로 전화하거나 문의할 수 있도록 글 끝에 연락처가 있어야 합니다.",
        "A buyer who liked the post must be able to call or write right away.",
    ),
    fix: Some((
        fix::INSERT_CONTACT,
        "연락처 넣기",
        "Insert the contact block",
    )),
};

pub const COPIED_TEXT: Def = Def {
    id: "copied_text",
    title: ("다른 글과 겹치지 않는 글", "No copied text"),
    why: (
        "다른 작업 글과 거의 같은 문단이 많으면 네이버가 유사 문서로 보고 노출을 줄입니다.",
        "Paragraphs copied from another job's post make Naver treat the post as a duplicate.",
    ),
    fix: None,
};

pub const TAGS: Def = Def {
    id: "tags",
    title: ("태그 5~10개", "5–10 tags"),
    why: (
        "태그가 너무 적으면 검색에 덜 걸리고, 너무 많으면 오히려 스팸처럼 보입니다.",
        "Too few tags miss searches; too many look like spam.",
    ),
    fix: Some((fix::TAGS, "태그 맞추기", "Fix the tags")),
};

pub const VIDEO_TITLE_LENGTH: Def = Def {
    id: "video_title_length",
    title: ("제목 100자 이내", "Title within 100 characters"),
    why: (
        "YouTube는 100자가 넘는 제목을 받지 않습니다.",
        "YouTube does not accept titles longer than 100 characters.",
    ),
    fix: Some((fix::SHORTEN_TITLE, "제목 줄이기", "Shorten the title")),
};

pub const VIDEO_TITLE_KEYWORD: Def = Def {
    id: "video_title_keyword",
    title: ("제목 앞에 키워드", "Keyword at the front of the title"),
    why: (
        "검색 결과와 휴대폰에서는 제목 앞부분만 보이므로 핵심 키워드가 맨 앞에 와야 합니다.",
        "Search results and phones show only the start of a title, so the keyword must come first.",
    ),
    fix: Some((
        fix::TITLE_KEYWORD,
        "키워드를 앞으로",
        "Move the keyword to the front",
    )),
};

pub const DESCRIPTION_WHAT_WHO: Def = Def {
    id: "description_what_who",
    title: (
        "설명 첫 두 줄: 무엇을, 누가",
        "Description's first lines: what and who",
    ),
    why: (
        "설명은 두 줄만 먼저 보이므로 무엇을 만들었는지와 어느 공장인지가 거기 있어야 합니다.",
        "Only two lines of a description show at first, so they must say what was made and by which shop.",
    ),
    fix: None,
};

pub const CHAPTERS: Def = Def {
    id: "chapters",
    title: ("챕터(타임라인)", "Chapters"),
    why: (
        "챕터가 있으면 시청자가 원하는 과정으로 바로 갈 수 있습니다 (사진 3장 이상, 10초 이상씩).",
        "Chapters let viewers jump to the step they want (3+ photos of 10+ seconds each).",
    ),
    fix: None,
};

pub const VIDEO_TAGS: Def = Def {
    id: "video_tags",
    title: ("태그 500자 이내", "Tags within 500 characters"),
    why: (
        "YouTube는 태그를 모두 합쳐 500자까지만 받습니다.",
        "YouTube accepts at most 500 characters of tags in all.",
    ),
    fix: Some((fix::TAGS, "태그 맞추기", "Fix the tags")),
};

pub const THUMBNAIL_WORDS: Def = Def {
    id: "thumbnail_words",
    title: (
        "썸네일 글자 10단어 이하",
        "10 words or fewer on the thumbnail",
    ),
    why: (
        "썸네일은 작게 보이므로 제목이 10단어를 넘으면 뒷부분이 잘립니다.",
        "Thumbnails are seen small; a title of more than 10 words is cut on it.",
    ),
    fix: None,
};

pub const VIDEO_LENGTH: Def = Def {
    id: "video_length",
    title: ("영상 길이", "Video length"),
    why: (
        "쇼츠는 3분을 넘으면 안 되고, 일반 영상은 30초는 넘어야 볼 만합니다.",
        "Shorts must stay within 3 minutes; a regular video should run at least 30 seconds.",
    ),
    fix: None,
};

pub const LEAK_GUARD: Def = Def {
    id: "leak_guard",
    title: ("보안 점검 통과", "Leak guard passes"),
    why: (
        "고객사 이름이나 도면 번호가 나가면 거래를 잃을 수 있어, 보안 점검을 통과해야 내보낼 수 있습니다.",
        "A customer's name or drawing number getting out can cost the customer, so export needs the guard's clearance.",
    ),
    fix: None,
};

pub const PHOTO_QUALITY: Def = Def {
    id: "photo_quality",
    title: ("밝고 선명한 사진", "Bright, sharp photos"),
    why: (
        "어둡거나 흔들린 사진은 실력을 가리므로 다시 찍거나 빼는 것이 좋습니다.",
        "Dark or blurry photos hide your skill; retake or drop them.",
    ),
    fix: None,
};

pub const CONTACT_PROFILE: Def = Def {
    id: "contact_profile",
    title: ("공장 정보에 연락처", "Contact details in the shop profile"),
    why: (
        "공장 정보에 전화·이메일·카카오톡 중 하나는 있어야 모든 글에 연락처가 들어갑니다.",
        "The shop profile needs a phone, e-mail or Kakao channel so every post can carry it.",
    ),
    fix: None,
};

pub const PHOTO_CAPTIONS: Def = Def {
    id: "photo_captions",
    title: ("사진마다 설명", "A caption on every photo"),
    why: (
        "사진 설명은 손님이 과정을 이해하게 돕고 검색에도 쓰입니다.",
        "Captions help buyers follow the job and are read by search.",
    ),
    fix: Some((fix::CAPTIONS, "사진 설명 채우기", "Fill in the captions")),
};

/// Every check the coach makes, blog, video and common ones (a lesson explains each; a pack's weights may
/// name only these).
pub const ALL: &[&Def] = &[
    &TITLE_KEYWORD,
    &TEXT_LENGTH,
    &PHOTO_COUNT,
    &FIRST_PARAGRAPH_KEYWORD,
    &CONTACT_BLOCK,
    &COPIED_TEXT,
    &TAGS,
    &VIDEO_TITLE_LENGTH,
    &VIDEO_TITLE_KEYWORD,
    &DESCRIPTION_WHAT_WHO,
    &CHAPTERS,
    &VIDEO_TAGS,
    &THUMBNAIL_WORDS,
    &VIDEO_LENGTH,
    &LEAK_GUARD,
    &PHOTO_QUALITY,
    &CONTACT_PROFILE,
    &PHOTO_CAPTIONS,
];

/// Whether `id` is the id of one of the coach's checks.
pub fn is_check_id(id: &str) -> bool {
    ALL.iter().any(|d| d.id == id)
}
