//! Why: an ICC colour profile is a small file inside the photo, with free text (its description, copyright,
//! private tags) that a shop's scanner or colour tool may have filled with a customer's name or a drawing
//! number. So the source's profile never leaves: a profile is recognised by what it does (primaries, white
//! point, tone curves), and then only the app's own canonical copy of that profile is written; a profile the
//! app does not know is applied (pixels converted to sRGB with moxcms) and replaced by the standard sRGB one.

use std::sync::Arc;

use image::{DynamicImage, ImageBuffer, RgbaImage};
use moxcms::{
    ColorProfile, DataColorSpace, Layout, ToneReprCurve, TransformExecutor, TransformOptions, Xyzd,
    WHITE_POINT_D50, WHITE_POINT_D65,
};
use rayon::prelude::*;

/// Largest embedded profile we read at all (real ones are a few kB; Apple display profiles ~10 kB).
const MAX_ICC: usize = 1 << 20;
/// Largest difference, per XYZ component, between a profile's colorants and the reference's (real sRGB
/// profiles round to 1e-4; the next colour space is 0.02 away or more).
const COLORANT_TOLERANCE: f64 = 0.003;
/// Largest difference of the media white point from D50 or D65, per component.
const WHITE_TOLERANCE: f64 = 0.01;
/// Largest difference of a tone curve from the reference, in CIE lightness (L*, 0–100). A gamma 2.2
/// curve differs from sRGB's by more than 2 in the shadows; a 1024-entry sRGB table by less than 0.1.
const TRC_TOLERANCE_LSTAR: f32 = 1.0;

/// The colour spaces whose profile the app writes into exported photos: its own canonical copy, never the
/// source's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownProfile {
    Srgb,
    DisplayP3,
    AdobeRgb,
}

const SRGB_ICC: &[u8] = include_bytes!("../../../../assets/icc/sRGB.icc");
const DISPLAY_P3_ICC: &[u8] = include_bytes!("../../../../assets/icc/DisplayP3.icc");
const ADOBE_RGB_ICC: &[u8] = include_bytes!("../../../../assets/icc/AdobeRGB1998.icc");

impl KnownProfile {
    pub const ALL: [KnownProfile; 3] = [
        KnownProfile::Srgb,
        KnownProfile::DisplayP3,
        KnownProfile::AdobeRgb,
    ];

    /// The name written in the canonical profile's description.
    pub fn name(self) -> &'static str {
        match self {
            KnownProfile::Srgb => "sRGB IEC61966-2.1",
            KnownProfile::DisplayP3 => "Display P3",
            KnownProfile::AdobeRgb => "Adobe RGB (1998)",
        }
    }

    /// The app's own copy of the profile (`assets/icc/`, generated once with moxcms, see its README).
    pub fn icc_bytes(self) -> &'static [u8] {
        match self {
            KnownProfile::Srgb => SRGB_ICC,
            KnownProfile::DisplayP3 => DISPLAY_P3_ICC,
            KnownProfile::AdobeRgb => ADOBE_RGB_ICC,
        }
    }

    /// The reference colorimetry (moxcms's built-in definition of the standard space).
    pub fn reference(self) -> ColorProfile {
        let mut p = match self {
            KnownProfile::Srgb => ColorProfile::new_srgb(),
            KnownProfile::DisplayP3 => ColorProfile::new_display_p3(),
            KnownProfile::AdobeRgb => ColorProfile::new_adobe_rgb(),
        };
        // The canonical text: the space's name and nothing else of anyone's.
        p.description = Some(moxcms::ProfileText::Localizable(vec![
            moxcms::LocalizableString::new("en".into(), "US".into(), self.name().into()),
        ]));
        p.copyright = Some(moxcms::ProfileText::Localizable(vec![
            moxcms::LocalizableString::new("en".into(), "US".into(), "Public Domain".into()),
        ]));
        p
    }

    /// Which known profile these exact bytes are (only the app's canonical copies match).
    pub fn from_canonical_bytes(bytes: &[u8]) -> Option<KnownProfile> {
        Self::ALL.into_iter().find(|k| k.icc_bytes() == bytes)
    }
}

