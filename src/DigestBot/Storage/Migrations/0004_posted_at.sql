-- When a note was first posted anywhere, kept on the note and on each of its tags, so that lookups
-- (/tag, /tags, /search for everyone) read an index instead of every note's delivery records.
-- Set in the same transaction that records the first sent delivery (DeliveryStore.MarkSentAsync).
ALTER TABLE notes ADD COLUMN posted_at TEXT;
ALTER TABLE note_tags ADD COLUMN posted_at TEXT;
UPDATE notes SET posted_at = (SELECT MIN(d.sent_at) FROM deliveries d WHERE d.note_id = notes.id AND d.state = 'sent');
UPDATE note_tags SET posted_at = (SELECT n.posted_at FROM notes n WHERE n.id = note_tags.note_id);
CREATE INDEX notes_posted ON notes (posted_at);
CREATE INDEX note_tags_posted ON note_tags (tag, posted_at);
