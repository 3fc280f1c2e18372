import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext, Platform } from '../chat/context.js';
import type { ChatPort, Uploaded } from '../chat/port.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { channel, code, joinRich, link, md } from '../chat/rich.js';
import { inScope, type Scope } from '../chat/scope.js';
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
    if (!walk) return `There is no walk ${walkId.slice(0, 20)} here.`;
    if (walk.status !== 'finished')
      return `Walk ${walk.id} is ${walk.status}: a decision record is written once it is finished.`;
    const participants = [...new Set((await this.deps.walkStore.answers(walk.id)).map((a) => a.userId))];
    const input = walkInput(
      this.deps.matrix,
      walk,
      await this.deps.walks.outcome(walk),
      { participants, date: this.now(), sentiment: await this.sentiment(walk) },
      this.deps.answers,
    );
    return { input, walk };
  }

  /** Stores the next revision of the record unless nothing changed; concurrent exports agree on one. */
  async record(input: DecisionInput, where: Scope, by: string): Promise<Exported> {
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
      const diff = latest ? changes(this.deps.matrix, parseState(latest), state) : [];
      const markdown = renderAdr(input, [
        { revision, createdBy: by, createdAt: now, changes: diff },
        ...this.history(history),
      ]);
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
  private history(rows: RecordRevision[]): Revision[] {
    return rows.map((r, i) => {
      const before = rows[i + 1];
      return {
        revision: r.revision,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
        changes: before ? changes(this.deps.matrix, parseState(before), parseState(r)) : [],
      };
    });
  }

  /** Uploads the record as a file where the click came from (Slack, Discord); the console prints it too. */
  async deliver(e: Exported, ctx: ChatContext): Promise<Reply> {
    const filename = `decision-${e.recordId}-r${e.revision}.md`;
    const port = this.deps.ports.get(ctx.platform);
    let where: Uploaded | undefined;
    try {
      where = await port?.upload?.(ctx, filename, e.markdown);
    } catch (err) {
      this.deps.logger.warn({ err, record: e.recordId }, 'could not upload a decision record');
      return ephemeral(
        `The decision record could not be uploaded just now (${filename}). Try Export again in a moment.`,
      );
    }
    const what = e.unchanged
      ? `Nothing changed since revision ${e.revision}: exported it again`
      : e.revision === 1
        ? 'Exported the decision record'
        : `Exported revision ${e.revision} of the decision record`;
    const changed = e.changes.length
      ? md`\nWhat changed: ${joinRich(
          e.changes.map((c) => md`${c}`),
          '; ',
        )}.`
      : [];
    const file = where?.url ? link(where.url, filename) : where?.path ? code(where.path) : code(filename);
    const place = where ? md`: ${file} in ${channel(where.channelId)}` : [];
    const reply = ephemeral(md`📝 ${what} ${e.recordId}${place}.${changed}`, 'Decision record');
    if (ctx.platform !== 'console' && where) return reply;
    // The console (and a platform without uploads) shows the Markdown itself.
    return { ...reply, blocks: [...reply.blocks, { type: 'text', text: e.markdown }] };
  }
}
