//! The library (issue 14) on real SQLite files and real photos: search by any part of a Korean word (1, 2
//! and 3+ characters, NFD and NFC alike), the filters, archive and removal with undo and the purge that
//! keeps originals still used, empty jobs, products and the strictest verdict of a product post, a
//! customer's page, and a library of schema 7 brought up to date and searchable.

use std::path::Path;

use gongbang_core::domain::{HitKind, JobKind, LibraryFilter, PostedFilter, ProductInput};
use gongbang_core::import::import_paths;
use gongbang_core::ops::{self, ClientInput, OwnerKind, PhotoRole, Policy};
use gongbang_core::{CoreError, JobFields, Library, Platform};
use gongbang_testkit::*;

fn job(lib: &Library, title: &str, material: &str, process: &str) -> i64 {
    own_job(
        lib,
        &JobFields {
            title: title.into(),
            material: material.into(),
            process: process.into(),
            ..JobFields::default()
        },
    )
    .id
}

fn import(lib: &mut Library, job: i64, files: &[std::path::PathBuf]) -> Vec<i64> {
    let s = import_paths(lib, Some(job), files, |_, _, _| {}).unwrap();
    assert_eq!(s.rejected, 0);
    ops::photos::for_job(lib, job)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect()
}

fn product(lib: &Library, name: &str) -> i64 {
    ops::products::save(
        lib,
        &ProductInput {
            name: name.into(),
            material: "SUS304".into(),
            process: "CNC 선반".into(),
            ..ProductInput::default()
        },
    )
    .unwrap()
    .id
}

fn hits(lib: &Library, text: &str) -> Vec<(HitKind, i64)> {
    ops::library::search(lib, text, 100)
        .unwrap()
        .into_iter()
        .map(|h| (h.kind, h.id))
        .collect()
}