/// What decoding settled about a photo's colours: the pixels (converted to sRGB when their profile was
/// not one the app knows) and the profile to write with them (`None`: the source had none).
pub(crate) fn settle(
    img: DynamicImage,
    icc: Option<&[u8]>,
) -> (DynamicImage, Option<KnownProfile>) {
    let Some(icc) = icc else {
        return (img, None);
    };
    let parsed = (icc.len() >= 128 && icc.len() <= MAX_ICC && &icc[36..40] == b"acsp")
        .then(|| ColorProfile::new_from_slice(icc).ok())
        .flatten();
    let Some(profile) = parsed else {
        // Unreadable: nothing to convert with; the pixels are taken as sRGB, as any viewer would.
        return (img, Some(KnownProfile::Srgb));
    };
    if let Some(known) = recognise(&profile) {
        return (img, Some(known));
    }
    match to_srgb(&img, &profile) {
        Some(converted) => (converted, Some(KnownProfile::Srgb)),
        // A profile that does not fit the pixels (CMYK, which the decoder already turned into RGB, or a
        // broken one): the pixels stay as decoded, labelled sRGB. None of the profile's bytes go on.
        None => (img, Some(KnownProfile::Srgb)),
    }
}

/// Pixels in a known space turned into sRGB (for outputs that carry no profile: thumbnails, video).
pub(crate) fn known_to_srgb(img: DynamicImage, known: KnownProfile) -> DynamicImage {
    if known == KnownProfile::Srgb {
        return img;
    }
    to_srgb(&img, &known.reference()).unwrap_or(img)
}

/// The known profile these bytes describe, by content (colorants, white point, tone curves), never by
/// their description text.
pub fn recognise_bytes(icc: &[u8]) -> Option<KnownProfile> {
    if icc.len() > MAX_ICC {
        return None;
    }
    recognise(&ColorProfile::new_from_slice(icc).ok()?)
}

fn recognise(p: &ColorProfile) -> Option<KnownProfile> {
    if p.color_space != DataColorSpace::Rgb || p.pcs != DataColorSpace::Xyz {
        return None;
    }
    // Table-based profiles map colours through their own tables: converted, never assumed.
    let has_luts = p.lut_a_to_b_perceptual.is_some()
        || p.lut_a_to_b_colorimetric.is_some()
        || p.lut_a_to_b_saturation.is_some()
        || p.lut_b_to_a_perceptual.is_some()
        || p.lut_b_to_a_colorimetric.is_some()
        || p.lut_b_to_a_saturation.is_some();
    if has_luts {
        return None;
    }
    if let Some(w) = p.media_white_point {
        let d50 = WHITE_POINT_D50.to_xyzd();
        let d65 = WHITE_POINT_D65.to_xyzd();
        if !near(w, d50, WHITE_TOLERANCE) && !near(w, d65, WHITE_TOLERANCE) {
            return None;
        }
    }
    let curves = [&p.red_trc, &p.green_trc, &p.blue_trc];
    if curves.iter().any(|c| c.is_none()) {
        return None;
    }
    KnownProfile::ALL.into_iter().find(|k| {
        let r = k.reference();
        near(p.red_colorant, r.red_colorant, COLORANT_TOLERANCE)
            && near(p.green_colorant, r.green_colorant, COLORANT_TOLERANCE)
            && near(p.blue_colorant, r.blue_colorant, COLORANT_TOLERANCE)
            && [&p.red_trc, &p.green_trc, &p.blue_trc].iter().all(|c| {
                c.as_ref()
                    .is_some_and(|c| same_curve(c, r.red_trc.as_ref()))
            })
    })
}

fn near(a: Xyzd, b: Xyzd, tol: f64) -> bool {
    (a.x - b.x).abs() <= tol && (a.y - b.y).abs() <= tol && (a.z - b.z).abs() <= tol
}

/// CIE lightness of a relative luminance, 0–100.
fn lstar(y: f32) -> f32 {
    let y = y.clamp(0.0, 1.0);
    if y > 216.0 / 24389.0 {
        116.0 * y.cbrt() - 16.0
    } else {
        y * 24389.0 / 27.0
    }
}

fn same_curve(c: &ToneReprCurve, reference: Option<&ToneReprCurve>) -> bool {
    let Some(reference) = reference else {
        return false;
    };
    let (Ok(a), Ok(b)) = (c.make_linear_evaluator(), reference.make_linear_evaluator()) else {
        return false;
    };
    (0..=64).all(|i| {
        let x = i as f32 / 64.0;
        let (ya, yb) = (a.evaluate_value(x), b.evaluate_value(x));
        ya.is_finite() && (lstar(ya) - lstar(yb)).abs() <= TRC_TOLERANCE_LSTAR
    })
}

