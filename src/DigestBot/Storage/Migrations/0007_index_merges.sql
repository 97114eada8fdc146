-- FTS5 merges its index segments as it writes (automerge 4 by default), which was half of an import's index time
-- (bench/README.md). With automerge off, segments are merged only when 16 of one size pile up (crisismerge), in
-- larger steps: imports are faster, and a search still reads few enough segments to stay near a millisecond.
INSERT INTO note_words (note_words, rank) VALUES ('automerge', 0);
