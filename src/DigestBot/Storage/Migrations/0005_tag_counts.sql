-- Per-tag counts of posted and queued notes, kept by triggers on note_tags, so /tags and the heading of /tag
-- read one row per tag instead of counting index entries (a tag can be on a third of all notes).
CREATE TABLE tag_counts (
    tag    TEXT    PRIMARY KEY,
    posted INTEGER NOT NULL DEFAULT 0,
    queued INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tag_counts (tag, posted, queued)
    SELECT tag, COUNT(posted_at), COUNT(*) - COUNT(posted_at) FROM note_tags GROUP BY tag;

CREATE TRIGGER tag_counts_insert AFTER INSERT ON note_tags BEGIN
    INSERT INTO tag_counts (tag, posted, queued) VALUES (new.tag, new.posted_at IS NOT NULL, new.posted_at IS NULL)
    ON CONFLICT (tag) DO UPDATE SET posted = posted + (new.posted_at IS NOT NULL), queued = queued + (new.posted_at IS NULL);
END;
CREATE TRIGGER tag_counts_posted AFTER UPDATE OF posted_at ON note_tags
    WHEN old.posted_at IS NULL AND new.posted_at IS NOT NULL BEGIN
    UPDATE tag_counts SET posted = posted + 1, queued = queued - 1 WHERE tag = new.tag;
END;
CREATE TRIGGER tag_counts_delete AFTER DELETE ON note_tags BEGIN
    UPDATE tag_counts SET posted = posted - (old.posted_at IS NOT NULL), queued = queued - (old.posted_at IS NULL) WHERE tag = old.tag;
END;
