-- Changes that leave a trace: the guard log also records every change of a customer's name, policy or aliases,
-- of a job's owner, every removed redaction box and every removed watch word; and neither append-only table can
-- be rewritten by INSERT OR REPLACE (REPLACE deletes the old row without firing DELETE triggers while
-- recursive_triggers is off, the default).
--
-- SQLite cannot alter a CHECK constraint, so guard_log is rebuilt: a new table, every row copied with its id,
-- the old table dropped (an implicit DELETE that fires no trigger), the new one renamed, its index and triggers
-- made again. The migration runs in one transaction: a failure leaves version 4 as it was.
--
-- New columns:
--   job_id    now NULL for entries about the whole library: a customer's change (client_id set), a removed
--             watch word, a box removed from a photo that is in no job.
--   client_id the customer an entry is about: for 'client_changed' that customer; for 'owner_changed' the
--             customer the job was taken from (NULL when it was own or not set), so a job's history can list
--             every customer the job has had. A plain number, like post_id: the log outlives what it names.
--   photo_id  for 'box_removed': the photo the box was taken from.

CREATE TABLE guard_log_v5 (
    id        INTEGER PRIMARY KEY,
    job_id    INTEGER REFERENCES jobs (id) ON DELETE RESTRICT,
    post_id   INTEGER,
    client_id INTEGER,
    photo_id  INTEGER,
    kind      TEXT NOT NULL CHECK (kind IN ('export', 'override', 'refused', 'client_changed',
                                            'owner_changed', 'box_removed', 'word_removed')),
    detail    TEXT NOT NULL DEFAULT '',
    detail_en TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL
);
INSERT INTO guard_log_v5 (id, job_id, post_id, kind, detail, detail_en, at)
    SELECT id, job_id, post_id, kind, detail, detail_en, at FROM guard_log ORDER BY id;
DROP TABLE guard_log;
ALTER TABLE guard_log_v5 RENAME TO guard_log;
CREATE INDEX guard_log_by_job ON guard_log (job_id, id);
CREATE INDEX guard_log_by_client ON guard_log (client_id, id);

CREATE TRIGGER guard_log_no_update BEFORE UPDATE ON guard_log
BEGIN SELECT RAISE(ABORT, 'the guard log is append-only'); END;
CREATE TRIGGER guard_log_no_delete BEFORE DELETE ON guard_log
BEGIN SELECT RAISE(ABORT, 'the guard log is append-only'); END;

-- An insert whose id is taken is refused before SQLite's conflict handling runs: INSERT OR REPLACE, REPLACE
-- INTO, INSERT OR IGNORE and upserts all stop here. (The id is the only UNIQUE key of both tables.) In a BEFORE
-- INSERT trigger an id left to SQLite reads as -1, so no row may ever have an id below 1: the AFTER INSERT
-- triggers refuse one given by hand.
CREATE TRIGGER guard_log_no_replace BEFORE INSERT ON guard_log
WHEN EXISTS (SELECT 1 FROM guard_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the guard log is append-only'); END;
CREATE TRIGGER guard_log_positive_id AFTER INSERT ON guard_log
WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'the guard log is append-only'); END;

CREATE TRIGGER approvals_no_replace BEFORE INSERT ON approvals
WHEN EXISTS (SELECT 1 FROM approvals WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER approvals_positive_id AFTER INSERT ON approvals
WHEN NEW.id < 1
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
