-- Several processes (or, on PostgreSQL, replicas) may each want to edit the same live message: one at a
-- time holds its lease, so edits never land out of order. The same table exists in migrations/postgres/.
CREATE TABLE render_leases (
  subject  TEXT PRIMARY KEY,             -- 'poll:<id>' or 'walk:<id>'
  owner    TEXT NOT NULL,                -- the process holding it
  until_ms INTEGER NOT NULL              -- epoch ms; a crashed owner's lease lapses then
) STRICT, WITHOUT ROWID;

-- Pages of a long reply, kept so a More button is served by whichever process receives the click.
CREATE TABLE reply_pages (
  key        TEXT PRIMARY KEY,
  pages      TEXT NOT NULL,              -- JSON array of the platform's rendered pages
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX reply_pages_age ON reply_pages(created_at);
