//! Why: each segment's picture is prepared once — a photo made upright, redacted (the same burn as every
//! export), framed for the video's shape with a blurred fill instead of black bars, a little larger than the
//! frame so the slow pan/zoom has room; the title and end cards drawn with the shipped font.

use image::{imageops, DynamicImage, Rgb, RgbImage};

use super::text_draw::{block_height, draw_lines, wrap, TextStyle};
use crate::domain::{Photo, RedactBox};
use crate::imaging::watermark::{self, Logo, Rect};
use crate::imaging::{self, redact};
use crate::Result;

/// How much larger than the frame a photo's canvas is: the room for the slow zoom and pan.
pub const ZOOM: f64 = 1.12;

/// Where the whole upright photo lands on its canvas, in canvas pixels (left, top, width, height); it may
/// reach past the canvas when the photo was cropped to fill it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhotoFrame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl PhotoFrame {
    /// A redaction box in canvas pixels, rounded outwards and clipped to `width` × `height`, shifted by
    /// (`dx`, `dy`) first (a crop of the canvas); `None` when it lies outside.
    pub fn box_rect(
        &self,
        b: &RedactBox,
        dx: f64,
        dy: f64,
        width: u32,
        height: u32,
    ) -> Option<Rect> {
        let l = (self.x + b.x * self.w - dx).floor().max(0.0);
        let t = (self.y + b.y * self.h - dy).floor().max(0.0);
        let r = (self.x + (b.x + b.w) * self.w - dx)
            .ceil()
            .min(f64::from(width));
        let bt = (self.y + (b.y + b.h) * self.h - dy)
            .ceil()
            .min(f64::from(height));
        (r > l && bt > t).then_some(Rect {
            x: l as u32,
            y: t as u32,
            w: (r - l) as u32,
            h: (bt - t) as u32,
        })
    }
}

/// The canvas for a photo segment: (W·ZOOM) × (H·ZOOM), the photo framed on a blurred fill of itself.
pub fn photo_canvas(
    upright: &DynamicImage,
    photo: &Photo,
    width: u32,
    height: u32,
) -> Result<RgbImage> {
    Ok(photo_canvas_framed(upright, photo, width, height)?.0)
}

/// [`photo_canvas`] and where the photo lies on it (so a mark drawn later can keep clear of its boxes).
pub fn photo_canvas_framed(
    upright: &DynamicImage,
    photo: &Photo,
    width: u32,
    height: u32,
) -> Result<(RgbImage, PhotoFrame)> {
    let mut img = upright.clone();
    redact::burn(&mut img, &photo.redactions);
    let cw = (f64::from(width) * ZOOM).round() as u32;
    let ch = (f64::from(height) * ZOOM).round() as u32;
    let src = imaging::fit_within(&img, cw.max(ch) * 2)?;
    drop(img);
    let (sw, sh) = (f64::from(src.width()), f64::from(src.height()));
    let (tw, th) = (f64::from(cw), f64::from(ch));
    let photo_ratio = sw / sh;
    let frame_ratio = tw / th;
    // Close enough in shape: fill the frame (cropping a little). Otherwise: whole photo on a blurred fill.
    if (photo_ratio / frame_ratio - 1.0).abs() < 0.12 {
        let (img, (bw, bh)) = cover_sized(&src, cw, ch)?;
        let frame = PhotoFrame {
            x: -f64::from((bw - cw) / 2),
            y: -f64::from((bh - ch) / 2),
            w: f64::from(bw),
            h: f64::from(bh),
        };
        return Ok((img, frame));
    }
    let mut canvas = blurred_fill(&src, cw, ch)?;
    let scale = (tw / sw).min(th / sh);
    let (fw, fh) = ((sw * scale).round() as u32, (sh * scale).round() as u32);
    let fg = imaging::resize_exact(&src, fw.max(1), fh.max(1))?;
    let (ox, oy) = ((cw - fw.min(cw)) / 2, (ch - fh.min(ch)) / 2);
    imageops::replace(&mut canvas, &fg, i64::from(ox), i64::from(oy));
    let frame = PhotoFrame {
        x: f64::from(ox),
        y: f64::from(oy),
        w: f64::from(fw),
        h: f64::from(fh),
    };
    Ok((canvas, frame))
}

/// Scales to cover `w` × `h` and crops the middle.
fn cover(src: &RgbImage, w: u32, h: u32) -> Result<RgbImage> {
    Ok(cover_sized(src, w, h)?.0)
}

