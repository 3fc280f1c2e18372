import type { ChatContext } from './context.js';
import type { Feature } from './feature.js';
import type { Reply } from './reply.js';
import { ok } from './result.js';
import { md, type Rich, type RichText, spans } from './rich.js';
import { en, type Strings } from './strings-en.js';

export type Usage = Feature['help'];

export function usageLine(u: Usage, t: Strings = en): Rich {
  return spans(t.help.usage(u.usage, u.example));
}

const HELP_USAGE: Usage = { usage: '/versus help [command]', example: '/versus help compare' };

export function helpReply(features: readonly Feature[], about?: string, t: Strings = en): Reply {
  const one = about ? features.find((f) => f.name === about) : undefined;
  if (one)
    return {
      visibility: 'ephemeral',
      title: `/versus ${one.name}`,
      blocks: [{ type: 'text', text: usageLine(one.help, t) }],
    };
  return {
    visibility: 'ephemeral',
    title: t.help.title,
    blocks: [
      {
        type: 'text',
        text: features.flatMap(
          (f, i) => md`${i > 0 ? '\n' : ''}• \`${f.help.usage}\`\n   ${t.help.example} \`${f.help.example}\``,
        ),
      },
      { type: 'context', text: t.help.threads },
    ],
  };
}

/** `/versus help [command]`, listing every registered feature (itself last), in the place's language. */
export function helpFeature(features: () => readonly Feature[], strings: (ctx: ChatContext) => Strings): Feature {
  return {
    name: 'help',
    help: HELP_USAGE,
    visibility: async () => 'ephemeral',
    command: {
      parse: (args) => {
        const about = args.split(/\s+/)[0]?.toLowerCase() || undefined;
        return ok(async (ctx: ChatContext) => helpReply(features(), about, strings(ctx)));
      },
    },
  };
}

/** A mistake in a command: what went wrong and how to write it, only to the person who typed it. */
export function usageReply(message: RichText, usage?: Usage, t: Strings = en): Reply {
  return {
    visibility: 'ephemeral',
    title: t.errors.title,
    blocks: [{ type: 'text', text: usage ? md`${spans(message)}\n${usageLine(usage, t)}` : message }],
  };
}

/** A feature that posts in the channel, used where Versus is not installed (ChatContext.serverInstall false). */
export function serverOnlyReply(name: string, t: Strings = en): Reply {
  return usageReply(t.errors.serverOnly(name), undefined, t);
}

/** A greeting or thanks in a mention: a short, friendly pointer instead of claims about nothing. */
export function smalltalkReply(t: Strings = en): Reply {
  return { visibility: 'channel', blocks: [{ type: 'text', text: t.help.smalltalk() }] };
}

/** An answer declined because it would come too late (the answer pool is full): only the asker sees it. */
export function busyReply(t: Strings = en): Reply {
  return { visibility: 'ephemeral', title: t.usage.busyTitle, blocks: [{ type: 'text', text: t.usage.busy }] };
}
