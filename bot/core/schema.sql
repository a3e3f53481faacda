-- Archivist archive, schema version 1. Applied by store.py's migrations (PRAGMA user_version).

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    guild_id     INTEGER,                 -- NULL: global (seeds, the command line); else one server's
    title        TEXT NOT NULL,
    date         TEXT,                    -- ISO 8601 (YYYY-MM-DD) or NULL
    author       TEXT,
    source       TEXT,                    -- URL or file name
    body         TEXT NOT NULL,
    content_hash TEXT NOT NULL,           -- duplicate key: the body, case- and space-folded
    added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_guild ON articles (guild_id, date);

CREATE TABLE sentences (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,          -- position in the article
    paragraph  INTEGER NOT NULL,
    start      INTEGER NOT NULL,          -- character offsets into articles.body
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE speakers (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,   -- canonical: the fullest form an article gives
    is_person INTEGER NOT NULL DEFAULT 1
);

-- Every form an article uses for a speaker: surnames, titled forms, role nouns.
CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (speaker_id, article_id, alias)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_article ON speaker_aliases (article_id);

CREATE TABLE attributions (
    sentence_id INTEGER PRIMARY KEY REFERENCES sentences (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_id  INTEGER NOT NULL REFERENCES speakers (id),
    role        TEXT,
    cue         TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'according')),
    content     TEXT,
    quote       INTEGER                   -- groups the sentences of one multi-sentence quote
);
CREATE INDEX attributions_speaker ON attributions (speaker_id);
CREATE INDEX attributions_article ON attributions (article_id);

-- Full-text index over sentence text (external content: the text is stored once).
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, 'row');
