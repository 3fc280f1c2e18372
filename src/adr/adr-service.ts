import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext, Platform } from '../chat/context.js';
import type { Locales } from '../chat/locales.js';
import type { ChatPort, Uploaded } from '../chat/port.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { channel, code, joinRich, link } from '../chat/rich.js';
import { inScope, type Scope } from '../chat/scope.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Matrix } from '../matrix/definition.js';
import type { MatrixStore, Session } from '../matrix/matrix-store.js';
import type { WalkService } from '../matrix/walk-service.js';
import type { SharedDb } from '../store/shared-db.js';
import { type Revision, renderAdr } from './adr-markdown.js';
import { changes, type DecisionInput, type DecisionState, sameState, stateOf } from './adr-model.js';
import type { DecisionRecords, RecordRevision } from './adr-store.js';
import { walkInput } from './decision-input.js';
import { teamSentiment } from './team-sentiment.js';

export interface RecordsDeps {
  matrix: Matrix;
  walkStore: MatrixStore;
  walks: WalkService;
  records: DecisionRecords;
  answers: AnswersStore;
  shared: SharedDb;
  ports: ReadonlyMap<Platform, ChatPort>;
  clock: Clock;
  logger: Logger;
  /** A record is written in the language of the place it is exported in. */
  locales: Locales;
}

/** A revision as exported: its Markdown, and what changed since the one before (empty for the first). */
export interface Exported {
  recordId: string;
  revision: number;
  markdown: string;
  changes: string[];
  /** Nothing changed since the latest revision: that one is exported again. */
  unchanged: boolean;
}

const parseState = (r: RecordRevision) => JSON.parse(r.state) as DecisionState;

/** Writes decision records: a new revision whenever the answers, weights or verdict changed since the last. */
export class DecisionRecordService {
  constructor(private readonly deps: RecordsDeps) {}

  now(): string {
    return this.deps.clock.now().toISOString();
  }

  sentiment(where: Scope) {
    return teamSentiment(this.deps.shared, where, this.deps.clock.now());
  }

  /** The record of a finished walk; `ctx` limits it to the walk's channel (and a solo walk to its owner). */
  async walkRecord(walkId: string, ctx?: ChatContext): Promise<{ input: DecisionInput; walk: Session } | string> {
    const found = await this.deps.walkStore.get(walkId);
    const walk =
      found && (!ctx || (inScope(found, ctx) && (found.mode === 'channel' || found.ownerKey === ctx.userId)))
        ? found
        : undefined;
    if (!walk) return (ctx ? this.deps.locales.strings(ctx) : en).adr.noWalk(walkId.slice(0, 20));
    const t = ctx ? this.deps.locales.strings(ctx) : await this.deps.locales.at(walk);
    if (walk.status !== 'finished') return t.adr.notFinished(walk.id, t.walk.status[walk.status]);
    const participants = [...new Set((await this.deps.walkStore.answers(walk.id)).map((a) => a.userId))];
    const input = walkInput(
      this.deps.matrix,
      walk,
      await this.deps.walks.outcome(walk),
      { participants, date: this.now(), sentiment: await this.sentiment(walk) },
      this.deps.answers,
      t,
    );
    return { input, walk };
  }

  /** Stores the next revision of the record unless nothing changed; concurrent exports agree on one. */
  async record(input: DecisionInput, where: Scope, by: string): Promise<Exported> {
    // The channel's language when the record is written from a walk with no request in hand.
    const t = await this.deps.locales.at(where);
    for (let attempt = 0; ; attempt++) {
      const history = await this.deps.records.revisions(input.recordId);
      const state = stateOf(input);
      const latest = history[0];
      if (latest && sameState(parseState(latest), state))
        return {
          recordId: input.recordId,
          revision: latest.revision,
          markdown: latest.markdown,
          changes: [],
          unchanged: true,
        };
      const now = this.now();
      const revision = (latest?.revision ?? 0) + 1;
      const diff = latest ? changes(this.deps.matrix, parseState(latest), state, t) : [];
      const revisions = [{ revision, createdBy: by, createdAt: now, changes: diff }, ...this.history(history, t)];
      const markdown = renderAdr(input, revisions, t);
      const row = {
        ...where,
        recordId: input.recordId,
        revision,
        state: JSON.stringify(state),
        markdown,
        createdBy: by,
        createdAt: now,
      };
      if (await this.deps.records.add(row))
        return { recordId: input.recordId, revision, markdown, changes: diff, unchanged: false };
      // Another export took this revision number meanwhile: read again (once is enough unless it keeps racing).
      if (attempt >= 3) throw new Error(`decision record ${input.recordId}: revision ${revision} kept being taken`);
    }
  }

  /** A record that is not stored (`versus adr --verdict`): revision 1, by whoever asked. */
  draft(input: DecisionInput, by: string): string {
    return renderAdr(input, [{ revision: 1, createdBy: by, createdAt: this.now(), changes: [] }]);
  }

  /** Earlier revisions with what each changed from the one before it. */
  private history(rows: RecordRevision[], t: Strings): Revision[] {
    return rows.map((r, i) => {
      const before = rows[i + 1];
      return {
        revision: r.revision,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
        changes: before ? changes(this.deps.matrix, parseState(before), parseState(r), t) : [],
      };
    });
  }

  /** Uploads the record as a file where the click came from (Slack, Discord); the console prints it too. */
  async deliver(e: Exported, ctx: ChatContext): Promise<Reply> {
    const filename = `decision-${e.recordId}-r${e.revision}.md`;
    const t = this.deps.locales.strings(ctx);
    const port = this.deps.ports.get(ctx.platform);
    let where: Uploaded | undefined;
    try {
      where = await port?.upload?.(ctx, filename, e.markdown);
    } catch (err) {
      this.deps.logger.warn({ err, record: e.recordId }, 'could not upload a decision record');
      return ephemeral(t.adr.uploadFailed(filename));
    }
    const what = t.adr.what(e.recordId, e.revision, e.unchanged);
    const changed = e.changes.length ? joinRich(e.changes, '; ') : undefined;
    const file = where?.url ? link(where.url, filename) : where?.path ? code(where.path) : code(filename);
    const at = where ? { file: [file], channel: [channel(where.channelId)] } : undefined;
    const reply = ephemeral(t.adr.delivered(what, at, changed), t.adr.replyTitle);
    if (ctx.platform !== 'console' && where) return reply;
    // The console (and a platform without uploads) shows the Markdown itself.
    return { ...reply, blocks: [...reply.blocks, { type: 'text', text: e.markdown }] };
  }
}
