import { join } from 'node:path';
import { z } from 'zod';
import { adrAction } from '../adr/adr-action.js';
import { DecisionRecordService } from '../adr/adr-service.js';
import { DecisionRecords } from '../adr/adr-store.js';
import type { AnswersStore } from '../answers/answers-store.js';
import type { AnswerEngine } from '../answers/engine.js';
import type { ChatContext } from '../chat/context.js';
import { action, command, type Feature, type FeatureDeps } from '../chat/feature.js';
import type { ActionOutcome } from '../chat/handler.js';
import { usageReply } from '../chat/help.js';
import type { Locales } from '../chat/locales.js';
import { err, ok } from '../chat/result.js';
import type { Strings } from '../chat/strings-en.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { MatrixParts } from '../matrix/index.js';
import type { ChannelSettings } from '../settings/settings-store.js';
import { decider } from './decider.js';
import { loadLexicon } from './lexicon.js';
import { MAX_SITUATION_CHARS } from './route.js';
import { refineAction } from './verdict-action.js';
import { VerdictService } from './verdict-service.js';

const help = {
  usage: '/versus verdict <your situation in a sentence or two>',
  example:
    '/versus verdict four of us, a B2B CRUD SaaS with a reporting module, some pandas, no real-time needs, we must ship an MVP by spring',
};

const Situation = z.string().trim().min(3).max(MAX_SITUATION_CHARS);

/** A situation of a sentence or two; a mistake is explained in the place's language. */
const parseSituation = (args: string, t: Strings) => {
  const p = Situation.safeParse(args);
  if (p.success) return ok(p.data);
  return err(p.error.issues[0]?.code === 'too_big' ? t.verdict.tooLong : t.verdict.describe());
};

export interface VerdictParts {
  verdicts?: VerdictService | undefined;
  records?: DecisionRecordService | undefined;
  features: Feature[];
}

/** `/versus verdict` and decision records, when the knowledge folder has a matrix.yaml and a verdict.yaml. */
export function createVerdict(
  deps: FeatureDeps,
  parts: {
    matrix: MatrixParts;
    answers: AnswersStore;
    feedback: FeedbackStore;
    settings: ChannelSettings;
    /** The answer pool, when there is one: verdicts are computed in its workers, off the event loop. */
    offThread?: AnswerEngine | undefined;
  },
): VerdictParts {
  const { matrix, walks, weights, store } = parts.matrix;
  const lexicon = matrix && loadLexicon(join(deps.knowledgeDir, 'verdict.yaml'), matrix);
  if (!matrix || !walks || !store || !lexicon) return { features: [unavailable(deps.locales)] };
  const records = new DecisionRecordService({
    matrix,
    walkStore: store,
    walks,
    records: new DecisionRecords(deps.shared),
    answers: parts.answers,
    shared: deps.shared,
    ports: deps.ports,
    clock: deps.clock,
    logger: deps.logger,
    locales: deps.locales,
  });
  const verdicts = new VerdictService({
    ...deps,
    answers: parts.answers,
    matrix,
    decider: decider(matrix, lexicon),
    offThread: parts.offThread,
    weights,
    walks,
    records,
    feedback: parts.feedback,
  });
  const exportRecord = async (
    { kind, id }: { kind: 'w' | 'v'; id: string },
    ctx: ChatContext,
  ): Promise<ActionOutcome> => {
    if (kind === 'v') return verdicts.export(id, ctx);
    const found = await records.walkRecord(id, ctx);
    if (typeof found === 'string') return { reply: usageReply(found, undefined, deps.locales.strings(ctx)) };
    return { reply: await records.deliver(await records.record(found.input, found.walk, ctx.userId), ctx) };
  };
  const feature: Feature = {
    name: 'verdict',
    help,
    visibility: (ctx) => parts.settings.shownIn(ctx),
    command: command(parseSituation, async (situation, ctx) =>
      verdicts.reply(situation, ctx, { private: (await parts.settings.shownIn(ctx)) === 'ephemeral' }),
    ),
    action: action(refineAction, (a, ctx) => verdicts.refine(a, ctx)),
    actions: [action(adrAction, exportRecord)],
  };
  return { verdicts, records, features: [feature] };
}

function unavailable(locales: Locales): Feature {
  const reply = (t: Strings) => usageReply(t.verdict.notAvailable(), undefined, t);
  const click = () => ok(async (ctx: ChatContext) => ({ reply: reply(locales.strings(ctx)) }));
  return {
    name: 'verdict',
    help,
    visibility: async () => 'ephemeral',
    command: { parse: (_args, t) => ok(async () => reply(t)) },
    action: { kind: refineAction.kind, parse: click },
    actions: [{ kind: adrAction.kind, parse: click }],
  };
}
