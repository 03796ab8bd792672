//! Why: the shop's own facts (name, contact, region, equipment, capabilities, logo) appear on every end card,
//! description and contact block; one row, edited by the owner, never sent anywhere unless he exports.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::now;
use crate::Result;

/// The shop profile (empty strings where the owner has not filled it in).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ShopProfile {
    pub name: String,
    pub owner: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    /// 문래동, 영등포구, …
    pub region_keywords: Vec<String>,
    pub website: String,
    pub kakao: String,
    /// CNC 선반, MCT, … (preset values or the owner's own words).
    pub equipment: Vec<String>,
    pub materials: Vec<String>,
    /// Capabilities, free text: "±0.01", "Ø5–Ø300", "1개부터".
    pub tolerance: String,
    pub sizes: String,
    pub lot_sizes: String,
    /// The stored logo as a PNG data URL (read only: set by `coach::logo`), `None` when there is none.
    pub logo_data_url: Option<String>,
    /// Whether the owner saved the profile once (read only).
    pub saved: bool,
}

impl ShopProfile {
    /// Contact lines for an end card or a description, most useful first, empty ones left out.
    pub fn contact_lines(&self) -> Vec<String> {
        [
            ("☎ ", &self.phone),
            ("", &self.address),
            ("", &self.email),
            ("", &self.website),
            ("카카오톡 ", &self.kakao),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}{}", v.trim()))
        .collect()
    }

    /// Whether a buyer can reach the shop from the profile (phone, e-mail, Kakao channel or website).
    pub fn has_contact(&self) -> bool {
        [&self.phone, &self.email, &self.kakao, &self.website]
            .iter()
            .any(|v| !v.trim().is_empty())
    }

    /// The first region keyword (what buyers type before the process), if any.
    pub fn region(&self) -> Option<&str> {
        self.region_keywords
            .iter()
            .map(|r| r.trim())
            .find(|r| !r.is_empty())
    }
}

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
                    equipment_json, materials_json, tolerance, sizes, lot_sizes, logo_png
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
                    saved: true,
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// Saves the profile (the logo and `saved` are not taken from `p`).
pub fn save(conn: &Connection, p: &ShopProfile) -> Result<ShopProfile> {
    conn.execute(
        "INSERT INTO shop_profile (id, name, owner, phone, email, address, region_keywords_json, website,
                                   kakao, equipment_json, materials_json, tolerance, sizes, lot_sizes,
                                   updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner,
             phone = excluded.phone, email = excluded.email, address = excluded.address,
             region_keywords_json = excluded.region_keywords_json, website = excluded.website,
             kakao = excluded.kakao, equipment_json = excluded.equipment_json,
             materials_json = excluded.materials_json, tolerance = excluded.tolerance,
             sizes = excluded.sizes, lot_sizes = excluded.lot_sizes, updated_at = excluded.updated_at",
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
            now()
        ],
    )?;
    get(conn)
}

/// Stores (or with `None` removes) the logo: `png` must already be the clean, small PNG
/// (`coach::logo::clean_logo_png`). Creates the profile row when there is none.
pub fn set_logo(conn: &Connection, png: Option<&[u8]>) -> Result<ShopProfile> {
    conn.execute(
        "INSERT INTO shop_profile (id, logo_png, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET logo_png = excluded.logo_png, updated_at = excluded.updated_at",
        params![png, now()],
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
fn base64(bytes: &[u8]) -> String {
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
