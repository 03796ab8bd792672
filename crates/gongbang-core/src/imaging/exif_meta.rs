//! Why: the owner sees when and with what a photo was taken, and the app must know its orientation and
//! whether it carries a location; broken EXIF must never stop an import.

use std::io::Cursor;

use exif::{In, Reader, Tag, Value};

/// What the app keeps from a photo's EXIF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoMeta {
    /// EXIF orientation 1–8; 1 when absent, 0 or invalid.
    pub orientation: u16,
    /// Date taken as `YYYY-MM-DDTHH:MM:SS` (camera local time).
    pub taken_at: Option<String>,
    pub camera_make: Option<String>,
    pub camera_model: Option<String>,
    /// Whether the photo records where it was taken.
    pub has_gps: bool,
}

/// Reads the EXIF of a JPEG, TIFF, PNG, WebP or HEIC (its EXIF item); missing or broken EXIF gives the
/// defaults. A HEIC whose image carries `irot`/`imir` decodes upright already: its orientation is 1 whatever
/// its EXIF says (iPhones write both).
pub fn read_meta(bytes: &[u8]) -> PhotoMeta {
    let mut meta = read_exif(bytes);
    if meta.orientation != 1 && super::heic::has_transforms(bytes) {
        meta.orientation = 1;
    }
    meta
}

fn read_exif(bytes: &[u8]) -> PhotoMeta {
    let mut meta = PhotoMeta {
        orientation: 1,
        ..PhotoMeta::default()
    };
    let Ok(exif) = Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return meta;
    };
    if let Some(o) = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
    {
        if (1..=8).contains(&o) {
            meta.orientation = o as u16;
        }
    }
    meta.taken_at = [Tag::DateTimeOriginal, Tag::DateTimeDigitized, Tag::DateTime]
        .iter()
        .find_map(|t| exif.get_field(*t, In::PRIMARY))
        .and_then(|f| ascii(&f.value))
        .and_then(|s| normalise_datetime(&s));
    meta.camera_make = exif
        .get_field(Tag::Make, In::PRIMARY)
        .and_then(|f| ascii(&f.value));
    meta.camera_model = exif
        .get_field(Tag::Model, In::PRIMARY)
        .and_then(|f| ascii(&f.value));
    meta.has_gps = exif.fields().any(|f| {
        matches!(
            f.tag,
            Tag::GPSLatitude | Tag::GPSLongitude | Tag::GPSAltitude | Tag::GPSDestLatitude
        )
    });
    meta
}

fn ascii(value: &Value) -> Option<String> {
    let Value::Ascii(parts) = value else {
        return None;
    };
    let text: String = parts
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    let text: String = text.chars().filter(|c| !c.is_control()).take(120).collect();
    (!text.is_empty()).then_some(text)
}

/// `2008:10:22 16:29:49` → `2008-10-22T16:29:49`; anything unparseable gives None.
fn normalise_datetime(s: &str) -> Option<String> {
    chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y:%m:%d %H:%M:%S")
        .ok()
        .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_is_normalised_or_dropped() {
        assert_eq!(
            normalise_datetime("2008:10:22 16:29:49").as_deref(),
            Some("2008-10-22T16:29:49")
        );
        assert_eq!(normalise_datetime("0000:00:00 00:00:00"), None);
        assert_eq!(normalise_datetime("garbage"), None);
    }

    #[test]
    fn no_exif_gives_upright_defaults() {
        let m = read_meta(b"not an image");
        assert_eq!(m.orientation, 1);
        assert!(!m.has_gps);
        assert_eq!(m.taken_at, None);
    }
}