/// [`cover`], and the size the whole source was scaled to before the crop.
fn cover_sized(src: &RgbImage, w: u32, h: u32) -> Result<(RgbImage, (u32, u32))> {
    let scale = (f64::from(w) / f64::from(src.width())).max(f64::from(h) / f64::from(src.height()));
    let sw = ((f64::from(src.width()) * scale).ceil() as u32).max(w);
    let sh = ((f64::from(src.height()) * scale).ceil() as u32).max(h);
    let big = imaging::resize_exact(src, sw, sh)?;
    let img = imageops::crop_imm(&big, (sw - w) / 2, (sh - h) / 2, w, h).to_image();
    Ok((img, (sw, sh)))
}

/// The photo blown up to cover the frame, blurred hard and darkened: a calm background for a photo of
/// another shape (reversible blur is fine here: the sharp photo is on top, redactions already burned in).
fn blurred_fill(src: &RgbImage, w: u32, h: u32) -> Result<RgbImage> {
    let small = cover(src, (w / 24).max(8), (h / 24).max(8))?;
    let blurred = imageops::blur(&small, 2.5);
    let mut big = imaging::resize_exact(&blurred, w, h)?;
    for p in big.pixels_mut() {
        for c in &mut p.0 {
            *c = (f32::from(*c) * 0.45) as u8;
        }
    }
    Ok(big)
}

/// Steel-grey background with a faint vertical gradient (cards when there is no photo behind them).
fn steel(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |_, y| {
        let t = y as f32 / height as f32;
        let v = (46.0 - 16.0 * t) as u8;
        Rgb([v, v.saturating_add(4), v.saturating_add(10)])
    })
}

fn darkened(bg: &RgbImage, width: u32, height: u32) -> Result<RgbImage> {
    let mut b = cover(bg, width, height)?;
    for p in b.pixels_mut() {
        for c in &mut p.0 {
            *c = (f32::from(*c) * 0.35) as u8;
        }
    }
    Ok(b)
}

/// The big lines of a card: white, outlined, centred, with the shop's logo centred above them when it is
/// given and there is room (it is left off rather than squeezed onto the words); returns the image.
fn card(
    bg: Option<&RgbImage>,
    width: u32,
    height: u32,
    big: &str,
    small: &[String],
    logo: Option<&Logo>,
) -> Result<RgbImage> {
    let mut img = match bg {
        Some(b) => darkened(b, width, height)?,
        None => steel(width, height),
    };
    let unit = width.min(height) as f32;
    let big_style = TextStyle::on_photo(unit, 0.11, 0.006, 0.02);
    let small_style = TextStyle {
        fill: [255, 196, 140],
        ..TextStyle::on_photo(unit, 0.055, 0.004, 0.018)
    };
    let max_w = width as f32 * 0.86;
    let big_lines = wrap(big, big_style.size, max_w, 3);
    let small_lines: Vec<String> = small
        .iter()
        .flat_map(|s| wrap(s, small_style.size, max_w, 2))
        .take(5)
        .collect();
    let gap = unit * 0.05;
    let total = block_height(big_lines.len(), &big_style)
        + if small_lines.is_empty() {
            0.0
        } else {
            gap + block_height(small_lines.len(), &small_style)
        };
    let mut top = (height as f32 - total) / 2.0;
    if let Some(logo) = logo {
        // The logo's longest side is a fifth of the short side, smaller when the words need the room; below
        // a twentieth it is left off.
        let edge = unit * 0.05;
        let room = height as f32 - total - gap - 2.0 * edge;
        let (lw, lh) = logo.fitted_size((unit * 0.2).round() as u32);
        let (lw, lh) = if lh as f32 > room {
            let k = room / lh as f32;
            ((lw as f32 * k) as u32, room.max(0.0) as u32)
        } else {
            (lw, lh)
        };
        if lw.min(lh) as f32 >= unit * 0.05 && lw < width {
            let block_top = (height as f32 - (lh as f32 + gap + total)) / 2.0;
            let scaled = logo.scaled(lw, lh)?;
            let (lx, ly) = ((width - lw) / 2, block_top.max(0.0) as u32);
            if needs_plate(&scaled) {
                plate(&mut img, lx, ly, lw, lh, unit * 0.015);
            }
            watermark::stamp(&mut img, &scaled, lx, ly, 100);
            top = block_top + lh as f32 + gap;
        }
    }
    draw_lines(&mut img, &big_lines, &big_style, width as f32 / 2.0, top);
    if !small_lines.is_empty() {
        let t2 = top + block_height(big_lines.len(), &big_style) + gap;
        draw_lines(&mut img, &small_lines, &small_style, width as f32 / 2.0, t2);
    }
    Ok(img)
}

