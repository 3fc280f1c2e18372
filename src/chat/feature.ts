import type { Clock } from '../clock.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Coalescer } from '../runtime/coalescer.js';
import type { PeriodicTask } from '../runtime/scheduler.js';
import type { RenderLeases } from '../store/render-leases.js';
import type { SharedDb } from '../store/shared-db.js';
import type { ActionCodec } from './action-id.js';
import type { ChatContext, Platform } from './context.js';
import type { ConversationStore } from './conversation-store.js';
import type { FormValues } from './form.js';
import type { ActionOutcome, FormOutcome } from './handler.js';
import type { Locales } from './locales.js';
import type { ChatPort } from './port.js';
import type { Reply, Visibility } from './reply.js';
import { ok, type Result } from './result.js';
import type { RichText } from './rich.js';
import type { Strings } from './strings-en.js';

/** A subcommand's arguments, parsed once (a mistake is a message saying what to fix), ready to run. */
export interface FeatureCommand {
  /** `t` is the catalogue of the place the command came from, so a mistake is explained in its language. */
  parse(args: string, t: Strings): Result<(ctx: ChatContext) => Promise<Reply>, RichText>;
}

/** The buttons a feature owns: their id kind, and the fields after it, checked once by the feature's schema. */
export interface FeatureAction {
  readonly kind: string;
  parse(fields: readonly string[]): Result<(ctx: ChatContext) => Promise<ActionOutcome>, RichText>;
  /** The button's write stores ChatContext.requestKey with itself (see VersusHandler.keepsRequestKey). */
  keepsRequestKey?(fields: readonly string[]): boolean;
}

/**
 * One `/versus <name>` feature, exported by its folder and listed in core.ts. The router, help, the
 * button-id kinds and the scheduler read the list; nothing outside the folder names the feature.
 */
export interface Feature {
  name: string;
  help: { usage: string; example: string };
  command: FeatureCommand;
  /**
   * Where its command's reply is shown, decided before it is composed (ask and compare: the channel's
   * setting). Left out: in the channel. A platform that must announce a slow reply first (Discord's
   * deferral) announces it there, so a private answer is never first shown as "thinking…" to everyone.
   */
  visibility?: ((ctx: ChatContext) => Promise<Visibility>) | undefined;
  action?: FeatureAction | undefined;
  /** Further button kinds, when a feature has more than one (ask: More sources and Share). */
  actions?: readonly FeatureAction[] | undefined;
  /** Forms the feature opens (Reply.form) and handles the submits of. */
  forms?: readonly FeatureForm[] | undefined;
  /**
   * It posts in the channel (polls, schedules, walks): its commands, buttons and forms are refused where
   * Versus is not installed (ChatContext.serverInstall false), whichever way they arrive.
   */
  needsServer?: boolean | undefined;
  /** Periodic work, run by the scheduler on every tick. */
  tasks?: readonly PeriodicTask[] | undefined;
  /** Coalesced message re-renders, flushed when the scheduler stops. */
  renders?: readonly Coalescer[] | undefined;
}

/** A feature's form: its id and what a submit does (validation with the same rules as its command). */
export interface FeatureForm {
  readonly id: string;
  submit(values: FormValues, ctx: ChatContext): Promise<FormOutcome>;
}

/** What a feature folder gets to build its feature from. */
export interface FeatureDeps {
  /** Polls, votes, walks, … : the SQLite file or PostgreSQL, shared by every process and replica. */
  shared: SharedDb;
  /** One editor at a time for each live message, across processes. */
  leases: RenderLeases;
  knowledge: KnowledgeStore;
  taxonomy: Taxonomy;
  conversations: ConversationStore;
  /** Filled as adapters start; features post through them on their own initiative. */
  ports: ReadonlyMap<Platform, ChatPort>;
  clock: Clock;
  logger: Logger;
  knowledgeDir: string;
  /** Minimum time between two edits of one message (platform rate limits). */
  updateIntervalMs?: number | undefined;
  /** Counters and timings (`GET /metrics`). */
  metrics: Metrics;
  /** Which catalogue of Versus' own words a place gets. */
  locales: Locales;
}

/** What a service keeping a live message redrawn (a poll, a walk) takes from its feature's deps. */
export type LiveMessageDeps = Pick<FeatureDeps, 'leases' | 'ports' | 'clock' | 'logger' | 'updateIntervalMs'>;

/** A command from a typed parser and a runner; the pair is erased so the router can hold any feature. */
export function command<A>(
  parse: (args: string, t: Strings) => Result<A, RichText>,
  run: (a: A, ctx: ChatContext) => Promise<Reply> | Reply,
): FeatureCommand {
  return {
    parse(args, t) {
      const p = parse(args, t);
      return p.ok ? ok(async (ctx: ChatContext) => run(p.value, ctx)) : p;
    },
  };
}

/** Button handling from a feature's action codec and a runner that receives the parsed action. */
export function action<A>(
  codec: ActionCodec<A>,
  run: (a: A, ctx: ChatContext) => Promise<ActionOutcome> | ActionOutcome,
  keepsRequestKey?: (a: A) => boolean,
): FeatureAction {
  return {
    kind: codec.kind,
    parse(fields) {
      const p = codec.decode(fields);
      return p.ok ? ok(async (ctx: ChatContext) => run(p.value, ctx)) : p;
    },
    keepsRequestKey(fields) {
      const p = codec.decode(fields);
      return p.ok && (keepsRequestKey?.(p.value) ?? false);
    },
  };
}
