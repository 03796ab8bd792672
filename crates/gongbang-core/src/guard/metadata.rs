//! Why: the owner should see, before anything leaves, exactly what the export strips from each photo —
//! read from that photo's own bytes (EXIF fields, maker notes, the embedded preview, XMP, IPTC, comments,
//! PNG text) — so "no metadata" is something he can check, not a promise.

use std::io::Cursor;

use exif::{Exif, In, Reader, Tag};
use image::{ImageDecoder, ImageReader};
use serde::Serialize;

use crate::imaging::{jpeg_segments, PhotoFormat};

/// What kind of thing will be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MetaKind {
    Gps,
    Serial,
    Owner,
    Date,
    Camera,
    Makernote,
    Thumbnail,
    Xmp,
    Iptc,
    Comment,
    Description,
    Software,
    Other,
}

/// One thing the export removes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MetaItem {
    pub kind: MetaKind,
    pub label_ko: String,
    pub label_en: String,
    /// As written in the photo (shortened, control characters removed): show it as text only.
    pub value: String,
}

/// Longest value shown.
const MAX_VALUE_CHARS: usize = 160;

fn clean(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let t = t.trim().trim_matches('"').trim();
    let mut out: String = t.chars().take(MAX_VALUE_CHARS).collect();
    if t.chars().count() > MAX_VALUE_CHARS {
        out.push('…');
    }
    out
}

fn item(kind: MetaKind, ko: &str, en: &str, value: impl AsRef<str>) -> MetaItem {
    MetaItem {
        kind,
        label_ko: ko.into(),
        label_en: en.into(),
        value: clean(value.as_ref()),
    }
}

fn field_text(exif: &Exif, tag: Tag, ifd: In) -> Option<String> {
    let f = exif.get_field(tag, ifd)?;
    let v = clean(&f.display_value().with_unit(exif).to_string());
    (!v.is_empty()).then_some(v)
}

/// EXIF fields that matter to the owner, one item each; the rest are counted.
const NAMED: &[(Tag, MetaKind, &str, &str)] = &[
    (
        Tag::BodySerialNumber,
        MetaKind::Serial,
        "카메라 일련번호",
        "camera serial number",
    ),
    (
        Tag::LensSerialNumber,
        MetaKind::Serial,
        "렌즈 일련번호",
        "lens serial number",
    ),
    (
        Tag::ImageUniqueID,
        MetaKind::Serial,
        "사진 고유 번호",
        "image unique ID",
    ),
    (
        Tag::CameraOwnerName,
        MetaKind::Owner,
        "카메라 주인 이름",
        "camera owner name",
    ),
    (Tag::Artist, MetaKind::Owner, "촬영자", "artist"),
    (Tag::Copyright, MetaKind::Owner, "저작권자", "copyright"),
    (
        Tag::DateTimeOriginal,
        MetaKind::Date,
        "찍은 날짜",
        "date taken",
    ),
    (
        Tag::DateTime,
        MetaKind::Date,
        "수정한 날짜",
        "date modified",
    ),
    (Tag::Make, MetaKind::Camera, "카메라 제조사", "camera make"),
    (Tag::Model, MetaKind::Camera, "카메라 모델", "camera model"),
    (Tag::LensModel, MetaKind::Camera, "렌즈 모델", "lens model"),
    (
        Tag::ImageDescription,
        MetaKind::Description,
        "사진 설명",
        "image description",
    ),
    (
        Tag::UserComment,
        MetaKind::Description,
        "사용자 메모",
        "user comment",
    ),
    (
        Tag::Software,
        MetaKind::Software,
        "사용한 프로그램",
        "software",
    ),
];

