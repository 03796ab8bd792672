-- The one-click replace reaches the texts an export makes from the job record (the description's first line,
-- the fallback title and tags, the title card and its subtitle, the first caption): the owner's job record
-- stays as typed, and the replacement is kept with the post, applied by the one function that makes every
-- text of an export (export::texts). Not a log: replacing the same words again updates the row.

CREATE TABLE post_replacements (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    find        TEXT    NOT NULL CHECK (find <> ''),
    replacement TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    UNIQUE (post_id, find)
);
