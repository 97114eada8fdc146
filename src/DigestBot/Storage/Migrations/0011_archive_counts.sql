-- Counts the web archive reads on every page, kept by triggers so a page reads a row instead of counting an index:
-- counting the posted notes of 100,000 took longer than a whole page may (bench/README.md, "The archive on the web").
-- posted_notes: how many notes are posted. tag_months: per tag and month (yyyy-MM of posted_at, UTC), how many posted
-- notes carry the tag, for a tag page's chart. A note or tag whose posted_at is cleared again, or that is deleted, counts
-- down, so taking a note back stays correct whichever way it is done.
CREATE TABLE posted_notes (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL
);
INSERT INTO posted_notes (id, count) SELECT 1, COUNT(*) FROM notes WHERE posted_at IS NOT NULL;

CREATE TRIGGER posted_notes_update AFTER UPDATE OF posted_at ON notes
    WHEN (old.posted_at IS NULL) != (new.posted_at IS NULL) BEGIN
    UPDATE posted_notes SET count = count + (CASE WHEN new.posted_at IS NULL THEN -1 ELSE 1 END) WHERE id = 1;
END;
CREATE TRIGGER posted_notes_insert AFTER INSERT ON notes WHEN new.posted_at IS NOT NULL BEGIN
    UPDATE posted_notes SET count = count + 1 WHERE id = 1;
END;
CREATE TRIGGER posted_notes_delete AFTER DELETE ON notes WHEN old.posted_at IS NOT NULL BEGIN
    UPDATE posted_notes SET count = count - 1 WHERE id = 1;
END;

CREATE TABLE tag_months (
    tag    TEXT    NOT NULL,
    month  TEXT    NOT NULL,
    posted INTEGER NOT NULL,
    PRIMARY KEY (tag, month)
) WITHOUT ROWID;
INSERT INTO tag_months (tag, month, posted)
    SELECT tag, substr(posted_at, 1, 7), COUNT(*) FROM note_tags WHERE posted_at IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER tag_months_insert AFTER INSERT ON note_tags WHEN new.posted_at IS NOT NULL BEGIN
    INSERT INTO tag_months (tag, month, posted) VALUES (new.tag, substr(new.posted_at, 1, 7), 1)
    ON CONFLICT (tag, month) DO UPDATE SET posted = posted + 1;
END;
CREATE TRIGGER tag_months_update AFTER UPDATE OF posted_at ON note_tags
    WHEN old.posted_at IS NOT new.posted_at BEGIN
    UPDATE tag_months SET posted = posted - 1 WHERE old.posted_at IS NOT NULL AND tag = old.tag AND month = substr(old.posted_at, 1, 7);
    INSERT INTO tag_months (tag, month, posted) SELECT new.tag, substr(new.posted_at, 1, 7), 1 WHERE new.posted_at IS NOT NULL
    ON CONFLICT (tag, month) DO UPDATE SET posted = posted + 1;
END;
CREATE TRIGGER tag_months_delete AFTER DELETE ON note_tags WHEN old.posted_at IS NOT NULL BEGIN
    UPDATE tag_months SET posted = posted - 1 WHERE tag = old.tag AND month = substr(old.posted_at, 1, 7);
END;
