import type { Reply } from './reply.js';

const USAGE: Record<string, { usage: string; example: string }> = {
  ask: { usage: '/versus ask <question>', example: '/versus ask how much memory does a goroutine start with?' },
  compare: { usage: '/versus compare <topic>', example: '/versus compare concurrency' },
  sources: { usage: '/versus sources', example: '/versus sources' },
  poll: { usage: '/versus poll ["question" "option A" "option B" …] [public] [for 2h]', example: '/versus poll' },
  schedule: {
    usage: '/versus schedule add <when> [--tz Zone] [--duration 24h] | list | remove <id>',
    example: '/versus schedule add every monday at 10:00 --tz Europe/Berlin',
  },
  matrix: { usage: '/versus matrix [solo|status|cancel]', example: '/versus matrix' },
  help: { usage: '/versus help [command]', example: '/versus help compare' },
};

export function usageOf(command: string): string | undefined {
  const u = USAGE[command];
  return u ? `Usage: \`${u.usage}\` — e.g. \`${u.example}\`` : undefined;
}

export function helpReply(about?: string): Reply {
  const one = about ? USAGE[about] : undefined;
  if (one)
    return { visibility: 'ephemeral', title: `/versus ${about}`, blocks: [{ type: 'text', text: usageOf(about!)! }] };
  return {
    visibility: 'ephemeral',
    title: 'Versus: Go or Python, with evidence',
    blocks: [
      {
        type: 'text',
        text: Object.values(USAGE)
          .map((u) => `• \`${u.usage}\`\n   e.g. \`${u.example}\``)
          .join('\n'),
      },
      {
        type: 'context',
        text: 'Mention me in a thread to ask there; I keep answering follow-ups in that thread. Every answer cites its source.',
      },
    ],
  };
}

/** A mistake in a command: what went wrong and how to write it, only to the person who typed it. */
export function usageReply(message: string, command?: string): Reply {
  const usage = command ? usageOf(command) : undefined;
  return {
    visibility: 'ephemeral',
    title: 'Not quite',
    blocks: [{ type: 'text', text: usage ? `${message}\n${usage}` : message }],
  };
}

/** A greeting or thanks in a mention: a short, friendly pointer instead of claims about nothing. */
export function smalltalkReply(): Reply {
  return {
    visibility: 'channel',
    blocks: [
      {
        type: 'text',
        text: 'Happy to help. Ask me a Go-or-Python question, e.g. `how many requests per second does Fiber handle?`',
      },
    ],
  };
}
