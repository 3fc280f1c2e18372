import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { isVersusError } from '../../src/errors.js';
import { openPostgres } from '../../src/store/postgres.js';
import type { SharedDb } from '../../src/store/shared-db.js';
import { freshPostgres } from '../helpers/postgres.js';
import { freePort } from '../support/free-port.js';

describe('openPostgres', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const openFresh = async (): Promise<SharedDb> => {
    const d = await freshPostgres();
    cleanups.push(d.drop);
    const shared = await openPostgres({ url: d.url, poolSize: 3 });
    cleanups.push(() => shared.close());
    return shared;
  };
  const failure = (url: string) =>
    openPostgres({ url, poolSize: 1 }).then(
      () => expect.unreachable('opening must fail'),
      (e: unknown) => e as Error,
    );
  const withPath = (path: string, change: (u: URL) => void = () => {}) => {
    const u = new URL(inject('postgresAdminUrl'));
    u.pathname = path;
    change(u);
    return u.toString();
  };

  it('answers a ping and says it is the postgres backend', async () => {
    const shared = await openFresh();
    expect(shared.backend).toBe('postgres');
    await expect(shared.ping()).resolves.toBeUndefined();
  });

  it('returns BIGINT columns and count(*) as numbers without changing pg for anyone else', async () => {
    const { db } = await openFresh();
    const big = 2 ** 41 + 7; // beyond a 4-byte integer, as epoch milliseconds are
    await db.insertInto('render_leases').values({ subject: 'poll:1', owner: 'a', until_ms: big }).execute();
    const lease = await db.selectFrom('render_leases').selectAll().executeTakeFirstOrThrow();
    expect(lease.until_ms).toBe(big);
    const { n } = await db
      .selectFrom('render_leases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
    const { s } = (await sql<{ s: unknown }>`SELECT sum(1)::int8 AS s`.execute(db)).rows[0]!;
    expect(s).toBe(1);
    expect(pg.types.getTypeParser(20, 'text')('5')).toBe('5');
  });

  it('closes twice without error', async () => {
    const shared = await openFresh();
    await shared.close();
    await expect(shared.close()).resolves.toBeUndefined();
  });

  it('keeps at most one open walk per channel, as on SQLite', async () => {
    const { db } = await openFresh();
    const walk = (id: string, status: 'open' | 'finished') => ({
      id,
      platform: 'slack' as const,
      workspace_id: 'T',
      channel_id: 'C',
      owner_key: 'C',
      mode: 'channel' as const,
      starter_id: 'U',
      status,
      created_at: 'x',
      updated_at: 'x',
    });
    await db.insertInto('matrix_sessions').values(walk('w1', 'open')).execute();
    await db.insertInto('matrix_sessions').values(walk('w2', 'finished')).execute();
    await expect(db.insertInto('matrix_sessions').values(walk('w3', 'open')).execute()).rejects.toThrow(
      /matrix_one_open/,
    );
  });

  it('deletes a poll with its options and votes', async () => {
    const { db } = await openFresh();
    await db
      .insertInto('polls')
      .values({
        id: 'p',
        platform: 'slack',
        workspace_id: 'T',
        channel_id: 'C',
        thread_id: null,
        message_id: null,
        creator_id: 'U',
        question: 'q',
        kind: 'team',
        anonymous: 0,
        motion: null,
        schedule_id: null,
        created_at: 'x',
        closes_at: 'y',
        closed_at: null,
        closed_by: null,
      })
      .execute();
    await db.insertInto('poll_options').values({ poll_id: 'p', idx: 0, label: 'Go' }).execute();
    await db.insertInto('votes').values({ poll_id: 'p', user_id: 'U', option_idx: 0, voted_at: 'x' }).execute();
    await db.deleteFrom('polls').where('id', '=', 'p').execute();
    expect(await db.selectFrom('votes').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('poll_options').selectAll().execute()).toEqual([]);
  });

  it('survives the server dropping a connection mid-transaction and serves the next query', async () => {
    // Watches (does not change) the pool's connections, to wait for the one whose server process is killed.
    const connects = vi.spyOn(pg.Client.prototype, 'connect');
    cleanups.push(async () => connects.mockRestore());
    const shared = await openFresh();
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    cleanups.push(() => admin.end());
    const work = shared.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
      const pid = rows[0]!.pid;
      // pg sets processID from the server's BackendKeyData; its types leave it out.
      const client = (connects.mock.contexts as (pg.Client & { processID?: number })[]).find(
        (c) => c.processID === pid,
      )!;
      // Not events.once: it would reject on the 'error' the client also emits (the no-op listener takes that).
      const ended = new Promise((resolve) => client.once('end', resolve));
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      // No query in flight while the socket closes: the case that would otherwise crash the process.
      await ended;
      await sql`SELECT 1`.execute(trx);
    });
    await expect(work).rejects.toThrow();
    await expect(shared.ping()).resolves.toBeUndefined();
  });

  it('says the server cannot be reached, naming host and port but not the password', async () => {
    const port = await freePort();
    const e = await failure(`postgres://versus:s3cret-pw@127.0.0.1:${port}/versus`);
    expect(isVersusError(e, 'db_unreachable')).toBe(true);
    expect(e.message).toContain(`postgres://versus@127.0.0.1:${port}/versus`);
    expect(e.message).toMatch(/cannot be reached.*host and port in DATABASE_URL/);
    expect(e.message).not.toContain('s3cret-pw');
  });

  it('says authentication failed without printing the wrong password', async () => {
    const e = await failure(withPath('/postgres', (u) => (u.password = 'wrong-pw-123')));
    expect(isVersusError(e, 'db_unreachable')).toBe(true);
    expect(e.message).toMatch(/authentication failed for versus: check the user name and password/);
    expect(e.message).not.toContain('wrong-pw-123');
  });

  it('says the database does not exist and how to create it', async () => {
    const e = await failure(withPath('/no_such_db'));
    expect(isVersusError(e, 'db_unreachable')).toBe(true);
    expect(e.message).toMatch(/database "no_such_db" does not exist: create it \(createdb no_such_db\)/);
    expect(e.message).not.toContain(':versus@');
  });

  it('says which grant is missing when the user may not create tables', async () => {
    const d = await freshPostgres();
    const role = `versus_limited_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited-pw'`);
    cleanups.push(async () => {
      await d.drop();
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    });
    const url = new URL(d.url);
    url.username = role;
    url.password = 'limited-pw';
    const e = await failure(url.toString());
    expect(isVersusError(e, 'db_unreachable')).toBe(true);
    expect(e.message).toMatch(new RegExp(`${role} may not create tables.*GRANT CREATE ON SCHEMA public TO ${role}`));
    expect(e.message).not.toContain('limited-pw');
  });
});
