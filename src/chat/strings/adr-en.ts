import { md, type Rich, type RichText } from '../rich.js';

type Source = 'answered' | 'read' | 'open' | 'off' | 'skipped';

/**
 * Decision records: the exported ADR document (MADR layout) and the replies to exporting it. The document
 * is Markdown written by adr-markdown.ts, which escapes every value put into these strings.
 */
export const adrEn = {
  exportButton: '📝 Export decision record',
  useTitle: (option: string) => `Use ${option} for this backend`,
  splitTitle: 'Split this backend between Go and Python',
  undecidedTitle: 'Go or Python for this backend: not decided yet',
  status: { proposed: 'proposed', accepted: 'accepted' },
  statusField: 'Status',
  decidersField: 'Deciders',
  dateField: 'Date',
  record: (id: string, revision: number) => `Record: ${id}, revision ${revision}`,
  contextHeading: 'Context and Problem Statement',
  question: 'Should this backend be written in Go or in Python?',
  walkOrigin: (mode: 'channel' | 'solo', id: string, refined: boolean) =>
    `The ${mode} decision-matrix walk ${id} (\`/versus matrix\`)${refined ? ' refined a verdict: answers read from the situation count where nobody answered in the walk' : ''}.`,
  verdictOrigin: 'Versus read the answers below from the situation the team described (`/versus verdict`).',
  factor: 'Factor',
  answer: 'Answer',
  total: 'Total',
  /** Where a factor's answer came from. */
  source: {
    answered: 'answered in the walk',
    read: 'read from the situation',
    open: 'open',
    off: 'switched off',
    skipped: 'skipped',
  } as Record<Source, string>,
  driversHeading: 'Decision Drivers',
  weightsChanged: (list: string) => `Weights changed in this channel: ${list}. The sources’ weights apply to the rest.`,
  weightChange: (factorId: string, label: string, by: string, day: string) => `${factorId} ${label} by ${by} on ${day}`,
  sourcesWeight: 'the sources’ weight',
  channelWeight: (label: string) => `weight ${label} in this channel`,
  from: (quote: string) => `, from “${quote}”`,
  yesNoWeights: (yes: string, no: string) => `yes: ${yes}; no: ${no}`,
  importanceWeights: (at5: string) => `at importance 5: ${at5}, none at 1`,
  nothing: 'nothing',
  noPull: 'no pull',
  claim: (id: string) => `(claim \`${id}\`)`,
  notCounted: (list: string) => `Not counted: ${list}.`,
  optionsHeading: 'Considered Options',
  splitOption:
    'Split it: Go for the parts that need its strengths, Python for the rest (the hybrid the sources describe)',
  outcomeHeading: 'Decision Outcome',
  chosen: (option: string, by: string, verdict: string) =>
    `Chosen option: "${option}", because ${by ? `the factors that decided it are ${by}` : 'the answers lean that way'}. ${verdict}`,
  noneChosen: (verdict: string) => `No option is chosen yet: ${verdict}`,
  consequencesHeading: 'Consequences',
  good: (title: string, pull: string) => `Good, because it fits *${title}* (${pull}).`,
  bad: (title: string, pull: string) => `Bad, because *${title}* pulls the other way (${pull}).`,
  neutral: (n: number, list: string) => `Neutral, because ${n} factor(s) are still open: ${list}.`,
  sentimentHeading: 'Team sentiment',
  sentiment: (
    poll: string,
    question: string,
    started: string,
    closed: string | undefined,
    votes: string,
    total: number,
  ) =>
    `Team poll ${poll} in this channel (“${question}”, started ${started}, ${closed ? `closed ${closed}` : 'still open'}): ${votes} (${total} vote${total === 1 ? '' : 's'}).`,
  revisionsHeading: 'Revisions',
  revision: (n: number, day: string, by: string, first: boolean) =>
    `Revision ${n}, ${day}, by ${by}${first ? ': first export.' : ':'}`,
  footer: 'Written by Versus from the indexed sources; every claim above links to its source and claim id.',
  /** What changed between two revisions, one line each (an answer's line is "Title: before → after"). */
  weightChanged: (title: string, before: string, after: string) => `${title} weight: ${before} → ${after}`,
  verdictUnchanged: (headline: string) => `Verdict unchanged: ${headline}`,
  verdictChanged: (before: string, after: string) => `Verdict: ${before} → ${after}`,
  /** The reply to Export, and why there is no record. */
  replyTitle: 'Decision record',
  what: (id: string, revision: number, unchanged: boolean) =>
    unchanged
      ? `Nothing changed since revision ${revision}: exported it again ${id}`
      : revision === 1
        ? `Exported the decision record ${id}`
        : `Exported revision ${revision} of the decision record ${id}`,
  delivered: (what: string, at: { file: Rich; channel: Rich } | undefined, changed: Rich | undefined): RichText =>
    md`📝 ${what}${at ? md`: ${at.file} in ${at.channel}` : ''}.${changed ? md`\nWhat changed: ${changed}.` : ''}`,
  uploadFailed: (filename: string) =>
    `The decision record could not be uploaded just now (${filename}). Try Export again in a moment.`,
  noWalk: (id: string) => `There is no walk ${id} here.`,
  notFinished: (id: string, status: string) =>
    `Walk ${id} is ${status}: a decision record is written once it is finished.`,
};
