-- Indexes the benchmarks showed missing (bench/README.md).
-- Every insert asks for MAX(queue_position): without an index that scanned every note, so imports were quadratic.
CREATE INDEX notes_position ON notes (queue_position);
-- "Posted?" and "first sent when?" are asked per note by every lookup; without stats SQLite answered them through
-- deliveries_state, scanning every sent delivery for every note. This one answers both from the index alone.
CREATE INDEX deliveries_note_state ON deliveries (note_id, state, sent_at);
-- /tag and /tags read a tag's note ids from the index alone.
CREATE INDEX note_tags_tag_note ON note_tags (tag, note_id);
