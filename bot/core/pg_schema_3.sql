-- PostgreSQL schema version 3: feeds that fill the archive, as SQLite's schema_4.sql keeps
-- them (store_pg_feeds.py), and the change signal other processes LISTEN for.

-- An RSS or Atom feed a server (or, guild_id NULL, the command line) follows. Its items
-- become articles in that scope. Times are Unix seconds: the poller compares them.
CREATE TABLE feeds (
    id               bigserial PRIMARY KEY,
    guild_id         bigint,                  -- NULL: global (the command line); else one server's
    url              text NOT NULL,           -- as followed (public_url: no secrets)
    title            text,
    announce_channel bigint,                  -- a channel to post new items in; NULL: post nothing
    interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
    etag             text,                    -- the last response's, for If-None-Match
    last_modified    text,                    -- the last response's, for If-Modified-Since
    next_poll        double precision NOT NULL,  -- due at or after this; a claim moves it on
    last_polled      double precision,
    failures         integer NOT NULL DEFAULT 0, -- in a row; the wait grows with them
    last_error       text,
    added_at         text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);
-- One follow of a URL per scope (NULL is one scope, which UNIQUE alone would not make it).
CREATE UNIQUE INDEX feeds_scope_url ON feeds ((coalesce(guild_id, -1)), url);
CREATE INDEX feeds_due ON feeds (next_poll);

-- Every item a feed has shown, by its own id (guid, else link, else title); see schema_4.sql.
CREATE TABLE feed_items (
    feed_id    bigint NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key   text NOT NULL,
    article_id bigint REFERENCES articles (id) ON DELETE SET NULL,
    outcome    text NOT NULL CHECK (outcome IN ('added', 'duplicate', 'refused', 'failed')),
    reason     text,                          -- why it was refused or failed: one sentence
    attempts   integer NOT NULL DEFAULT 1,
    announced  boolean NOT NULL DEFAULT true, -- false while a post is owed
    seen_at    double precision NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
CREATE INDEX feed_items_unannounced ON feed_items (feed_id) WHERE NOT announced;
CREATE INDEX feed_items_article ON feed_items (article_id);

-- Every write of the archive's contents bumps counters in its transaction; this tells the
-- processes LISTENing on archivist_changes when it commits (store_pg_changes.py), so they
-- drop their caches without asking the database before every answer.
CREATE FUNCTION archivist_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('archivist_changes', '');
    RETURN NULL;
END $$;
CREATE TRIGGER counters_changed AFTER INSERT OR UPDATE OR DELETE ON counters
    FOR EACH STATEMENT EXECUTE FUNCTION archivist_notify_changes();
