-- Issue 14: the library. Products (what the shop makes, as the owner thinks of it), the job's product, kind
-- (a job, or a post about a product) and its archive/removal marks, removals with undo, and one full-text
-- index over everything the owner may search for.
--
-- This migration does not depend on the shape of `photos` (migration 008 may rebuild it): it only refers to
-- photos by id, and keeps no trigger on it.
--
-- The search index is an FTS5 table with the trigram tokenizer: any three characters of a word find it, so
-- Korean is found by any part of a word (no word splitting, no dictionary). Every indexed text goes through
-- gb_nfc (NFC normalisation, a function the library registers on every connection it opens), so text typed
-- decomposed (NFD, as some macOS and old Windows tools write Hangul) is found by composed queries and back.
-- One row per searchable thing; its rowid says what it is, so a trigger replaces it by rowid:
--   1<<56 | job id           a job (title; every field)
--   2<<56 | product id       a product (name; kind, material, process, description)
--   3<<56 | client id        a customer (name; aliases)
--   4<<56 | post id          a post (title; every text of its blocks, its tags)
--   5<<56 | job<<28 | photo  a photo's caption in a job

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind           TEXT NOT NULL DEFAULT '',
    material       TEXT NOT NULL DEFAULT '',
    process        TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    cover_photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
    archived_at    TEXT,
    removed_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX products_by_cover ON products (cover_photo_id);

ALTER TABLE jobs ADD COLUMN product_id INTEGER REFERENCES products (id) ON DELETE SET NULL;
ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'job' CHECK (kind IN ('job', 'product_post'));
ALTER TABLE jobs ADD COLUMN archived_at TEXT;
ALTER TABLE jobs ADD COLUMN removed_at TEXT;
CREATE INDEX jobs_by_product ON jobs (product_id);
CREATE INDEX jobs_by_created ON jobs (created_at DESC, id DESC);
CREATE INDEX jobs_by_client ON jobs (client_id);
CREATE INDEX post_photos_by_photo ON post_photos (photo_id);

-- What was removed (hidden at once, purged 30 days later on start unless undone). `detail_json` keeps what
-- undo needs (for a product: the jobs whose link was cleared).
CREATE TABLE removals (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('job', 'product')),
    ref_id      INTEGER NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    detail_json TEXT    NOT NULL DEFAULT '{}',
    removed_at  TEXT    NOT NULL,
    removed_ms  INTEGER NOT NULL
);
CREATE INDEX removals_by_time ON removals (removed_ms);

CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED, ref_id UNINDEXED, job_id UNINDEXED, title, body, tokenize = 'trigram'
);

-- Jobs.
CREATE TRIGGER search_job_insert AFTER INSERT ON jobs BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((1 << 56) | NEW.id, 'job', NEW.id, NEW.id, gb_nfc(NEW.title),
            gb_nfc(concat_ws(' ', NEW.material, NEW.process, NEW.machine, NEW.tolerance, NEW.finish,
                             NEW.quantity, NEW.lead_time, NEW.story)));
END;
CREATE TRIGGER search_job_update AFTER UPDATE OF title, material, process, machine, tolerance, finish,
    quantity, lead_time, story ON jobs BEGIN
    DELETE FROM search_index WHERE rowid = (1 << 56) | OLD.id;
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((1 << 56) | NEW.id, 'job', NEW.id, NEW.id, gb_nfc(NEW.title),
            gb_nfc(concat_ws(' ', NEW.material, NEW.process, NEW.machine, NEW.tolerance, NEW.finish,
                             NEW.quantity, NEW.lead_time, NEW.story)));
END;
CREATE TRIGGER search_job_delete AFTER DELETE ON jobs BEGIN
    DELETE FROM search_index WHERE rowid = (1 << 56) | OLD.id;
END;

-- Products.
CREATE TRIGGER search_product_insert AFTER INSERT ON products BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((2 << 56) | NEW.id, 'product', NEW.id, NULL, gb_nfc(NEW.name),
            gb_nfc(concat_ws(' ', NEW.kind, NEW.material, NEW.process, NEW.description)));
END;
CREATE TRIGGER search_product_update AFTER UPDATE OF name, kind, material, process, description
    ON products BEGIN
    DELETE FROM search_index WHERE rowid = (2 << 56) | OLD.id;
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((2 << 56) | NEW.id, 'product', NEW.id, NULL, gb_nfc(NEW.name),
            gb_nfc(concat_ws(' ', NEW.kind, NEW.material, NEW.process, NEW.description)));
