//! Why: a frame is computed from the prepared segment pictures and the plan alone: the slow zoom/pan is a
//! sub-pixel (bilinear) view into a canvas a little larger than the frame, so the motion is smooth with no
//! jitter; cross-fades blend two segments; captions are laid over the moving photo.

use image::RgbImage;
use rayon::prelude::*;

use super::plan::{Plan, CROSSFADE_FRAMES};
use super::stills::{Overlay, ZOOM};

/// What a segment shows, ready to sample.
pub enum Art {
    /// A card: the same picture every frame.
    Still(RgbImage),
    /// A photo canvas (ZOOM × the frame) with its motion and caption.
    Motion {
        canvas: RgbImage,
        zoom_in: bool,
        /// Pan direction, each −1…1 (the view drifts that way over the segment).
        pan: (f32, f32),
        caption: Option<Overlay>,
    },
}

/// Renders frames of one plan.
pub struct Renderer {
    pub plan: Plan,
    pub arts: Vec<Art>,
}

impl Renderer {
    /// A blank frame of the plan's size.
    pub fn blank(&self) -> RgbImage {
        RgbImage::new(self.plan.width, self.plan.height)
    }

    /// The still segment frame `f` shows alone (a card, not in a cross-fade): its frames are all the same.
    pub fn still_at(&self, f: u32) -> Option<usize> {
        match self.plan.at(f) {
            (i, None) if matches!(self.arts[i], Art::Still(_)) => Some(i),
            _ => None,
        }
    }

    /// Renders frame `f` into `out` (using `scratch` during cross-fades).
    pub fn frame(&self, f: u32, out: &mut RgbImage, scratch: &mut RgbImage) {
        let (i, fade) = self.plan.at(f);
        self.segment(i, f, out);
        if let Some((j, w)) = fade {
            self.segment(j, f, scratch);
            let w = w.clamp(0.0, 1.0);
            out.as_mut()
                .par_chunks_mut(4096)
                .zip(scratch.as_raw().par_chunks(4096))
                .for_each(|(a, b)| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x = (f32::from(*x) * (1.0 - w) + f32::from(*y) * w + 0.5) as u8;
                    }
                });
        }
    }

    fn segment(&self, i: usize, f: u32, out: &mut RgbImage) {
        let seg = &self.plan.segments[i];
        match &self.arts[i] {
            Art::Still(img) => out.copy_from_slice(img.as_raw()),
            Art::Motion {
                canvas,
                zoom_in,
                pan,
                caption,
            } => {
                // Progress over the segment including the fades on both sides, so motion never stops.
                let half = CROSSFADE_FRAMES / 2;
                let len = (seg.end_frame - seg.start_frame + CROSSFADE_FRAMES) as f32;
                let t = ((f + half).saturating_sub(seg.start_frame) as f32 / len).clamp(0.0, 1.0);
                let p = if *zoom_in { t } else { 1.0 - t };
                view(canvas, out, p, *pan, t);
                if let Some(o) = caption {
                    overlay(out, o);
                }
            }
        }
    }
}

