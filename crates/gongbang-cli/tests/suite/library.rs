//! The library from the command line (issue 14): `product add` prints the number last, `job add --product`
//! links the job (an unknown product is refused in plain words and makes nothing), `search` prints one line
//! per hit (kind, number, title) and nothing when nothing matches.

use crate::common;

use common::{gongbang, stderr, stdout};

fn last_number(o: &std::process::Output) -> String {
    stdout(o).lines().last().unwrap().trim().to_string()
}

#[test]
fn product_add_prints_its_number_last_and_product_list_shows_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let add = gongbang(
        &lib,
        &[
            "product",
            "add",
            "--name",
            "유압 피팅",
            "--material",
            "SUS304",
            "--process",
            "CNC 선반",
            "--kind",
            "부품군",
        ],
    );
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert_eq!(last_number(&add), "1");
    let add2 = gongbang(&lib, &["product", "add", "--name", "플랜지류"]);
    assert_eq!(last_number(&add2), "2");
    let list = gongbang(&lib, &["product", "list"]);
    assert_eq!(list.status.code(), Some(0));
    let out = stdout(&list);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("1\t유압 피팅\tSUS304\tCNC 선반")),
        "{out}"
    );
    // A blank name is refused in both languages.
    let bad = gongbang(&lib, &["product", "add", "--name", "  "]);
    assert_eq!(bad.status.code(), Some(1));
    let err = stderr(&bad);
    assert!(err.contains("제품 이름"), "{err}");
    assert!(err.contains("product's name"), "{err}");
}

#[test]
fn job_add_with_a_product_links_it_and_an_unknown_product_makes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let p = last_number(&gongbang(&lib, &["product", "add", "--name", "샤프트류"]));
    let add = gongbang(
        &lib,
        &[
            "job",
            "add",
            "--title",
            "샤프트 1차",
            "--own",
            "--product",
            &p,
        ],
    );
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert_eq!(last_number(&add), "1");
    let list = stdout(&gongbang(&lib, &["product", "list"]));
    assert!(list.contains("작업 1건"), "{list}");
    let bad = gongbang(
        &lib,
        &["job", "add", "--title", "유령", "--own", "--product", "99"],
    );
    assert_eq!(bad.status.code(), Some(1));
    let err = stderr(&bad);
    assert!(err.contains("99번 제품"), "{err}");
    assert!(err.contains("no product number 99"), "{err}");
    let jobs = stdout(&gongbang(&lib, &["job", "list"]));
    assert_eq!(jobs.lines().count(), 1, "nothing made: {jobs}");
}

#[test]
fn search_prints_kind_number_and_title_per_hit_and_nothing_when_nothing_matches() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    gongbang(&lib, &["product", "add", "--name", "스테인리스 피팅"]);
    gongbang(
        &lib,
        &[
            "job",
            "add",
            "--title",
            "스테인리스 샤프트",
            "--own",
            "--material",
            "SUS304",
        ],
    );
    gongbang(&lib, &["job", "add", "--title", "알루미늄 블록", "--own"]);
    let s = gongbang(&lib, &["search", "테인리"]);
    assert_eq!(s.status.code(), Some(0), "{}", stderr(&s));
    let out = stdout(&s);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec!["product\t1\t스테인리스 피팅", "job\t1\t스테인리스 샤프트"]
    );
    // One character, and two words.
    let one = stdout(&gongbang(&lib, &["search", "블"]));
    assert_eq!(one.trim(), "job\t2\t알루미늄 블록");
    let two = stdout(&gongbang(&lib, &["search", "샤프트", "SUS"]));
    assert_eq!(two.trim(), "job\t1\t스테인리스 샤프트");
    let none = gongbang(&lib, &["search", "없는말"]);
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), "");
    assert!(
        stderr(&none).contains("찾은 것이 없습니다"),
        "{}",
        stderr(&none)
    );
    assert!(stderr(&none).contains("nothing found"), "{}", stderr(&none));
    // A blank text is refused in plain words, not answered with nothing.
    let blank = gongbang(&lib, &["search", "  "]);
    assert_eq!(blank.status.code(), Some(2));
    assert_eq!(stdout(&blank), "");
    assert!(
        stderr(&blank).contains("찾을 글자를 적어 주세요"),
        "{}",
        stderr(&blank)
    );
}
