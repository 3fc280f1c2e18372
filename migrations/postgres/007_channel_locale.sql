-- from 016_channel_locale.sql: a channel's language, NULL when nobody chose one.
ALTER TABLE channel_settings ADD COLUMN locale TEXT;
