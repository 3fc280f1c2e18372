import { clip } from '../chat/labels.js';
import type { Reply, ReplyBlock } from '../chat/reply.js';
import { joinRich, md } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import type { Report, ReportRow } from './feedback-store.js';

function rows(title: string, list: ReportRow[], count: (n: number) => string, t: Strings): ReplyBlock[] {
  if (list.length === 0) return [{ type: 'text', text: md`*${title}*\n${t.feedback.noneYet}` }];
  return [
    {
      type: 'text',
      text: md`*${title}*\n${joinRich(
        list.map((r, i) => md`${i + 1}. ${clip(r.question, 200)} — ${count(r.count)}`),
        '\n',
      )}`,
    },
  ];
}

/** What to add to knowledge/: the questions most often unanswered, and those whose answers were not helpful. */
export function reportReply(r: Report, t: Strings): Reply {
  const say = t.feedback;
  return {
    visibility: 'ephemeral',
    title: say.reportTitle,
    blocks: [
      ...rows(say.unanswered, r.unanswered, say.times, t),
      ...rows(say.voted, r.notHelpful, say.votes, t),
      { type: 'context', text: say.reportFooter },
    ],
  };
}
