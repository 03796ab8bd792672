//! Issue 10, item 1: the guard scans what is written, not what was typed. A customer's name in the job's
//! fields and in the video settings reaches description.txt, title.txt, tags.txt, captions.srt, the title
//! card and the thumbnail; the scan must read exactly those texts, the one-click replace must reach them,
//! and the renderer must draw the very strings that were scanned.

use gongbang_testkit as common;

use std::path::Path;

use common::*;
use gongbang_core::export::texts::{export_texts, Place};
use gongbang_core::export::{export_post, youtube};
use gongbang_core::import::import_paths;
use gongbang_core::repo::clients::Policy;
use gongbang_core::repo::jobs::{self, OwnerKind};
use gongbang_core::repo::posts;
use gongbang_core::video::{self, Renderer};
use gongbang_core::{draft, guard, CoreError, JobFields, Library, Platform};

const NAME: &str = "대한정밀";

/// A public customer 대한정밀 whose name is in the job's title and story, two photos, a video draft.
fn customer_video(lib: &mut Library, platform: Platform) -> (i64, i64) {
    let c = new_client(lib, NAME, Policy::Public, &[]).id;
    let job = jobs::create_owned(
        lib.conn(),
        &JobFields {
            title: format!("{NAME} 브래킷"),
            material: "AL6061".into(),
            process: "CNC 밀링".into(),
            ..JobFields::default()
        },
        Some(OwnerKind::Client),
        Some(c),
    )
    .unwrap();
    import_paths(lib, Some(job.id), &photos_in("gps")[..2], |_, _, _| {}).unwrap();
    let post = draft::make_draft(lib, job.id, platform).unwrap();
    let mut v = post.video.clone();
    v.seconds_per_photo = 3.0;
    posts::save_video(lib.conn(), post.id, &v).unwrap();
    (job.id, post.id)
}

