-- PostgreSQL schema version 4: an aggregate that joins tsvectors in order, as `||` does
-- (each one's positions after the last of those before it). A paragraph's tsvector is its
-- sentences' joined, which is what to_tsvector gives for their words joined by spaces
-- (every word is a lexeme here: no stop words), without stemming every word a second time.
CREATE AGGREGATE archivist_tsv_cat (tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
