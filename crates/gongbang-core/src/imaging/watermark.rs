//! Why: the shop's logo is laid over pixels that are already leak-guarded (redaction boxes burned in), so
//! the mark must never cover, soften or hint at a box: it goes to the chosen corner only when that corner's
//! rectangle is clear of every box, else to another free corner, else nowhere. Blending is plain "over" on
//! the encoded values (sRGB, or the photo's kept Display P3 / Adobe RGB with the logo converted into it) with
//! the logo's own alpha times the opacity, in integers, so the same inputs give the same bytes.

use std::io::Cursor;

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{ImageFormat, ImageReader, Limits, RgbImage, RgbaImage};

use super::icc::{self, KnownProfile};
use super::ImageError;
use crate::domain::{Corner, LogoWatermark, RedactBox};

/// The stored logo (a clean PNG of at most 512 px, see `coach::logo`), decoded once per export.
#[derive(Debug, Clone)]
pub struct Logo {
    rgba: RgbaImage,
}

/// A rectangle in pixels: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Rect {
    /// Whether the two rectangles share a pixel.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

impl Logo {
    /// Decodes the stored PNG (under limits; the logo is small by construction).
    pub fn from_png(png: &[u8]) -> Result<Logo, ImageError> {
        let mut reader = ImageReader::with_format(Cursor::new(png), ImageFormat::Png);
        let mut limits = Limits::default();
        limits.max_image_width = Some(4096);
        limits.max_image_height = Some(4096);
        reader.limits(limits);
        let img = reader
            .decode()
            .map_err(|e| ImageError::Corrupt(e.to_string()))?;
        Ok(Logo {
            rgba: img.to_rgba8(),
        })
    }

    /// The logo's colours for a photo kept in `profile` (an exported Display P3 or Adobe RGB photo keeps its
    /// space): the sRGB logo converted into it, so it looks the same on every photo. sRGB or no profile: the
    /// logo as it is.
    pub fn for_profile(&self, profile: Option<KnownProfile>) -> Result<Logo, ImageError> {
        match profile {
            None | Some(KnownProfile::Srgb) => Ok(self.clone()),
            Some(k) => icc::srgb_rgba_into(&self.rgba, k)
                .map(|rgba| Logo { rgba })
                .ok_or_else(|| ImageError::Encode(format!("logo colours into {}", k.name()))),
        }
    }

    /// The logo as it is (tests, previews).
    pub fn rgba(&self) -> &RgbaImage {
        &self.rgba
    }

    /// The logo's size when its longest side is `longest` pixels (aspect kept, at least 1×1).
    pub fn fitted_size(&self, longest: u32) -> (u32, u32) {
        let (w, h) = self.rgba.dimensions();
        let long = w.max(h).max(1);
        let scale = f64::from(longest.max(1)) / f64::from(long);
        (
            ((f64::from(w) * scale).round() as u32).max(1),
            ((f64::from(h) * scale).round() as u32).max(1),
        )
    }

    /// The logo resized to `w` × `h` (Lanczos3 on premultiplied alpha, so transparent edges do not darken).
    pub fn scaled(&self, w: u32, h: u32) -> Result<RgbaImage, ImageError> {
        if (w, h) == self.rgba.dimensions() {
            return Ok(self.rgba.clone());
        }
        let mut dst = RgbaImage::new(w.max(1), h.max(1));
        let options = ResizeOptions::new()
            .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
            .use_alpha(true);
        Resizer::new()
            .resize(&self.rgba, &mut dst, &options)
            .map_err(|e| ImageError::Encode(e.to_string()))?;
        Ok(dst)
    }
}

/// The margin between the mark and the photo's edges: 3 % of the short side (at least 4 px).
pub fn margin(width: u32, height: u32) -> u32 {
    (width.min(height) * 3 / 100).max(4)
}

/// Where the mark sits in `corner` of a `width` × `height` photo (`None` when the photo is too small).
pub fn corner_rect(
    logo: &Logo,
    mark: &LogoWatermark,
    width: u32,
    height: u32,
    corner: Corner,
) -> Option<Rect> {
    let longest = (width.min(height) as f32 * mark.size_share()).round() as u32;
    let (w, h) = logo.fitted_size(longest);
    let m = margin(width, height);
    if w + 2 * m > width || h + 2 * m > height || longest < 8 {
        return None;
    }
    let x = if corner.is_left() { m } else { width - m - w };
    let y = if corner.is_top() { m } else { height - m - h };
    Some(Rect { x, y, w, h })
}

/// The corner the mark goes to on a photo with these boxes: the chosen one when its rectangle (with the
/// margin around it) touches no box, else the first free one of [`Corner::preference`]; `None` when every
/// corner is taken (the photo then goes out without the logo).
pub fn place(
    logo: &Logo,
    mark: &LogoWatermark,
    width: u32,
    height: u32,
    boxes: &[RedactBox],
) -> Option<(Corner, Rect)> {
    let taken: Vec<Rect> = boxes
        .iter()
        .map(|b| {
            let (l, t, r, bt) = b.pixel_rect(width, height);
            Rect {
                x: l,
                y: t,
                w: r.saturating_sub(l),
                h: bt.saturating_sub(t),
            }
        })
        .filter(|r| r.w > 0 && r.h > 0)
        .collect();
    let m = margin(width, height) / 2;
    mark.corner.preference().into_iter().find_map(|c| {
        let r = corner_rect(logo, mark, width, height, c)?;
        // A little air around the logo counts too, so it never touches a box's edge.
        let padded = Rect {
            x: r.x.saturating_sub(m),
            y: r.y.saturating_sub(m),
            w: r.w + 2 * m,
            h: r.h + 2 * m,
        };
        (!taken.iter().any(|b| b.overlaps(&padded))).then_some((c, r))
    })
}

