//! Why: the customers whose parts the shop machines, each with the policy that decides whether their jobs
//! may be shown, and the aliases the text scan looks for.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::db::now;
use crate::{CoreError, Result};

/// What a customer allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Their jobs may be shown.
    Public,
    /// Shown only with a recorded approval per job.
    Ask,
    /// Never shown, by any path.
    Never,
}

impl Policy {
    /// Name stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Public => "public",
            Policy::Ask => "ask",
            Policy::Never => "never",
        }
    }

    /// The policy named `s`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "public" => Some(Policy::Public),
            "ask" => Some(Policy::Ask),
            "never" => Some(Policy::Never),
            _ => None,
        }
    }
}

/// A customer as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: i64,
    pub name: String,
    pub aliases: Vec<String>,
    pub policy: Policy,
    pub note: String,
}

/// A customer to create (`id` none) or change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientInput {
    pub id: Option<i64>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub policy: Policy,
    #[serde(default)]
    pub note: String,
}

const COLUMNS: &str = "id, name, aliases_json, policy, note";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Client> {
    let aliases: String = r.get(2)?;
    let policy: String = r.get(3)?;
    Ok(Client {
        id: r.get(0)?,
        name: r.get(1)?,
        aliases: serde_json::from_str(&aliases).unwrap_or_default(),
        // The CHECK constraint allows only the three; an unknown value is treated as the strictest.
        policy: Policy::parse(&policy).unwrap_or(Policy::Never),
        note: r.get(4)?,
    })
}

/// Every customer, by name.
pub fn list(conn: &Connection) -> Result<Vec<Client>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM clients ORDER BY name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The customer with this id.
pub fn get(conn: &Connection, id: i64) -> Result<Client> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM clients WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(CoreError::NoSuchClient(id.to_string()))
}

/// The customer with this name (case-insensitive), if any.
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Client>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM clients WHERE name = ?1 COLLATE NOCASE"),
            [name.trim()],
            from_row,
        )
        .optional()?)
}

/// Aliases trimmed, empty ones and repeats of the name or of each other dropped.
fn clean_aliases(name: &str, aliases: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        let lower = a.to_lowercase();
        if lower != name.to_lowercase() && !out.iter().any(|o| o.to_lowercase() == lower) {
            out.push(a.to_string());
        }
    }
    out
}

/// Creates or changes a customer; the name is required and unique.
pub fn save(conn: &Connection, input: &ClientInput) -> Result<Client> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid(
            "고객사 이름을 적어 주세요.",
            "Please enter the customer's name.",
        ));
    }
    if let Some(other) = by_name(conn, name)? {
        if Some(other.id) != input.id {
            return Err(CoreError::invalid(
                format!("'{name}' 고객사가 이미 있습니다."),
                format!("A customer named '{name}' already exists."),
            ));
        }
    }
    let aliases = serde_json::to_string(&clean_aliases(name, &input.aliases))?;
    let t = now();
    let id = match input.id {
        Some(id) => {
            let n = conn.execute(
                "UPDATE clients SET name = ?2, aliases_json = ?3, policy = ?4, note = ?5, updated_at = ?6
                 WHERE id = ?1",
                params![id, name, aliases, input.policy.as_str(), input.note.trim(), t],
            )?;
            if n == 0 {
                return Err(CoreError::NoSuchClient(id.to_string()));
            }
            id
        }
        None => {
            conn.execute(
                "INSERT INTO clients (name, aliases_json, policy, note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![name, aliases, input.policy.as_str(), input.note.trim(), t],
            )?;
            conn.last_insert_rowid()
        }
    };
    get(conn, id)
}
