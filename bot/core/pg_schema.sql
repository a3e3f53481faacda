-- Archivist archive on PostgreSQL, schema version 1. Applied by store_pg_schema.py's
-- migrations (the version is kept in archivist_meta). The same tables as the SQLite archive
-- (schema*.sql), with the full-text indexes as tsvector columns under GIN indexes.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Words as the SQLite archive's tokenizer sees them ('porter unicode61 remove_diacritics 2'):
-- diacritics removed, then Porter's original stemmer (the snowball 'porter' language, the
-- algorithm SQLite's porter tokenizer implements), and no stop words (FTS5 keeps them too).
-- The text reaches to_tsvector already split into words by the store (store_pg_write.words).
CREATE TEXT SEARCH DICTIONARY archivist_porter (TEMPLATE = snowball, Language = porter);
CREATE TEXT SEARCH CONFIGURATION archivist (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION archivist
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
                      hword_asciipart, hword_part, hword_numpart
    WITH unaccent, archivist_porter;
-- Titles for autocomplete: folded and unaccented, not stemmed (prefixes are matched).
CREATE TEXT SEARCH CONFIGURATION archivist_title (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION archivist_title
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
                      hword_asciipart, hword_part, hword_numpart
    WITH unaccent, simple;

CREATE TABLE articles (
    id           bigint PRIMARY KEY,          -- from articles_id_seq: never reused
    guild_id     bigint,                      -- NULL: global (seeds, the command line); else one server's
    title        text NOT NULL,
    date         text,                        -- ISO 8601 (YYYY-MM-DD) or NULL
    author       text,
    source       text,
    body         text NOT NULL,
    content_hash text NOT NULL,
    added_at     text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    title_tsv    tsvector NOT NULL
);
CREATE SEQUENCE articles_id_seq;
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_guild ON articles (guild_id, date);
CREATE INDEX articles_newest ON articles ((coalesce(date, substr(added_at, 1, 10))) DESC, id DESC);
CREATE INDEX articles_titles ON articles USING gin (title_tsv);

CREATE TABLE sentences (
    id         bigint PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        integer NOT NULL,
    paragraph  integer NOT NULL,
    start      integer NOT NULL,
    "end"      integer NOT NULL,
    text       text NOT NULL,
    tsv        tsvector NOT NULL,
    ntok       integer NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE SEQUENCE sentences_id_seq;
CREATE INDEX sentences_fts ON sentences USING gin (tsv);
CREATE INDEX sentences_paragraph ON sentences (article_id, paragraph);

-- A paragraph's words (its sentences joined), for `ask`; id is its first sentence's id.
CREATE TABLE paragraphs (
    id         bigint PRIMARY KEY REFERENCES sentences (id) ON DELETE CASCADE,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    paragraph  integer NOT NULL,
    tsv        tsvector NOT NULL,
    ntok       integer NOT NULL
);
CREATE INDEX paragraphs_fts ON paragraphs USING gin (tsv);
CREATE INDEX paragraphs_article ON paragraphs (article_id);

CREATE TABLE speakers (
    id        bigserial PRIMARY KEY,
    name      text NOT NULL,
    is_person boolean NOT NULL DEFAULT true
);
-- Case-insensitive like SQLite's COLLATE NOCASE.
CREATE UNIQUE INDEX speakers_name ON speakers (lower(name));

CREATE TABLE speaker_aliases (
    speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    alias      text NOT NULL
);
CREATE UNIQUE INDEX speaker_aliases_key ON speaker_aliases (speaker_id, article_id, lower(alias));
CREATE INDEX speaker_aliases_article ON speaker_aliases (article_id);

CREATE TABLE attributions (
    id          bigint PRIMARY KEY,
    sentence_id bigint NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    article_id  bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal     integer NOT NULL,
    speaker_id  bigint NOT NULL REFERENCES speakers (id),
    role        text,
    cue         text,
    kind        text NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'according')),
    content     text,
    start       integer,
    "end"       integer,
    quote       integer,
    tsv         tsvector NOT NULL,            -- what was said, then the sentence (quotes_fts)
    ntok        integer NOT NULL,
    UNIQUE (sentence_id, ordinal)
);
CREATE SEQUENCE attributions_id_seq;
CREATE INDEX attributions_speaker ON attributions (speaker_id);
CREATE INDEX attributions_article ON attributions (article_id);
CREATE INDEX attributions_fts ON attributions USING gin (tsv);

-- Per lexeme, how many rows of each index hold it (FTS5 keeps these in its index; BM25's
-- idf and search's planning need them at once, where counting GIN matches costs a scan).
CREATE TABLE lexemes (
    term       text PRIMARY KEY,
    sentences  integer NOT NULL DEFAULT 0,
    paragraphs integer NOT NULL DEFAULT 0,
    quotes     integer NOT NULL DEFAULT 0
);

-- Rows and words per index (BM25's N and average length), and `changes`, bumped by every
-- write so that other processes know their caches are stale.
CREATE TABLE counters (
    name  text PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES
    ('sentences', 0), ('sentence_words', 0), ('paragraphs', 0), ('paragraph_words', 0),
    ('quotes', 0), ('quote_words', 0), ('changes', 0);