fn page_ids(lib: &Library, f: &LibraryFilter) -> Vec<i64> {
    ops::library::page(lib, f, 0, 100)
        .unwrap()
        .jobs
        .iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn search_finds_korean_by_any_part_of_a_word_with_one_two_and_more_characters() {
    let (_t, lib) = temp_library();
    let shaft = job(&lib, "스테인리스 샤프트 가공", "SUS304", "CNC 선반");
    let flange = job(&lib, "알루미늄 플랜지", "AL6061", "머시닝센터");
    let c = new_client(&lib, "대한정밀공업", Policy::Public, &["대정"]);
    // A middle part of a word (3+ characters: the trigram index).
    assert!(hits(&lib, "테인리").contains(&(HitKind::Job, shaft)));
    assert!(!hits(&lib, "테인리").contains(&(HitKind::Job, flange)));
    // Two characters and one character: the scan of the index's text.
    assert!(hits(&lib, "프트").contains(&(HitKind::Job, shaft)));
    assert!(hits(&lib, "랜").contains(&(HitKind::Job, flange)));
    assert!(!hits(&lib, "랜").contains(&(HitKind::Job, shaft)));
    // Fields, customers and their aliases, mixed case.
    assert!(hits(&lib, "al606").contains(&(HitKind::Job, flange)));
    assert!(hits(&lib, "Al").contains(&(HitKind::Job, flange)));
    assert!(hits(&lib, "sU").contains(&(HitKind::Job, shaft)));
    assert!(!hits(&lib, "sU").contains(&(HitKind::Job, flange)));
    assert!(hits(&lib, "시닝").contains(&(HitKind::Job, flange)));
    assert!(hits(&lib, "정밀공").contains(&(HitKind::Customer, c.id)));
    assert!(hits(&lib, "대정").contains(&(HitKind::Customer, c.id)));
    // Two words must both be there.
    assert!(hits(&lib, "샤프트 SUS").contains(&(HitKind::Job, shaft)));
    assert!(hits(&lib, "샤프트 AL6061").is_empty());
    // Nothing found, and a blank query, are empty answers, not errors.
    assert!(hits(&lib, "없는말입니다").is_empty());
    assert!(hits(&lib, "   ").is_empty());
    // An edit is searchable at once, the old words no longer.
    ops::jobs::update(
        &lib,
        shaft,
        &JobFields {
            title: "황동 부싱".into(),
            ..JobFields::default()
        },
    )
    .unwrap();
    assert!(hits(&lib, "부싱").contains(&(HitKind::Job, shaft)));
    assert!(!hits(&lib, "테인리").contains(&(HitKind::Job, shaft)));
}

#[test]
fn decomposed_hangul_finds_composed_text_and_back() {
    use unicode_normalization::UnicodeNormalization;
    let (_t, lib) = temp_library();
    let composed = job(&lib, "정밀 샤프트", "", "");
    let typed_nfd: String = "베어링 하우징".nfd().collect();
    assert_ne!(typed_nfd, "베어링 하우징");
    let decomposed = job(&lib, &typed_nfd, "", "");
    let query_nfd: String = "샤프트".nfd().collect();
    assert!(hits(&lib, &query_nfd).contains(&(HitKind::Job, composed)));
    assert!(hits(&lib, "하우징").contains(&(HitKind::Job, decomposed)));
    // Short ones too (the scan compares NFC with NFC).
    let short_nfd: String = "우징".nfd().collect();
    assert!(hits(&lib, &short_nfd).contains(&(HitKind::Job, decomposed)));
}

#[test]
fn captions_and_post_text_are_searched_and_lead_to_their_job() {
    let (_t, mut lib) = temp_library();
    let j = job(&lib, "커플링", "S45C", "선반");
    let ids = import(&mut lib, j, &photos_in("cameras")[..2]);
    ops::photos::set_meta(
        &lib,
        j,
        ids[0],
        Some(PhotoRole::Finished),
        "완성된 커플링 측정값",
    )
    .unwrap();
    let found = ops::library::search(&lib, "측정값", 10).unwrap();
    assert!(found
        .iter()
        .any(|h| h.kind == HitKind::Photo && h.id == ids[0] && h.job_id == Some(j)));
    let post = ops::posts::make_draft(&mut lib, j, Platform::Naver).unwrap();
    let mut edited = post.clone();
    edited.title = "주문 제작 커플링 납품기".into();
    ops::posts::save_text(&mut lib, &edited).unwrap();
    let found = ops::library::search(&lib, "납품기", 10).unwrap();
    assert!(found
        .iter()
        .any(|h| h.kind == HitKind::Post && h.id == post.id && h.job_id == Some(j)));
    // The library's text filter finds the job by its caption.
    let f = LibraryFilter {
        text: "측정값".into(),
        ..LibraryFilter::default()
    };
    assert_eq!(page_ids(&lib, &f), vec![j]);
    // The photo wall with the same text shows that photo, not every photo of the job.
    let wall = ops::library::photos(&lib, "측정값", 0, 50).unwrap();
    assert_eq!(wall.total, 1);
    assert_eq!(wall.photos[0].photo_id, ids[0]);
}

#[test]
fn the_filters_narrow_the_cards_and_empty_jobs_never_show() {
    let (_t, mut lib) = temp_library();
    let c = new_client(&lib, "한빛기계", Policy::Public, &[]);
    let a = job(&lib, "샤프트", "SUS304", "CNC 선반");
    let b = ops::jobs::create(
        &lib,
        &JobFields {
            title: "브래킷".into(),
            material: "AL6061".into(),
            process: "머시닝센터".into(),
            ..JobFields::default()
        },
        Some(OwnerKind::Client),
        Some(c.id),
    )
    .unwrap()
    .id;
    import(&mut lib, b, &photos_in("gps")[..1]);
    // An empty job (the "(제목 없음)" of 새 작업) is not a card.
    let empty = ops::session::new_job(&lib).unwrap().job.id;
    let all = page_ids(&lib, &LibraryFilter::default());
    assert_eq!(all, vec![b, a], "newest first, no empty job");
    assert!(!all.contains(&empty));
    let only = |f: LibraryFilter| page_ids(&lib, &f);
    assert_eq!(
        only(LibraryFilter {
            client_id: Some(c.id),
            ..Default::default()
        }),
        vec![b]
    );
    assert_eq!(
        only(LibraryFilter {
            material: "SUS304".into(),
            ..Default::default()
        }),
        vec![a]
    );
    assert_eq!(
        only(LibraryFilter {
            process: "머시닝센터".into(),
            ..Default::default()
        }),
        vec![b]
    );
    let year: i32 = chrono_year();
    assert_eq!(
        only(LibraryFilter {
            year: Some(year),
            ..Default::default()
        })
        .len(),
        2
    );
    assert!(only(LibraryFilter {
        year: Some(year - 5),
        ..Default::default()
    })
    .is_empty());
    assert_eq!(
        only(LibraryFilter {
            posted: PostedFilter::Unposted,
            ..Default::default()
        })
        .len(),
        2
    );
    assert!(only(LibraryFilter {
        posted: PostedFilter::Posted,
        ..Default::default()
    })
    .is_empty());
    let p = product(&lib, "정밀 샤프트");
    ops::products::set_job_product(&lib, a, Some(p)).unwrap();
    assert_eq!(
        only(LibraryFilter {
            product_id: Some(p),
            ..Default::default()
        }),
        vec![a]
    );
    // The card: counts, cover (first photo by position), customer, product.
    let page = ops::library::page(&lib, &LibraryFilter::default(), 0, 1).unwrap();
    assert_eq!(page.total_jobs, 2);
    assert_eq!(page.jobs.len(), 1, "paged");
    let card = &page.jobs[0];
    assert_eq!(card.id, b);
    assert_eq!(card.photo_count, 1);
    assert!(card.cover_hash.is_some());
    assert_eq!(card.client_name.as_deref(), Some("한빛기계"));
    assert_eq!(page.products.len(), 1);
    // The filters' choices come from the jobs.
    let choices = ops::library::filters(&lib).unwrap();
    assert_eq!(choices.materials, vec!["AL6061", "SUS304"]);
    assert_eq!(choices.clients.len(), 1);
    assert_eq!(choices.years, vec![year]);
    // A customer filter leaves out the product none of whose jobs is that customer's.
    let page = ops::library::page(
        &lib,
        &LibraryFilter {
            client_id: Some(c.id),
            ..Default::default()
        },
        0,
        10,
    )
    .unwrap();
    assert!(page.products.is_empty());
}

fn chrono_year() -> i32 {
    let now = gongbang_core::db::today();
    now[..4].parse().unwrap()
}

#[test]
fn archive_and_removal_hide_at_once_and_undo_brings_back() {
    let (_t, lib) = temp_library();
    let a = job(&lib, "샤프트", "SUS304", "");
    let b = job(&lib, "플랜지", "SUS304", "");
    ops::library::archive_job(&lib, a).unwrap();
    assert_eq!(page_ids(&lib, &LibraryFilter::default()), vec![b]);
    let archive = LibraryFilter {
        archived: true,
        ..Default::default()
    };
    assert_eq!(page_ids(&lib, &archive), vec![a]);
    ops::library::unarchive_job(&lib, a).unwrap();
    assert_eq!(page_ids(&lib, &LibraryFilter::default()), vec![b, a]);

    let removal = ops::library::remove_job(&lib, b).unwrap();
    assert_eq!(removal.id, b);
    assert_eq!(removal.title, "플랜지");
    assert_eq!(page_ids(&lib, &LibraryFilter::default()), vec![a]);
    assert!(
        hits(&lib, "플랜지").is_empty(),
        "a removed job is not found"
    );
    assert!(ops::jobs::list(&lib).unwrap().iter().all(|j| j.id != b));
    ops::library::undo_removal(&lib, removal.removal_id).unwrap();
    assert_eq!(page_ids(&lib, &LibraryFilter::default()), vec![b, a]);
    assert!(hits(&lib, "플랜지").contains(&(HitKind::Job, b)));
    // Undo twice: plain words, nothing changes.
    let e = ops::library::undo_removal(&lib, removal.removal_id).unwrap_err();
    assert_eq!(e.code(), "no_such_removal");

    // A product: removed with its links kept for undo.
    let p = product(&lib, "정밀 플랜지");
    ops::products::set_job_product(&lib, b, Some(p)).unwrap();
    let r = ops::products::remove(&lib, p).unwrap();
    assert!(ops::products::list(&lib, true).unwrap().is_empty());
    assert_eq!(ops::jobs::get(&lib, b).unwrap().product_id, None);
    assert_eq!(
        page_ids(&lib, &LibraryFilter::default()),
        vec![b, a],
        "its jobs stay"
    );
    ops::library::undo_removal(&lib, r.removal_id).unwrap();
    assert_eq!(ops::jobs::get(&lib, b).unwrap().product_id, Some(p));
    assert_eq!(ops::products::list(&lib, false).unwrap()[0].job_count, 1);
    // Archived products show in the archive only.
    ops::products::archive(&lib, p).unwrap();
    assert!(ops::products::list(&lib, false).unwrap().is_empty());
    assert_eq!(
        ops::library::page(&lib, &archive, 0, 10)
            .unwrap()
            .products
            .len(),
        1
    );
}

fn original_of(lib: &Library, photo_id: i64) -> (String, bool) {
    let p = ops::photos::find(lib, &photo_id.to_string()).unwrap();
    let ext = if p.format == "jpeg" { "jpg" } else { &p.format };
    let shard = &p.hash[..2];
    let path = lib
        .root()
        .join("originals")
        .join(shard)
        .join(format!("{}.{ext}", p.hash));
    (p.hash.clone(), path.exists())
}

fn stored_exists(root: &Path, hash: &str) -> bool {
    std::fs::read_dir(root.join("originals").join(&hash[..2])).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(hash))
    })
}

