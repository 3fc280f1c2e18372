import { parseAction } from '../chat/action-id.js';
import type { ChatContext } from '../chat/context.js';
import type { ActionOutcome } from '../chat/handler.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import type { FeatureHandler } from '../chat/router.js';
import { parsePollArgs } from './poll-args.js';
import type { PollService } from './poll-service.js';

/** `/versus poll …` and the poll buttons, routed to the poll service. */
export function pollFeature(polls: PollService): FeatureHandler {
  return {
    async command(args: string, ctx: ChatContext): Promise<Reply> {
      const parsed = parsePollArgs(args);
      if (!parsed.ok)
        return ephemeral(
          `${parsed.error}\nUsage: \`/versus poll ["question" "option A" "option B" …] [public] [for 2h]\`, \`/versus poll close|results|export <id>\``,
        );
      const cmd = parsed.value;
      switch (cmd.op) {
        case 'create':
          return polls.create(cmd, ctx);
        case 'close':
          return polls.close(cmd.pollId, ctx);
        case 'results':
          return polls.results(cmd.pollId, ctx);
        case 'export':
          return polls.export(cmd.pollId, ctx);
      }
    },
    async action(actionId: string, ctx: ChatContext): Promise<ActionOutcome> {
      const a = parseAction(actionId);
      if (!a.ok || a.value.kind !== 'poll') return { reply: ephemeral('That button could not be understood.') };
      const { op, pollId, option } = a.value;
      if (op === 'vote' && option !== undefined) return polls.vote(pollId, option, ctx);
      if (op === 'close') return { reply: await polls.close(pollId, ctx) };
      return { reply: polls.results(pollId, ctx) };
    },
  };
}
