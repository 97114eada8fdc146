-- The search index's text comes with Latin diacritics already removed by search_text() (SearchText.ForIndex), so the
-- tokenizer no longer removes them: its remove_diacritics looked up every non-ASCII character it read, Korean included,
-- which was a tenth of an import's time on its one SQLite thread (bench/README.md, fix 16). Searches fold the same way.
-- The index is written again from the notes, with the same options as before (0006, 0007).
DROP TABLE note_words;
CREATE VIRTUAL TABLE note_words USING fts5 (
    title, abstract, commentary,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO note_words (note_words, rank) VALUES ('automerge', 0);
INSERT INTO note_words (rowid, title, abstract, commentary)
    SELECT id, search_text(title), search_text(abstract), search_text(commentary) FROM notes;
