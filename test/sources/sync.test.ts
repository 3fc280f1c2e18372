import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { Locales } from '../../src/chat/locales.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import { TestClock } from '../../src/clock.js';
import { type Database, openDatabase } from '../../src/db/open.js';
import { AddressAllowList } from '../../src/ingest/addresses.js';
import { FETCH_LIMITS } from '../../src/ingest/fetch.js';
import { KnowledgeStore } from '../../src/knowledge/knowledge-store.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { createLogger } from '../../src/logger.js';
import { inThreadPreparer, type Preparer } from '../../src/sources/preparer.js';
import { TeamSources } from '../../src/sources/service.js';
import { SourceStore } from '../../src/sources/source-store.js';
import { TeamSourceSync } from '../../src/sources/sync.js';
import { sqliteShared } from '../../src/store/shared-db.js';
import { ARTICLE_TITLE, articleServer } from '../helpers/article-server.js';
import { REAL_KNOWLEDGE, tempDir } from '../helpers/core.js';

const admin: ChatContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  isAdmin: fixedAdmin(true),
};
const taxonomy = loadTaxonomy(join(REAL_KNOWLEDGE, 'taxonomy.yaml'));
const logger = createLogger('silent');
const clock = new TestClock();

/** The real in-thread reader, counting the stored documents it is asked to read again. */
function countingPreparer(): Preparer & { reread: number } {
  const real = inThreadPreparer(taxonomy);
  const counted = {
    reread: 0,
    convert: real.convert,
    close: real.close,
    claims: async (docs: Parameters<Preparer['claims']>[0]) => {
      counted.reread += docs.length;
      return real.claims(docs);
    },
  };
  return counted;
}

const claimRows = (db: Database) =>
  db.prepare("SELECT * FROM claims WHERE document_id LIKE 'team-%' ORDER BY id").all() as Record<string, unknown>[];

// `sources add` used to extract a document's claims twice in the process that took the command: once to
// reply (how many claims, which sections), then again in the sync that indexes it before the reply.
describe('indexing a team document in the process that added it', () => {
  let web: Awaited<ReturnType<typeof articleServer>>;
  const tmp = tempDir();
  const adding = openDatabase(join(tmp.dir, 'adding.db'));
  const other = openDatabase(join(tmp.dir, 'other.db'));
  const store = new SourceStore(sqliteShared(adding));
  const prepare = countingPreparer();
  const sync = (db: Database, p: Preparer) => new TeamSourceSync({ store, db, taxonomy, clock, prepare: p, logger });
  const addingSync = sync(adding, prepare);
  const sources = new TeamSources({
    store,
    sync: addingSync,
    knowledge: new KnowledgeStore(adding),
    taxonomy,
    clock,
    fetchLimits: { ...FETCH_LIMITS, allow: AddressAllowList.parse('127.0.0.1') },
    prepare,
    logger,
    locales: new Locales(),
  });

  beforeAll(async () => {
    web = await articleServer();
  });
  afterAll(async () => {
    await web.close();
    adding.close();
    other.close();
    tmp.cleanup();
  });

  it('indexes what it read for the reply, without reading the stored document again', async () => {
    const reply = renderText(await sources.addLink(`${web.url}/job-workers`, admin));
    expect(reply).toContain(`Added ${ARTICLE_TITLE} as`);
    expect(prepare.reread).toBe(0);
    const claims = Number(/: (\d+) claims/.exec(reply)?.[1]);
    expect(claimRows(adding)).toHaveLength(claims);
    // Nothing left for the next sync of this process to do.
    expect(await addingSync.sync()).toEqual({ indexed: [], removed: [] });
  });

  it('writes exactly the claims a replica that reads the stored document writes', async () => {
    const replica = countingPreparer();
    const report = await sync(other, replica).sync();
    expect(report.indexed).toHaveLength(1);
    expect(replica.reread).toBe(1);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ rowid: _, ...row }) => row);
    expect(strip(claimRows(other))).toEqual(strip(claimRows(adding)));
    const doc = (db: Database) =>
      db.prepare("SELECT id, title, author, url, sha256 FROM documents WHERE id LIKE 'team-%'").get();
    expect(doc(other)).toEqual(doc(adding));
  });

  it('reads the stored document when it changed after the reply was composed', async () => {
    const [head] = await store.heads();
    // Another replica updated the same link between this process's read and its sync.
    const stale = { sourceId: head!.id, sha256: 'not-the-stored-version', meta: { id: 'x', title: 'x' }, claims: [] };
    const fresh = sync(openDatabase(':memory:'), prepare);
    const before = prepare.reread;
    expect((await fresh.sync(stale)).indexed).toEqual([head!.id]);
    expect(prepare.reread).toBe(before + 1);
  });
});