/// Lays `logo` (already at its size) over `img` with its top-left at (`x`, `y`): sRGB "over" with the
/// logo's alpha × `opacity_percent`, rounded in integers. Pixels outside `img` are skipped.
pub fn stamp(img: &mut RgbImage, logo: &RgbaImage, x: u32, y: u32, opacity_percent: u8) {
    let op = u32::from(opacity_percent.min(100));
    let (iw, ih) = img.dimensions();
    for (lx, ly, p) in logo.enumerate_pixels() {
        let (px, py) = (x + lx, y + ly);
        if px >= iw || py >= ih {
            continue;
        }
        let a = (u32::from(p[3]) * op + 50) / 100; // 0–255
        if a == 0 {
            continue;
        }
        let dst = img.get_pixel_mut(px, py);
        for c in 0..3 {
            let v = u32::from(dst[c]) * (255 - a) + u32::from(p[c]) * a;
            dst[c] = ((v + 127) / 255) as u8;
        }
    }
}

/// Puts the mark on an exported photo whose boxes are already burned in: at the corner [`place`] finds
/// (returned), or nowhere (`None`, every corner has a box).
pub fn apply(
    img: &mut RgbImage,
    logo: &Logo,
    mark: &LogoWatermark,
    boxes: &[RedactBox],
) -> Result<Option<Corner>, ImageError> {
    let (w, h) = img.dimensions();
    let Some((corner, r)) = place(logo, mark, w, h, boxes) else {
        return Ok(None);
    };
    let scaled = logo.scaled(r.w, r.h)?;
    stamp(img, &scaled, r.x, r.y, mark.clamped().opacity_percent);
    Ok(Some(corner))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, Rgba};

    fn logo(w: u32, h: u32) -> Logo {
        Logo {
            rgba: RgbaImage::from_pixel(w, h, Rgba([255, 0, 0, 255])),
        }
    }

    fn on(corner: Corner) -> LogoWatermark {
        LogoWatermark {
            on: true,
            corner,
            size_percent: 20,
            opacity_percent: 100,
        }
    }

    #[test]
    fn the_mark_sits_in_the_chosen_corner_when_it_is_free() {
        let l = logo(100, 50);
        let (c, r) = place(&l, &on(Corner::BottomRight), 1000, 500, &[]).unwrap();
        assert_eq!(c, Corner::BottomRight);
        // 20 % of 500 = 100 px wide, 50 high, 15 px margin.
        assert_eq!(
            r,
            Rect {
                x: 885,
                y: 435,
                w: 100,
                h: 50
            }
        );
    }

    #[test]
    fn a_box_in_the_corner_moves_the_mark_and_four_boxes_leave_it_off() {
        let l = logo(64, 64);
        let corner_box = |x: f64, y: f64| RedactBox {
            x,
            y,
            w: 0.2,
            h: 0.2,
        };
        let br = corner_box(0.8, 0.8);
        let (c, _) = place(&l, &on(Corner::BottomRight), 800, 600, &[br]).unwrap();
        assert_eq!(c, Corner::BottomLeft);
        let bl = corner_box(0.0, 0.8);
        let (c, _) = place(&l, &on(Corner::BottomRight), 800, 600, &[br, bl]).unwrap();
        assert_eq!(c, Corner::TopRight);
        let all = [br, bl, corner_box(0.0, 0.0), corner_box(0.8, 0.0)];
        assert!(place(&l, &on(Corner::BottomRight), 800, 600, &all).is_none());
        let mut img = RgbImage::from_pixel(800, 600, Rgb([200, 200, 200]));
        let before = img.clone();
        assert_eq!(
            apply(&mut img, &l, &on(Corner::TopLeft), &all).unwrap(),
            None
        );
        assert_eq!(img, before);
    }

    #[test]
    fn the_logo_takes_the_photos_colour_space() {
        let l = logo(2, 2);
        assert_eq!(l.for_profile(None).unwrap().rgba, l.rgba);
        assert_eq!(
            l.for_profile(Some(KnownProfile::Srgb)).unwrap().rgba,
            l.rgba
        );
        // sRGB's red lies inside Display P3: less than full red there, with some green; alpha kept.
        let p3 = l.for_profile(Some(KnownProfile::DisplayP3)).unwrap();
        let px = p3.rgba.get_pixel(0, 0);
        assert!(px[0] < 250 && px[1] > 20, "{px:?}");
        assert_eq!(px[3], 255);
    }

    #[test]
    fn blending_uses_alpha_times_opacity_and_is_exact() {
        let mut img = RgbImage::from_pixel(4, 1, Rgb([0, 0, 0]));
        let mut l = RgbaImage::new(4, 1);
        l.put_pixel(0, 0, Rgba([255, 255, 255, 255]));
        l.put_pixel(1, 0, Rgba([255, 255, 255, 128]));
        l.put_pixel(2, 0, Rgba([255, 255, 255, 0]));
        l.put_pixel(3, 0, Rgba([100, 100, 100, 255]));
        stamp(&mut img, &l, 0, 0, 50);
        let got: Vec<u8> = img.pixels().map(|p| p[0]).collect();
        // a = 128, 64, 0, 128 → 255·128/255, 255·64/255, 0, 100·128/255.
        assert_eq!(got, vec![128, 64, 0, 50]);
    }
}