fn exif_items(exif: &Exif, out: &mut Vec<MetaItem>) {
    let lat = gps_coordinate(exif, Tag::GPSLatitude, Tag::GPSLatitudeRef);
    let lon = gps_coordinate(exif, Tag::GPSLongitude, Tag::GPSLongitudeRef);
    let gps_fields = exif
        .fields()
        .filter(|f| f.ifd_num == In::PRIMARY && is_gps(f.tag))
        .count();
    match (lat, lon) {
        (Some(lat), Some(lon)) => {
            out.push(item(
                MetaKind::Gps,
                "찍은 위치 (GPS)",
                "location (GPS)",
                format!("{lat}, {lon}"),
            ));
        }
        _ if gps_fields > 0 => out.push(item(
            MetaKind::Gps,
            "GPS 기록 (위치 값 없음)",
            "GPS record (no position)",
            format!("{gps_fields}개 항목 / {gps_fields} fields"),
        )),
        _ => {}
    }
    let mut named = 0;
    for (tag, kind, ko, en) in NAMED {
        let value = if *tag == Tag::UserComment {
            user_comment(exif)
        } else {
            field_text(exif, *tag, In::PRIMARY)
        };
        if let Some(v) = value {
            named += 1;
            out.push(item(*kind, ko, en, v));
        }
    }
    if let Some(f) = exif.get_field(Tag::MakerNote, In::PRIMARY) {
        named += 1;
        let raw: &[u8] = match &f.value {
            exif::Value::Undefined(b, _) => b,
            _ => &[],
        };
        let codes = codes_in(raw);
        let value = if codes.is_empty() {
            format!("{} 바이트 / bytes", raw.len())
        } else {
            format!("{} 바이트 / bytes: {}", raw.len(), codes.join(", "))
        };
        out.push(item(
            MetaKind::Makernote,
            "제조사 기록 (일련번호가 들어 있을 수 있음)",
            "maker notes (may hold the camera's serial number)",
            value,
        ));
    }
    if let Some(len) = exif
        .get_field(Tag::JPEGInterchangeFormatLength, In::THUMBNAIL)
        .and_then(|f| f.value.get_uint(0))
    {
        out.push(item(
            MetaKind::Thumbnail,
            "안에 숨은 미리보기 사진 (가리기 전 모습)",
            "embedded preview image (shows the photo unredacted)",
            format!("{} KB", len.div_ceil(1024)),
        ));
    }
    let rest = exif
        .fields()
        .filter(|f| f.ifd_num == In::PRIMARY && !is_gps(f.tag))
        .count()
        .saturating_sub(named);
    if rest > 0 {
        out.push(item(
            MetaKind::Other,
            "그 밖의 촬영 정보 (EXIF)",
            "other shooting data (EXIF)",
            format!("{rest}개 항목 / {rest} fields"),
        ));
    }
}

/// A GPS coordinate as a person reads it: `43° 28′ 2.8″ N`.
fn gps_coordinate(exif: &Exif, tag: Tag, ref_tag: Tag) -> Option<String> {
    let f = exif.get_field(tag, In::PRIMARY)?;
    let exif::Value::Rational(r) = &f.value else {
        return None;
    };
    let part = |i: usize| r.get(i).map_or(0.0, exif::Rational::to_f64);
    let (d, m, s) = (part(0), part(1), part(2));
    if !(d.is_finite() && m.is_finite() && s.is_finite()) {
        return None;
    }
    let hemisphere = field_text(exif, ref_tag, In::PRIMARY).unwrap_or_default();
    Some(
        format!("{d:.0}° {m:.0}′ {s:.1}″ {hemisphere}")
            .trim()
            .to_string(),
    )
}

