//! Why: `gongbang shop set|show` — the shop's name, contact, equipment and capabilities, which the drafts,
//! the video's end card and the descriptions carry, and the logo mark, editable from scripts as in the
//! window's profile.

use std::process::ExitCode;

use gongbang_core::{ops, Library, Result};

use crate::cli::{OnOff, ShopCommand};

/// Runs `shop …`.
pub fn run(lib: &Library, command: ShopCommand) -> Result<ExitCode> {
    let mut p = ops::shop::profile(lib)?;
    if let ShopCommand::Set {
        name,
        owner,
        phone,
        email,
        address,
        website,
        kakao,
        regions,
        equipment,
        materials,
        tolerance,
        sizes,
        lot_sizes,
        logo_mark,
        logo_corner,
        logo_size,
        logo_opacity,
    } = command
    {
        let m = &mut p.watermark;
        if let Some(on) = logo_mark {
            m.on = on == OnOff::On;
        }
        if let Some(c) = logo_corner {
            m.corner = c.into();
        }
        if let Some(v) = logo_size {
            m.size_percent = v;
        }
        if let Some(v) = logo_opacity {
            m.opacity_percent = v;
        }
        for (field, value) in [
            (&mut p.name, name),
            (&mut p.owner, owner),
            (&mut p.phone, phone),
            (&mut p.email, email),
            (&mut p.address, address),
            (&mut p.website, website),
            (&mut p.kakao, kakao),
            (&mut p.tolerance, tolerance),
            (&mut p.sizes, sizes),
            (&mut p.lot_sizes, lot_sizes),
        ] {
            if let Some(v) = value {
                *field = v;
            }
        }
        for (list, values) in [
            (&mut p.region_keywords, regions),
            (&mut p.equipment, equipment),
            (&mut p.materials, materials),
        ] {
            if !values.is_empty() {
                *list = values;
            }
        }
        p = ops::shop::save_profile(lib, &p)?;
    }
    for (k, v) in [
        ("상호 name", &p.name),
        ("대표 owner", &p.owner),
        ("전화 phone", &p.phone),
        ("이메일 email", &p.email),
        ("주소 address", &p.address),
        ("홈페이지 website", &p.website),
        ("카카오 kakao", &p.kakao),
        ("공차 tolerance", &p.tolerance),
        ("크기 sizes", &p.sizes),
        ("수량 lots", &p.lot_sizes),
    ] {
        println!("{k}: {v}");
    }
    println!("지역 regions: {}", p.region_keywords.join(", "));
    println!("장비 equipment: {}", p.equipment.join(", "));
    println!("소재 materials: {}", p.materials.join(", "));
    println!(
        "로고 logo: {}",
        if p.logo_data_url.is_some() {
            "있음 yes"
        } else {
            "없음 no"
        }
    );
    let m = &p.watermark;
    println!(
        "로고 표시 logo mark: {}",
        if m.on {
            format!(
                "켬 on, {} {}%, {}%",
                m.corner.as_str(),
                m.size_percent,
                m.opacity_percent
            )
        } else {
            "끔 off".to_string()
        }
    );
    Ok(ExitCode::SUCCESS)
}
