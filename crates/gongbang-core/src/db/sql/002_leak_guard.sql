-- The leak guard: customers and their policies, whose part a job is, redaction boxes per photo, the words the
-- owner registered, and an append-only log of approvals and of exports past flagged words.

CREATE TABLE clients (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    aliases_json TEXT NOT NULL DEFAULT '[]',
    policy       TEXT NOT NULL DEFAULT 'ask' CHECK (policy IN ('public', 'ask', 'never')),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- owner_kind NULL = not set: treated as a customer's job with policy 'ask'.
ALTER TABLE jobs ADD COLUMN owner_kind TEXT CHECK (owner_kind IN ('own', 'client'));
ALTER TABLE jobs ADD COLUMN client_id INTEGER REFERENCES clients (id) ON DELETE RESTRICT;

-- Boxes are fractions (0–1) of the upright photo, so they survive any resize.
CREATE TABLE redactions (
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    x REAL NOT NULL CHECK (x >= 0 AND x <= 1),
    y REAL NOT NULL CHECK (y >= 0 AND y <= 1),
    w REAL NOT NULL CHECK (w > 0 AND x + w <= 1.000001),
    h REAL NOT NULL CHECK (h > 0 AND y + h <= 1.000001),
    PRIMARY KEY (photo_id, position)
);

CREATE TABLE watch_words (
    word TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(word)) > 0)
);

-- Who at the customer agreed to which job being shown. Append-only: the triggers refuse edits and deletes.
CREATE TABLE approvals (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE RESTRICT,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    approved_by TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
    how         TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    approved_at TEXT NOT NULL,               -- as the owner said (a date), today when not said
    recorded_at TEXT NOT NULL                -- with milliseconds
);
CREATE INDEX approvals_by_job ON approvals (job_id, id);
CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;

-- What the leak guard let through or stopped, per job: exports, exports past confirmed flagged words, refusals.
CREATE TABLE guard_log (
    id       INTEGER PRIMARY KEY,
    job_id   INTEGER NOT NULL REFERENCES jobs (id) ON DELETE RESTRICT,
    post_id  INTEGER,                     -- kept as a plain number: the log outlives replaced drafts
    kind     TEXT NOT NULL CHECK (kind IN ('export', 'override', 'refused')),
    detail   TEXT NOT NULL DEFAULT '',     -- in Korean
    detail_en TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL                 -- with milliseconds: entries of one second keep their order
);
CREATE INDEX guard_log_by_job ON guard_log (job_id, id);
CREATE TRIGGER guard_log_no_update BEFORE UPDATE ON guard_log
BEGIN SELECT RAISE(ABORT, 'the guard log is append-only'); END;
CREATE TRIGGER guard_log_no_delete BEFORE DELETE ON guard_log
BEGIN SELECT RAISE(ABORT, 'the guard log is append-only'); END;