fn read(folder: &Path, name: &str) -> String {
    std::fs::read_to_string(folder.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Flag → one-click replace → clean scan → export → no 대한정밀 in any text file.
fn replace_then_export_is_clean(platform: Platform) {
    let (tmp, mut lib) = temp_library();
    let (_job, post_id) = customer_video(&mut lib, platform);
    let post = posts::get(lib.conn(), post_id).unwrap();
    let found = guard::scan(lib.conn(), &post).unwrap();
    assert!(
        found.iter().any(|f| f.text == NAME),
        "the draft is flagged: {found:#?}"
    );
    // The one-click replace, as the window does it (the finding's text and suggestion).
    let fixed = guard::replace_in_saved_post(lib.conn_mut(), post_id, NAME, "고객사").unwrap();
    let left = guard::scan(lib.conn(), &fixed).unwrap();
    assert!(
        left.is_empty(),
        "the scan is clean after the replace: {left:#?}"
    );
    let out = export_post(&mut lib, post_id, tmp.path(), &[]).unwrap();
    let folder = Path::new(&out.folder);
    for name in [
        youtube::files::TITLE,
        youtube::files::DESCRIPTION,
        youtube::files::TAGS,
        youtube::files::CAPTIONS,
    ] {
        let text = read(folder, name);
        assert!(!text.contains(NAME), "{name} ships {NAME}:\n{text}");
        assert!(!text.contains("대한"), "{name}:\n{text}");
    }
    // The owner's job record is kept as typed.
    let job = jobs::get(lib.conn(), fixed.job_id).unwrap();
    assert_eq!(job.fields.title, format!("{NAME} 브래킷"));
}

#[test]
fn youtube_replace_reaches_every_text_the_package_writes() {
    replace_then_export_is_clean(Platform::Youtube);
}

#[test]
fn shorts_replace_reaches_every_text_the_package_writes() {
    replace_then_export_is_clean(Platform::Shorts);
}

/// A name typed only into the title card's second line (a video setting) refuses the export.
#[test]
fn a_flagged_title_card_subtitle_refuses_the_export() {
    let (tmp, mut lib) = temp_library();
    let (_job, post_id) = customer_video(&mut lib, Platform::Youtube);
    guard::replace_in_saved_post(lib.conn_mut(), post_id, NAME, "고객사").unwrap();
    let post = posts::get(lib.conn(), post_id).unwrap();
    let mut v = post.video.clone();
    v.title_card = "브래킷 가공".into();
    v.title_card_sub = format!("{NAME} 납품");
    let post = posts::save_video(lib.conn(), post_id, &v).unwrap();
    let found = guard::scan(lib.conn(), &post).unwrap();
    assert!(found.iter().any(|f| f.text == NAME), "{found:#?}");
    let out = tmp.path().join("out");
    let e = export_post(&mut lib, post_id, &out, &[]).unwrap_err();
    assert!(
        matches!(&e, CoreError::FlaggedText { terms } if terms == &vec![NAME.to_string()]),
        "{e}"
    );
    assert!(!out.exists(), "nothing written");
}

/// The owner cleans the post's own text by hand; the job record still names the customer. The scan reads
/// what the export writes, so it flags the name, and the export is refused.
#[test]
fn a_name_left_only_in_the_job_record_is_flagged_and_refused() {
    let (tmp, mut lib) = temp_library();
    let (_job, post_id) = customer_video(&mut lib, Platform::Youtube);
    let mut post = posts::get(lib.conn(), post_id).unwrap();
    guard::replace_in_post(&mut post, NAME, "고객사");
    let post = posts::save_text(lib.conn_mut(), &post).unwrap();
    let rules = guard::scan_rules(lib.conn()).unwrap();
    assert!(
        guard::scan_post(&post, &rules).is_empty(),
        "the post's own text is clean"
    );
    let found = guard::scan(lib.conn(), &post).unwrap();
    assert!(found.iter().any(|f| f.text == NAME), "{found:#?}");
    let out = tmp.path().join("out");
    let e = export_post(&mut lib, post_id, &out, &[]).unwrap_err();
    assert!(matches!(&e, CoreError::FlaggedText { .. }), "{e}");
    assert!(!out.exists(), "nothing written");
}

/// Each finding outside the post's own text says where the export writes or draws it.
#[test]
fn findings_say_where_the_export_writes_them() {
    let (_tmp, mut lib) = temp_library();
    let (_job, post_id) = customer_video(&mut lib, Platform::Youtube);
    let mut post = posts::get(lib.conn(), post_id).unwrap();
    guard::replace_in_post(&mut post, NAME, "고객사");
    let post = posts::save_text(lib.conn_mut(), &post).unwrap();
    let found = guard::scan(lib.conn(), &post).unwrap();
    let places: Vec<&Place> = found.iter().map(|f| &f.place).collect();
    let file = |name: &str| Place::File { name: name.into() };
    // (The thumbnail shows the post's title, which is clean.)
    for want in [
        Place::TitleCard,
        file(youtube::files::DESCRIPTION),
        file(youtube::files::CAPTIONS),
    ] {
        assert!(places.contains(&&want), "{want:?} in {places:#?}");
    }
    assert!(!places.contains(&&Place::Post), "{places:#?}");
    let texts = export_texts(lib.conn(), &post).unwrap();
    for f in &found {
        assert!(f.where_ko.is_some() && f.where_en.is_some(), "{f:#?}");
        let piece = texts
            .pieces()
            .into_iter()
            .find(|p| p.place == f.place)
            .unwrap();
        assert!(piece.text.contains(&f.text), "{f:#?}");
    }
    // The subtitle and the end card come from elsewhere: a name there is found there.
    let mut v = post.video.clone();
    v.title_card = "브래킷".into();
    v.title_card_sub = format!("{NAME} 납품");
    let post = posts::save_video(lib.conn(), post_id, &v).unwrap();
    let found = guard::scan(lib.conn(), &post).unwrap();
    assert!(
        found
            .iter()
            .any(|f| f.place == Place::TitleCardSub && f.text == NAME),
        "{found:#?}"
    );
}

fn title_frame(r: &Renderer) -> Vec<u8> {
    let (mut out, mut scratch) = (r.blank(), r.blank());
    let f = (0..r.plan.total_frames)
        .find(|f| r.still_at(*f) == Some(0))
        .unwrap();
    r.frame(f, &mut out, &mut scratch);
    out.into_raw()
}

/// The renderer (preview and export) draws the very strings the guard scanned: its title card is the one
/// made from the scanned strings, not the one the job record would give.
#[test]
fn the_renderer_draws_exactly_the_scanned_strings() {
    let (_tmp, mut lib) = temp_library();
    let (job_id, post_id) = customer_video(&mut lib, Platform::Youtube);
    guard::replace_in_saved_post(lib.conn_mut(), post_id, NAME, "고객사").unwrap();
    let post = posts::get(lib.conn(), post_id).unwrap();
    let texts = export_texts(lib.conn(), &post).unwrap();
    let drawn = texts.drawn.clone().unwrap();
    assert_eq!(drawn.title_card, "고객사 브래킷");
    assert_eq!(drawn.title_card_sub, "AL6061 · CNC 밀링");
    // Every drawn string is among the scanned pieces.
    let pieces = texts.pieces();
    let scanned =
        |place: Place, text: &str| pieces.iter().any(|p| p.place == place && p.text == text);
    assert!(scanned(Place::TitleCard, &drawn.title_card));
    assert!(scanned(Place::TitleCardSub, &drawn.title_card_sub));
    assert!(scanned(Place::EndCard, &drawn.end_card_name));
    assert!(scanned(
        Place::Thumbnail,
        drawn.thumbnail.as_deref().unwrap()
    ));
    let job = jobs::get(lib.conn(), job_id).unwrap();
    assert_eq!(
        job.fields.title,
        format!("{NAME} 브래킷"),
        "the record is kept"
    );
    let preview = video::renderer_for(&lib, &post, 0.2).unwrap();
    let from_scan = video::build::renderer_with(&lib, &post, &drawn, 0.2).unwrap();
    let mut leaked = drawn.clone();
    leaked.title_card = job.fields.title.clone();
    let from_record = video::build::renderer_with(&lib, &post, &leaked, 0.2).unwrap();
    assert!(title_frame(&preview) == title_frame(&from_scan));
    assert!(title_frame(&preview) != title_frame(&from_record));
}
