//! Why: owners pick materials and processes from the trade's own words (../shared/trade-glossary.md)
//! rather than typing them; free text stays allowed.

use serde::Serialize;

/// One choice in a list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub value: &'static str,
    pub label_ko: &'static str,
    pub label_en: &'static str,
    pub group: &'static str,
}

/// The lists offered in the job step (materials, processes) and the shop profile (equipment).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Presets {
    pub materials: Vec<Preset>,
    pub processes: Vec<Preset>,
    pub equipment: Vec<Preset>,
}

const fn p(
    value: &'static str,
    label_ko: &'static str,
    label_en: &'static str,
    group: &'static str,
) -> Preset {
    Preset {
        value,
        label_ko,
        label_en,
        group,
    }
}

const MATERIALS: &[Preset] = &[
    p(
        "SUS303",
        "SUS303 (쾌삭 스테인리스)",
        "SUS303 (free-cutting stainless)",
        "스테인리스",
    ),
    p(
        "SUS304",
        "SUS304 (스테인리스)",
        "SUS304 (stainless)",
        "스테인리스",
    ),
    p(
        "SUS316",
        "SUS316 (스테인리스)",
        "SUS316 (stainless)",
        "스테인리스",
    ),
    p(
        "SUS316L",
        "SUS316L (스테인리스)",
        "SUS316L (stainless)",
        "스테인리스",
    ),
    p("SUS630", "SUS630 (17-4PH)", "SUS630 (17-4PH)", "스테인리스"),
    p(
        "SS400",
        "SS400 (일반 구조용강)",
        "SS400 (structural steel)",
        "탄소강·합금강",
    ),
    p(
        "S45C",
        "S45C (기계 구조용 탄소강)",
        "S45C (carbon steel)",
        "탄소강·합금강",
    ),
    p(
        "SCM440",
        "SCM440 (크롬몰리브덴강)",
        "SCM440 (chromoly steel)",
        "탄소강·합금강",
    ),
    p(
        "SUJ2",
        "SUJ2 (베어링강)",
        "SUJ2 (bearing steel)",
        "탄소강·합금강",
    ),
    p(
        "SKD11",
        "SKD11 (냉간 금형강)",
        "SKD11 (cold-work tool steel)",
        "공구강",
    ),
    p(
        "SKD61",
        "SKD61 (열간 금형강)",
        "SKD61 (hot-work tool steel)",
        "공구강",
    ),
    p("NAK80", "NAK80 (금형강)", "NAK80 (mould steel)", "공구강"),
    p(
        "AL6061",
        "AL6061 (알루미늄)",
        "AL6061 (aluminium)",
        "알루미늄",
    ),
    p(
        "AL7075",
        "AL7075 (알루미늄)",
        "AL7075 (aluminium)",
        "알루미늄",
    ),
    p(
        "AL5052",
        "AL5052 (알루미늄)",
        "AL5052 (aluminium)",
        "알루미늄",
    ),
    p("C3604", "황동 C3604 (쾌삭 황동)", "Brass C3604", "동합금"),
    p("C1100", "동 C1100 (터프피치동)", "Copper C1100", "동합금"),
    p(
        "Ti-6Al-4V",
        "티타늄 Ti-6Al-4V (Gr5)",
        "Titanium Ti-6Al-4V (Gr5)",
        "티타늄·특수합금",
    ),
    p("인코넬 718", "인코넬 718", "Inconel 718", "티타늄·특수합금"),
    p("FC250", "FC250 (회주철)", "FC250 (grey cast iron)", "주철"),
    p("POM", "POM (아세탈)", "POM (acetal)", "엔지니어링 플라스틱"),
    p("MC나일론", "MC나일론", "MC nylon", "엔지니어링 플라스틱"),
    p("PEEK", "PEEK", "PEEK", "엔지니어링 플라스틱"),
    p(
        "PTFE",
        "PTFE (테프론)",
        "PTFE (Teflon)",
        "엔지니어링 플라스틱",
    ),
    p(
        "아크릴",
        "아크릴 (PMMA)",
        "Acrylic (PMMA)",
        "엔지니어링 플라스틱",
    ),
];

