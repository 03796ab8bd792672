//! Why: `gongbang shop set|show` — the shop's name and contact, which the video's end card and the
//! descriptions carry, editable from scripts until the window's profile page exists.

use std::process::ExitCode;

use gongbang_core::repo::shop_profile;
use gongbang_core::{Library, Result};

use crate::cli::ShopCommand;

/// Runs `shop …`.
pub fn run(lib: &Library, command: ShopCommand) -> Result<ExitCode> {
    let mut p = shop_profile::get(lib.conn())?;
    if let ShopCommand::Set {
        name,
        owner,
        phone,
        email,
        address,
        website,
        kakao,
        regions,
    } = command
    {
        for (field, value) in [
            (&mut p.name, name),
            (&mut p.owner, owner),
            (&mut p.phone, phone),
            (&mut p.email, email),
            (&mut p.address, address),
            (&mut p.website, website),
            (&mut p.kakao, kakao),
        ] {
            if let Some(v) = value {
                *field = v;
            }
        }
        if !regions.is_empty() {
            p.region_keywords = regions;
        }
        p = shop_profile::save(lib.conn(), &p)?;
    }
    for (k, v) in [
        ("상호 name", &p.name),
        ("대표 owner", &p.owner),
        ("전화 phone", &p.phone),
        ("이메일 email", &p.email),
        ("주소 address", &p.address),
        ("홈페이지 website", &p.website),
        ("카카오 kakao", &p.kakao),
    ] {
        println!("{k}: {v}");
    }
    println!("지역 regions: {}", p.region_keywords.join(", "));
    Ok(ExitCode::SUCCESS)
}
