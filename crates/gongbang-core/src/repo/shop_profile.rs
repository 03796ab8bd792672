//! Why: the shop's own facts (name, contact, region, equipment, capabilities, logo) appear on every end card,
//! description and contact block; one row, edited by the owner, never sent anywhere unless he exports.

use rusqlite::{params, Connection, OptionalExtension};

use crate::db::now;
use crate::Result;

pub use crate::domain::shop_profile::ShopProfile;
use crate::domain::shop_profile::{Corner, LogoWatermark};

fn json_list(raw: &str) -> Vec<String> {
    serde_json::from_str(raw).unwrap_or_default()
}

fn clean_list(list: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for s in list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The profile (default when never saved).
pub fn get(conn: &Connection) -> Result<ShopProfile> {
    let row = conn
        .query_row(
            "SELECT name, owner, phone, email, address, region_keywords_json, website, kakao,
                    equipment_json, materials_json, tolerance, sizes, lot_sizes, logo_png,
                    watermark_on, watermark_corner, watermark_size, watermark_opacity
             FROM shop_profile WHERE id = 1",
            [],
            |r| {
                let logo: Option<Vec<u8>> = r.get(13)?;
                Ok(ShopProfile {
                    name: r.get(0)?,
                    owner: r.get(1)?,
                    phone: r.get(2)?,
                    email: r.get(3)?,
                    address: r.get(4)?,
                    region_keywords: json_list(&r.get::<_, String>(5)?),
                    website: r.get(6)?,
                    kakao: r.get(7)?,
                    equipment: json_list(&r.get::<_, String>(8)?),
                    materials: json_list(&r.get::<_, String>(9)?),
                    tolerance: r.get(10)?,
                    sizes: r.get(11)?,
                    lot_sizes: r.get(12)?,
                    logo_data_url: logo
                        .filter(|b| !b.is_empty())
                        .map(|b| format!("data:image/png;base64,{}", base64(&b))),
                    watermark: LogoWatermark {
                        on: r.get(14)?,
                        corner: Corner::parse(&r.get::<_, String>(15)?),
                        size_percent: r.get(16)?,
                        opacity_percent: r.get(17)?,
                    }
                    .clamped(),
                    saved: true,
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// Saves the profile (the logo and `saved` are not taken from `p`; the mark's numbers are brought inside
/// their ranges).
pub fn save(conn: &Connection, p: &ShopProfile) -> Result<ShopProfile> {
    let mark = p.watermark.clamped();
    conn.execute(
        "INSERT INTO shop_profile (id, name, owner, phone, email, address, region_keywords_json, website,
                                   kakao, equipment_json, materials_json, tolerance, sizes, lot_sizes,
                                   updated_at, watermark_on, watermark_corner, watermark_size,
                                   watermark_opacity)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner,
             phone = excluded.phone, email = excluded.email, address = excluded.address,
             region_keywords_json = excluded.region_keywords_json, website = excluded.website,
             kakao = excluded.kakao, equipment_json = excluded.equipment_json,
             materials_json = excluded.materials_json, tolerance = excluded.tolerance,
             sizes = excluded.sizes, lot_sizes = excluded.lot_sizes, updated_at = excluded.updated_at,
             watermark_on = excluded.watermark_on, watermark_corner = excluded.watermark_corner,
             watermark_size = excluded.watermark_size, watermark_opacity = excluded.watermark_opacity",
        params![
            p.name.trim(),
            p.owner.trim(),
            p.phone.trim(),
            p.email.trim(),
            p.address.trim(),
            serde_json::to_string(&clean_list(&p.region_keywords))?,
            p.website.trim(),
            p.kakao.trim(),
            serde_json::to_string(&clean_list(&p.equipment))?,
            serde_json::to_string(&clean_list(&p.materials))?,
            p.tolerance.trim(),
            p.sizes.trim(),
            p.lot_sizes.trim(),
            now(),
            mark.on,
            mark.corner.as_str(),
            mark.size_percent,
            mark.opacity_percent
        ],
    )?;
    get(conn)
}

/// Stores (or with `None` removes) the logo: `png` must already be the clean, small PNG
/// (`coach::logo::clean_logo_png`). Creates the profile row when there is none.
pub(crate) fn set_logo(conn: &Connection, png: Option<&[u8]>) -> Result<ShopProfile> {
    conn.execute(
        "INSERT INTO shop_profile (id, logo_png, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET logo_png = excluded.logo_png, updated_at = excluded.updated_at",
        params![png, now()],
    )?;
    get(conn)
}

/// Stores the logo mark alone (its numbers brought inside their ranges). Creates the profile row when
/// there is none.
pub fn set_watermark(conn: &Connection, mark: &LogoWatermark) -> Result<ShopProfile> {
    let m = mark.clamped();
    conn.execute(
        "INSERT INTO shop_profile (id, watermark_on, watermark_corner, watermark_size, watermark_opacity,
                                   updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET watermark_on = excluded.watermark_on,
             watermark_corner = excluded.watermark_corner, watermark_size = excluded.watermark_size,
             watermark_opacity = excluded.watermark_opacity, updated_at = excluded.updated_at",
        params![m.on, m.corner.as_str(), m.size_percent, m.opacity_percent, now()],
    )?;
    get(conn)
}

/// The stored logo's PNG bytes.
pub fn logo_png(conn: &Connection) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT logo_png FROM shop_profile WHERE id = 1", [], |r| {
            r.get::<_, Option<Vec<u8>>>(0)
        })
        .optional()?
        .flatten())
}

/// Standard base64 with padding (for the logo's data URL).
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), enc);
        }
    }
}
