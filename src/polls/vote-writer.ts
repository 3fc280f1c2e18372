import type { RequestKey } from '../chat/context.js';
import { changed, Prepared } from '../store/prepared.js';
import { rememberQuery } from '../store/replay-store.js';
import type { SharedDb } from '../store/shared-db.js';
import { type WriteTrx as Trx, writeTransaction } from '../store/write-transaction.js';

export type VoteKind = 'voted' | 'changed' | 'retracted';
/** What a click came to: a vote, a poll already closed, or a replay of a click already stored (nothing changed). */
export type ClickResult = VoteKind | 'closed' | 'replayed';

/** One click: who chose which option when, and the request's replay key when the vote is to store it. */
export interface VoteClick {
  userId: string;
  option: number;
  nowIso: string;
  requestKey?: RequestKey | undefined;
}

interface Pending extends VoteClick {
  resolve(kind: ClickResult): void;
  reject(e: unknown): void;
}

/** Most clicks one transaction carries; the rest go in the next. */
const MAX_BATCH = 200;

/**
 * Writes votes: one vote per person by the votes primary key, and the poll's version moved in the same
 * transaction, which also refuses a poll closed meanwhile. Every vote bumps the same poll row, so a storm
 * on one poll would be one commit (one disk flush, on PostgreSQL under that row's lock) per click: the
 * clicks that arrive while a poll's transaction is committing wait and go together in the next one.
 * Nobody is answered before the transaction carrying their click has committed. A click's replay key, when
 * it carries one, is stored by the same transaction: one commit per click (fewer in a storm), a replay
 * changes nothing, and a failed vote leaves no key behind to refuse the retry.
 */
export class VoteWriter {
  private readonly waiting = new Map<string, Pending[]>();
  private readonly writing = new Set<string>();

  private readonly q: ReturnType<typeof voteQueries>;

  constructor(private readonly shared: SharedDb) {
    this.q = voteQueries(shared.db);
  }

  vote(pollId: string, click: VoteClick): Promise<ClickResult> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(pollId) ?? [];
      queue.push({ ...click, resolve, reject });
      this.waiting.set(pollId, queue);
      if (!this.writing.has(pollId)) void this.drain(pollId);
    });
  }

  private async drain(pollId: string): Promise<void> {
    this.writing.add(pollId);
    try {
      // One turn of the event loop first: on SQLite each request runs to its vote without yielding, so
      // only clicks whose requests were read in the same turn can share the first transaction.
      await new Promise((r) => setImmediate(r));
      for (let batch = this.take(pollId); batch.length > 0; batch = this.take(pollId)) {
        try {
          const kinds = await this.write(pollId, batch);
          for (const [i, p] of batch.entries()) p.resolve(kinds[i]!);
        } catch (e) {
          // One click's failure must not fail the others: each goes again alone, with its own result.
          if (batch.length === 1) batch[0]!.reject(e);
          else
            for (const p of batch)
              await this.write(pollId, [p]).then(
                ([kind]) => p.resolve(kind!),
                (err: unknown) => p.reject(err),
              );
        }
      }
    } finally {
      this.writing.delete(pollId);
    }
  }

  private take(pollId: string): Pending[] {
    const queue = this.waiting.get(pollId) ?? [];
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length === 0) this.waiting.delete(pollId);
    return batch;
  }

  private async write(pollId: string, batch: Pending[]): Promise<ClickResult[]> {
    return writeTransaction(this.shared, async (trx) => {
      const kinds: ClickResult[] = [];
      for (const p of batch) kinds.push(await this.apply(trx, pollId, p));
      // Last, so the poll row is locked only until COMMIT. A poll closed meanwhile refuses the whole batch:
      // the update waits for the close, then matches nothing. The latest click's time decides "too late".
      const open = await this.q.bump.run(trx, { poll: pollId, now: batch.at(-1)!.nowIso });
      if (open.rows.length === 0) throw new PollClosed();
      return kinds;
    }).catch((e: unknown) => {
      if (e instanceof PollClosed) return batch.map(() => 'closed' as const);
      throw e;
    });
  }

  /**
   * One click, as statements on the person's own vote row, so different people's votes never wait on each
   * other and the same person's clicks are ordered by that row: vote if none, withdraw if it is this
   * option, else change. A row changed by another replica between the steps means: start over.
   */
  private async apply(trx: Trx, pollId: string, p: Pending): Promise<VoteKind | 'replayed'> {
    const key = p.requestKey;
    if (key && changed(await this.q.remember.run(trx, { signature: key.key, expiresAt: key.expiresAtMs })) === 0)
      return 'replayed';
    const click = { poll: pollId, user: p.userId, option: p.option, now: p.nowIso };
    // Run again after a crash: a vote this person cast since then stands.
    if (key?.heldAt !== undefined && (await this.q.newer.run(trx, click)).rows.length > 0) return 'replayed';
    for (let attempt = 0; attempt < 4; attempt++) {
      if (changed(await this.q.insert.run(trx, click)) === 1) return 'voted';
      if (changed(await this.q.withdraw.run(trx, click)) === 1) return 'retracted';
      if (changed(await this.q.change.run(trx, click)) === 1) return 'changed';
    }
    throw new Error(`a vote on poll ${pollId} kept racing with the same person's other clicks`);
  }
}

type Click = { poll: string; user: string; option: number; now: string };

/** The statements of a click, compiled once per store (they run thousands of times a second in a storm). */
function voteQueries(db: SharedDb['db']) {
  return {
    remember: rememberQuery(db),
    insert: new Prepared<Click, unknown>((arg) =>
      db
        .insertInto('votes')
        .values({ poll_id: arg('poll'), user_id: arg('user'), option_idx: arg('option'), voted_at: arg('now') })
        .onConflict((oc) => oc.columns(['poll_id', 'user_id']).doNothing()),
    ),
    newer: new Prepared<Click, { option_idx: number }>((arg) =>
      db
        .selectFrom('votes')
        .select('option_idx')
        .where('poll_id', '=', arg('poll'))
        .where('user_id', '=', arg('user'))
        .where('voted_at', '>', arg('now')),
    ),
    withdraw: new Prepared<Click, unknown>((arg) =>
      db
        .deleteFrom('votes')
        .where('poll_id', '=', arg('poll'))
        .where('user_id', '=', arg('user'))
        .where('option_idx', '=', arg('option')),
    ),
    change: new Prepared<Click, unknown>((arg) =>
      db
        .updateTable('votes')
        .set({ option_idx: arg('option'), voted_at: arg('now') })
        .where('poll_id', '=', arg('poll'))
        .where('user_id', '=', arg('user'))
        .where('option_idx', '<>', arg('option')),
    ),
    bump: new Prepared<{ poll: string; now: string }, { id: string }>((arg) =>
      db
        .updateTable('polls')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', arg('poll'))
        .where('closed_at', 'is', null)
        .where('closes_at', '>', arg('now'))
        .returning('id'),
    ),
  };
}

/** Rolls a batch back when the poll closed before it could count. */
class PollClosed extends Error {}
