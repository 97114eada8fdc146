-- Updates accepted but not handled yet (Telegram's webhook: answered 200 only once the update is here). Written in the
-- transaction that claims the update in handled_updates, deleted once it is handled; what a stop or a crash
-- interrupted is still here at the next start and is handled then. Arrival order is rowid order. attempts counts the
-- times handling began, so that an update that kills the process every time is given up instead of killing every start.
CREATE TABLE pending_updates (
    platform     TEXT    NOT NULL,
    update_id    TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    received_at  TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, update_id)
);
