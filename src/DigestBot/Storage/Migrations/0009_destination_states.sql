-- A destination the operator configured is 'ok', or 'paused' after an error that concerns the whole destination (no
-- permission, channel gone, token revoked): its deliveries stay pending while it is probed with backoff.
CREATE TABLE destination_states (
    destination TEXT    PRIMARY KEY,
    state       TEXT    NOT NULL CHECK (state IN ('ok', 'paused')),
    reason      TEXT,
    since       TEXT,
    probes      INTEGER NOT NULL DEFAULT 0,
    probe_at    TEXT
);

-- 'dropped': given up without a failure — the backlog of a paused destination a curator dropped, or what was still
-- waiting for a subscription that ended. SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE deliveries_new (
    note_id      INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    destination  TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
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
INSERT INTO deliveries_new (note_id, destination, state, parts_sent, message_ids, permalink, reason, attempts, created_at, updated_at, sent_at)
    SELECT note_id, destination, state, parts_sent, message_ids, permalink, reason, attempts, created_at, updated_at, sent_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_state ON deliveries (state);
CREATE INDEX deliveries_note_state ON deliveries (note_id, state, sent_at);
-- A lane reads its own unfinished deliveries, and its last post, by destination.
CREATE INDEX deliveries_destination_state ON deliveries (destination, state, sent_at);
