import { action, command, type Feature } from '../chat/feature.js';
import type { Locales } from '../chat/locales.js';
import { pollAction } from './poll-action.js';
import { parsePollArgs } from './poll-args.js';
import { pollForm, pollFormReply } from './poll-form.js';
import type { PollService } from './poll-service.js';

/** `/versus poll …` and the poll buttons. */
export function pollFeature(polls: PollService, locales: Locales): Feature {
  return {
    name: 'poll',
    needsServer: true,
    help: {
      usage: '/versus poll ["question" "option A" "option B" …] [public] [for 2h] | new | close|results|export <id>',
      example: '/versus poll',
    },
    command: command(parsePollArgs, (cmd, ctx) => {
      switch (cmd.op) {
        case 'create':
          return polls.create(cmd, ctx);
        case 'close':
          return polls.close(cmd.pollId, ctx);
        case 'results':
          return polls.results(cmd.pollId, ctx);
        case 'export':
          return polls.export(cmd.pollId, ctx);
        case 'form':
          return pollFormReply(locales.strings(ctx));
      }
    }),
    action: action(
      pollAction,
      async ({ op, pollId, option }, ctx) => {
        if (op === 'vote' && option !== undefined) return polls.vote(pollId, option, ctx);
        if (op === 'close') return { reply: await polls.close(pollId, ctx) };
        return { reply: await polls.results(pollId, ctx) };
      },
      // A vote commits the click's replay key with itself (vote-writer.ts).
      ({ op, option }) => op === 'vote' && option !== undefined,
    ),
    forms: [pollForm(polls, (ctx) => locales.strings(ctx))],
    tasks: [{ name: 'pollsClosed', run: () => polls.closeDue() }],
    renders: [polls.renders],
  };
}
