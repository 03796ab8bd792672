//! Why: the customers whose parts the shop machines, each with the policy that decides whether their jobs
//! may be shown, and the aliases the text scan looks for.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::guard_log::{self, LogKind, NewEntry};
use crate::db::now;
use crate::{CoreError, Result};

pub use crate::domain::client::{changes, name_key, Client, ClientInput, Policy};

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
pub(crate) fn get(conn: &Connection, id: i64) -> Result<Client> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM clients WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(CoreError::NoSuchClient(id.to_string()))
}

/// The customer with this name, compared by [`name_key`] (case, spaces and separators do not count), if any.
pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Client>> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(None);
    }
    // Exactly as typed first (the common case), then by key; customers are few.
    let exact = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM clients WHERE name = ?1 COLLATE NOCASE"),
            [name.trim()],
            from_row,
        )
        .optional()?;
    if exact.is_some() {
        return Ok(exact);
    }
    Ok(list(conn)?.into_iter().find(|c| name_key(&c.name) == key))
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

/// Creates or changes a customer; the name is required and unique (by [`name_key`]): a new customer whose
/// name exists is refused, never merged into the existing one. A change of name, policy or aliases is
/// written to the guard log (old → new) in the same transaction.
pub fn save(conn: &Connection, input: &ClientInput) -> Result<Client> {
    guard_log::atomically(conn, |tx| save_logged(tx, input))
}

fn save_logged(conn: &Connection, input: &ClientInput) -> Result<Client> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid(
            "고객사 이름을 적어 주세요.",
            "Please enter the customer's name.",
        ));
    }
    if let Some(other) = by_name(conn, name)? {
        if Some(other.id) != input.id {
            return Err(CoreError::ClientExists {
                name: name.to_string(),
                existing: other.name,
            });
        }
    }
    let before = match input.id {
        Some(id) => Some(get(conn, id)?),
        None => None,
    };
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
    let after = get(conn, id)?;
    if let Some(before) = &before {
        let lines = changes(before, &after, true);
        if !lines.is_empty() {
            let ko = format!(
                "'{}' 고객사를 바꿈 — {}",
                after.name,
                lines
                    .iter()
                    .map(|l| l.0.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            let en = format!(
                "Customer '{}' changed — {}",
                after.name,
                lines
                    .iter()
                    .map(|l| l.1.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            guard_log::append_entry(
                conn,
                &NewEntry {
                    client_id: Some(id),
                    ..NewEntry::new(LogKind::ClientChanged, (&ko, &en))
                },
            )?;
        }
    }
    Ok(after)
}
