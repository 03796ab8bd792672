//! Why: the shop's own facts (name, contact, region) appear on every end card and description; one row,
//! edited by the owner, never sent anywhere unless he exports.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::db::now;
use crate::Result;

/// The shop profile (empty strings where the owner has not filled it in).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// The profile (default when never saved).
pub fn get(conn: &Connection) -> Result<ShopProfile> {
    let row = conn
        .query_row(
            "SELECT name, owner, phone, email, address, region_keywords_json, website, kakao
             FROM shop_profile WHERE id = 1",
            [],
            |r| {
                let regions: String = r.get(5)?;
                Ok(ShopProfile {
                    name: r.get(0)?,
                    owner: r.get(1)?,
                    phone: r.get(2)?,
                    email: r.get(3)?,
                    address: r.get(4)?,
                    region_keywords: serde_json::from_str(&regions).unwrap_or_default(),
                    website: r.get(6)?,
                    kakao: r.get(7)?,
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// Saves the profile.
pub fn save(conn: &Connection, p: &ShopProfile) -> Result<ShopProfile> {
    let regions: Vec<&str> = p
        .region_keywords
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    conn.execute(
        "INSERT INTO shop_profile (id, name, owner, phone, email, address, region_keywords_json, website,
                                   kakao, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner,
             phone = excluded.phone, email = excluded.email, address = excluded.address,
             region_keywords_json = excluded.region_keywords_json, website = excluded.website,
             kakao = excluded.kakao, updated_at = excluded.updated_at",
        params![
            p.name.trim(),
            p.owner.trim(),
            p.phone.trim(),
            p.email.trim(),
            p.address.trim(),
            serde_json::to_string(&regions)?,
            p.website.trim(),
            p.kakao.trim(),
            now()
        ],
    )?;
    get(conn)
}