/// 8-bit sRGB pixels with alpha (the shop's logo) expressed in `known`'s colours, so they can be laid over a
/// photo kept in that space; the alpha is carried over unchanged. `None` when the transform fails.
pub(crate) fn srgb_rgba_into(img: &RgbaImage, known: KnownProfile) -> Option<RgbaImage> {
    if known == KnownProfile::Srgb {
        return Some(img.clone());
    }
    let options = TransformOptions {
        allow_use_cicp_transfer: false,
        ..TransformOptions::default()
    };
    let t = ColorProfile::new_srgb()
        .create_transform_8bit(Layout::Rgba, &known.reference(), Layout::Rgba, options)
        .ok()?;
    let out = run(&t, img.as_raw(), img.width() as usize, 4, 4)?;
    ImageBuffer::from_raw(img.width(), img.height(), out)
}

/// Converts the pixels from `src` to sRGB; `None` when the profile cannot describe these pixels.
fn to_srgb(img: &DynamicImage, src: &ColorProfile) -> Option<DynamicImage> {
    let srgb = ColorProfile::new_srgb();
    let options = TransformOptions {
        // Colours come from the profile's own curves, not from a CICP tag that may disagree with them.
        allow_use_cicp_transfer: false,
        ..TransformOptions::default()
    };
    let gray_src = src.color_space == DataColorSpace::Gray;
    if src.color_space != DataColorSpace::Rgb && !gray_src {
        return None;
    }
    let wide = matches!(
        img,
        DynamicImage::ImageRgb16(_)
            | DynamicImage::ImageRgba16(_)
            | DynamicImage::ImageLuma16(_)
            | DynamicImage::ImageLumaA16(_)
            | DynamicImage::ImageRgb32F(_)
            | DynamicImage::ImageRgba32F(_)
    );
    let alpha = img.color().has_alpha();
    let is_gray = !img.color().has_color();
    // A grey profile applies to grey pixels only; an RGB profile on grey pixels sees them as RGB.
    if gray_src && !is_gray {
        return None;
    }
    let (src_layout, dst_layout) = match (gray_src, alpha) {
        (true, false) => (Layout::Gray, Layout::Rgb),
        (true, true) => (Layout::GrayAlpha, Layout::Rgba),
        (false, false) => (Layout::Rgb, Layout::Rgb),
        (false, true) => (Layout::Rgba, Layout::Rgba),
    };
    let (w, h) = (img.width(), img.height());
    let src_ch = if gray_src { 1 } else { 3 } + usize::from(alpha);
    let dst_ch = 3 + usize::from(alpha);
    if wide {
        let t = src
            .create_transform_16bit(src_layout, &srgb, dst_layout, options)
            .ok()?;
        let input: Vec<u16> = match (gray_src, alpha) {
            (true, false) => img.to_luma16().into_raw(),
            (true, true) => img.to_luma_alpha16().into_raw(),
            (false, false) => img.to_rgb16().into_raw(),
            (false, true) => img.to_rgba16().into_raw(),
        };
        let out = run(&t, &input, w as usize, src_ch, dst_ch)?;
        Some(if alpha {
            DynamicImage::ImageRgba16(ImageBuffer::from_raw(w, h, out)?)
        } else {
            DynamicImage::ImageRgb16(ImageBuffer::from_raw(w, h, out)?)
        })
    } else {
        let t = src
            .create_transform_8bit(src_layout, &srgb, dst_layout, options)
            .ok()?;
        let input: Vec<u8> = match (gray_src, alpha) {
            (true, false) => img.to_luma8().into_raw(),
            (true, true) => img.to_luma_alpha8().into_raw(),
            (false, false) => img.to_rgb8().into_raw(),
            (false, true) => img.to_rgba8().into_raw(),
        };
        let out = run(&t, &input, w as usize, src_ch, dst_ch)?;
        Some(if alpha {
            DynamicImage::ImageRgba8(ImageBuffer::from_raw(w, h, out)?)
        } else {
            DynamicImage::ImageRgb8(ImageBuffer::from_raw(w, h, out)?)
        })
    }
}

