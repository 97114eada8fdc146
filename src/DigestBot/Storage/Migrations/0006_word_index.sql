-- The search index holds words and CJK bigrams instead of trigrams (SearchText explains the split): about a fifth of the
-- tokens, so imports are several times faster, and two-character Korean words are indexed instead of scanned.
-- Contentless: the note's text lives in notes only. search_text() is SearchText.ForIndex, registered on every connection
-- DigestBot opens. NoteWriter adds a new note's row itself (see there why not a trigger); the triggers re-index a note
-- whose title, abstract or commentary changes (late metadata, a curator's follow-up), in the same transaction.
DROP TRIGGER notes_fts_insert;
DROP TRIGGER notes_fts_delete;
DROP TRIGGER notes_fts_update;
DROP TABLE notes_fts;

CREATE VIRTUAL TABLE note_words USING fts5 (
    title, abstract, commentary,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO note_words (rowid, title, abstract, commentary)
    SELECT id, search_text(title), search_text(abstract), search_text(commentary) FROM notes;

-- The index's ASCII words, so that a search expands a prefix ("segment") into the few words it stands for and asks
-- FTS5 for those exactly: for a prefix, FTS5 merges every posting of every word it starts before the first match.
-- Only ever added to: a word no note has any more just matches nothing.
CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.note_words_vocabulary USING fts5vocab (main, note_words, 'row');
INSERT INTO search_words SELECT term FROM temp.note_words_vocabulary WHERE term NOT GLOB '*[^a-z0-9]*';
DROP TABLE temp.note_words_vocabulary;

CREATE TRIGGER note_words_update AFTER UPDATE OF title, abstract, commentary ON notes BEGIN
    INSERT OR IGNORE INTO search_words SELECT value FROM json_each(search_words(new.title || ' ' || new.abstract || ' ' || new.commentary));
    DELETE FROM note_words WHERE rowid = old.id;
    INSERT INTO note_words (rowid, title, abstract, commentary)
    VALUES (new.id, search_text(new.title), search_text(new.abstract), search_text(new.commentary));
END;
CREATE TRIGGER note_words_delete AFTER DELETE ON notes BEGIN
    DELETE FROM note_words WHERE rowid = old.id;
END;
