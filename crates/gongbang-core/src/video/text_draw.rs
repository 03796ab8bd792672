//! Why: words drawn into pixels (title and end cards, burned-in captions, the thumbnail title) must look
//! the same on every machine, so the shipped Pretendard Bold is compiled in and laid out here: lines
//! wrapped to a width (at spaces, or between syllables when a word is too long), drawn with an outline.

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

/// Width in pixels of `text` at `size`.
pub fn text_width(text: &str, size: f32) -> f32 {
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
        let w = text_width(line, style.size);
        let mut x = cx - w / 2.0;
        let baseline = top + f.ascent() + i as f32 * line_h;
        let mut prev = None;
        for c in line.chars() {
            let id = f.glyph_id(c);
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
}
