-- The coach (issue 5): the rest of the shop profile (equipment, materials, capabilities, logo), a log of
-- every export and publication (the calendar, the streak, the history), and each photo's measured exposure
-- and sharpness (the "dark or blurry photo" check). The weekly goal and the AI endpoint are settings; the
-- AI key is never here (OS keychain).

ALTER TABLE shop_profile ADD COLUMN equipment_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE shop_profile ADD COLUMN materials_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE shop_profile ADD COLUMN tolerance      TEXT NOT NULL DEFAULT '';
ALTER TABLE shop_profile ADD COLUMN sizes          TEXT NOT NULL DEFAULT '';
ALTER TABLE shop_profile ADD COLUMN lot_sizes      TEXT NOT NULL DEFAULT '';
-- A clean PNG (re-encoded, ≤ 512 px, no metadata), never the owner's file itself.
ALTER TABLE shop_profile ADD COLUMN logo_png       BLOB;

CREATE TABLE post_events (
    id       INTEGER PRIMARY KEY,
    post_id  INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('exported', 'published')),
    at       TEXT    NOT NULL,          -- local ISO 8601 with offset
    at_ms    INTEGER NOT NULL,          -- the same instant, for ordering and week arithmetic
    folder   TEXT,                      -- the export folder (exported)
    url      TEXT                       -- where it was published (published)
);
CREATE INDEX post_events_by_time ON post_events (at_ms);
CREATE INDEX post_events_by_post ON post_events (post_id);

-- Exports made before this log existed count too.
INSERT INTO post_events (post_id, kind, at, at_ms, folder)
    SELECT id, 'exported', exported_at,
           CAST(ROUND((julianday(exported_at) - 2440587.5) * 86400000) AS INTEGER), export_path
    FROM posts WHERE exported_at IS NOT NULL AND julianday(exported_at) IS NOT NULL;

CREATE TABLE photo_quality (
    photo_id    INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    mean_luma   REAL NOT NULL,          -- 0–255, BT.709 luma of the upright photo at 512 px
    sharpness   REAL NOT NULL,          -- variance of the Laplacian of that grey image
    measured_at TEXT NOT NULL
);
