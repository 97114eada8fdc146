-- 1: a note queued from a chat link while arXiv was unreachable waits in the queue, but no slot
-- takes it until its title, authors and abstract have been fetched. 2: arXiv said there is no such paper.
ALTER TABLE notes ADD COLUMN metadata_pending INTEGER NOT NULL DEFAULT 0;
-- When a note without a paper link was last looked up by title, so each is asked about once.
ALTER TABLE notes ADD COLUMN title_lookup_at TEXT;

-- Chats that receive posts too; tag '' means every post.
CREATE TABLE subscriptions (
    platform    TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    tag         TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    PRIMARY KEY (platform, chat_id, tag)
);

-- The bot's "queued" confirmations, so a reply to one can add commentary and tags to its note.
CREATE TABLE chat_confirmations (
    platform    TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    note_id     INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (platform, chat_id, message_id)
);

-- Platform updates (Telegram update_id, Slack event_id) already handled: deliveries may repeat.
CREATE TABLE handled_updates (
    platform    TEXT NOT NULL,
    update_id   TEXT NOT NULL,
    handled_at  TEXT NOT NULL,
    PRIMARY KEY (platform, update_id)
);
CREATE INDEX handled_updates_age ON handled_updates (handled_at);
