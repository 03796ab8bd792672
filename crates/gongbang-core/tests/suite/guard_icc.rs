//! The leak guard on colour profiles (issue 10, item 6): a real photo carrying an ICC profile whose texts
//! (description, copyright, a private tag) name a customer and a drawing goes through import and export;
//! what leaves holds none of that text, only the app's own canonical profile (recognised by content), and
//! pixels of an unknown profile are converted to sRGB.

use gongbang_testkit as common;

use std::path::{Path, PathBuf};

use common::*;
use gongbang_core::export::export_post;
use gongbang_core::import::import_paths;
use gongbang_core::{draft, JobFields, Library, Platform};

const SECRET_KO: &str = "대한정밀";
const SECRET_CODE: &str = "DWG-1234";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn utf16be(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

/// The app's canonical profiles as shipped (`assets/icc/`).
fn canonical(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../assets/icc")
            .join(name),
    )
    .unwrap()
}

/// The ICC profile of a JPEG (its APP2 `ICC_PROFILE` chunks joined), if any.
fn jpeg_icc(jpeg: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xFF {
        let marker = jpeg[i + 1];
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let len = usize::from(u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
        let payload = &jpeg[i + 4..i + 2 + len];
        if marker == 0xE2 && payload.starts_with(b"ICC_PROFILE\0") {
            out.extend_from_slice(&payload[14..]);
        }
        i += 2 + len;
    }
    (!out.is_empty()).then_some(out)
}

/// `jpeg` with its ICC profile replaced by `icc` (one APP2 right after SOI), or removed when `None`.
fn with_icc(jpeg: &[u8], icc: Option<&[u8]>) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    if let Some(icc) = icc {
        let len = 2 + 14 + icc.len();
        out.extend_from_slice(&[0xFF, 0xE2]);
        out.extend_from_slice(&(len as u16).to_be_bytes());
        out.extend_from_slice(b"ICC_PROFILE\0\x01\x01");
        out.extend_from_slice(icc);
    }
    let mut i = 2;
    while i + 4 <= jpeg.len() && jpeg[i] == 0xFF {
        let marker = jpeg[i + 1];
        if marker == 0xDA {
            break;
        }
        let len = usize::from(u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
        let payload = &jpeg[i + 4..i + 2 + len];
        if !(marker == 0xE2 && payload.starts_with(b"ICC_PROFILE\0")) {
            out.extend_from_slice(&jpeg[i..i + 2 + len]);
        }
        i += 2 + len;
    }
    out.extend_from_slice(&jpeg[i..]);
    out
}

/// The tags of an ICC profile: (signature, data).
fn icc_tags(icc: &[u8]) -> Vec<([u8; 4], Vec<u8>)> {
    let be = |o: usize| u32::from_be_bytes(icc[o..o + 4].try_into().unwrap()) as usize;
    (0..be(128))
        .map(|n| {
            let e = 132 + 12 * n;
            let sig: [u8; 4] = icc[e..e + 4].try_into().unwrap();
            let (off, size) = (be(e + 4), be(e + 8));
            (sig, icc[off..off + size].to_vec())
        })
        .collect()
}

/// A profile from a header and tags (laid out anew, 4-byte aligned, profile ID cleared).
fn build_icc(header: &[u8], version4: bool, tags: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut h = header[..128].to_vec();
    if version4 {
        h[8..12].copy_from_slice(&[4, 0x30, 0, 0]);
    }
    h[84..100].fill(0);
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut data = Vec::new();
    let base = 128 + 4 + 12 * tags.len();
    for (sig, d) in tags {
        table.extend_from_slice(sig);
        table.extend_from_slice(&((base + data.len()) as u32).to_be_bytes());
        table.extend_from_slice(&(d.len() as u32).to_be_bytes());
        data.extend_from_slice(d);
        while data.len() % 4 != 0 {
            data.push(0);
        }
    }
    let mut out = h;
    out.extend(table);
    out.extend(data);
    let size = out.len() as u32;
    out[0..4].copy_from_slice(&size.to_be_bytes());
    out
}

fn mluc(text: &str) -> Vec<u8> {
    let s = utf16be(text);
    let mut v = b"mluc\0\0\0\0".to_vec();
    v.extend_from_slice(&1u32.to_be_bytes());
    v.extend_from_slice(&12u32.to_be_bytes());
    v.extend_from_slice(b"koKR");
    v.extend_from_slice(&(s.len() as u32).to_be_bytes());
    v.extend_from_slice(&28u32.to_be_bytes());
    v.extend(s);
    v
}

fn text_tag(text: &str) -> Vec<u8> {
    let mut v = b"text\0\0\0\0".to_vec();
    v.extend_from_slice(text.as_bytes());
    v.push(0);
    v
}

fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut v = b"XYZ \0\0\0\0".to_vec();
    for c in [x, y, z] {
        v.extend_from_slice(&((c * 65536.0).round() as i32).to_be_bytes());
    }
    v
}

