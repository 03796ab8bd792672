//! Why: words drawn into pixels (title and end cards, burned-in captions, the thumbnail title) must look
//! the same on every machine, so the shipped Pretendard Bold is compiled in and laid out here: lines
//! wrapped to a width (at spaces, or between syllables when a word is too long), drawn with an outline.
//! Every string passes [`drawable`] first: a character the font has no glyph for (☎, emoji, rare Hanja) is
//! replaced by a word or a sign it has, so no glyph is ever drawn as the font's empty box (.notdef).

use std::borrow::Cow;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

static FONT_BYTES: &[u8] = include_bytes!("../../../../assets/fonts/Pretendard-Bold.otf");

#[allow(
    clippy::expect_used,
    reason = "the font is compiled in; every video and thumbnail test draws with it"
)]
fn font() -> &'static FontRef<'static> {
    static FONT: OnceLock<FontRef<'static>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).expect("the shipped font parses"))
}

/// Whether the shipped font draws `c` (glyph 0 is .notdef, the empty box a font shows for what it lacks).
pub fn covered(c: char) -> bool {
    font().glyph_id(c).0 != 0
}

/// Symbols the font lacks that have a plain stand-in: (symbol, Korean, English). A word is followed by a
/// space when the text goes on right after it.
const STAND_INS: &[(char, &str, &str)] = &[
    ('☎', "전화", "Tel"),
    ('☏', "전화", "Tel"),
    ('✆', "전화", "Tel"),
    ('📞', "전화", "Tel"),
    ('📱', "휴대폰", "Mobile"),
    ('✉', "메일", "Mail"),
    ('📧', "메일", "Mail"),
    ('📩', "메일", "Mail"),
    ('📍', "위치", "Location"),
    ('🏭', "공장", "Factory"),
    ('❤', "♥", "♥"),
    ('💕', "♥", "♥"),
    ('✔', "✓", "✓"),
    ('✅', "✓", "✓"),
    ('☑', "✓", "✓"),
    ('✕', "×", "×"),
    ('✖', "×", "×"),
    ('❌', "×", "×"),
    ('◎', "○", "○"),
    ('♬', "♪", "♪"),
    ('♫', "♪", "♪"),
    ('⚠', "!", "!"),
    ('❗', "!", "!"),
    ('❓', "?", "?"),
];

/// What stands for a character the font lacks and knows no better sign for.
pub const UNKNOWN_STAND_IN: char = '?';

/// Pictographs, emoji and the invisible marks that build emoji sequences: decoration, left out when the
/// font lacks them (a sign the font has, such as ★ or ♥, is drawn as it is).
fn is_emoji_part(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF // emoji, pictographs, transport, flags, skin tones
        | 0x2600..=0x27BF // miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF // arrows and stars of the emoji set
        | 0xFE00..=0xFE0F // variation selectors
        | 0x200D // zero-width joiner
        | 0x20E3 // keycap
        | 0xE0000..=0xE007F) // tags
}

/// `text` as the font can draw it: each character the font lacks becomes its stand-in word in the text's
/// language (Korean unless the text has Latin letters and no Hangul) or sign ([`STAND_INS`]), else its
/// compatibility form when the font has every character of it (NFKC), else nothing for emoji and their
/// joiners, else [`UNKNOWN_STAND_IN`]; control characters are dropped. Only drawn pixels change: the
/// text files and descriptions keep the owner's characters.
pub fn drawable(text: &str) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let plain = |c: char| {
        !c.is_control() && covered(c) && !matches!(u32::from(c), 0x200D | 0xFE00..=0xFE0F)
    };
    if text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let hangul = text
        .chars()
        .any(|c| matches!(u32::from(c), 0xAC00..=0xD7A3 | 0x3131..=0x318E));
    let latin = text.chars().any(|c| c.is_ascii_alphabetic());
    let english = latin && !hangul;
    let mut out = String::with_capacity(text.len() + 8);
    let mut dropped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_control() {
            dropped = true;
            continue;
        }
        if plain(c) {
            out.push(c);
            continue;
        }
        if let Some((_, ko, en)) = STAND_INS.iter().find(|(s, _, _)| *s == c) {
            let word = if english { en } else { ko };
            out.push_str(word);
            // Variation selectors after the symbol (☎️) go with it.
            while chars
                .peek()
                .is_some_and(|n| matches!(u32::from(*n), 0xFE00..=0xFE0F))
            {
                chars.next();
            }
            let is_word = word.chars().all(char::is_alphanumeric);
            if is_word && chars.peek().is_some_and(|n| !n.is_whitespace()) {
                out.push(' ');
            }
            continue;
        }
        let compat: String = c.nfkc().collect();
        if compat != c.to_string() && !compat.is_empty() && compat.chars().all(covered) {
            out.push_str(&compat);
            continue;
        }
        if is_emoji_part(c) {
            dropped = true;
            continue;
        }
        out.push(UNKNOWN_STAND_IN);
    }
    if dropped {
        // What was left out may leave doubled or edge spaces behind.
        out = out
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    Cow::Owned(out)
}