#[test]
fn the_purge_keeps_originals_still_used_and_deletes_the_unused_ones() {
    let (_t, mut lib) = temp_library();
    let a = job(&lib, "지울 작업", "", "");
    let b = job(&lib, "남길 작업", "", "");
    let ids = import(&mut lib, a, &photos_in("cameras")[..3]);
    let (shared, kept_cover, lone) = (ids[0], ids[1], ids[2]);
    ops::library::add_photo_to_job(&lib, shared, b).unwrap();
    let p = product(&lib, "표지 제품");
    ops::products::save(
        &lib,
        &ProductInput {
            id: Some(p),
            name: "표지 제품".into(),
            cover_photo_id: Some(kept_cover),
            ..ProductInput::default()
        },
    )
    .unwrap();
    let hashes: Vec<String> = ids.iter().map(|id| original_of(&lib, *id).0).collect();
    assert!(ids.iter().all(|id| original_of(&lib, *id).1));
    let source_files: Vec<_> = photos_in("cameras")[..3].to_vec();

    ops::library::remove_job(&lib, a).unwrap();
    // Within 30 days nothing is purged.
    assert_eq!(
        ops::library::purge_removed(&lib, 30 * 24 * 3600 * 1000).unwrap(),
        0
    );
    assert!(stored_exists(lib.root(), &hashes[2]));
    // Due: the job goes; the photo only it used leaves the store, the others stay.
    assert_eq!(ops::library::purge_removed(&lib, 0).unwrap(), 1);
    assert!(matches!(
        ops::jobs::get(&lib, a).unwrap_err(),
        CoreError::NoSuchJob(_)
    ));
    assert!(stored_exists(lib.root(), &hashes[0]), "in another job");
    assert!(stored_exists(lib.root(), &hashes[1]), "a product's cover");
    assert!(!stored_exists(lib.root(), &hashes[2]), "used by nothing");
    assert!(!lib
        .root()
        .join("thumbs")
        .join(&hashes[2][..2])
        .join(format!("{}.jpg", hashes[2]))
        .exists());
    assert!(ops::photos::find(&lib, &lone.to_string()).is_err());
    assert!(ops::photos::find(&lib, &shared.to_string()).is_ok());
    // The owner's own files are never touched.
    assert!(source_files.iter().all(|f| f.exists()));
    // The photo still in job b is found by its wall.
    let wall = ops::library::photos(&lib, "", 0, 50).unwrap();
    assert_eq!(wall.total, 1);
    assert_eq!(wall.photos[0].job_id, b);
}

