-- Schema version 3 (applied after schema_2.sql): an attribution is its own row, any number
-- per sentence; `who` searches what was said, not whole sentences; ids are never reused;
-- article titles get an index for autocomplete.

-- One row per attributed clause. ordinal 0 is the sentence's main attribution (what
-- `ask` shows and `export` gives as the sentence's speaker); start/end are the content's
-- character offsets into the sentence text (NULL: not a span of it).
CREATE TABLE attribution_rows (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    speaker_id  INTEGER NOT NULL REFERENCES speakers (id),
    role        TEXT,
    cue         TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'according')),
    content     TEXT,
    start       INTEGER,
    end         INTEGER,
    quote       INTEGER,                  -- groups the sentences of one multi-sentence quote
    UNIQUE (sentence_id, ordinal)
);
-- Version 2's rows (one a sentence) become main attributions, keeping their order.
INSERT INTO attribution_rows (sentence_id, article_id, ordinal, speaker_id, role, cue, kind, content, quote)
    SELECT sentence_id, article_id, 0, speaker_id, role, cue, kind, content, quote
    FROM attributions ORDER BY sentence_id;

-- quotes_fts indexed only some rows of `sentences`, its external content, so FTS5's own
-- integrity check failed and a rebuild would have indexed every sentence. Its content is
-- now exactly what it indexes, a row per attribution: what was said (the content; the
-- sentence when it has none) and the sentence it was said in (people remember a quote
-- with its surroundings: "Lee said only that ...").
DROP TABLE quotes_fts;
DROP TABLE attributions;
ALTER TABLE attribution_rows RENAME TO attributions;
CREATE INDEX attributions_speaker ON attributions (speaker_id);
CREATE INDEX attributions_article ON attributions (article_id);

CREATE VIEW quote_texts (id, content, sentence) AS
    SELECT at.id, coalesce(at.content, s.text), s.text
    FROM attributions at JOIN sentences s ON s.id = at.sentence_id;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    content,
    sentence,
    content = 'quote_texts',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

-- The last id handed out per table: ids are taken from here, never max(id) + 1, so a
-- removed article's id is never given to another (a pending /remove confirmation names
-- an id; it must not come to mean a different article).
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) SELECT 'articles', coalesce(max(id), 0) FROM articles;

-- Titles for /article autocomplete: word prefixes, so each keystroke is an index lookup.
-- External content (the articles table), kept in step by triggers.
CREATE VIRTUAL TABLE titles_fts USING fts5 (
    title,
    content = 'articles',
    content_rowid = 'id',
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO titles_fts (titles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_titles_insert AFTER INSERT ON articles BEGIN
    INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER articles_titles_delete AFTER DELETE ON articles BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER articles_titles_update AFTER UPDATE OF title ON articles BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;
-- Newest first, as the article list and empty autocomplete show them.
CREATE INDEX articles_newest ON articles (coalesce(date, substr(added_at, 1, 10)) DESC, id DESC);
