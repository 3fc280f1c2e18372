-- A channel's language (`/versus settings language de|en|default`): Slack sends no workspace locale, so this
-- is how a Slack channel gets a catalogue other than VERSUS_LOCALE; on Discord it beats the server's.
-- NULL: no choice, the platform's or VERSUS_LOCALE applies. No CHECK on the value: a locale added later
-- would need a table rebuild; readers ignore a tag Versus has no catalogue for.
ALTER TABLE channel_settings ADD COLUMN locale TEXT;