#[test]
fn a_removed_job_the_guard_log_names_is_kept_hidden() {
    let (_t, lib) = temp_library();
    let c = new_client(&lib, "세한산업", Policy::Ask, &[]);
    let j = titled_job(&lib, "허락 받은 작업", Some(OwnerKind::Client), Some(c.id));
    approve(&lib, j.id);
    ops::library::remove_job(&lib, j.id).unwrap();
    ops::library::purge_removed(&lib, 0).unwrap();
    // The approval's record outlives the removal: the row stays, hidden.
    assert_eq!(ops::jobs::get(&lib, j.id).unwrap().id, j.id);
    assert!(page_ids(&lib, &LibraryFilter::default()).is_empty());
}

#[test]
fn empty_jobs_are_dropped_at_start_and_new_job_reuses_an_empty_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    let lib = Library::open(&root).unwrap();
    let first = ops::session::new_job(&lib).unwrap().job.id;
    // 새 작업 again on an empty job: the same job, not another "(제목 없음)".
    assert_eq!(ops::session::new_job(&lib).unwrap().job.id, first);
    assert_eq!(ops::jobs::list(&lib).unwrap().len(), 1);
    // Once it has something, a new one is made.
    ops::jobs::update(
        &lib,
        first,
        &JobFields {
            material: "SUS304".into(),
            ..JobFields::default()
        },
    )
    .unwrap();
    let second = ops::session::new_job(&lib).unwrap().job.id;
    assert_ne!(second, first);
    // Leftover empty jobs from before (made directly) are dropped at start, except the one reopened.
    let stale = ops::jobs::create(&lib, &JobFields::default(), None, None)
        .unwrap()
        .id;
    // Times are kept to the second: the reopened job must be the newest.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ops::session::open_job(&lib, first).unwrap();
    drop(lib);
    let lib = Library::open(&root).unwrap();
    let s = ops::session::current(&lib).unwrap();
    assert_eq!(s.job.id, first);
    let left: Vec<i64> = ops::jobs::list(&lib)
        .unwrap()
        .iter()
        .map(|j| j.id)
        .collect();
    assert!(left.contains(&first));
    assert!(!left.contains(&second), "empty");
    assert!(!left.contains(&stale), "empty");
}

