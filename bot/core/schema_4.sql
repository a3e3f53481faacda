-- Schema version 4 (applied after schema_3.sql): feeds that fill the archive, and the
-- members' cooldowns and open /add forms, kept so that a restart does not reset them.

-- An RSS or Atom feed a server (or, guild_id NULL, the command line) follows. Its items
-- become articles in that scope. Times are Unix seconds (REAL): the poller compares them.
CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER,                 -- NULL: global (the command line); else one server's
    url              TEXT NOT NULL,           -- as followed (public_url: no secrets)
    title            TEXT,
    announce_channel INTEGER,                 -- a channel to post new items in; NULL: post nothing
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
    etag             TEXT,                    -- the last response's, for If-None-Match
    last_modified    TEXT,                    -- the last response's, for If-Modified-Since
    next_poll        REAL NOT NULL,           -- due at or after this; a poller moves it on when it claims the feed
    last_polled      REAL,
    failures         INTEGER NOT NULL DEFAULT 0,  -- in a row; the wait grows with them
    last_error       TEXT,
    added_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- One follow of a URL per scope (NULL is one scope, which UNIQUE alone would not make it).
CREATE UNIQUE INDEX feeds_scope_url ON feeds (coalesce(guild_id, -1), url);
CREATE INDEX feeds_due ON feeds (next_poll);

-- Every item a feed has shown, by its own id (guid, else link, else title): an item that
-- was added, already stored or refused for good is never fetched again; one whose page
-- could not be fetched (`failed`) is tried again, `attempts` times at most. article_id is
-- the article it added (NULL otherwise); announced is 0 while a post is owed.
CREATE TABLE feed_items (
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key   TEXT NOT NULL,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('added', 'duplicate', 'refused', 'failed')),
    reason     TEXT,                          -- why it was refused or failed: one sentence
    attempts   INTEGER NOT NULL DEFAULT 1,
    announced  INTEGER NOT NULL DEFAULT 1,
    seen_at    REAL NOT NULL,
    PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;
CREATE INDEX feed_items_unannounced ON feed_items (feed_id) WHERE announced = 0;
CREATE INDEX feed_items_article ON feed_items (article_id);

-- Cooldowns (so many uses of a command per window, per member): the window's start and end
-- (Unix seconds) and the uses in it. Written behind the bot's memory every few seconds and
-- at shutdown, read at start-up; a row whose window has ended means nothing.
CREATE TABLE cooldowns (
    bucket       TEXT PRIMARY KEY,            -- e.g. 'ask:1234' (command, member id)
    window_start REAL NOT NULL,
    window_end   REAL NOT NULL,
    uses         INTEGER NOT NULL
) WITHOUT ROWID;

-- /add forms shown and not yet submitted: a form submitted after a restart is still taken
-- (from the member who opened it, in the server it was opened in) until it expires.
CREATE TABLE open_forms (
    custom_id TEXT PRIMARY KEY,
    guild_id  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    expires   REAL NOT NULL
) WITHOUT ROWID;
