//! Why: YouTube refuses a title over 100 characters or with `<` `>`, a description over 5,000 bytes and tags
//! over 500 characters as it counts them; the owner's words are shortened to fit (at a word, line or
//! sentence boundary), never refused. Here with the drafts, which write YouTube titles and tags to fit; the
//! package texts (`video_plan::package_text`) use the same rules.

use super::josa::strip_particle;

/// Most characters in a title.
pub const TITLE_MAX_CHARS: usize = 100;
/// Most bytes of UTF-8 in a description (Hangul is 3 bytes a syllable).
pub const DESCRIPTION_MAX_BYTES: usize = 5000;
/// Most characters of all tags together, as YouTube counts them (see [`youtube_tag_length`]).
pub const TAGS_MAX_CHARS: usize = 500;
/// Our own bound on one tag: a longer phrase is not something buyers type into a search box.
pub const TAG_MAX_CHARS: usize = 30;

/// Characters as YouTube's pages count them (UTF-16 units: a Hangul syllable is 1, an emoji 2). Never
/// fewer than `chars().count()`, so a text within this count is within the limit either way.
pub fn yt_chars(s: &str) -> usize {
    s.encode_utf16().count()
}

/// One line of plain text YouTube accepts: `<` `>` become the Korean angle brackets 〈 〉, control
/// characters and line breaks become spaces, runs of spaces collapse.
pub fn clean_line(s: &str) -> String {
    let replaced: String = s
        .chars()
        .map(|c| match c {
            '<' => '〈',
            '>' => '〉',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Multi-line text YouTube accepts: each line cleaned as [`clean_line`], line breaks kept, runs of blank
/// lines collapsed to one.
pub fn clean_text(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in s.lines().map(clean_line) {
        if line.is_empty() && out.last().is_none_or(std::string::String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(std::string::String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// Shortens one line to at most `max` characters (as [`yt_chars`] counts): at the last space that fits,
/// with trailing separators and a dangling particle removed ("…샤프트를" → "…샤프트"); a single word
/// longer than `max` is cut inside.
pub fn shorten_line(s: &str, max: usize) -> String {
    if yt_chars(s) <= max {
        return s.to_string();
    }
    let mut end = 0;
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            break;
        }
        end = i + c.len_utf8();
    }
    let head = &s[..end];
    // Cut at the last space when the next character would have continued the word — unless that loses
    // more than half (one endless word, a long address or link): then inside the word.
    let at_word_end = s[end..].starts_with(char::is_whitespace);
    let mut cut = match head.rfind(char::is_whitespace) {
        Some(space) if !at_word_end && space >= head.len() / 2 => head[..space].to_string(),
        _ => head.to_string(),
    };
    let trim = |s: &str| {
        s.trim_end_matches(|c: char| c.is_whitespace() || TRAILING_JUNK.contains(&c))
            .to_string()
    };
    cut = trim(&cut);
    if let Some(space) = cut.rfind(' ') {
        let stem_len = strip_particle(&cut[space + 1..]).len();
        cut.truncate(space + 1 + stem_len);
        cut = trim(&cut);
    }
    if cut.is_empty() {
        // Nothing but separators fitted: keep the raw head rather than nothing.
        head.trim_end().to_string()
    } else {
        cut
    }
}

/// Characters that make no sense at the end of a shortened line.
const TRAILING_JUNK: &[char] = &[
    ',', '·', '-', '–', '—', '/', '\\', '(', '[', '{', '〈', '「', '『', '“', '‘', ':', ';', '|',
    '&', '+', '~', '=', '#', '・',
];

/// Shortens multi-line text to at most `max` bytes of UTF-8: whole lines while they fit, then the next
/// line up to its last sentence end that fits; never a broken word or a trailing blank line.
pub fn shorten_text_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for line in s.lines() {
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + line.len() <= max {
            if sep == 1 {
                out.push('\n');
            }
            out.push_str(line);
            continue;
        }
        let room = max.saturating_sub(out.len() + sep);
        if let Some(part) = sentence_prefix(line, room) {
            if sep == 1 {
                out.push('\n');
            }
            out.push_str(part);
        }
        break;
    }
    out.trim_end().to_string()
}

/// The longest prefix of `line` within `max` bytes that ends a sentence (`.`, `!`, `?`, `。`, `…`).
fn sentence_prefix(line: &str, max: usize) -> Option<&str> {
    line.char_indices()
        .map(|(i, c)| (i + c.len_utf8(), c))
        .take_while(|(end, _)| *end <= max)
        .filter(|(end, c)| {
            matches!(c, '.' | '!' | '?' | '。' | '…')
                && line[*end..].chars().next().is_none_or(char::is_whitespace)
        })
        .map(|(end, _)| &line[..end])
        .last()
}

/// The title as `title.txt` holds it: one clean line of at most 100 characters, no `<` `>`.
pub fn youtube_title(raw: &str) -> String {
    shorten_line(&clean_line(raw), TITLE_MAX_CHARS)
}

/// Length of a tag list as YouTube counts it: every character, a comma between tags, and 2 for the quotes
/// it puts around a tag that contains a space.
pub fn youtube_tag_length(tags: &[String]) -> usize {
    let own: usize = tags
        .iter()
        .map(|t| {
            yt_chars(t)
                + if t.contains(char::is_whitespace) {
                    2
                } else {
                    0
                }
        })
        .sum();
    own + tags.len().saturating_sub(1)
}

/// One tag as YouTube takes it: no `<` `>` `,` or quotes, no leading `#`, single spaces, at most
/// [`TAG_MAX_CHARS`].
pub fn clean_tag(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | ',' | '"'))
        .collect();
    let line = clean_line(&kept);
    let line = line.trim_start_matches(['#', ' ']);
    shorten_line(line, TAG_MAX_CHARS)
}

/// The tags as `tags.txt` holds them: cleaned, without empty or repeated ones (ignoring case and spaces),
/// the last ones dropped until the whole fits in 500 characters as YouTube counts.
pub fn youtube_tags(raw: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    for t in raw.iter().map(|t| clean_tag(t)).filter(|t| !t.is_empty()) {
        let key: String = t
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if !seen.contains(&key) {
            seen.push(key);
            tags.push(t);
        }
    }
    while youtube_tag_length(&tags) > TAGS_MAX_CHARS {
        tags.pop();
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_angle_brackets_and_fit() {
        let t = youtube_title("<img src=x onerror=alert(1)>\n샤프트");
        assert!(!t.contains(['<', '>', '\n']), "{t}");
        let long = format!("CNC 선반 SUS304 {} 샤프트를 정밀하게 가공", "가".repeat(80));
        let t = youtube_title(&long);
        assert!(t.chars().count() <= TITLE_MAX_CHARS, "{t}");
        assert!(t.starts_with("CNC 선반 SUS304"));
        assert!(t.ends_with(" 샤프트"), "a dangling particle was left: {t}");
        // One endless word is cut inside rather than dropped.
        let t = youtube_title(&"가".repeat(300));
        assert_eq!(t.chars().count(), TITLE_MAX_CHARS);
        let t = shorten_line(&format!("카카오톡 {}", "a".repeat(300)), 80);
        assert_eq!(t.chars().count(), 80);
    }

    #[test]
    fn shortening_never_ends_on_a_separator() {
        let s = format!("{} · 정밀 가공", "가".repeat(96));
        let t = shorten_line(&s, 100);
        assert_eq!(t, "가".repeat(96));
    }

    #[test]
    fn emoji_count_twice() {
        let s = "😀".repeat(60);
        let t = shorten_line(&s, 100);
        assert_eq!(yt_chars(&t), 100);
        assert_eq!(t.chars().count(), 50);
    }

    #[test]
    fn tag_length_counts_commas_and_quotes() {
        let tags: Vec<String> = ["CNC 선반", "SUS304", "샤프트 가공 업체"]
            .map(String::from)
            .to_vec();
        // 6+2 + 6 + 9+2, and two commas.
        assert_eq!(youtube_tag_length(&tags), 8 + 6 + 11 + 2);
        assert_eq!(youtube_tag_length(&[]), 0);
    }

    #[test]
    fn tags_are_cleaned_deduplicated_and_fitted() {
        let mut raw: Vec<String> = vec![
            "<CNC>,선반".into(),
            "cnc 선반".into(),
            "   ".into(),
            "#SUS304".into(),
            "SUS 304".into(),
        ];
        raw.extend((0..80).map(|i| format!("아주 긴 한국어 태그 번호 {i}")));
        let tags = youtube_tags(&raw);
        assert_eq!(tags[..2], ["CNC선반".to_string(), "SUS304".to_string()]);
        assert!(youtube_tag_length(&tags) <= TAGS_MAX_CHARS);
        assert!(tags.len() > 10 && tags.len() < 82, "{tags:?}");
        // Only as many were dropped as had to be: the next one would not have fitted.
        let mut more = tags.clone();
        more.push(format!("아주 긴 한국어 태그 번호 {}", tags.len() - 2));
        assert!(youtube_tag_length(&more) > TAGS_MAX_CHARS);
        assert!(tags
            .iter()
            .all(|t| !t.is_empty() && !t.contains(['<', '>', ','])));
    }

    #[test]
    fn text_is_cut_at_a_line_or_sentence() {
        let text = "첫 줄입니다.\n둘째 줄입니다. 이 문장은 길어서 잘립니다. 끝";
        let t = shorten_text_bytes(text, "첫 줄입니다.\n둘째 줄입니다. 이 문장".len());
        assert_eq!(t, "첫 줄입니다.\n둘째 줄입니다.");
        assert_eq!(shorten_text_bytes(text, 5), "");
        assert_eq!(shorten_text_bytes(text, 1000), text);
    }
}