/// The title card: the job's title big, material and process under it, over the first photo darkened.
pub fn title_card(
    first: Option<&RgbImage>,
    width: u32,
    height: u32,
    title: &str,
    sub: &str,
) -> Result<RgbImage> {
    let small: Vec<String> = if sub.trim().is_empty() {
        Vec::new()
    } else {
        vec![sub.trim().to_string()]
    };
    card(first, width, height, title, &small, None)
}

/// The end card: the shop's logo (when there is one), name and contact.
pub fn end_card(
    width: u32,
    height: u32,
    name: &str,
    contact: &[String],
    logo: Option<&Logo>,
) -> Result<RgbImage> {
    card(None, width, height, name, contact, logo)
}

/// Whether a logo is mostly dark where it is opaque and lets the background through elsewhere: on the dark
/// card it would vanish, so it gets a light plate behind it.
fn needs_plate(logo: &image::RgbaImage) -> bool {
    let (mut luma, mut weight, mut clear) = (0u64, 0u64, 0u64);
    for p in logo.pixels() {
        let a = u64::from(p[3]);
        let y = (54 * u64::from(p[0]) + 183 * u64::from(p[1]) + 19 * u64::from(p[2])) >> 8;
        luma += y * a;
        weight += a;
        if a < 128 {
            clear += 1;
        }
    }
    let pixels = u64::from(logo.width()) * u64::from(logo.height());
    weight > 0 && luma / weight < 110 && clear * 10 > pixels
}

/// A light plate around the rectangle, `pad` pixels wider on each side.
fn plate(img: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, pad: f32) {
    let pad = pad.round() as u32;
    let (iw, ih) = img.dimensions();
    for py in y.saturating_sub(pad)..(y + h + pad).min(ih) {
        for px in x.saturating_sub(pad)..(x + w + pad).min(iw) {
            img.put_pixel(px, py, Rgb([244, 244, 240]));
        }
    }
}

/// Where the shop's logo goes on a 16:9 picture whose words sit in a band starting at `text_top`: the top
/// corner on the owner's side first, then the other, each clear of `boxes` (canvas pixels) and ending above
/// the band; `None` when neither fits.
pub fn top_corner_mark(
    logo: &Logo,
    mark: &crate::domain::LogoWatermark,
    width: u32,
    height: u32,
    text_top: f32,
    boxes: &[Rect],
) -> Option<Rect> {
    use crate::domain::Corner;
    let m = watermark::margin(width, height);
    let sides = if mark.corner.is_left() {
        [Corner::TopLeft, Corner::TopRight]
    } else {
        [Corner::TopRight, Corner::TopLeft]
    };
    sides.into_iter().find_map(|c| {
        let r = watermark::corner_rect(logo, mark, width, height, c)?;
        let padded = Rect {
            x: r.x.saturating_sub(m / 2),
            y: r.y.saturating_sub(m / 2),
            w: r.w + m,
            h: r.h + m,
        };
        let clear_of_words = (r.y + r.h + m) as f32 <= text_top;
        (clear_of_words && !boxes.iter().any(|b| b.overlaps(&padded))).then_some(r)
    })
}

/// A caption band: where it sits (top row) and its pixels with coverage, blended over each frame.
pub struct Overlay {
    pub top: u32,
    pub rgb: RgbImage,
    /// Coverage per pixel, 0 (frame shows) … 256 (band shows).
    pub alpha: Vec<u16>,
}

/// The caption drawn near the bottom (above the lower fifth, so players' controls do not hide it).
pub fn caption_overlay(width: u32, height: u32, caption: &str) -> Option<Overlay> {
    let caption = caption.trim();
    if caption.is_empty() {
        return None;
    }
    let unit = width.min(height) as f32;
    let style = TextStyle::on_photo(unit, 0.058, 0.005, 0.012);
    let lines = wrap(caption, style.size, width as f32 * 0.88, 2);
    let pad = unit * 0.03;
    let band_h = (block_height(lines.len(), &style) + 2.0 * pad).ceil() as u32;
    let top = (height as f32 * 0.80) as u32 - band_h.min(height);
    // Drawn on a marker grey: untouched pixels become the soft dark band, the words and outline opaque.
    const MARK: [u8; 3] = [128, 128, 128];
    let mut rgb = RgbImage::from_pixel(width, band_h, Rgb(MARK));
    draw_lines(&mut rgb, &lines, &style, width as f32 / 2.0, pad);
    let mut alpha = vec![0u16; (width * band_h) as usize];
    for (a, p) in alpha.iter_mut().zip(rgb.pixels_mut()) {
        if p.0 == MARK {
            p.0 = [0, 0, 0];
            *a = 102; // 40 %
        } else {
            *a = 256;
        }
    }
    Some(Overlay { top, rgb, alpha })
}
