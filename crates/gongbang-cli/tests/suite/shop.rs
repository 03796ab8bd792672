//! `gongbang shop set` with the profile's equipment, materials and capabilities (issue 5): repeatable list
//! flags replace their list, the others stay as they are.

use crate::common;

use common::{gongbang, stdout};

#[test]
fn shop_set_takes_equipment_materials_and_capabilities() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let first = gongbang(
        &lib,
        &[
            "shop",
            "set",
            "--name",
            "대성정밀",
            "--phone",
            "010-1234-5678",
            "--region",
            "문래동",
            "--equipment",
            "CNC 선반",
            "--equipment",
            "MCT",
            "--material",
            "SUS304",
            "--tolerance",
            "±0.01",
            "--sizes",
            "Ø5–Ø300",
            "--lots",
            "1개부터",
        ],
    );
    assert_eq!(first.status.code(), Some(0), "{}", common::stderr(&first));
    let out = stdout(&first);
    for line in [
        "상호 name: 대성정밀",
        "장비 equipment: CNC 선반, MCT",
        "소재 materials: SUS304",
        "공차 tolerance: ±0.01",
        "크기 sizes: Ø5–Ø300",
        "수량 lots: 1개부터",
    ] {
        assert!(out.lines().any(|l| l == line), "{line} in {out}");
    }
    let again = gongbang(&lib, &["shop", "set", "--equipment", "와이어컷"]);
    let out = stdout(&again);
    assert!(
        out.lines().any(|l| l == "장비 equipment: 와이어컷"),
        "{out}"
    );
    assert!(out.lines().any(|l| l == "소재 materials: SUS304"), "{out}");
    assert!(out.lines().any(|l| l == "공차 tolerance: ±0.01"), "{out}");
}

#[test]
fn shop_set_turns_the_logo_mark_on_and_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let off = gongbang(&lib, &["shop", "show"]);
    assert!(
        stdout(&off)
            .lines()
            .any(|l| l == "로고 표시 logo mark: 끔 off"),
        "{}",
        stdout(&off)
    );
    let on = gongbang(
        &lib,
        &[
            "shop",
            "set",
            "--logo-mark",
            "on",
            "--logo-corner",
            "top-left",
            "--logo-size",
            "22",
            "--logo-opacity",
            "60",
        ],
    );
    assert_eq!(on.status.code(), Some(0), "{}", common::stderr(&on));
    let line = "로고 표시 logo mark: 켬 on, top_left 22%, 60%";
    assert!(stdout(&on).lines().any(|l| l == line), "{}", stdout(&on));
    // Another field set later keeps the mark.
    let again = gongbang(&lib, &["shop", "set", "--name", "대성정밀"]);
    assert!(
        stdout(&again).lines().any(|l| l == line),
        "{}",
        stdout(&again)
    );
    // Out of range: refused with the range, nothing changed.
    let bad = gongbang(&lib, &["shop", "set", "--logo-size", "90"]);
    assert_eq!(bad.status.code(), Some(2), "{}", common::stderr(&bad));
    let shown = gongbang(&lib, &["shop", "show"]);
    assert!(stdout(&shown).lines().any(|l| l == line));
}
