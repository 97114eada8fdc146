-- Notes are stored once; each destination gets its own delivery record.
CREATE TABLE notes (
    id              INTEGER PRIMARY KEY,
    dedupe_key      TEXT    NOT NULL UNIQUE,
    arxiv_id        TEXT,
    title           TEXT    NOT NULL,
    authors         TEXT    NOT NULL DEFAULT '[]',
    abstract        TEXT    NOT NULL DEFAULT '',
    links           TEXT    NOT NULL DEFAULT '[]',
    commentary      TEXT    NOT NULL DEFAULT '',
    digest_date     TEXT,
    source          TEXT    NOT NULL,
    source_line     INTEGER,
    queue_position  INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    -- Set when a slot takes the note from the queue; its deliveries are created in the same transaction.
    taken_at        TEXT
);
CREATE INDEX notes_queue ON notes (taken_at, queue_position);
CREATE INDEX notes_arxiv ON notes (arxiv_id);

CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (note_id, tag)
);
CREATE INDEX note_tags_tag ON note_tags (tag);

CREATE TABLE deliveries (
    note_id      INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    destination  TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    parts_sent   INTEGER NOT NULL DEFAULT 0,
    message_ids  TEXT    NOT NULL DEFAULT '[]',
    permalink    TEXT,
    reason       TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    sent_at      TEXT,
    PRIMARY KEY (note_id, destination)
);
CREATE INDEX deliveries_state ON deliveries (state);

CREATE TABLE bot_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Trigram tokens find substrings in any script, Korean included.
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    title, abstract, commentary,
    content = 'notes', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, abstract, commentary) VALUES (new.id, new.title, new.abstract, new.commentary);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, abstract, commentary) VALUES ('delete', old.id, old.title, old.abstract, old.commentary);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, abstract, commentary ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, abstract, commentary) VALUES ('delete', old.id, old.title, old.abstract, old.commentary);
    INSERT INTO notes_fts (rowid, title, abstract, commentary) VALUES (new.id, new.title, new.abstract, new.commentary);
END;