#[test]
fn a_product_post_follows_the_strictest_of_its_jobs() {
    let (_t, mut lib) = temp_library();
    let public = new_client(&lib, "공개상사", Policy::Public, &[]);
    let asks = new_client(&lib, "허락정밀", Policy::Ask, &[]);
    let never = new_client(&lib, "비밀중공업", Policy::Never, &[]);
    let p = product(&lib, "유압 피팅");
    let mk = |lib: &Library, title: &str, c: i64, material: &str| {
        let j = ops::jobs::create(
            lib,
            &JobFields {
                title: title.into(),
                material: material.into(),
                machine: "두산 Lynx 220".into(),
                ..JobFields::default()
            },
            Some(OwnerKind::Client),
            Some(c),
        )
        .unwrap()
        .id;
        ops::products::set_job_product(lib, j, Some(p)).unwrap();
        j
    };
    let j_pub = mk(&lib, "피팅 A", public.id, "SUS304");
    let ids = import(&mut lib, j_pub, &photos_in("cameras")[..2]);
    ops::photos::set_meta(&lib, j_pub, ids[0], Some(PhotoRole::Finished), "완성 피팅").unwrap();
    ops::photos::set_meta(&lib, j_pub, ids[1], Some(PhotoRole::Stock), "소재").unwrap();

    // Only public jobs: it may go out; facts merged, nothing invented; photos in story order.
    let post_job = ops::products::new_product_post(&lib, p).unwrap();
    let j = ops::jobs::get(&lib, post_job).unwrap();
    assert_eq!(j.kind, JobKind::ProductPost);
    assert_eq!(j.product_id, Some(p));
    assert_eq!(j.fields.title, "유압 피팅");
    assert_eq!(j.fields.material, "SUS304");
    assert_eq!(j.fields.machine, "두산 Lynx 220");
    assert_eq!(j.fields.tolerance, "");
    let photos = ops::photos::for_job(&lib, post_job).unwrap();
    assert_eq!(
        photos.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![ids[1], ids[0]],
        "stock before finished"
    );
    assert_eq!(photos[1].caption, "완성 피팅");
    let g = ops::guard::job_verdict(&lib, post_job).unwrap();
    assert!(g.can_export, "{g:?}");
    assert!(g.source_job.is_none());

    // An ask job without approval: refused, naming that job.
    let j_ask = mk(&lib, "피팅 B", asks.id, "SUS316");
    let g = ops::guard::job_verdict(&lib, post_job).unwrap();
    assert!(!g.can_export);
    let src = g.source_job.clone().unwrap();
    assert_eq!(src.job_id, j_ask);
    assert!(src.product_job);
    assert_eq!(src.policy, Policy::Ask);
    assert!(g.reason_ko.as_deref().unwrap().contains("피팅 B"));
    assert_eq!(g.refusal().unwrap().code(), "approval_missing");
    // Approved on that job: it may go out again.
    approve(&lib, j_ask);
    assert!(ops::guard::job_verdict(&lib, post_job).unwrap().can_export);

    // A never job: refused, and the export path says so (no files).
    let j_never = mk(&lib, "피팅 C", never.id, "");
    let g = ops::guard::job_verdict(&lib, post_job).unwrap();
    assert!(!g.can_export);
    assert_eq!(g.source_job.as_ref().unwrap().job_id, j_never);
    assert_eq!(g.refusal().unwrap().code(), "export_forbidden");
    let post = ops::posts::make_draft(&mut lib, post_job, Platform::Naver).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = gongbang_core::export::export_post(&mut lib, post.id, out.path(), &[]).unwrap_err();
    assert_eq!(err.code(), "export_forbidden");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // Taking that job out of the product lifts it.
    ops::products::set_job_product(&lib, j_never, None).unwrap();
    assert!(ops::guard::job_verdict(&lib, post_job).unwrap().can_export);
    // A product post cannot be moved to another product.
    assert_eq!(
        ops::products::set_job_product(&lib, post_job, None)
            .unwrap_err()
            .code(),
        "invalid"
    );
}