fn gamma_curve(g: f64) -> Vec<u8> {
    let mut v = b"curv\0\0\0\0".to_vec();
    v.extend_from_slice(&1u32.to_be_bytes());
    v.extend_from_slice(&((g * 256.0).round() as u16).to_be_bytes());
    v
}

/// Canon 40D's real sRGB profile (HP's "sRGB IEC61966-2.1") with tags replaced or added.
fn edited_srgb(replace: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let src = std::fs::read(canon()).unwrap();
    let icc = jpeg_icc(&src).expect("the Canon 40D photo carries a profile");
    let mut tags = icc_tags(&icc);
    for (sig, d) in replace {
        match tags.iter_mut().find(|(s, _)| s == sig) {
            Some(t) => t.1 = d.clone(),
            None => tags.push((*sig, d.clone())),
        }
    }
    build_icc(&icc, true, &tags)
}

fn canon() -> PathBuf {
    photos_dir().join("cameras/Canon_40D.jpg")
}

/// The texts every profile under test carries: the description, the copyright and a private tag.
fn secret_texts(desc: &str) -> Vec<([u8; 4], Vec<u8>)> {
    vec![
        (*b"desc", mluc(desc)),
        (*b"cprt", mluc(&format!("(c) {SECRET_KO} 품질관리팀"))),
        (*b"dmdd", mluc(&format!("{SECRET_KO} 스캐너 {SECRET_CODE}"))),
        (
            *b"gbPv",
            text_tag(&format!("{SECRET_KO} 도면 {SECRET_CODE} 고객용")),
        ),
    ]
}

/// Imports `files` (each in its own job, in order) and exports each as a Naver post; the exported photo
/// bytes in the same order.
fn import_and_export(lib: &mut Library, out: &Path, files: &[PathBuf]) -> Vec<(PathBuf, Vec<u8>)> {
    files
        .iter()
        .map(|f| {
            let job = own_job(lib, &JobFields::default());
            let s = import_paths(lib, Some(job.id), std::slice::from_ref(f), |_, _, _| {}).unwrap();
            assert_eq!(s.imported, 1, "{}: {:#?}", f.display(), s.items);
            let post = draft::make_draft(lib, job.id, Platform::Naver).unwrap();
            let folder = PathBuf::from(export_post(lib, post.id, out, &[]).unwrap().folder);
            let photo = folder.join("photos/01.jpg");
            let bytes = std::fs::read(&photo).unwrap();
            (photo, bytes)
        })
        .collect()
}

fn assert_no_secret_text(name: &str, bytes: &[u8]) {
    for needle in [
        SECRET_KO.as_bytes().to_vec(),
        utf16be(SECRET_KO),
        SECRET_CODE.as_bytes().to_vec(),
        utf16be(SECRET_CODE),
    ] {
        assert!(
            !contains(bytes, &needle),
            "{name}: the exported photo still holds the profile's text ({needle:02X?})"
        );
    }
}