/// Runs a transform over the image in bands of rows, on every core.
fn run<V: Copy + Default + Send + Sync>(
    t: &Arc<dyn TransformExecutor<V> + Send + Sync>,
    input: &[V],
    width: usize,
    src_ch: usize,
    dst_ch: usize,
) -> Option<Vec<V>> {
    const ROWS: usize = 64;
    if width == 0 || input.is_empty() {
        return Some(Vec::new());
    }
    let rows = input.len() / (width * src_ch);
    let mut out = vec![V::default(); rows * width * dst_ch];
    let ok = out
        .par_chunks_mut(width * dst_ch * ROWS)
        .zip(input.par_chunks(width * src_ch * ROWS))
        .all(|(dst, src)| t.transform(src, dst).is_ok());
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_profiles_are_the_references_encoded_and_recognised_as_themselves() {
        for k in KnownProfile::ALL {
            assert_eq!(
                canonical_encoding(k),
                k.icc_bytes(),
                "assets/icc for {k:?} is not moxcms's encoding (regenerate: see assets/icc/README.md)"
            );
            assert_eq!(recognise_bytes(k.icc_bytes()), Some(k));
            assert_eq!(KnownProfile::from_canonical_bytes(k.icc_bytes()), Some(k));
        }
    }

    #[test]
    fn pro_photo_is_not_known_and_is_converted() {
        let pro = ColorProfile::new_pro_photo_rgb().encode().unwrap();
        assert_eq!(recognise_bytes(&pro), None);
        let img = DynamicImage::ImageRgb8(ImageBuffer::from_pixel(8, 8, image::Rgb([128, 40, 40])));
        let (out, k) = settle(img, Some(&pro));
        assert_eq!(k, Some(KnownProfile::Srgb));
        let px = out.to_rgb8().get_pixel(0, 0).0;
        // ProPhoto's wider red, seen in sRGB: redder and brighter than the raw numbers.
        assert!(px[0] > 150 && px[1] < 40, "{px:?}");
    }

    #[test]
    fn a_grey_profile_is_applied_to_grey_pixels() {
        let mut grey = ColorProfile::new_srgb();
        grey.color_space = DataColorSpace::Gray;
        grey.gray_trc = Some(moxcms::curve_from_gamma(1.0));
        grey.red_trc = None;
        grey.green_trc = None;
        grey.blue_trc = None;
        grey.red_colorant = Xyzd::default();
        grey.green_colorant = Xyzd::default();
        grey.blue_colorant = Xyzd::default();
        grey.cicp = None;
        let icc = grey.encode().unwrap();
        assert!(ColorProfile::new_from_slice(&icc).is_ok());
        let img = DynamicImage::ImageLuma8(ImageBuffer::from_pixel(4, 4, image::Luma([128u8])));
        let (out, k) = settle(img, Some(&icc));
        assert_eq!(k, Some(KnownProfile::Srgb));
        let px = out.to_rgb8().get_pixel(0, 0).0;
        // Linear 0.5 is sRGB ~188, neutral.
        assert!(
            (180..=195).contains(&px[1]) && px[0].abs_diff(px[2]) <= 2,
            "{px:?}"
        );
    }

    #[test]
    fn garbage_with_the_signature_is_dropped_and_labelled_srgb() {
        let mut junk = vec![0u8; 200];
        junk[36..40].copy_from_slice(b"acsp");
        let img = DynamicImage::ImageRgb8(ImageBuffer::from_pixel(2, 2, image::Rgb([1, 2, 3])));
        let (out, k) = settle(img, Some(&junk));
        assert_eq!(k, Some(KnownProfile::Srgb));
        assert_eq!(out.to_rgb8().get_pixel(0, 0).0, [1, 2, 3]);
    }

    /// moxcms's encoding of the reference, with a fixed date and the exact ICC D50 illuminant in the
    /// header (moxcms writes the time of encoding and a rounded D50).
    fn canonical_encoding(k: KnownProfile) -> Vec<u8> {
        let mut b = k.reference().encode().unwrap();
        // Date: 2026-12-01 00:00:00 (u16 year, month, day, hour, minute, second).
        let date: [u16; 6] = [2026, 12, 1, 0, 0, 0];
        for (i, v) in date.iter().enumerate() {
            b[24 + 2 * i..26 + 2 * i].copy_from_slice(&v.to_be_bytes());
        }
        // PCS illuminant: D50 as ICC.1 states it (s15Fixed16: 0.9642, 1.0, 0.8249).
        for (i, v) in [0x0000_F6D6u32, 0x0001_0000, 0x0000_D32D]
            .iter()
            .enumerate()
        {
            b[68 + 4 * i..72 + 4 * i].copy_from_slice(&v.to_be_bytes());
        }
        b
    }

    /// Writes `assets/icc/*.icc` from moxcms's references: `GONGBANG_WRITE_ICC=1 cargo test -p
    /// gongbang-core --lib write_canonical_profiles -- --ignored`.
    #[test]
    #[ignore]
    fn write_canonical_profiles() {
        if std::env::var_os("GONGBANG_WRITE_ICC").is_none() {
            return;
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/icc");
        std::fs::create_dir_all(&dir).unwrap();
        for (k, name) in [
            (KnownProfile::Srgb, "sRGB.icc"),
            (KnownProfile::DisplayP3, "DisplayP3.icc"),
            (KnownProfile::AdobeRgb, "AdobeRGB1998.icc"),
        ] {
            std::fs::write(dir.join(name), canonical_encoding(k)).unwrap();
        }
    }
}
