import type { Reply, ReplyBlock } from '../chat/reply.js';
import { channel, joinRich, md, type RichText } from '../chat/rich.js';
import { homeAction } from './home-action.js';
import type { HomePoll, HomeSchedule, HomeWalk } from './home-store.js';

/** "2026-11-25 10:41 UTC" */
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function list(title: string, lines: RichText[], empty: string): ReplyBlock {
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
export function homeReply(p: HomeParts): Reply {
  const blocks: ReplyBlock[] = [
    ...(p.note ? [{ type: 'context', text: p.note } as const] : []),
    list(
      'Your open polls',
      p.polls.map((x) => md`• “${x.question}” in ${channel(x.channelId)} — closes ${when(x.closesAt)} (\`${x.id}\`)`),
      'None. Start one with `/versus poll`.',
    ),
    list(
      'Your decision-matrix walks',
      p.walks.map(
        (w) =>
          md`• ${w.mode === 'solo' ? 'Solo walk' : 'Channel walk'} in ${channel(w.channelId)}, at step ${w.step + 1}`,
      ),
      'None. Start one with `/versus matrix`.',
    ),
    list(
      'Debate polls you scheduled',
      p.schedules.map((s) => md`• ${s.spec} in ${channel(s.channelId)} — next ${when(s.nextRunAt)} (\`${s.id}\`)`),
      'None.',
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
      { actionId: homeAction.encode({ op: 'newpoll' }), label: 'New poll', style: 'primary' },
      ...p.schedules.map((s) => ({
        actionId: homeAction.encode({ op: 'rmsched', id: s.id }),
        label: `Remove schedule ${s.id}`,
        style: 'danger' as const,
      })),
    ],
  };
}
