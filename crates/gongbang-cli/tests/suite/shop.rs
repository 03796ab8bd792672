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