#[test]
fn a_product_page_shows_its_jobs_best_photos_and_posts() {
    let (_t, mut lib) = temp_library();
    let p = product(&lib, "샤프트류");
    let a = job(&lib, "샤프트 1차", "SUS304", "CNC 선반");
    let b = job(&lib, "샤프트 2차", "SUS304", "CNC 선반");
    let other = job(&lib, "다른 작업", "", "");
    for j in [a, b] {
        ops::products::set_job_product(&lib, j, Some(p)).unwrap();
    }
    let ia = import(&mut lib, a, &photos_in("orientation")[..3]);
    let ib = import(&mut lib, b, &photos_in("orientation")[3..5]);
    import(&mut lib, other, &photos_in("gps")[..1]);
    ops::photos::set_meta(&lib, a, ia[2], Some(PhotoRole::Finished), "").unwrap();
    let post = ops::posts::make_draft(&mut lib, b, Platform::Naver).unwrap();
    let d = ops::products::detail(&lib, p).unwrap();
    assert_eq!(d.product.name, "샤프트류");
    assert_eq!(d.product.job_count, 2);
    assert_eq!(d.product.photo_count, 5);
    assert!(d.product.cover_hash.is_some());
    assert_eq!(d.jobs.iter().map(|c| c.id).collect::<Vec<_>>(), vec![b, a]);
    assert_eq!(d.photos.len(), 5);
    assert_eq!(d.photos[0].photo_id, ia[2], "the finished photo first");
    assert!(d
        .photos
        .iter()
        .all(|t| ia.contains(&t.photo_id) || ib.contains(&t.photo_id)));
    assert_eq!(d.posts.len(), 1);
    assert_eq!(d.posts[0].post_id, post.id);
    assert_eq!(
        ops::products::detail(&lib, 999).unwrap_err().code(),
        "no_such_product"
    );
}

