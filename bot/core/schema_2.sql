-- Schema version 2: two more full-text indexes for search (applied after schema.sql).

-- Paragraphs, for `ask`: a question is usually about a passage, and words spread over
-- neighbouring sentences are evidence no single sentence shows. Contentless (the text is
-- the paragraph's sentences joined with spaces); the rowid is the id of the paragraph's
-- first sentence, which leads back to the article and paragraph number.
CREATE VIRTUAL TABLE paragraphs_fts USING fts5 (
    text,
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO paragraphs_fts (rowid, text)
    SELECT min(id), group_concat(text, ' ')
    FROM (SELECT id, article_id, paragraph, text FROM sentences ORDER BY article_id, idx)
    GROUP BY article_id, paragraph;

-- Attributed sentences only, for `who`: searching them directly stays fast however many
-- unattributed sentences match the same words.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts (rowid, text)
    SELECT s.id, s.text FROM sentences s JOIN attributions at ON at.sentence_id = s.id;
