//! Why: the customers the guard protects — listed, found by name, saved (a change of name, policy or
//! aliases is logged by storage in the same write).

use crate::domain::{Client, ClientInput};
use crate::repo::clients;
use crate::{CoreError, Library, Result};

/// The customers, by name.
pub fn list(lib: &Library) -> Result<Vec<Client>> {
    clients::list(lib.conn())
}

/// The customer with this name (case, spaces, invisible characters and separators aside), or
/// `no_such_client`.
pub fn by_name(lib: &Library, name: &str) -> Result<Client> {
    clients::by_name(lib.conn(), name)?.ok_or_else(|| CoreError::NoSuchClient(name.to_string()))
}

/// Saves a customer (`id` none = new; a new one whose name exists is `client_exists`).
pub fn save(lib: &Library, input: &ClientInput) -> Result<Client> {
    clients::save(lib.conn(), input)
}
