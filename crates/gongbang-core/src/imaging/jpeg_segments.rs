//! Why: "no metadata" is a claim about bytes, so it is checked on the bytes: a JPEG is walked marker by
//! marker and anything but pixels, tables, the JFIF header and one of the app's own ICC profiles is refused.

/// One marker segment of a JPEG file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The marker byte after 0xFF (e.g. 0xE1 for APP1).
    pub marker: u8,
    /// Offset of the 0xFF that starts it.
    pub offset: usize,
    /// The payload after the length field (empty for markers without one).
    pub payload_len: usize,
    /// The first bytes of the payload (enough to tell "Exif", "JFIF", "ICC_PROFILE", "http://ns.adobe").
    pub ident: Vec<u8>,
}

/// The segments of a JPEG and how many bytes follow its end-of-image marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub segments: Vec<Segment>,
    pub trailing_bytes: usize,
}

/// Walks a JPEG's markers. Fails on anything that is not a well-formed JPEG.
pub fn parse(bytes: &[u8]) -> Result<Layout, String> {
    if bytes.len() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 {
        return Err("no SOI marker".into());
    }
    let mut segments = vec![Segment {
        marker: 0xD8,
        offset: 0,
        payload_len: 0,
        ident: Vec::new(),
    }];
    let mut i = 2;
    loop {
        // Skip fill bytes.
        while i < bytes.len() && bytes[i] == 0xFF && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if i + 1 >= bytes.len() || bytes[i] != 0xFF {
            return Err(format!("expected a marker at byte {i}"));
        }
        let marker = bytes[i + 1];
        let offset = i;
        if marker == 0xD9 {
            segments.push(Segment {
                marker,
                offset,
                payload_len: 0,
                ident: Vec::new(),
            });
            return Ok(Layout {
                segments,
                trailing_bytes: bytes.len() - (i + 2),
            });
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            segments.push(Segment {
                marker,
                offset,
                payload_len: 0,
                ident: Vec::new(),
            });
            i += 2;
            continue;
        }
        let len_hi = *bytes.get(i + 2).ok_or("truncated length")? as usize;
        let len_lo = *bytes.get(i + 3).ok_or("truncated length")? as usize;
        let len = (len_hi << 8) | len_lo;
        if len < 2 || i + 2 + len > bytes.len() {
            return Err(format!("segment 0x{marker:02X} at {i} runs past the end"));
        }
        let payload = &bytes[i + 4..i + 2 + len];
        segments.push(Segment {
            marker,
            offset,
            payload_len: payload.len(),
            ident: payload.iter().take(16).copied().collect(),
        });
        i += 2 + len;
        if marker == 0xDA {
            // Entropy-coded data: runs until a marker that is not a stuffed 0x00 or a restart marker.
            while i + 1 < bytes.len() {
                if bytes[i] == 0xFF
                    && bytes[i + 1] != 0x00
                    && !(0xD0..=0xD7).contains(&bytes[i + 1])
                {
                    break;
                }
                i += 1;
            }
            if i + 1 >= bytes.len() {
                return Err("scan data runs past the end (no EOI)".into());
            }
        }
    }
}

/// Whether a segment is allowed in an exported JPEG: structure, tables and pixels, the JFIF header,
/// and an ICC colour profile; never EXIF, XMP, IPTC/Photoshop, comments or other application data.
pub fn is_allowed(seg: &Segment) -> bool {
    match seg.marker {
        0xD8 | 0xD9 | 0xDA | 0xDB | 0xC4 | 0xDD | 0xD0..=0xD7 => true,
        0xC0..=0xCF => seg.marker != 0xC8,
        0xE0 => seg.ident.starts_with(b"JFIF\0"),
        0xE2 => seg.ident.starts_with(b"ICC_PROFILE\0"),
        _ => false,
    }
}

/// Checks a JPEG we wrote: only allowed segments and nothing after the end-of-image marker.
pub fn verify_clean(bytes: &[u8]) -> Result<(), String> {
    let layout = parse(bytes)?;
    if let Some(bad) = layout.segments.iter().find(|s| !is_allowed(s)) {
        return Err(format!(
            "segment 0x{:02X} at byte {} is not allowed",
            bad.marker, bad.offset
        ));
    }
    if layout.trailing_bytes != 0 {
        return Err(format!(
            "{} bytes after the end marker",
            layout.trailing_bytes
        ));
    }
    // A colour profile can carry text (its description, private tags): only the app's own copies pass.
    let icc = icc_profile(bytes, &layout);
    if !icc.is_empty() && super::icc::KnownProfile::from_canonical_bytes(&icc).is_none() {
        return Err("the ICC profile is not one of the app's own copies".into());
    }
    Ok(())
}

/// The ICC profile a JPEG carries: the payloads of its `ICC_PROFILE` APP2 segments after their 14-byte
/// header (name, chunk number, chunk count), joined in file order.
fn icc_profile(bytes: &[u8], layout: &Layout) -> Vec<u8> {
    const HEADER: usize = 14;
    let mut out = Vec::new();
    for seg in layout.segments.iter().filter(|s| s.marker == 0xE2) {
        let start = seg.offset + 4 + HEADER;
        let end = seg.offset + 4 + seg.payload_len;
        if let Some(chunk) = bytes.get(start..end) {
            out.extend_from_slice(chunk);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::verify_clean;
    use crate::imaging::icc::KnownProfile;
    use crate::imaging::{encode_clean_jpeg, encode_clean_jpeg_with_profile};

    /// Puts an APP2 ICC segment holding `icc` right after SOI.
    fn with_icc(jpeg: &[u8], icc: &[u8]) -> Vec<u8> {
        let mut payload = b"ICC_PROFILE\0\x01\x01".to_vec();
        payload.extend_from_slice(icc);
        let len = u16::try_from(payload.len() + 2).unwrap_or(u16::MAX);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE2]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn only_the_apps_own_profiles_pass_the_byte_check() {
        let img = image::RgbImage::from_pixel(16, 16, image::Rgb([120, 130, 140]));
        let plain = encode_clean_jpeg(&img, 80).expect("encode");
        assert_eq!(verify_clean(&plain), Ok(()));
        for k in KnownProfile::ALL {
            let ours = encode_clean_jpeg_with_profile(&img, 80, Some(k)).expect("encode");
            assert_eq!(verify_clean(&ours), Ok(()), "{}", k.name());
        }
        // The same sRGB profile with one byte of its description changed is somebody else's profile.
        let mut edited = KnownProfile::Srgb.icc_bytes().to_vec();
        let last = edited.len() - 1;
        edited[last] ^= 0x20;
        assert!(verify_clean(&with_icc(&plain, &edited)).is_err());
        assert!(verify_clean(&with_icc(&plain, b"\xEB\x8C\x80\xED\x95\x9C DWG-1234")).is_err());
    }
}