#[test]
fn a_customer_page_lists_its_jobs_and_every_change_including_the_note() {
    let (_t, lib) = temp_library();
    let c = new_client(&lib, "동양기계", Policy::Ask, &[]);
    let j = titled_job(&lib, "동양 샤프트", Some(OwnerKind::Client), Some(c.id));
    let _own = titled_job(&lib, "우리 제품", Some(OwnerKind::Own), None);
    ops::clients::save(
        &lib,
        &ClientInput {
            id: Some(c.id),
            name: "동양기계".into(),
            aliases: vec!["DY".into()],
            policy: Policy::Public,
            note: "사진은 로고 가리고".into(),
        },
    )
    .unwrap();
    let d = ops::library::client_detail(&lib, c.id).unwrap();
    assert_eq!(d.client.note, "사진은 로고 가리고");
    assert_eq!(d.jobs.iter().map(|c| c.id).collect::<Vec<_>>(), vec![j.id]);
    assert_eq!(d.changes.len(), 1);
    let what = &d.changes[0].what;
    assert!(what.contains("정책"), "{what}");
    assert!(what.contains("별칭"), "{what}");
    assert!(
        what.contains("메모"),
        "the note change is logged too: {what}"
    );
    // A note alone is logged as well.
    ops::clients::save(
        &lib,
        &ClientInput {
            id: Some(c.id),
            name: "동양기계".into(),
            aliases: vec!["DY".into()],
            policy: Policy::Public,
            note: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        ops::library::client_detail(&lib, c.id)
            .unwrap()
            .changes
            .len(),
        2
    );
}

#[test]
fn a_library_of_schema_7_migrates_and_its_old_rows_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    std::fs::create_dir_all(&root).unwrap();
    {
        let conn = crate::old_schema::database_at(&root.join("library.sqlite3"), 7);
        conn.execute_batch(
            "INSERT INTO clients (id, name, aliases_json, policy, created_at, updated_at)
                 VALUES (1, '옛날정밀', '[\"옛정\"]', 'public', 'x', 'x');
             INSERT INTO jobs (id, title, material, created_at, updated_at, owner_kind, client_id)
                 VALUES (1, '오래된 스테인리스 샤프트', 'SUS304', '2025-03-01T09:00:00+09:00',
                         '2025-03-01T09:00:00+09:00', 'client', 1);
             INSERT INTO posts (id, job_id, platform, title, blocks_json, created_at, updated_at)
                 VALUES (1, 1, 'naver', '작년 납품 후기',
                         '[{\"kind\":\"paragraph\",\"text\":\"떨림 없이 마무리했습니다\"}]', 'x', 'x');",
        )
        .unwrap();
    }
    let lib = Library::open(&root).unwrap();
    assert_eq!(
        gongbang_core::db::schema_version(lib.conn()).unwrap(),
        gongbang_core::db::SCHEMA_VERSION
    );
    assert!(hits(&lib, "테인리").contains(&(HitKind::Job, 1)));
    assert!(hits(&lib, "옛정").contains(&(HitKind::Customer, 1)));
    assert!(hits(&lib, "납품 후기").contains(&(HitKind::Post, 1)));
    assert!(hits(&lib, "떨림").contains(&(HitKind::Post, 1)));
    assert!(
        !hits(&lib, "paragraph").contains(&(HitKind::Post, 1)),
        "not the block kinds"
    );
    let j = ops::jobs::get(&lib, 1).unwrap();
    assert_eq!(j.kind, JobKind::Job);
    assert_eq!(j.product_id, None);
    assert_eq!(
        page_ids(
            &lib,
            &LibraryFilter {
                year: Some(2025),
                ..Default::default()
            }
        ),
        vec![1]
    );
}