/// Samples the canvas into `out`: `p` 0 = the whole canvas, 1 = zoomed in by ZOOM; the centre drifts by
/// `pan` × the free margin as `t` goes 0 → 1.
fn view(canvas: &RgbImage, out: &mut RgbImage, p: f32, pan: (f32, f32), t: f32) {
    let (cw, ch) = (canvas.width() as f32, canvas.height() as f32);
    let (ow, oh) = (out.width() as usize, out.height() as usize);
    let k = 1.0 - p * (1.0 - 1.0 / ZOOM as f32); // window size as a share of the canvas
    let (w, h) = (cw * k, ch * k);
    let drift = t * 2.0 - 1.0;
    let cx = cw / 2.0 + pan.0 * drift * (cw - w) / 2.0;
    let cy = ch / 2.0 + pan.1 * drift * (ch - h) / 2.0;
    let (x0, y0) = (cx - w / 2.0, cy - h / 2.0);
    let (sx, sy) = (w / ow as f32, h / oh as f32);
    let max_x = canvas.width() as usize - 1;
    let max_y = canvas.height() as usize - 1;
    // Column positions and weights once per frame.
    let cols: Vec<(usize, usize, u32)> = (0..ow)
        .map(|x| {
            let fx = (x0 + (x as f32 + 0.5) * sx - 0.5).clamp(0.0, max_x as f32);
            let xi = fx as usize;
            (
                xi * 3,
                (xi + 1).min(max_x) * 3,
                ((fx - xi as f32) * 256.0) as u32,
            )
        })
        .collect();
    let src = canvas.as_raw();
    let stride = canvas.width() as usize * 3;
    out.as_mut()
        .par_chunks_mut(ow * 3)
        .enumerate()
        .for_each(|(y, row)| {
            let fy = (y0 + (y as f32 + 0.5) * sy - 0.5).clamp(0.0, max_y as f32);
            let yi = fy as usize;
            let wy = ((fy - yi as f32) * 256.0) as u32;
            let r0 = &src[yi * stride..yi * stride + stride];
            let r1 = &src[(yi + 1).min(max_y) * stride..][..stride];
            for (x, &(a, b, wx)) in cols.iter().enumerate() {
                for c in 0..3 {
                    let top = u32::from(r0[a + c]) * (256 - wx) + u32::from(r0[b + c]) * wx;
                    let bot = u32::from(r1[a + c]) * (256 - wx) + u32::from(r1[b + c]) * wx;
                    row[x * 3 + c] = ((top * (256 - wy) + bot * wy + (1 << 15)) >> 16) as u8;
                }
            }
        });
}

fn overlay(out: &mut RgbImage, o: &Overlay) {
    let w = out.width() as usize;
    let start = o.top as usize * w * 3;
    let len = (o.rgb.as_raw().len()).min(out.as_raw().len().saturating_sub(start));
    let dst = &mut out.as_mut()[start..start + len];
    dst.par_chunks_mut(w * 3)
        .zip(o.rgb.as_raw().par_chunks(w * 3))
        .zip(o.alpha.par_chunks(w))
        .for_each(|((d, s), a)| {
            for (x, &al) in a.iter().enumerate() {
                if al <= 0.0 {
                    continue;
                }
                for c in 0..3 {
                    let i = x * 3 + c;
                    d[i] = (f32::from(d[i]) * (1.0 - al) + f32::from(s[i]) * al + 0.5) as u8;
                }
            }
        });
}

/// RGB → YUV 4:2:0 (BT.709, limited range, as the stream's VUI says), the three planes in one buffer.
pub fn to_yuv420(rgb: &RgbImage, yuv: &mut Vec<u8>) {
    let (w, h) = (rgb.width() as usize, rgb.height() as usize);
    let (cw, chh) = (w / 2, h / 2);
    yuv.resize(w * h + 2 * cw * chh, 0);
    let (ys, uv) = yuv.split_at_mut(w * h);
    let (us, vs) = uv.split_at_mut(cw * chh);
    let src = rgb.as_raw();
    ys.par_chunks_mut(w).enumerate().for_each(|(y, row)| {
        let s = &src[y * w * 3..(y + 1) * w * 3];
        for x in 0..w {
            let (r, g, b) = (
                i32::from(s[x * 3]),
                i32::from(s[x * 3 + 1]),
                i32::from(s[x * 3 + 2]),
            );
            row[x] = (((47 * r + 157 * g + 16 * b + 128) >> 8) + 16) as u8;
        }
    });
    us.par_chunks_mut(cw)
        .zip(vs.par_chunks_mut(cw))
        .enumerate()
        .for_each(|(cy, (urow, vrow))| {
            for cx in 0..cw {
                let (mut r, mut g, mut b) = (0i32, 0i32, 0i32);
                for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                    let i = ((cy * 2 + dy) * w + cx * 2 + dx) * 3;
                    r += i32::from(src[i]);
                    g += i32::from(src[i + 1]);
                    b += i32::from(src[i + 2]);
                }
                let (r, g, b) = (r / 4, g / 4, b / 4);
                urow[cx] = (((-26 * r - 87 * g + 112 * b + 128) >> 8) + 128).clamp(0, 255) as u8;
                vrow[cx] = (((112 * r - 102 * g - 10 * b + 128) >> 8) + 128).clamp(0, 255) as u8;
            }
        });
}
