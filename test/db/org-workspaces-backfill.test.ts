import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from '../../src/db/migrate-postgres.js';
import { MIGRATIONS_DIR } from '../../src/db/open.js';
import { freshPostgres } from '../helpers/postgres.js';

/**
 * What a database held before slack_org_workspaces (SQLite 017, PostgreSQL 008): two organisations'
 * org-wide installs and one workspace's own, the channels recorded for them, and polls and schedules.
 * TA1 polled only in organisation A's channel; TX1 in channels of both organisations (ambiguous); TS1 is
 * installed on its own; TB1 scheduled in organisation B's channel.
 */
const BEFORE = `
INSERT INTO slack_installations VALUES ('EA', '', 'sealed', 't'), ('EB', '', 'sealed', 't'), ('', 'TS1', 'sealed', 't');
INSERT INTO slack_channels VALUES ('CA', 'EA', ''), ('CB', 'EB', ''), ('CS', '', 'TS1');
INSERT INTO polls (id, platform, workspace_id, channel_id, creator_id, question, kind, anonymous, created_at, closes_at)
VALUES ('p1', 'slack', 'TA1', 'CA', 'U', 'q', 'team', 1, 't', 't'),
       ('p2', 'slack', 'TX1', 'CA', 'U', 'q', 'team', 1, 't', 't'),
       ('p3', 'slack', 'TX1', 'CB', 'U', 'q', 'team', 1, 't', 't'),
       ('p4', 'slack', 'TS1', 'CA', 'U', 'q', 'team', 1, 't', 't'),
       ('p5', 'discord', 'G1', 'CA', 'U', 'q', 'team', 1, 't', 't');
INSERT INTO schedules (id, platform, workspace_id, channel_id, spec, cron, timezone, duration_ms, created_by, created_at, next_run_at)
VALUES ('s1', 'slack', 'TB1', 'CB', 'w', '0 10 * * 1', 'UTC', 1, 'U', 't', 't');
`;
const EXPECTED = [
  { team_id: 'TA1', enterprise_id: 'EA' },
  { team_id: 'TB1', enterprise_id: 'EB' },
];
const AFTER = 'SELECT team_id, enterprise_id FROM slack_org_workspaces ORDER BY team_id';

describe('GIVEN a database from before workspaces’ organisations were stored WHEN it is migrated', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('THEN SQLite records each workspace seen only in one organisation’s channels, and no other', () => {
    const all = loadMigrations(MIGRATIONS_DIR);
    const db = new BetterSqlite3(':memory:');
    cleanups.push(() => void db.close());
    migrate(db, all.slice(0, 16));
    db.exec(BEFORE);
    migrate(db, all);
    expect(db.prepare(AFTER).all()).toEqual(EXPECTED);
  });

  it('THEN PostgreSQL records the same', async () => {
    const all = loadMigrations(POSTGRES_MIGRATIONS_DIR);
    const { url, drop } = await freshPostgres();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end(), drop);
    await migratePostgres(client, all.slice(0, 7));
    await client.query(BEFORE);
    await migratePostgres(client, all);
    expect((await client.query(AFTER)).rows).toEqual(EXPECTED);
  });
});
