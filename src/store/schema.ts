import type { Generated } from 'kysely';
import type { Platform } from '../platform.js';

/**
 * The shared, mutable state every replica reads and writes, typed once for both backends (SQLite and
 * PostgreSQL; see migrations/ and migrations/postgres/). Times are ISO-8601 UTC text on both, so they
 * compare as strings the same way; flags are 0/1 integers on both, so rows map back identically.
 */
export interface SharedSchema {
  threads: {
    platform: Platform;
    channel_id: string;
    thread_id: string;
    last_question: string;
    updated_at: string;
  };
  deliveries: { platform: string; event_id: string; received_at: string };
  reply_contexts: { id: string; kind: string; payload: string; created_at: string };
  /** Rendered pages of long replies, so a More button works on whichever replica gets the click. */
  reply_pages: { key: string; pages: string; created_at: string };
  polls: {
    id: string;
    platform: Platform;
    workspace_id: string;
    channel_id: string;
    thread_id: string | null;
    message_id: string | null;
    creator_id: string;
    question: string;
    kind: 'team' | 'custom';
    anonymous: number;
    motion: string | null;
    schedule_id: string | null;
    created_at: string;
    closes_at: string;
    closed_at: string | null;
    closed_by: string | null;
    version: Generated<number>;
    rendered_version: Generated<number>;
  };
  poll_options: { poll_id: string; idx: number; label: string };
  votes: { poll_id: string; user_id: string; option_idx: number; voted_at: string };
  schedules: {
    id: string;
    platform: Platform;
    workspace_id: string;
    channel_id: string;
    spec: string;
    cron: string;
    every_weeks: number;
    timezone: string;
    duration_ms: number;
    created_by: string;
    created_at: string;
    next_run_at: string;
    last_run_at: string | null;
  };
  motions_used: { platform: Platform; channel_id: string; topic: string; used_at: string };
  matrix_sessions: {
    id: string;
    platform: Platform;
    workspace_id: string;
    channel_id: string;
    owner_key: string;
    mode: 'channel' | 'solo';
    starter_id: string;
    step: Generated<number>;
    status: 'open' | 'finished' | 'cancelled' | 'expired';
    message_id: string | null;
    thread_id: string | null;
    created_at: string;
    updated_at: string;
    version: Generated<number>;
    rendered_version: Generated<number>;
    /** Refine: answers read from a verdict's situation, JSON {factorId: {value, quote}}. */
    prefill: string | null;
    situation: string | null;
    record_id: string | null;
  };
  matrix_answers: { session_id: string; step: number; user_id: string; value: string; answered_at: string };
  matrix_skips: { session_id: string; step: number };
  request_signatures: { signature: string; expires_at: number };
  /**
   * One row per answer given (migration 015): what was asked and cited (the report), where and to whom
   * (NULL for rows logged before places were kept), whether its asker shared it, and what Share and More need.
   */
  answer_log: {
    id: string;
    kind: 'ask' | 'compare';
    question: string;
    question_key: string;
    claim_ids: string;
    found: number;
    created_at: string;
    platform: Platform | null;
    workspace_id: string | null;
    channel_id: string | null;
    user_id: string | null;
    private: number | null;
    shared_at: string | null;
    more: string | null;
    share: string | null;
  };
  answer_feedback: { answer_id: string; platform: Platform; user_id: string; helpful: number; voted_at: string };
  channel_settings: {
    platform: Platform;
    workspace_id: string;
    channel_id: string;
    /** Defaults to private when a channel's first setting is its language. */
    answers: Generated<'public' | 'private'>;
    /** The channel's language (`settings language`); null: the platform's or VERSUS_LOCALE. */
    locale: string | null;
    updated_by: string;
    updated_at: string;
  };
  /** A channel's weight for a factor, percent of the sources' (0 = off); only changes are stored. */
  matrix_weights: {
    platform: Platform;
    workspace_id: string;
    channel_id: string;
    factor_id: string;
    percent: number;
    updated_by: string;
    updated_at: string;
  };
  /** Exported decision records, one row per revision; `state` (JSON) is what the next revision diffs against. */
  decision_records: {
    record_id: string;
    revision: number;
    platform: Platform;
    workspace_id: string;
    channel_id: string;
    state: string;
    markdown: string;
    created_by: string;
    created_at: string;
  };
  /** Who may edit a live message (poll, walk) right now: one replica at a time, until `until_ms`. */
  render_leases: { subject: string; owner: string; until_ms: number };
  /** Documents a team added (`/versus sources add`), converted to Markdown or text; every replica indexes them. */
  team_sources: {
    id: string;
    platform: Platform;
    workspace_id: string;
    added_by: string;
    added_by_name: string | null;
    added_at: string;
    origin: string;
    format: 'markdown' | 'text';
    title: string;
    author: string | null;
    published: string | null;
    url: string | null;
    content: string;
    sha256: string;
  };
  /** Slack OAuth installations, the installation JSON sealed with AES-256-GCM ('' for an absent id). */
  slack_installations: { enterprise_id: string; team_id: string; sealed: string; installed_at: string };
  /**
   * Which installation last named each Slack channel. Neither read nor written since migration 017 (a
   * channel never decides whose token is used); kept for previous-version replicas during an upgrade.
   */
  slack_channels: { channel_id: string; enterprise_id: string; team_id: string };
  /** Enterprise Grid: the organisation of each workspace an org-wide install serves (it has no row of its own). */
  slack_org_workspaces: { team_id: string; enterprise_id: string };
}
