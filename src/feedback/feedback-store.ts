import type { Clock } from '../clock.js';
import type { Database } from '../db/open.js';
import { newId } from '../ids.js';

/** The longest question kept for the report (the rest adds nothing to "what should we add"). */
const QUESTION_CHARS = 500;

export interface LoggedAnswer {
  kind: 'ask' | 'compare';
  question: string;
  /** The cited claim ids, best first; empty when nothing was found. */
  claimIds: readonly string[];
}

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

/** Same question, same key: case, spacing and trailing punctuation do not make a new one. */
export function questionKey(q: string): string {
  return q
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();
}

/**
 * Answers given and the votes on them, in SQLite. Written by the answer features, read only by the
 * report: nothing here is ever used to rank answers (votes can be gamed; they guide the knowledge folder).
 */
export class FeedbackStore {
  private readonly insertAnswer;
  private readonly upsertVote;
  private readonly findAnswer;
  private readonly unanswered;
  private readonly notHelpful;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.insertAnswer = db.prepare<[string, string, string, string, string, number, string]>(
      `INSERT INTO answer_log (id, kind, question, question_key, claim_ids, found, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.upsertVote = db.prepare<[string, string, string, number, string]>(
      `INSERT INTO answer_feedback (answer_id, platform, user_id, helpful, voted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, platform, user_id) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`,
    );
    this.findAnswer = db.prepare<[string], { question: string }>('SELECT question FROM answer_log WHERE id = ?');
    // Grouped by key; the wording shown is the latest one (SQLite's bare column with max()).
    this.unanswered = db.prepare<[number], ReportRow>(
      `SELECT question, count(*) AS count, max(created_at) AS lastAt FROM answer_log WHERE found = 0
       GROUP BY question_key ORDER BY count DESC, lastAt DESC LIMIT ?`,
    );
    this.notHelpful = db.prepare<[number], ReportRow>(
      `SELECT a.question, count(*) AS count, max(f.voted_at) AS lastAt
       FROM answer_feedback f JOIN answer_log a ON a.id = f.answer_id WHERE f.helpful = 0
       GROUP BY a.question_key ORDER BY count DESC, lastAt DESC LIMIT ?`,
    );
  }

  /** Records an answer (or a "nothing found") and returns the id its feedback buttons carry. */
  log(a: LoggedAnswer): string {
    const id = newId('a');
    const question = a.question.replace(/\s+/g, ' ').trim().slice(0, QUESTION_CHARS);
    this.insertAnswer.run(
      id,
      a.kind,
      question,
      questionKey(question),
      JSON.stringify(a.claimIds),
      a.claimIds.length > 0 ? 1 : 0,
      this.clock.now().toISOString(),
    );
    return id;
  }

  /** One vote per user per answer; a later click replaces the earlier. False when the answer is unknown. */
  vote(answerId: string, platform: string, userId: string, helpful: boolean): boolean {
    if (!this.findAnswer.get(answerId)) return false;
    this.upsertVote.run(answerId, platform, userId, helpful ? 1 : 0, this.clock.now().toISOString());
    return true;
  }

  report(limit = 10): Report {
    return { unanswered: this.unanswered.all(limit), notHelpful: this.notHelpful.all(limit) };
  }
}