const PROCESSES: &[Preset] = &[
    p("CNC 선반", "CNC 선반", "CNC lathe", "선삭"),
    p("복합 가공", "복합 가공 (밀턴)", "Mill-turn", "선삭"),
    p(
        "CNC 자동선반",
        "CNC 자동선반 (스위스턴)",
        "Swiss-type lathe",
        "선삭",
    ),
    p("범용 선반", "범용 선반", "Manual lathe", "선삭"),
    p("MCT", "머시닝센터 (MCT)", "Machining centre (MCT)", "밀링"),
    p("5축 가공", "5축 가공", "5-axis machining", "밀링"),
    p("범용 밀링", "범용 밀링", "Manual milling", "밀링"),
    p("와이어컷", "와이어컷 (방전)", "Wire EDM", "방전"),
    p("형조 방전", "형조 방전", "Sinker EDM", "방전"),
    p("평면 연삭", "평면 연삭", "Surface grinding", "연삭"),
    p("원통 연삭", "원통 연삭", "Cylindrical grinding", "연삭"),
    p(
        "센터리스 연삭",
        "센터리스 연삭",
        "Centreless grinding",
        "연삭",
    ),
    p("레이저 커팅", "레이저 커팅", "Laser cutting", "판금·용접"),
    p(
        "절곡",
        "절곡 (프레스 브레이크)",
        "Press brake bending",
        "판금·용접",
    ),
    p("판금", "판금", "Sheet metal", "판금·용접"),
    p("용접", "용접 (TIG·CO2)", "Welding (TIG, CO2)", "판금·용접"),
    p(
        "열처리 협력",
        "열처리 (협력 업체)",
        "Heat treatment (partner)",
        "후처리",
    ),
    p(
        "아노다이징 협력",
        "아노다이징 (협력 업체)",
        "Anodising (partner)",
        "후처리",
    ),
];

const EQUIPMENT: &[Preset] = &[
    p("CNC 선반", "CNC 선반", "CNC lathe", "선삭"),
    p("복합기", "복합기 (밀턴)", "Mill-turn centre", "선삭"),
    p(
        "CNC 자동선반",
        "CNC 자동선반 (스위스턴)",
        "Swiss-type lathe",
        "선삭",
    ),
    p("범용 선반", "범용 선반", "Manual lathe", "선삭"),
    p("MCT", "MCT (머시닝센터)", "Machining centre", "밀링"),
    p(
        "5축 MCT",
        "5축 머시닝센터",
        "5-axis machining centre",
        "밀링",
    ),
    p("범용 밀링", "범용 밀링", "Manual mill", "밀링"),
    p("와이어컷", "와이어컷", "Wire EDM", "방전"),
    p("형조 방전기", "형조 방전기", "Sinker EDM", "방전"),
    p("평면 연삭", "평면 연삭기", "Surface grinder", "연삭"),
    p("원통 연삭", "원통 연삭기", "Cylindrical grinder", "연삭"),
    p(
        "센터리스 연삭",
        "센터리스 연삭기",
        "Centreless grinder",
        "연삭",
    ),
    p("레이저", "레이저 커터", "Laser cutter", "판금·용접"),
    p(
        "절곡기",
        "절곡기 (프레스 브레이크)",
        "Press brake",
        "판금·용접",
    ),
    p("용접기", "용접기 (TIG·CO2)", "Welder", "판금·용접"),
    p("3차원 측정기", "3차원 측정기 (CMM)", "CMM", "측정"),
];

/// The preset lists.
pub fn presets() -> Presets {
    Presets {
        materials: MATERIALS.to_vec(),
        processes: PROCESSES.to_vec(),
        equipment: EQUIPMENT.to_vec(),
    }
}

/// The English word for a preset value (process, material or equipment), or `None` for the owner's own
/// words.
pub fn english_label(value: &str) -> Option<&'static str> {
    let value = value.trim();
    PROCESSES
        .iter()
        .chain(EQUIPMENT)
        .chain(MATERIALS)
        .find(|p| p.value == value)
        .map(|p| p.label_en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equipment_has_the_shop_floor_machines() {
        let values: Vec<&str> = presets().equipment.iter().map(|p| p.value).collect();
        for v in [
            "CNC 선반",
            "MCT",
            "범용 밀링",
            "와이어컷",
            "평면 연삭",
            "원통 연삭",
            "레이저",
            "절곡기",
            "용접기",
        ] {
            assert!(values.contains(&v), "{v}");
        }
        assert_eq!(english_label("CNC 선반"), Some("CNC lathe"));
        assert_eq!(english_label("우리 말"), None);
    }
}
