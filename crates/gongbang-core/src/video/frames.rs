//! Why: a frame is computed from the prepared segment pictures and the plan alone: the slow zoom/pan is a
//! sub-pixel (bilinear) view into a canvas a little larger than the frame, so the motion is smooth with no
//! jitter; cross-fades blend two segments; captions are laid over the moving photo.

use image::RgbImage;
use rayon::prelude::*;

use super::stills::{Overlay, ZOOM};
use crate::video_plan::plan::{Plan, CROSSFADE_FRAMES};

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
            let w = (w.clamp(0.0, 1.0) * 256.0).round() as u16;
            out.as_mut()
                .par_chunks_mut(1 << 16)
                .zip(scratch.as_raw().par_chunks(1 << 16))
                .for_each(|(a, b)| {
                    // Integer weights so the loop vectorises.
                    for (x, &y) in a.iter_mut().zip(b) {
                        *x = ((u16::from(*x) * (256 - w) + u16::from(y) * w + 128) >> 8) as u8;
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
    // Column positions and weights once per frame; the right neighbour is always the next pixel (the last
    // column is reached with a full weight on it), so each sample reads 6 bytes in a row.
    let cols: Vec<(usize, u32)> = (0..ow)
        .map(|x| {
            let fx = (x0 + (x as f32 + 0.5) * sx - 0.5).clamp(0.0, max_x as f32);
            let xi = (fx as usize).min(max_x.saturating_sub(1));
            (xi * 3, ((fx - xi as f32) * 256.0).round() as u32)
        })
        .collect();
    let lo = cols.first().map_or(0, |c| c.0);
    let hi = cols.last().map_or(0, |c| c.0) + 6;
    let src = canvas.as_raw();
    let stride = canvas.width() as usize * 3;
    out.as_mut()
        .par_chunks_mut(ow * 3)
        .enumerate()
        .for_each_init(Vec::<u16>::new, |mid, (y, row)| {
            let fy = (y0 + (y as f32 + 0.5) * sy - 0.5).clamp(0.0, max_y as f32);
            let yi = fy as usize;
            let wy = ((fy - yi as f32) * 256.0).round() as u16;
            let r0 = &src[yi * stride..][lo..hi];
            let r1 = &src[(yi + 1).min(max_y) * stride..][lo..hi];
            // Vertical first, over the bytes the row needs (a straight loop that vectorises) …
            mid.clear();
            mid.extend(
                r0.iter()
                    .zip(r1)
                    .map(|(&a, &b)| u16::from(a) * (256 - wy) + u16::from(b) * wy),
            );
            // … then horizontal, two neighbouring pixels at a time.
            for (px, &(a, wx)) in row.chunks_exact_mut(3).zip(&cols) {
                let m = &mid[a - lo..a - lo + 6];
                for c in 0..3 {
                    let v = u32::from(m[c]) * (256 - wx) + u32::from(m[c + 3]) * wx;
                    px[c] = ((v + (1 << 15)) >> 16) as u8;
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
            for ((dp, sp), &al) in d.chunks_exact_mut(3).zip(s.chunks_exact(3)).zip(a) {
                if al == 0 {
                    continue;
                }
                for c in 0..3 {
                    let v = u16::from(dp[c]) * (256 - al) + u16::from(sp[c]) * al;
                    dp[c] = ((u32::from(v) + 128) >> 8) as u8;
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
        for (out, p) in row.iter_mut().zip(s.chunks_exact(3)) {
            let (r, g, b) = (i32::from(p[0]), i32::from(p[1]), i32::from(p[2]));
            *out = (((47 * r + 157 * g + 16 * b + 128) >> 8) + 16) as u8;
        }
    });
    us.par_chunks_mut(cw)
        .zip(vs.par_chunks_mut(cw))
        .enumerate()
        .for_each(|(cy, (urow, vrow))| {
            let top = &src[cy * 2 * w * 3..][..cw * 6];
            let bot = &src[(cy * 2 + 1) * w * 3..][..cw * 6];
            let pairs = top.chunks_exact(6).zip(bot.chunks_exact(6));
            for ((u, v), (t, b)) in urow.iter_mut().zip(vrow.iter_mut()).zip(pairs) {
                let sum = |c: usize| {
                    (i32::from(t[c]) + i32::from(t[c + 3]) + i32::from(b[c]) + i32::from(b[c + 3]))
                        / 4
                };
                let (r, g, b) = (sum(0), sum(1), sum(2));
                *u = (((-26 * r - 87 * g + 112 * b + 128) >> 8) + 128).clamp(0, 255) as u8;
                *v = (((112 * r - 102 * g - 10 * b + 128) >> 8) + 128).clamp(0, 255) as u8;
            }
        });
}