/// Width in pixels of `text` at `size` (as drawn: after [`drawable`]).
pub fn text_width(text: &str, size: f32) -> f32 {
    let text = drawable(text);
    let f = font().as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            w += f.kern(p, id);
        }
        w += f.h_advance(id);
        prev = Some(id);
    }
    w
}

/// Splits `text` into lines no wider than `max_width` (at spaces; a word too long is split between
/// characters), at most `max_lines` lines, the last one ending in "…" when text was left over.
pub fn wrap(text: &str, size: f32, max_width: f32, max_lines: usize) -> Vec<String> {
    let text = drawable(text);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if text_width(&candidate, size) <= max_width {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        // The word alone: split between characters when it does not fit.
        for c in word.chars() {
            let mut next = cur.clone();
            next.push(c);
            if text_width(&next, size) > max_width && !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur.push(c);
            } else {
                cur = next;
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), size) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// How a block of text is drawn.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: f32,
    pub fill: [u8; 3],
    /// Outline colour and thickness in pixels (0 = none).
    pub outline: [u8; 3],
    pub outline_px: u32,
    pub line_gap: f32,
}

impl TextStyle {
    /// White text with a black outline (readable on any photo), sized for a frame whose short side is `unit`:
    /// `size`, `outline` and `gap` are shares of it.
    pub fn on_photo(unit: f32, size: f32, outline: f32, gap: f32) -> Self {
        TextStyle {
            size: unit * size,
            fill: [255, 255, 255],
            outline: [0, 0, 0],
            outline_px: (unit * outline).max(2.0) as u32,
            line_gap: unit * gap,
        }
    }
}

/// Coverage (0–1) of the text's glyphs, as a mask the size of `width` × `height`, for lines centred on `cx`
/// starting at baseline-top `top`.
fn mask(
    lines: &[String],
    style: &TextStyle,
    width: u32,
    height: u32,
    cx: f32,
    top: f32,
) -> Vec<f32> {
    let mut m = vec![0f32; (width * height) as usize];
    let f = font().as_scaled(PxScale::from(style.size));
    let line_h = f.height() + style.line_gap;
    for (i, line) in lines.iter().enumerate() {
        let line = drawable(line);
        let w = text_width(&line, style.size);
        let mut x = cx - w / 2.0;
        let baseline = top + f.ascent() + i as f32 * line_h;
        let mut prev = None;
        for c in line.chars() {
            let id = f.glyph_id(c);
            if id.0 == 0 {
                // Never the .notdef box ([`drawable`] leaves none; this holds even if it missed one).
                continue;
            }
            if let Some(p) = prev {
                x += f.kern(p, id);
            }
            let glyph = id.with_scale_and_position(style.size, ab_glyph::point(x, baseline));
            if let Some(outlined) = font().outline_glyph(glyph) {
                let b = outlined.px_bounds();
                outlined.draw(|gx, gy, cov| {
                    let px = b.min.x as i64 + i64::from(gx);
                    let py = b.min.y as i64 + i64::from(gy);
                    if px >= 0 && py >= 0 && (px as u32) < width && (py as u32) < height {
                        let k = py as usize * width as usize + px as usize;
                        m[k] = (m[k] + cov).min(1.0);
                    }
                });
            }
            x += f.h_advance(id);
            prev = Some(id);
        }
    }
    m
}

/// Height in pixels of `n` lines.
pub fn block_height(n: usize, style: &TextStyle) -> f32 {
    let f = font().as_scaled(PxScale::from(style.size));
    n as f32 * (f.height() + style.line_gap) - style.line_gap
}

/// Draws lines centred on `cx`, the block's top at `top`, with an outline for contrast on any photo.
pub fn draw_lines(img: &mut RgbImage, lines: &[String], style: &TextStyle, cx: f32, top: f32) {
    let (w, h) = img.dimensions();
    let fill = mask(lines, style, w, h, cx, top);
    let r = i64::from(style.outline_px);
    let outline = if r > 0 {
        // The outline is the fill spread by `r` pixels (a max filter in a square, rounded).
        let mut o = vec![0f32; fill.len()];
        for y in 0..i64::from(h) {
            for x in 0..i64::from(w) {
                let v = fill[(y * i64::from(w) + x) as usize];
                if v <= 0.0 {
                    continue;
                }
                for dy in -r..=r {
                    for dx in -r..=r {
                        if dx * dx + dy * dy > r * r + r {
                            continue;
                        }
                        let (nx, ny) = (x + dx, y + dy);
                        if nx >= 0 && ny >= 0 && nx < i64::from(w) && ny < i64::from(h) {
                            let k = (ny * i64::from(w) + nx) as usize;
                            if o[k] < v {
                                o[k] = v;
                            }
                        }
                    }
                }
            }
        }
        Some(o)
    } else {
        None
    };
    for (k, px) in img.pixels_mut().enumerate() {
        if let Some(o) = &outline {
            blend(px, style.outline, o[k]);
        }
        blend(px, style.fill, fill[k]);
    }
}

