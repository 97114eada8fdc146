-- The curator's hands on the queue and on what went out (issue 17).
-- withdrawn_at: taken back by a curator; such a note is neither queued nor posted, and its tags are kept aside in
-- withdrawn_tags (its note_tags rows are deleted, so the triggers of 0005/0011 count it out of /tags and the archive).
-- revised_at: when a curator last changed the note's content, so the archive's feed version changes with it.
ALTER TABLE notes ADD COLUMN withdrawn_at TEXT;
ALTER TABLE notes ADD COLUMN withdrawn_tags TEXT;
ALTER TABLE notes ADD COLUMN revised_at TEXT;

-- One row per posted message to change: 'edit' it to the note's current text, 'send' a part the note did not have
-- (a reply to the first part), 'delete' a part it no longer has, 'withdraw' (delete, or where the platform refuses,
-- say the note was withdrawn). Written in the transaction that changes the note; carried out by the destination's lane.
CREATE TABLE message_edits (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    destination TEXT    NOT NULL,
    part        INTEGER NOT NULL,
    message_id  TEXT,
    kind        TEXT    NOT NULL CHECK (kind IN ('edit', 'send', 'delete', 'withdraw')),
    state       TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    reason      TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX message_edits_pending ON message_edits (destination, state, id);
CREATE INDEX message_edits_note ON message_edits (note_id, id);

-- Every change a curator made to a note, for `history`: who (cli, or a platform user), what, from where (file:line).
CREATE TABLE note_changes (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    who         TEXT    NOT NULL,
    what        TEXT    NOT NULL,
    origin      TEXT
);
CREATE INDEX note_changes_note ON note_changes (note_id, id);

-- The few withdrawn notes, which a curator's search leaves out.
CREATE INDEX notes_withdrawn ON notes (id) WHERE withdrawn_at IS NOT NULL;
