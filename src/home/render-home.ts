import type { Reply, ReplyBlock } from '../chat/reply.js';
import { channel, joinRich, md, type RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { homeAction } from './home-action.js';
import type { HomePoll, HomeSchedule, HomeWalk } from './home-store.js';

/** "2026-11-25 10:41 UTC" */
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function list(title: string, lines: RichText[], empty: RichText): ReplyBlock {
  return { type: 'text', text: md`*${title}*\n${lines.length ? joinRich(lines, '\n') : empty}` };
}

export interface HomeParts {
  polls: HomePoll[];
  walks: HomeWalk[];
  schedules: HomeSchedule[];
  /** Sources and, for admins, the report: blocks of those features' own replies. */
  sources: ReplyBlock[];
  report?: ReplyBlock[] | undefined;
  /** A line on top saying what a click just did. */
  note?: RichText | undefined;
}

/** One person's Versus: what they take part in, the sources, and (admins) what the sources miss. */
export function homeReply(p: HomeParts, t: Strings): Reply {
  const say = t.home;
  const blocks: ReplyBlock[] = [
    ...(p.note ? [{ type: 'context', text: p.note } as const] : []),
    list(
      say.polls,
      p.polls.map((x) => md`${say.poll(x.question, channel(x.channelId), when(x.closesAt))} (\`${x.id}\`)`),
      say.noPolls(),
    ),
    list(
      say.walks,
      p.walks.map((w) => say.walk(w.mode === 'solo', channel(w.channelId), w.step + 1)),
      say.noWalks(),
    ),
    list(
      say.schedules,
      p.schedules.map((s) => md`${say.schedule(s.spec, channel(s.channelId), when(s.nextRunAt))} (\`${s.id}\`)`),
      say.noSchedules,
    ),
    { type: 'divider' },
    ...p.sources,
    ...(p.report ? [{ type: 'divider' } as const, ...p.report] : []),
  ];
  return {
    visibility: 'ephemeral',
    title: 'Versus',
    blocks,
    buttons: [
      { actionId: homeAction.encode({ op: 'newpoll' }), label: say.newPoll, style: 'primary' },
      ...p.schedules.map((s) => ({
        actionId: homeAction.encode({ op: 'rmsched', id: s.id }),
        label: say.removeSchedule(s.id),
        style: 'danger' as const,
      })),
    ],
  };
}