END;
CREATE TRIGGER search_product_delete AFTER DELETE ON products BEGIN
    DELETE FROM search_index WHERE rowid = (2 << 56) | OLD.id;
END;

-- Customers.
CREATE TRIGGER search_client_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((3 << 56) | NEW.id, 'customer', NEW.id, NULL, gb_nfc(NEW.name),
            gb_nfc((SELECT group_concat(value, ' ') FROM json_each(NEW.aliases_json))));
END;
CREATE TRIGGER search_client_update AFTER UPDATE OF name, aliases_json ON clients BEGIN
    DELETE FROM search_index WHERE rowid = (3 << 56) | OLD.id;
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((3 << 56) | NEW.id, 'customer', NEW.id, NULL, gb_nfc(NEW.name),
            gb_nfc((SELECT group_concat(value, ' ') FROM json_each(NEW.aliases_json))));
END;
CREATE TRIGGER search_client_delete AFTER DELETE ON clients BEGIN
    DELETE FROM search_index WHERE rowid = (3 << 56) | OLD.id;
END;

-- Posts: the title, every text of the blocks (not their kinds), the tags.
CREATE TRIGGER search_post_insert AFTER INSERT ON posts BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((4 << 56) | NEW.id, 'post', NEW.id, NEW.job_id, gb_nfc(NEW.title),
            gb_nfc(concat_ws(' ',
                (SELECT group_concat(value, ' ') FROM json_tree(NEW.blocks_json)
                  WHERE type = 'text' AND key IS NOT 'kind'),
                (SELECT group_concat(value, ' ') FROM json_each(NEW.tags_json)))));
END;
CREATE TRIGGER search_post_update AFTER UPDATE OF title, blocks_json, tags_json, job_id ON posts BEGIN
    DELETE FROM search_index WHERE rowid = (4 << 56) | OLD.id;
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((4 << 56) | NEW.id, 'post', NEW.id, NEW.job_id, gb_nfc(NEW.title),
            gb_nfc(concat_ws(' ',
                (SELECT group_concat(value, ' ') FROM json_tree(NEW.blocks_json)
                  WHERE type = 'text' AND key IS NOT 'kind'),
                (SELECT group_concat(value, ' ') FROM json_each(NEW.tags_json)))));
END;
CREATE TRIGGER search_post_delete AFTER DELETE ON posts BEGIN
    DELETE FROM search_index WHERE rowid = (4 << 56) | OLD.id;
END;

-- Captions of a job's photos.
CREATE TRIGGER search_caption_insert AFTER INSERT ON job_photos WHEN NEW.caption <> '' BEGIN
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    VALUES ((5 << 56) | (NEW.job_id << 28) | NEW.photo_id, 'photo', NEW.photo_id, NEW.job_id,
            gb_nfc(NEW.caption), '');
END;
CREATE TRIGGER search_caption_update AFTER UPDATE OF caption ON job_photos BEGIN
    DELETE FROM search_index WHERE rowid = (5 << 56) | (OLD.job_id << 28) | OLD.photo_id;
    INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    SELECT (5 << 56) | (NEW.job_id << 28) | NEW.photo_id, 'photo', NEW.photo_id, NEW.job_id,
           gb_nfc(NEW.caption), ''
    WHERE NEW.caption <> '';
END;
CREATE TRIGGER search_caption_delete AFTER DELETE ON job_photos BEGIN
    DELETE FROM search_index WHERE rowid = (5 << 56) | (OLD.job_id << 28) | OLD.photo_id;
END;

-- What was there before this migration.
INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    SELECT (1 << 56) | id, 'job', id, id, gb_nfc(title),
           gb_nfc(concat_ws(' ', material, process, machine, tolerance, finish, quantity, lead_time, story))
    FROM jobs;
INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    SELECT (3 << 56) | id, 'customer', id, NULL, gb_nfc(name),
           gb_nfc((SELECT group_concat(value, ' ') FROM json_each(clients.aliases_json)))
    FROM clients;
INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    SELECT (4 << 56) | id, 'post', id, job_id, gb_nfc(title),
           gb_nfc(concat_ws(' ',
               (SELECT group_concat(value, ' ') FROM json_tree(posts.blocks_json)
                 WHERE type = 'text' AND key IS NOT 'kind'),
               (SELECT group_concat(value, ' ') FROM json_each(posts.tags_json))))
    FROM posts;
INSERT INTO search_index (rowid, kind, ref_id, job_id, title, body)
    SELECT (5 << 56) | (job_id << 28) | photo_id, 'photo', photo_id, job_id, gb_nfc(caption), ''
    FROM job_photos WHERE caption <> '';
