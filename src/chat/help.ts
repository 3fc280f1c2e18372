import type { Feature } from './feature.js';
import type { Reply } from './reply.js';
import { ok } from './result.js';
import { code, md, type Rich, type RichText, spans } from './rich.js';

export type Usage = Feature['help'];

export function usageLine(u: Usage): Rich {
  return md`Usage: \`${u.usage}\` — e.g. \`${u.example}\``;
}

const HELP_USAGE: Usage = { usage: '/versus help [command]', example: '/versus help compare' };

export function helpReply(features: readonly Feature[], about?: string): Reply {
  const one = about ? features.find((f) => f.name === about) : undefined;
  if (one)
    return {
      visibility: 'ephemeral',
      title: `/versus ${one.name}`,
      blocks: [{ type: 'text', text: usageLine(one.help) }],
    };
  return {
    visibility: 'ephemeral',
    title: 'Versus: Go or Python, with evidence',
    blocks: [
      {
        type: 'text',
        text: features.flatMap((f, i) => md`${i > 0 ? '\n' : ''}• \`${f.help.usage}\`\n   e.g. \`${f.help.example}\``),
      },
      {
        type: 'context',
        text: 'Mention me in a thread to ask there; I keep answering follow-ups in that thread. Every answer cites its source.',
      },
    ],
  };
}

/** `/versus help [command]`, listing every registered feature (itself last). */
export function helpFeature(features: () => readonly Feature[]): Feature {
  return {
    name: 'help',
    help: HELP_USAGE,
    command: {
      parse: (args) => {
        const about = args.split(/\s+/)[0]?.toLowerCase() || undefined;
        return ok(async () => helpReply(features(), about));
      },
    },
  };
}

/** A mistake in a command: what went wrong and how to write it, only to the person who typed it. */
export function usageReply(message: RichText, usage?: Usage): Reply {
  return {
    visibility: 'ephemeral',
    title: 'Not quite',
    blocks: [{ type: 'text', text: usage ? md`${spans(message)}\n${usageLine(usage)}` : message }],
  };
}

/** A feature that posts in the channel, used where Versus is not installed (ChatContext.serverInstall false). */
export function serverOnlyReply(name: string): Reply {
  return usageReply(
    md`\`/versus ${name}\` works in servers where Versus is installed. Here you can use \`/versus ask\`, \`compare\`, \`sources\` and \`help\`.`,
  );
}

/** A greeting or thanks in a mention: a short, friendly pointer instead of claims about nothing. */
export function smalltalkReply(): Reply {
  return {
    visibility: 'channel',
    blocks: [
      {
        type: 'text',
        text: md`Happy to help. Ask me a Go-or-Python question, e.g. ${code('how many requests per second does Fiber handle?')}`,
      },
    ],
  };
}

/** An answer declined because it would come too late (the answer pool is full): only the asker sees it. */
export function busyReply(): Reply {
  return {
    visibility: 'ephemeral',
    title: 'Busy',
    blocks: [{ type: 'text', text: md`Versus is busy — ask again in a moment.` }],
  };
}
