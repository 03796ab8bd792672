//! Why: redaction must be irreversible, so it is a solid fill written into the pixels themselves (never a
//! blur or mosaic: both can be undone); it is applied to the upright full-size pixels before resizing and
//! again after, so the box's edge stays sharp at any output size.

use image::{DynamicImage, GenericImage, Rgb, RgbImage, Rgba};

use crate::domain::RedactBox;

/// The fill: plain black, which a JPEG also keeps exactly inside the box.
pub const FILL: [u8; 3] = [0, 0, 0];

/// Burns the boxes into any image (any pixel type), in place.
pub fn burn(img: &mut DynamicImage, boxes: &[RedactBox]) {
    let (w, h) = (img.width(), img.height());
    let fill = Rgba([FILL[0], FILL[1], FILL[2], 255]);
    for b in boxes {
        let (l, t, r, bt) = b.pixel_rect(w, h);
        for y in t..bt {
            for x in l..r {
                img.put_pixel(x, y, fill);
            }
        }
    }
}

/// Burns the boxes into an RGB image, in place.
pub fn burn_rgb(img: &mut RgbImage, boxes: &[RedactBox]) {
    let (w, h) = img.dimensions();
    for b in boxes {
        let (l, t, r, bt) = b.pixel_rect(w, h);
        for y in t..bt {
            for x in l..r {
                img.put_pixel(x, y, Rgb(FILL));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pixel_under_the_box_is_the_fill() {
        let mut img = DynamicImage::ImageRgba16(image::ImageBuffer::from_pixel(
            40,
            30,
            image::Rgba([60000u16, 30000, 100, 65535]),
        ));
        let b = RedactBox {
            x: 0.25,
            y: 0.1,
            w: 0.5,
            h: 0.5,
        };
        burn(&mut img, &[b]);
        let rgb = img.to_rgb8();
        for y in 0..30 {
            for x in 0..40 {
                let inside = (10..30).contains(&x) && (3..18).contains(&y);
                assert_eq!(rgb.get_pixel(x, y).0 == FILL, inside, "pixel {x},{y}");
            }
        }
    }
}
