-- Issue 15: template packs. A pack is signed by its author's Ed25519 key; a key is trusted once, on first
-- use (the owner says "믿기" / the CLI's --trust), and remembered here with the name it came with. The same
-- name with another key is another author and is asked about again.
-- The installed packs: the files are in <library>/packs/<id>/; `seq` orders them (the newest-installed pack
-- wins over older ones). A pack's row goes first when it is removed, so its files stop being used at once.

CREATE TABLE pack_authors (
    key        TEXT PRIMARY KEY CHECK (length(key) = 64),
    name       TEXT NOT NULL,
    trusted_at TEXT NOT NULL
);

CREATE TABLE packs (
    id           TEXT PRIMARY KEY CHECK (length(id) = 64),
    name         TEXT NOT NULL,
    author_key   TEXT NOT NULL REFERENCES pack_authors (key),
    author_name  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    seq          INTEGER NOT NULL UNIQUE,
    file_count   INTEGER NOT NULL
);
