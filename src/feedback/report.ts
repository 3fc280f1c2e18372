import { clip } from '../chat/labels.js';
import type { Reply, ReplyBlock } from '../chat/reply.js';
import { joinRich, md } from '../chat/rich.js';
import type { Report, ReportRow } from './feedback-store.js';

function rows(title: string, list: ReportRow[], what: string): ReplyBlock[] {
  if (list.length === 0) return [{ type: 'text', text: md`*${title}*\nNone yet.` }];
  return [
    {
      type: 'text',
      text: md`*${title}*\n${joinRich(
        list.map((r, i) => md`${i + 1}. ${clip(r.question, 200)} — ${r.count} ${what}${r.count === 1 ? '' : 's'}`),
        '\n',
      )}`,
    },
  ];
}

/** What to add to knowledge/: the questions most often unanswered, and those whose answers were not helpful. */
export function reportReply(r: Report): Reply {
  return {
    visibility: 'ephemeral',
    title: 'What the knowledge folder is missing',
    blocks: [
      ...rows('Asked, but nothing found', r.unanswered, 'time'),
      ...rows('Answers voted not helpful', r.notHelpful, 'vote'),
      { type: 'context', text: 'Votes never change how answers are ranked; they show what to add to knowledge/.' },
    ],
  };
}