fn exif_desc(path: &Path) -> Option<String> {
    exiftool(path)
        .get("ICC_Profile:ProfileDescription")
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Mean of each channel and mean saturation (max − min) of an image.
fn stats(img: &image::RgbImage) -> ([f64; 3], f64) {
    let n = f64::from(img.width() * img.height());
    let mut sum = [0f64; 3];
    let mut sat = 0f64;
    for p in img.pixels() {
        for (s, v) in sum.iter_mut().zip(p.0) {
            *s += f64::from(v);
        }
        sat += f64::from(*p.0.iter().max().unwrap() - *p.0.iter().min().unwrap());
    }
    (sum.map(|s| s / n), sat / n)
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn an_unknown_profile_with_a_customers_name_is_applied_and_replaced_by_the_standard_srgb() {
    let tmp = tempfile::tempdir().unwrap();
    let (_lib_dir, mut lib) = temp_library();
    let photo = std::fs::read(canon()).unwrap();
    // A made-up wide profile (ProPhoto-like primaries, gamma 1.8) whose texts name the customer.
    let mut tags = secret_texts(&format!("{SECRET_KO} {SECRET_CODE} 스캐너 프로파일"));
    tags.extend([
        (*b"rXYZ", xyz(0.7977, 0.2880, 0.0)),
        (*b"gXYZ", xyz(0.1352, 0.7119, 0.0)),
        (*b"bXYZ", xyz(0.0313, 0.0001, 0.8249)),
        (*b"rTRC", gamma_curve(1.8)),
        (*b"gTRC", gamma_curve(1.8)),
        (*b"bTRC", gamma_curve(1.8)),
        (*b"wtpt", xyz(0.9642, 1.0, 0.8249)),
    ]);
    let icc = edited_srgb(&tags);
    assert!(contains(&icc, &utf16be(SECRET_KO)) && contains(&icc, SECRET_CODE.as_bytes()));
    let with_profile = tmp.path().join("scan_wide.jpg");
    std::fs::write(&with_profile, with_icc(&photo, Some(&icc))).unwrap();
    // The same pixels with no profile at all: what "unconverted" looks like after the same export.
    let bare = tmp.path().join("scan_bare.jpg");
    std::fs::write(&bare, with_icc(&photo, None)).unwrap();
    // The checker reads the planted profile on the source.
    let planted = exiftool(&with_profile);
    assert!(
        planted
            .get("ICC_Profile:ProfileDescription-ko-KR")
            .is_some_and(|d| d.to_string().contains(SECRET_CODE)),
        "{planted:#?}"
    );

    let out = tmp.path().join("out");
    let got = import_and_export(&mut lib, &out, &[with_profile, bare]);
    let (path, bytes) = &got[0];
    assert_no_secret_text("wide profile", bytes);
    assert_no_metadata(path);
    assert_eq!(
        jpeg_icc(bytes).as_deref(),
        Some(&canonical("sRGB.icc")[..]),
        "the exported photo carries the app's own sRGB profile, byte for byte"
    );
    assert_eq!(exif_desc(path).as_deref(), Some("sRGB IEC61966-2.1"));
    let tags = exiftool(path);
    assert!(!tags.values().any(|v| v.to_string().contains(SECRET_CODE)));

    // The pixels were converted: gamma 1.8 and wide primaries seen in sRGB are brighter and more saturated.
    let converted = image::load_from_memory(bytes).unwrap().to_rgb8();
    let unconverted = image::load_from_memory(&got[1].1).unwrap().to_rgb8();
    assert_eq!(converted.dimensions(), unconverted.dimensions());
    let ((mc, sc), (mu, su)) = (stats(&converted), stats(&unconverted));
    for c in 0..3 {
        assert!(
            mc[c] > mu[c] + 5.0,
            "channel {c}: {mc:?} vs unconverted {mu:?}"
        );
    }
    assert!(sc > su + 2.0, "saturation {sc} vs unconverted {su}");
    // And a mid-grey pixel of the unconverted export is brighter after conversion (1.8 → sRGB curve).
    let (x, y) = unconverted
        .enumerate_pixels()
        .find(|(_, _, p)| {
            let [r, g, b] = p.0;
            (90..150).contains(&g) && r.abs_diff(g) < 6 && b.abs_diff(g) < 6
        })
        .map(|(x, y, _)| (x, y))
        .expect("the photo has a mid-grey pixel");
    let (before, after) = (unconverted.get_pixel(x, y).0, converted.get_pixel(x, y).0);
    assert!(
        after[1] > before[1] + 8,
        "grey at {x},{y}: {before:?} → {after:?}"
    );
    // The unconverted one carried no profile and gets none.
    assert_eq!(jpeg_icc(&got[1].1), None);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs exiftool/ffprobe/ffmpeg, which run on Linux (this test runs there)"
)]
fn known_profiles_are_recognised_by_content_and_written_as_the_apps_own_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let (_lib_dir, mut lib) = temp_library();
    let photo = std::fs::read(canon()).unwrap();
    // (b) The real sRGB profile with its description edited to name the customer.
    let srgb = edited_srgb(&secret_texts(&format!("{SECRET_KO} {SECRET_CODE}")));
    // (c) Display P3 (sRGB curves, P3 primaries) and Adobe RGB (1998) (gamma 563/256), both with the
    // customer's name in every text and a description that does not say what they are.
    let mut p3 = secret_texts(&format!("{SECRET_KO} 모니터"));
    p3.extend([
        (*b"rXYZ", xyz(0.5151, 0.2412, -0.0011)),
        (*b"gXYZ", xyz(0.2920, 0.6922, 0.0419)),
        (*b"bXYZ", xyz(0.1571, 0.0666, 0.7841)),
    ]);
    let p3 = edited_srgb(&p3);
    let mut adobe = secret_texts(&format!("{SECRET_CODE} 출력용"));
    adobe.extend([
        (*b"rXYZ", xyz(0.60974, 0.31111, 0.01947)),
        (*b"gXYZ", xyz(0.20528, 0.62567, 0.06087)),
        (*b"bXYZ", xyz(0.14919, 0.06322, 0.74457)),
        (*b"rTRC", gamma_curve(2.19921875)),
        (*b"gTRC", gamma_curve(2.19921875)),
        (*b"bTRC", gamma_curve(2.19921875)),
    ]);
    let adobe = edited_srgb(&adobe);
    let cases = [
        ("srgb", srgb, "sRGB.icc", "sRGB IEC61966-2.1"),
        ("p3", p3, "DisplayP3.icc", "Display P3"),
        ("adobe", adobe, "AdobeRGB1998.icc", "Adobe RGB (1998)"),
    ];
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|(name, icc, _, _)| {
            let f = tmp.path().join(format!("{name}.jpg"));
            std::fs::write(&f, with_icc(&photo, Some(icc))).unwrap();
            f
        })
        .collect();
    let out = tmp.path().join("out");
    let got = import_and_export(&mut lib, &out, &files);
    let bare = image::load_from_memory(&with_icc(&photo, None))
        .unwrap()
        .to_rgb8();
    for ((name, _, file, desc), (path, bytes)) in cases.iter().zip(&got) {
        assert_no_secret_text(name, bytes);
        // Nothing of the source profile's other texts either (HP's maker and device descriptions).
        for other in [
            "Hewlett-Packard",
            "IEC http://www.iec.ch",
            "Reference Viewing Condition",
        ] {
            assert!(!contains(bytes, other.as_bytes()), "{name}: {other}");
        }
        assert_no_metadata(path);
        assert_eq!(
            jpeg_icc(bytes).as_deref(),
            Some(&canonical(file)[..]),
            "{name}: the app's canonical {file}, never the source's bytes"
        );
        assert_eq!(exif_desc(path).as_deref(), Some(*desc), "{name}");
        // A known profile is written, not applied: the pixels are the photo's own (up to resize + JPEG).
        let exported = image::load_from_memory(bytes).unwrap().to_rgb8();
        let (m_out, _) = stats(&exported);
        let (m_src, _) = stats(&bare);
        for c in 0..3 {
            assert!(
                (m_out[c] - m_src[c]).abs() < 2.0,
                "{name}: channel {c} moved: {m_out:?} vs {m_src:?}"
            );
        }
    }
}
