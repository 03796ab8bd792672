-- Issue 15: a mentor's review. A review bundle the owner sent (role 'sent', with its post) or a bundle a
-- mentor opened (role 'received', no post: the post lives in the bundle file kept in the library's
-- reviews/ folder). The notes are the mentor's comments and suggested rewrites: drafts on the mentor's side
-- until the reply is written, then on the owner's side each one open, accepted or declined (undo puts it back
-- to open). The notes are the post's review history: who said what, when, and what the owner did with it.

CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    bundle_id   TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('sent', 'received')),
    post_id     INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    shop_name   TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    platform    TEXT NOT NULL,
    -- sent: the file as written; received: the copy inside the library folder (relative to it).
    file        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    -- received: when the mentor wrote the reply; sent: when the last reply was opened.
    replied_at  TEXT,
    UNIQUE (bundle_id, role)
);
CREATE INDEX reviews_post ON reviews (post_id);

CREATE TABLE review_notes (
    id           INTEGER PRIMARY KEY,
    review_id    INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    -- The reply the note came in (owner's side); NULL for the mentor's own drafts.
    reply_id     TEXT,
    author       TEXT NOT NULL,
    target       TEXT NOT NULL CHECK (target IN ('title', 'block')),
    block_index  INTEGER,
    comment      TEXT NOT NULL DEFAULT '',
    -- A suggested rewrite: the text it replaces (as sent) and the new text.
    original     TEXT,
    suggestion   TEXT,
    state        TEXT NOT NULL DEFAULT 'open'
                 CHECK (state IN ('draft', 'open', 'accepted', 'declined')),
    decided_at   TEXT,
    created_at   TEXT NOT NULL,
    CHECK ((target = 'title') = (block_index IS NULL)),
    CHECK ((original IS NULL) = (suggestion IS NULL))
);
CREATE INDEX review_notes_review ON review_notes (review_id);
CREATE INDEX review_notes_reply ON review_notes (reply_id);
