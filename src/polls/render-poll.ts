import { stringify } from 'csv-stringify/sync';
import type { Bar, Reply, ReplyBlock } from '../chat/reply.js';
import { joinRich, md, mention } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { CitedClaim } from '../knowledge/types.js';
import { pollAction } from './poll-action.js';
import type { Poll, Tally } from './poll-store.js';

/** Whole percentages that add up to 100 (largest remainder), so every platform shows the same bars. */
export function percentages(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return floors;
}

export function bars(poll: Poll, tally: Tally): Bar[] {
  const pct = percentages(tally.counts);
  return poll.options.map((label, i) => ({ label, count: tally.counts[i] ?? 0, percent: pct[i] ?? 0 }));
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export interface PollEvidence {
  go?: CitedClaim | undefined;
  python?: CitedClaim | undefined;
}

/** The poll message: live bars and vote buttons while open; result and (for Go vs Python) the best evidence once closed. */
export function renderPoll(
  poll: Poll,
  tally: Tally,
  voters: { userId: string; option: number }[],
  evidence: PollEvidence = {},
  t: Strings = en,
): Reply {
  const closed = poll.closedAt !== undefined;
  const blocks: ReplyBlock[] = [];
  if (poll.motion)
    blocks.push({
      type: 'text',
      text: t.polls.motion(poll.motion.label),
    });
  const cited = [evidence.go, evidence.python].filter((c): c is CitedClaim => c !== undefined);
  // Each claim is shown under the side it is evidence for, which need not be the language it is about.
  const perSide = (heading: string): ReplyBlock[] =>
    (['go', 'python'] as const).flatMap((side) => {
      const c = evidence[side];
      return c
        ? [{ type: 'claims' as const, title: `${heading} ${side === 'go' ? '🐹 Go' : '🐍 Python'}`, claims: [c] }]
        : [];
    });
  if (poll.motion && cited.length && !closed) blocks.push(...perSide(t.polls.caseFor));
  blocks.push({ type: 'bars', bars: bars(poll, tally), total: tally.total, totalLabel: t.polls.votes(tally.total) });
  if (!poll.anonymous && voters.length) {
    const byOption = poll.options.map((label, i) => {
      const who = voters.filter((v) => v.option === i).map((v) => [mention(v.userId)]);
      return md`${label}: ${who.length ? joinRich(who, ' ') : '—'}`;
    });
    blocks.push({ type: 'text', text: joinRich(byOption, '\n') });
  }
  if (closed) {
    const max = Math.max(...tally.counts);
    const winners = poll.options.filter((_, i) => tally.counts[i] === max);
    blocks.push({
      type: 'text',
      text:
        tally.total === 0
          ? t.polls.noVotes
          : winners.length > 1
            ? t.polls.tie(winners.join(` ${t.list.and} `))
            : t.polls.result(winners[0] ?? '', max, tally.total),
    });
    if (poll.kind === 'team' && cited.length) blocks.push(...perSide(t.polls.strongestFor));
    blocks.push({
      type: 'context',
      text: t.polls.closedFooter(poll.id, when(poll.closedAt!), poll.closedBy === 'schedule'),
    });
    return { visibility: 'channel', title: t.polls.closedTitle(poll.question), blocks };
  }
  blocks.push({ type: 'context', text: t.polls.openFooter(poll.id, poll.anonymous, when(poll.closesAt)) });
  return {
    visibility: 'channel',
    title: `📊 ${poll.question}`,
    blocks,
    buttons: [
      ...poll.options.map((label, i) => ({
        actionId: pollAction.encode({ op: 'vote', pollId: poll.id, option: i }),
        label,
        style: 'default' as const,
      })),
      {
        actionId: pollAction.encode({ op: 'close', pollId: poll.id }),
        label: t.polls.closeButton,
        style: 'danger' as const,
      },
    ],
  };
}

/**
 * CSV of a poll's votes; an anonymous poll's export leaves out who voted. Written by csv-stringify with
 * `escape_formulas`: a cell starting with = + - @ tab or CR (an option like `=HYPERLINK(…)`) gets a
 * leading quote, so a spreadsheet shows it as text instead of running it. Quoting alone does not stop that.
 */
export function votesCsv(poll: Poll, voters: { userId: string; option: number; votedAt: string }[]): string {
  const csv = (columns: string[], rows: (string | number)[][]) =>
    stringify(rows, { header: true, columns, quoted_string: true, escape_formulas: true });
  // Anonymous: only totals per option. Per-vote rows, even without ids, carry a time and an order that
  // can be matched against the channel's timeline to tell who voted what.
  if (poll.anonymous)
    return csv(
      ['option', 'votes'],
      poll.options.map((o, i) => [o, voters.filter((v) => v.option === i).length]),
    );
  return csv(
    ['user_id', 'option', 'voted_at'],
    voters.map((v) => [v.userId, poll.options[v.option] ?? String(v.option), v.votedAt]),
  );
}