fn blend(px: &mut Rgb<u8>, c: [u8; 3], a: f32) {
    if a <= 0.0 {
        return;
    }
    for (v, target) in px.0.iter_mut().zip(c) {
        *v = (f32::from(*v) * (1.0 - a) + f32::from(target) * a).round() as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_text_wraps_and_draws_without_system_fonts() {
        let lines = wrap("문래동 CNC 선반 SUS304 샤프트 정밀 가공", 80.0, 600.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 80.0) <= 600.0));
        let long = wrap(&"가".repeat(200), 80.0, 600.0, 2);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
        let mut img = RgbImage::from_pixel(800, 300, Rgb([40, 40, 40]));
        let style = TextStyle {
            size: 80.0,
            fill: [255, 255, 255],
            outline: [0, 0, 0],
            outline_px: 4,
            line_gap: 10.0,
        };
        draw_lines(&mut img, &["샤프트".to_string()], &style, 400.0, 100.0);
        let white = img.pixels().filter(|p| p.0 == [255, 255, 255]).count();
        let black = img.pixels().filter(|p| p.0 == [0, 0, 0]).count();
        assert!(white > 1000 && black > 500, "white {white}, black {black}");
    }

    #[test]
    fn the_font_has_hangul_digits_and_latin_but_not_the_phone_sign_nor_emoji() {
        for c in "가나다힣각뷁똠 0123456789 ABCxyz -.,:/@·※★±Ø㎜①…".chars() {
            assert!(covered(c), "{c:?} should be in Pretendard");
        }
        for c in ['☎', '☏', '📞', '😀', '🔧', '精', '鋼', '✔', '\u{FE0F}'] {
            assert!(!covered(c), "{c:?} should be missing");
        }
    }

    #[test]
    fn missing_characters_fall_back_to_words_signs_or_nothing() {
        assert_eq!(drawable("☎ 010-1234-5678"), "전화 010-1234-5678");
        assert_eq!(drawable("☎010-1234-5678"), "전화 010-1234-5678");
        assert_eq!(drawable("☎️ 010"), "전화 010");
        assert_eq!(drawable("Call ☎ 010"), "Call Tel 010");
        assert_eq!(drawable("문래정밀 😀👍🏽 가공"), "문래정밀 가공");
        assert_eq!(drawable("👨‍🔧 수리"), "수리");
        assert_eq!(drawable("精密 가공"), "?? 가공");
        assert_eq!(drawable("완료 ✔"), "완료 ✓");
        // What the font has is left exactly as it is (no copy).
        assert!(matches!(drawable("※ ★ 문래동 ㎜"), Cow::Borrowed(_)));
        for s in ["☎ 😀 精 ✉ ❤ ◎ ♬ \u{200D}\u{FE0F} \t", "🔧🔧", "⚙️ 장비"] {
            let d = drawable(s);
            assert!(d.chars().all(covered), "{s:?} → {d:?}");
            assert_eq!(drawable(&d), d, "idempotent");
        }
    }

    fn style() -> TextStyle {
        TextStyle {
            size: 60.0,
            fill: [255, 255, 255],
            outline: [0, 0, 0],
            outline_px: 3,
            line_gap: 6.0,
        }
    }

    fn drawn(text: &str) -> RgbImage {
        let mut img = RgbImage::from_pixel(700, 120, Rgb([40, 40, 40]));
        draw_lines(&mut img, &[text.to_string()], &style(), 350.0, 20.0);
        img
    }

    #[test]
    fn a_phone_sign_is_drawn_as_the_word_and_never_as_the_fonts_box() {
        // Without the fallback ☎ would be glyph 0: .notdef, a box with ink of its own.
        let f = font();
        assert_eq!(f.glyph_id('☎').0, 0);
        let notdef = ab_glyph::GlyphId(0).with_scale_and_position(60.0, ab_glyph::point(0.0, 50.0));
        assert!(
            f.outline_glyph(notdef).is_some(),
            "the font's .notdef box has an outline"
        );
        // With it: exactly the pixels of the plain word.
        assert_eq!(drawn("☎ 010-1234-5678"), drawn("전화 010-1234-5678"));
        assert_ne!(drawn("☎ 010-1234-5678"), drawn("010-1234-5678"));
        // A lone emoji draws nothing at all; a rare Hanja draws the visible stand-in.
        let blank = RgbImage::from_pixel(700, 120, Rgb([40, 40, 40]));
        assert_eq!(drawn("😀"), blank);
        assert_eq!(drawn("精"), drawn("?"));
        assert_eq!(
            wrap("☎ 010-1234-5678 😀", 60.0, 2000.0, 2),
            vec!["전화 010-1234-5678".to_string()]
        );
    }
}
