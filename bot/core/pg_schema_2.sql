-- PostgreSQL schema version 2: the bot's state that outlives a process, as SQLite's
-- schema_4.sql keeps it: members' cooldowns and open /add forms.
CREATE TABLE cooldowns (
    bucket       text PRIMARY KEY,
    window_start double precision NOT NULL,
    window_end   double precision NOT NULL,
    uses         integer NOT NULL
);
CREATE TABLE open_forms (
    custom_id text PRIMARY KEY,
    guild_id  bigint NOT NULL,
    user_id   bigint NOT NULL,
    expires   double precision NOT NULL
);
