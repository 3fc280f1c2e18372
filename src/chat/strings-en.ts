import type { FigureCall } from './reply.js';
import { code, md, type Rich, type RichText } from './rich.js';
import { adrEn } from './strings/adr-en.js';
import { factorsEn } from './strings/factors-en.js';
import { feedbackEn } from './strings/feedback-en.js';
import { homeEn } from './strings/home-en.js';
import { platformEn } from './strings/platform-en.js';
import { pollCommandsEn } from './strings/poll-commands-en.js';
import { schedulesEn } from './strings/schedules-en.js';
import { scorecardEn } from './strings/scorecard-en.js';
import { settingsEn } from './strings/settings-en.js';
import { sourcesEn } from './strings/sources-en.js';
import { usageEn } from './strings/usage-en.js';
import { verdictEn } from './strings/verdict-en.js';
import { walkEn } from './strings/walk-en.js';
import { weightsEn } from './strings/weights-en.js';

/** What a missing figure is called in a reply ("The sources give no latency or pause time …"). */
const FIGURE_NAMES: Record<string, string> = {
  latency: 'latency or pause time',
  memory: 'memory figure',
  throughput: 'throughput figure',
  duration: 'timing',
  percent: 'figure of that kind',
  ratio: 'ratio of that kind',
};

/**
 * Every user-facing frame string of Versus in English: the words around answers, polls, help and error
 * replies. Claims are never translated (they stay in their sources' language); command names and examples
 * stay as typed. Other locales are typed as `Strings`, so a missing or extra key does not compile.
 */
export const en = {
  list: {
    /** "A", "A and B", "A, B and C". */
    and: 'and',
  },
  answers: {
    notAQuestion: (): RichText => md`That isn't a Go-or-Python question I can look up. See ${code('/versus help')}.`,
    uncovered: (names: string) =>
      `The sources don't cover ${names}, so I won't guess from what they say about Go and Python.`,
    compareCovered: (): RichText => md`Compare what they do cover: ${code('/versus sources')}`,
    /**
     * A question for a figure no claim gives (for any language, or for the language or framework asked:
     * "Go", "Echo"); the closest claims follow.
     */
    noFigure: (measure: string, about?: string) =>
      `The sources give no ${FIGURE_NAMES[measure] ?? 'figure of that kind'}${about ? ` for ${about}` : ''} here; this is the closest they come.`,
    noMore: 'No more sources for this question.',
    nothingFound: 'I found nothing in the indexed sources that answers this.',
    tryTopic: (topics: Rich): RichText => md`Try a topic: ${topics}`,
    disagrees: (source: string) => `${source} disagrees`,
    alsoFrom: 'Also from the sources',
    moreFrom: 'More from the sources',
    closest: 'Closest claims in the sources',
    moreButton: 'More sources',
    shareButton: 'Share with channel',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    compareButton: (topic: string) => `Compare ${topic}`,
    footer: (total: number, from: number | undefined) =>
      `${total} matching claim${total === 1 ? '' : 's'}${from ? ` · from #${from}` : ''} · answers come only from the indexed sources`,
  },
  compare: {
    title: (topic: string) => `Go vs Python: ${topic}`,
    nothingSideSpecific: (topic: string) => `The sources say nothing side-specific about ${topic} yet.`,
    goSide: '🐹 Go side',
    pythonSide: '🐍 Python side',
    figures: 'Figures side by side',
    disagreementsTitle: '⚠️ Where the sources disagree',
    /** A figure row's verdict: "about the same", "Go 2.9× higher", "favors Python". */
    call: (c: FigureCall): string => {
      const side = c.kind === 'same' ? '' : c.side === 'go' ? 'Go' : 'Python';
      if (c.kind === 'same') return 'about the same';
      return c.kind === 'favors' ? `favors ${side}` : `${side} ${c.times}× ${c.higher ? 'higher' : 'lower'}`;
    },
    footer: (total: number, topic: string, docs: number, disagreements: number) =>
      `${total} claims on ${topic} · ${docs} source(s) shown · ${disagreements} disagreement(s) between sources`,
    unknownTitle: 'Unknown topic',
    unknown: (input: string, suggestions: Rich): RichText =>
      md`I have no topic “${input}”. Try one of: ${suggestions}.`,
  },
  polls: {
    motion: (topic: string): RichText =>
      md`Debate motion: *${topic}* — the sources disagree here. Read both sides, then pick a team.`,
    caseFor: 'The case for',
    strongestFor: 'Strongest cited claim for',
    noVotes: 'No votes were cast.',
    tie: (winners: string) => `Tie: ${winners}.`,
    result: (winner: string, votes: number, total: number): RichText =>
      md`Result: *${winner}* wins with ${votes} of ${total} votes.`,
    closedFooter: (id: string, when: string, timeRanOut: boolean): RichText =>
      md`Poll ${id} · closed ${when}${timeRanOut ? ' (time ran out)' : ''}`,
    openFooter: (id: string, anonymous: boolean, closes: string): RichText =>
      md`Poll ${id} · ${anonymous ? 'anonymous' : 'public: voters are listed'} · closes ${closes} · click your option again to retract`,
    closedTitle: (question: string) => `📊 Closed: ${question}`,
    closeButton: 'Close poll',
    votes: (n: number) => `${n} vote${n === 1 ? '' : 's'}`,
    gone: 'That poll no longer exists.',
    noSuchOption: 'That option is not part of this poll.',
    tooLate: (): RichText =>
      md`This poll is closed; votes are no longer counted. Start a new one with \`/versus poll\`.`,
    withdrawn: (option: string) => `Your vote for ${option} is withdrawn.`,
    onTeam: (team: string) => `You're on Team ${team}.`,
    voted: (option: string) => `You voted: ${option}.`,
  },
  help: {
    title: 'Versus: Go or Python, with evidence',
    usage: (usage: string, example: string): RichText => md`Usage: \`${usage}\` — e.g. \`${example}\``,
    example: 'e.g.',
    threads:
      'Mention me in a thread to ask there; I keep answering follow-ups in that thread. Every answer cites its source.',
    smalltalk: (): RichText =>
      md`Happy to help. Ask me a Go-or-Python question, e.g. ${code('how many requests per second does Fiber handle?')}`,
  },
  settings: settingsEn,
  errors: {
    title: 'Not quite',
    internal: (ref: string): RichText => md`Something went wrong on my side (ref ${ref}). Try again in a moment.`,
    notAvailable: (name: string): RichText => md`\`/versus ${name}\` is not available on this Versus yet.`,
    serverOnly: (name: string): RichText =>
      md`\`/versus ${name}\` works in servers where Versus is installed. Here you can use \`/versus ask\`, \`compare\`, \`sources\` and \`help\`.`,
  },
  walk: walkEn,
  scorecard: scorecardEn,
  factors: factorsEn,
  weights: weightsEn,
  verdict: verdictEn,
  adr: adrEn,
  pollCommands: pollCommandsEn,
  platform: platformEn,
  schedules: schedulesEn,
  sources: sourcesEn,
  usage: usageEn,
  home: homeEn,
  feedback: feedbackEn,
};

export type Strings = typeof en;
