-- The first schema: photos (content-addressed), jobs, the photos of a job, posts and the photos of a post,
-- and settings. Times are ISO 8601 text in local time with offset.

CREATE TABLE photos (
    id            INTEGER PRIMARY KEY,
    hash          TEXT    NOT NULL UNIQUE,          -- blake3 of the original bytes, hex
    format        TEXT    NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'tiff')),
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

CREATE TABLE jobs (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    material   TEXT NOT NULL DEFAULT '',
    process    TEXT NOT NULL DEFAULT '',
    machine    TEXT NOT NULL DEFAULT '',
    tolerance  TEXT NOT NULL DEFAULT '',
    finish     TEXT NOT NULL DEFAULT '',
    quantity   TEXT NOT NULL DEFAULT '',
    lead_time  TEXT NOT NULL DEFAULT '',
    story      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE job_photos (
    job_id   INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    role     TEXT CHECK (role IN ('stock', 'in_process', 'finished', 'measured', 'machine')),
    caption  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, photo_id)
);
CREATE INDEX job_photos_by_photo ON job_photos (photo_id);

CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    job_id        INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    platform      TEXT    NOT NULL CHECK (platform IN ('naver', 'html', 'markdown')),
    title         TEXT    NOT NULL DEFAULT '',
    blocks_json   TEXT    NOT NULL DEFAULT '[]',
    tags_json     TEXT    NOT NULL DEFAULT '[]',
    status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'exported', 'published')),
    export_path   TEXT,
    published_url TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    exported_at   TEXT
);
CREATE INDEX posts_by_job ON posts (job_id, updated_at);

CREATE TABLE post_photos (
    post_id  INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    caption  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (post_id, photo_id)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
