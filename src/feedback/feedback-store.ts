import { type AliasedSelectQueryBuilder, type Expression, sql } from 'kysely';
import type { Scope } from '../chat/scope.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { SharedDb } from '../store/shared-db.js';

/** The longest question kept for the report (the rest adds nothing to "what should we add"). */
const QUESTION_CHARS = 500;

export interface LoggedAnswer {
  /** The id its buttons already carry (newAnswerId), when the reply was composed before logging. */
  id?: string | undefined;
  kind: 'ask' | 'compare';
  question: string;
  /** The cited claim ids, best first; empty when nothing was found. */
  claimIds: readonly string[];
  /** Where it was given and what its buttons need (chat/answer-records.ts reads it back). */
  given?: GivenAnswer | undefined;
}

/** The record's part of a logged answer: Share and More are checked against it and served from it. */
export interface GivenAnswer {
  where: Scope & { userId: string };
  private: boolean;
  /** What "More sources" asks again (JSON-able); absent when there is no next page. */
  more?: unknown;
  /** Page 1's public form, which Share posts (JSON-able); absent for public answers. */
  share?: unknown;
}

/** A new answer's id, taken before its reply is composed so the reply's buttons can carry it. */
export const newAnswerId = () => newId('a');

export interface ReportRow {
  /** The latest wording of the question. */
  question: string;
  /** How often it went unanswered, or how many "Not helpful" votes its answers got. */
  count: number;
  lastAt: string;
}

export interface Report {
  unanswered: ReportRow[];
  notHelpful: ReportRow[];
}

/** A Slack team, Discord guild or the console: whose answers a report counts. */
export type Workspace = Omit<Scope, 'channelId'>;

/** Who clicked 👍/👎, and from which workspace. */
export interface Voter extends Workspace {
  userId: string;
}

/** The record's columns of a logged answer's row (all NULL when it was logged without a place). */
function givenColumns(g: GivenAnswer | undefined) {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return {
    platform: g?.where.platform ?? null,
    workspace_id: g?.where.workspaceId ?? null,
    channel_id: g?.where.channelId ?? null,
    user_id: g?.where.userId ?? null,
    private: g ? Number(g.private) : null,
    more: json(g?.more),
    share: json(g?.share),
  };
}

/** One row of a report query before its wording is looked up. */
type Groups = { question_key: string; count: number; lastAt: string };

/** Same question, same key: case, spacing and trailing punctuation do not make a new one. */
export function questionKey(q: string): string {
  return q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();
}

/**
 * Answers given and the votes on them, in the shared store. Written by the answer features; read by the
 * report, and (each answer's row as its record) by AnswerRecords for the buttons under it. Nothing here is
 * ever used to rank answers (votes can be gamed; they guide the knowledge folder).
 */
export class FeedbackStore {
  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.shared.db;
  }

  /** Records an answer (or a "nothing found") and returns the id its feedback buttons carry. */
  async log(a: LoggedAnswer): Promise<string> {
    const id = a.id ?? newAnswerId();
    const question = a.question.replace(/\s+/g, ' ').trim().slice(0, QUESTION_CHARS);
    await this.db
      .insertInto('answer_log')
      .values({
        id,
        kind: a.kind,
        question,
        question_key: questionKey(question),
        claim_ids: JSON.stringify(a.claimIds),
        found: a.claimIds.length > 0 ? 1 : 0,
        created_at: this.clock.now().toISOString(),
        ...givenColumns(a.given),
      })
      .execute();
    return id;
  }

  /**
   * One vote per user per answer; a later click replaces the earlier. False when the answer is unknown or
   * was given in another workspace (its record says where), so a forged id cannot stuff another team's report.
   */
  async vote(answerId: string, voter: Voter, helpful: boolean): Promise<boolean> {
    const known = await this.db
      .selectFrom('answer_log')
      .select('id')
      .where('id', '=', answerId)
      .where('id', 'in', this.answersOf(voter))
      .executeTakeFirst();
    if (!known) return false;
    const row = { helpful: helpful ? 1 : 0, voted_at: this.clock.now().toISOString() };
    await this.db
      .insertInto('answer_feedback')
      .values({ answer_id: answerId, platform: voter.platform, user_id: voter.userId, ...row })
      .onConflict((oc) => oc.columns(['answer_id', 'platform', 'user_id']).doUpdateSet(row))
      .execute();
    return true;
  }

  /**
   * What went unanswered or unhelpful, in one workspace (an admin's `/versus report`, the Home tab), or
   * everywhere when `where` is left out (the operator's CLI). A workspace's answers are those its record
   * places there.
   */
  async report(limit = 10, where?: Workspace): Promise<Report> {
    return { unanswered: await this.unanswered(limit, where), notHelpful: await this.notHelpful(limit, where) };
  }

  /** Ids of the answers given in one workspace (rows logged without a place belong to none). */
  private answersOf(w: Workspace) {
    return this.db
      .selectFrom('answer_log')
      .select('id')
      .where('platform', '=', w.platform)
      .where('workspace_id', '=', w.workspaceId);
  }

  /** Questions that found nothing, grouped by key, each shown in its latest wording. */
  private async unanswered(limit: number, where?: Workspace): Promise<ReportRow[]> {
    const groups = this.db
      .selectFrom('answer_log')
      .where('found', '=', 0)
      .$if(!!where, (q) => q.where('id', 'in', this.answersOf(where!)))
      .groupBy('question_key')
      .select(['question_key', sql<number>`cast(count(*) as integer)`.as('count')])
      .select((eb) => eb.fn.max('created_at').as('lastAt'));
    return this.ranked(groups.as('g'), limit, where);
  }

  /**
   * Questions whose answers got "Not helpful", grouped by key, each shown in its latest wording. The count
   * is of people, not clicks: one person asking again and voting on every answer counts once.
   */
  private async notHelpful(limit: number, where?: Workspace): Promise<ReportRow[]> {
    const voter = sql`${sql.ref('f.platform')} || ':' || ${sql.ref('f.user_id')}`;
    const groups = this.db
      .selectFrom('answer_feedback as f')
      .innerJoin('answer_log as a', 'a.id', 'f.answer_id')
      .where('f.helpful', '=', 0)
      .$if(!!where, (q) => q.where('a.id', 'in', this.answersOf(where!)))
      .groupBy('a.question_key')
      .select(['a.question_key', sql<number>`cast(count(distinct ${voter}) as integer)`.as('count')])
      .select((eb) => eb.fn.max('f.voted_at').as('lastAt'));
    return this.ranked(groups.as('g'), limit, where);
  }

  /** Most often first, then most recent; each group shown in its latest wording (portable: no bare columns). */
  private async ranked(
    groups: AliasedSelectQueryBuilder<Groups, 'g'>,
    limit: number,
    where?: Workspace,
  ): Promise<ReportRow[]> {
    return this.db
      .selectFrom(groups)
      .select(['g.count', 'g.lastAt'])
      .select((eb) => this.latestWording(eb.ref('g.question_key'), where).as('question'))
      .orderBy('g.count', 'desc')
      .orderBy('g.lastAt', 'desc')
      .limit(limit)
      .execute() as Promise<ReportRow[]>;
  }

  /** The latest wording in the same workspace: another team's phrasing of the same question stays theirs. */
  private latestWording(key: Expression<string>, where?: Workspace) {
    return this.db
      .selectFrom('answer_log as w')
      .select('w.question')
      .where('w.question_key', '=', key)
      .$if(!!where, (q) => q.where('w.id', 'in', this.answersOf(where!)))
      .orderBy('w.created_at', 'desc')
      .limit(1);
  }
}
