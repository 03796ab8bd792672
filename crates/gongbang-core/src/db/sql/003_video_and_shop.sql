-- YouTube and Shorts posts (with the owner's video settings), and the shop profile the end card, the
-- description and (later) the coach read. SQLite cannot change a CHECK constraint, so posts is rebuilt;
-- post_photos is kept aside meanwhile because dropping posts cascades into it.

CREATE TABLE post_photos_keep AS SELECT * FROM post_photos;

CREATE TABLE posts_new (
    id            INTEGER PRIMARY KEY,
    job_id        INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    platform      TEXT    NOT NULL
                  CHECK (platform IN ('naver', 'html', 'markdown', 'youtube', 'shorts')),
    title         TEXT    NOT NULL DEFAULT '',
    blocks_json   TEXT    NOT NULL DEFAULT '[]',
    tags_json     TEXT    NOT NULL DEFAULT '[]',
    status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'exported', 'published')),
    export_path   TEXT,
    published_url TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    exported_at   TEXT,
    video_json    TEXT    NOT NULL DEFAULT '{}'
);
INSERT INTO posts_new (id, job_id, platform, title, blocks_json, tags_json, status, export_path,
                       published_url, created_at, updated_at, exported_at)
    SELECT id, job_id, platform, title, blocks_json, tags_json, status, export_path, published_url,
           created_at, updated_at, exported_at
    FROM posts;
DROP TABLE posts;
ALTER TABLE posts_new RENAME TO posts;
CREATE INDEX posts_by_job ON posts (job_id, updated_at);

DELETE FROM post_photos;
INSERT INTO post_photos SELECT * FROM post_photos_keep;
DROP TABLE post_photos_keep;

CREATE TABLE shop_profile (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    name                 TEXT NOT NULL DEFAULT '',
    owner                TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    email                TEXT NOT NULL DEFAULT '',
    address              TEXT NOT NULL DEFAULT '',
    region_keywords_json TEXT NOT NULL DEFAULT '[]',
    website              TEXT NOT NULL DEFAULT '',
    kakao                TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL
);
