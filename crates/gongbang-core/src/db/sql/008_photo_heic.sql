-- Issue 14 item 5: iPhone photos (HEIC) are stored as they came, so `photos.format` may now be 'heic'.
-- SQLite cannot change a CHECK in place: the table is rebuilt (the 12-step procedure of "ALTER TABLE",
-- https://www.sqlite.org/lang_altertable.html). db/migrations.rs runs this with foreign_keys OFF (so dropping
-- the old table neither cascades into redactions/photo_quality nor is refused for job_photos/post_photos)
-- and checks `PRAGMA foreign_key_check` before the transaction commits. Every row keeps its id, so every
-- reference stays valid. At schema 7 photos has no index or trigger but its UNIQUE (hash) one, which the
-- table definition itself re-creates.

CREATE TABLE photos_v8 (
    id            INTEGER PRIMARY KEY,
    hash          TEXT    NOT NULL UNIQUE,          -- blake3 of the original bytes, hex
    format        TEXT    NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'tiff', 'heic')),
    original_name TEXT    NOT NULL,
    original_path TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    taken_at      TEXT,
    width         INTEGER NOT NULL,                 -- upright
    height        INTEGER NOT NULL,                 -- upright
    orientation   INTEGER NOT NULL DEFAULT 1,
    camera_make   TEXT,
    camera_model  TEXT,
    has_gps       INTEGER NOT NULL DEFAULT 0,
    byte_size     INTEGER NOT NULL
);

INSERT INTO photos_v8 (id, hash, format, original_name, original_path, imported_at, taken_at, width, height,
                       orientation, camera_make, camera_model, has_gps, byte_size)
SELECT id, hash, format, original_name, original_path, imported_at, taken_at, width, height,
       orientation, camera_make, camera_model, has_gps, byte_size
FROM photos;

DROP TABLE photos;
ALTER TABLE photos_v8 RENAME TO photos;
