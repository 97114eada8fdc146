-- A note a curator sent in a chat whose key matches a stored note (or the note /edit showed them): what it would change
-- is shown with Update / Cancel buttons, and it waits here, surviving a restart, until one is pressed. before_text is
-- the stored note in the digest format when the change was shown, so an Update after the note changed otherwise is
-- refused as out of date; state goes pending → updated, cancelled or stale once, so a second press finds it done.
CREATE TABLE pending_edits (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES notes (id),
    platform    TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    before_text TEXT    NOT NULL,
    edited_text TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending',
    created_at  TEXT    NOT NULL,
    decided_at  TEXT,
    decided_by  TEXT
);

CREATE INDEX pending_edits_by_chat ON pending_edits (platform, chat_id, state);
