import { createHash } from 'node:crypto';
import type { ChatContext } from '../chat/context.js';
import type { RemoteFile } from '../chat/handler.js';
import type { Locales } from '../chat/locales.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { joinRich, md } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import type { Clock } from '../clock.js';
import { isVersusError } from '../errors.js';
import type { IncomingDocument } from '../ingest/convert.js';
import { type FetchLimits, fetchDocument } from '../ingest/fetch.js';
import { SourceError } from '../ingest/problems.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import { brokenFiles } from '../knowledge/watch.js';
import type { Logger } from '../logger.js';
import { sectionsOf, teamDocumentId, whyNoClaims, withSourceId } from './prepare.js';
import { type Prepared, type Preparer, UNSTORED_ID } from './preparer.js';
import { problemText } from './problem-text.js';
import { sourcesReply, type TeamAddition } from './render-sources.js';
import { type SourceStore, scopeKey } from './source-store.js';
import type { TeamSourceSync } from './sync.js';

/** A workspace's documents at most: enough for a team's reading list, not a crawl. */
export const MAX_TEAM_SOURCES = 100;

export interface SourcesDeps {
  store: SourceStore;
  sync: TeamSourceSync;
  knowledge: KnowledgeStore;
  taxonomy: Taxonomy;
  clock: Clock;
  fetchLimits: FetchLimits;
  /** Reads documents into claims, off the event loop in a bot (preparer.ts). */
  prepare: Preparer;
  logger: Logger;
  /** Replies in the language of the place they go to. */
  locales: Locales;
}

/** A private note under the section's title. */
const note = (t: Strings, text: Parameters<typeof ephemeral>[0]) => ephemeral(text, t.sources.title);

/**
 * Documents a team adds (`/versus sources add <link>`, an uploaded file) and removes: admins only, kept
 * in the shared store, indexed by every replica, answered from only in the workspace that added them.
 */
export class TeamSources {
  constructor(private readonly deps: SourcesDeps) {}

  /** The words of the place `ctx` is. */
  strings(ctx: ChatContext): Strings {
    return this.deps.locales.strings(ctx);
  }

  addLink(url: string, ctx: ChatContext): Promise<Reply> {
    return this.add(url, ctx, async () => {
      const got = await fetchDocument(url, this.deps.fetchLimits);
      const name = decodeURIComponent(new URL(got.url).pathname.split('/').at(-1) ?? '');
      return { body: got.body, contentType: got.contentType, url: got.url, name };
    });
  }

  /** An uploaded file: the same file name uploaded again in the workspace replaces it. */
  addFile(file: RemoteFile, ctx: ChatContext): Promise<Reply> {
    return this.add(`upload:${file.name}`, ctx, async () => {
      const home = new URL(file.url).origin;
      const got = await fetchDocument(file.url, this.deps.fetchLimits, (u) =>
        u.origin === home ? (file.headers ?? {}) : {},
      );
      // The platform's download link is not the document's address: no URL to cite.
      return { body: got.body, contentType: got.contentType, name: file.name };
    });
  }

  private async add(origin: string, ctx: ChatContext, read: () => Promise<IncomingDocument>): Promise<Reply> {
    const t = this.deps.locales.strings(ctx);
    const say = t.sources;
    if (!(await ctx.isAdmin())) return note(t, say.onlyAdminsAdd(t.usage.admin[ctx.platform]));
    if ((await this.deps.store.count(ctx)) >= MAX_TEAM_SOURCES) return note(t, say.full(MAX_TEAM_SOURCES));
    let prepared: Prepared;
    try {
      prepared = await this.deps.prepare.convert(await read());
    } catch (e) {
      if (
        isVersusError(e, 'fetch_refused') ||
        isVersusError(e, 'fetch_failed') ||
        isVersusError(e, 'source_unreadable')
      )
        return note(t, say.notAdded(e instanceof SourceError ? problemText(e.problem, t) : e.message));
      throw e;
    }
    const { doc, claims } = prepared;
    if (claims.length === 0) return note(t, say.noClaims(doc.meta.title, whyNoClaims(doc, t)));
    const sha256 = createHash('sha256').update(`${doc.format}\n${doc.content}`).digest('hex');
    const { id, replaced } = await this.deps.store.put({
      platform: ctx.platform,
      workspaceId: ctx.workspaceId,
      addedBy: ctx.userId,
      addedByName: ctx.userName,
      addedAt: this.deps.clock.now().toISOString(),
      origin,
      format: doc.format,
      content: doc.content,
      sha256,
      ...doc.meta,
    });
    // Indexed here before the reply, so the next question in this process already finds it; from what was
    // just read, not read a second time (a large page takes seconds).
    await this.deps.sync.sync({ sourceId: id, sha256, ...withSourceId(prepared, UNSTORED_ID, id) });
    this.deps.logger.info({ id, origin, claims: claims.length, platform: ctx.platform }, 'team source added');
    const sections = sectionsOf(claims).slice(0, 4);
    const where = sections.length ? say.under(joinRich(sections, ', ')) : '';
    const done = (replaced ? say.updated : say.added)(doc.meta.title, id, claims.length);
    return note(t, md`${done}${where}. ${say.answersNow(id)}`);
  }

  async remove(id: string, ctx: ChatContext): Promise<Reply> {
    const t = this.deps.locales.strings(ctx);
    if (!(await ctx.isAdmin())) return note(t, t.sources.onlyAdminsRemove(t.usage.admin[ctx.platform]));
    const found = await this.deps.store.get(ctx, id);
    // Another workspace's id gets the same answer as an unknown one: it says nothing about what exists elsewhere.
    if (!found || !(await this.deps.store.remove(ctx, id))) return note(t, t.sources.noSuchSource(id));
    await this.deps.sync.sync();
    return note(t, t.sources.removed(found.title, id));
  }

  /** The folder's documents and this workspace's own, with who added each team document and when. */
  async list(ctx: ChatContext): Promise<Reply> {
    await this.deps.sync.sync();
    const { knowledge, store } = this.deps;
    const mine = scopeKey(ctx);
    const docs = knowledge.documents().filter((d) => d.scope === '' || d.scope === mine);
    const team = new Map<string, TeamAddition>(
      (await store.list(ctx)).map((t) => [teamDocumentId(t.id), { id: t.id, addedBy: t.addedBy, addedAt: t.addedAt }]),
    );
    const t = this.deps.locales.strings(ctx);
    return sourcesReply(docs, knowledge.getMeta('indexed_at'), brokenFiles(knowledge), team, t);
  }
}