/// EXIF UserComment: an 8-byte character-set code, then the text; blank comments (cameras fill them with
/// spaces or zeros) are not worth showing.
fn user_comment(exif: &Exif) -> Option<String> {
    let f = exif.get_field(Tag::UserComment, In::PRIMARY)?;
    let exif::Value::Undefined(raw, _) = &f.value else {
        return None;
    };
    let (code, text) = raw.split_at(raw.len().min(8));
    let text = if code.starts_with(b"UNICODE") {
        let units: Vec<u16> = text
            .chunks_exact(2)
            .map(|p| {
                if exif.little_endian() {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(text).into_owned()
    };
    let text = clean(&text.replace('\0', " "));
    (!text.is_empty()).then_some(text)
}

/// Serial-like text inside maker notes (each maker has its own format, so the owner is shown the
/// readable codes: runs of 8+ letters and digits holding both, e.g. a Reconyx serial `H500EE06130468`).
/// Both plain ASCII and UTF-16 text are searched (Reconyx writes its serial as UTF-16).
fn codes_in(raw: &[u8]) -> Vec<String> {
    let utf16: Vec<u8> = raw
        .chunks(2)
        .map(|p| match p {
            [c, 0] if c.is_ascii_alphanumeric() => *c,
            _ => b' ',
        })
        .collect();
    let utf16_odd: Vec<u8> = raw
        .get(1..)
        .unwrap_or_default()
        .chunks(2)
        .map(|p| match p {
            [c, 0] if c.is_ascii_alphanumeric() => *c,
            _ => b' ',
        })
        .collect();
    let mut found: Vec<String> = Vec::new();
    for text in [raw, &utf16, &utf16_odd] {
        for run in text.split(|b| !b.is_ascii_alphanumeric()) {
            let code = String::from_utf8_lossy(run).into_owned();
            if run.len() >= 8
                && run.iter().any(u8::is_ascii_digit)
                && run.iter().any(u8::is_ascii_alphabetic)
                && !found.contains(&code)
            {
                found.push(code);
            }
        }
    }
    found.truncate(3);
    found
}

fn is_gps(tag: Tag) -> bool {
    tag.context() == exif::Context::Gps
}

fn jpeg_items(bytes: &[u8], out: &mut Vec<MetaItem>) {
    let Ok(layout) = jpeg_segments::parse(bytes) else {
        return;
    };
    let mut other = Vec::new();
    for s in &layout.segments {
        let payload = bytes
            .get(s.offset + 4..s.offset + 4 + s.payload_len)
            .unwrap_or_default();
        match s.marker {
            0xFE => out.push(item(
                MetaKind::Comment,
                "사진 속 메모 (JPEG 주석)",
                "JPEG comment",
                String::from_utf8_lossy(payload),
            )),
            0xE1 if s.ident.starts_with(b"Exif\0") || s.ident.starts_with(b"http://ns.adobe") => {}
            0xED => {} // IPTC / Photoshop: reported through the decoder below
            0xE0 | 0xE2 => {}
            0xE3..=0xEF | 0xE1 => other.push(format!(
                "APP{} {}",
                s.marker - 0xE0,
                String::from_utf8_lossy(
                    &s.ident[..s
                        .ident
                        .iter()
                        .position(|b| *b == 0)
                        .unwrap_or(s.ident.len())]
                )
            )),
            _ => {}
        }
    }
    if layout.trailing_bytes > 0 {
        other.push(format!(
            "끝 표시 뒤 {} 바이트 / {} bytes after the end",
            layout.trailing_bytes, layout.trailing_bytes
        ));
    }
    if !other.is_empty() {
        out.push(item(
            MetaKind::Other,
            "그 밖의 숨은 기록",
            "other embedded data",
            other.join(", "),
        ));
    }
}

/// PNG text chunks (tEXt, zTXt, iTXt) and tIME, anywhere in the file.
fn png_items(bytes: &[u8], out: &mut Vec<MetaItem>) {
    let mut i = 8;
    while i + 12 <= bytes.len() {
        let len = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
        let kind = &bytes[i + 4..i + 8];
        let Some(data) = bytes.get(i + 8..i + 8 + len) else {
            break;
        };
        match kind {
            b"tEXt" | b"zTXt" | b"iTXt" => {
                let key_end = data.iter().position(|b| *b == 0).unwrap_or(data.len());
                let key = String::from_utf8_lossy(&data[..key_end]).into_owned();
                if key != "XML:com.adobe.xmp" {
                    let text = if kind == b"tEXt" {
                        String::from_utf8_lossy(data.get(key_end + 1..).unwrap_or_default())
                            .into_owned()
                    } else {
                        "(압축됨 / compressed)".into()
                    };
                    out.push(item(
                        MetaKind::Comment,
                        "PNG 글 기록",
                        "PNG text",
                        format!("{key}: {text}"),
                    ));
                }
            }
            b"tIME" => out.push(item(
                MetaKind::Date,
                "PNG 수정 시각",
                "PNG modification time",
                "tIME",
            )),
            b"IEND" => break,
            _ => {}
        }
        i += 12 + len;
    }
}

fn decoder_items(bytes: &[u8], format: PhotoFormat, out: &mut Vec<MetaItem>) {
    let Some(image_format) = format.image_format() else {
        return;
    };
    let reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let Ok(mut decoder) = reader.into_decoder() else {
        return;
    };
    if let Ok(Some(xmp)) = decoder.xmp_metadata() {
        out.push(item(
            MetaKind::Xmp,
            "XMP 기록 (편집 프로그램·위치·작성자가 들어 있을 수 있음)",
            "XMP data (may hold editor, location, author)",
            format!("{} 바이트 / bytes", xmp.len()),
        ));
    }
    if let Ok(Some(iptc)) = decoder.iptc_metadata() {
        out.push(item(
            MetaKind::Iptc,
            "IPTC·포토샵 기록 (작성자·설명)",
            "IPTC / Photoshop data (author, caption)",
            format!("{} 바이트 / bytes", iptc.len()),
        ));
    }
}

/// A HEIC's XMP item (its EXIF item is read above like any other EXIF).
fn heic_items(bytes: &[u8], out: &mut Vec<MetaItem>) {
    if let Ok(Some(xmp)) = heifer::read_metadata(bytes).map(|m| m.xmp) {
        out.push(item(
            MetaKind::Xmp,
            "XMP 기록 (편집 프로그램·위치·작성자가 들어 있을 수 있음)",
            "XMP data (may hold editor, location, author)",
            format!("{} 바이트 / bytes", xmp.len()),
        ));
    }
}

/// Everything the export will strip from this photo, read from its own bytes. Never fails: unreadable
/// parts are simply not listed (the export re-encodes from pixels either way).
pub fn metadata_report(bytes: &[u8], format: PhotoFormat) -> Vec<MetaItem> {
    let mut out = Vec::new();
    if let Ok(exif) = Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        exif_items(&exif, &mut out);
    }
    match format {
        PhotoFormat::Jpeg => jpeg_items(bytes, &mut out),
        PhotoFormat::Png => png_items(bytes, &mut out),
        PhotoFormat::WebP | PhotoFormat::Tiff => {}
        PhotoFormat::Heic => heic_items(bytes, &mut out),
    }
    // A decoder that panics on a hostile header must not take the window down.
    let mut found = Vec::new();
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        decoder_items(bytes, format, &mut found);
    }))
    .is_ok()
    {
        out.extend(found);
    }
    out
}
