import type { StoredClaim } from '../answers/answers-store.js';
import type { Factor } from '../matrix/definition.js';
import type { Contribution } from '../matrix/scoring.js';
import { direction } from '../matrix/scoring.js';
import { weightLabel } from '../matrix/weights.js';
import { answerWithSource, type DecisionInput, type DriverEntry, type Sentiment } from './adr-model.js';

/**
 * A decision record in the MADR layout (title, status, context, decision drivers, considered options,
 * decision outcome with consequences), every driver backed by links to the claims it stands on. Pure:
 * the same input gives the same text, so a re-export that changed nothing is recognised.
 */

/** Characters Markdown would read as markup, escaped so quoted text stays text. */
export const mdText = (s: string) =>
  s
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A claim's link: the document's URL from its front matter (else its path in the knowledge folder), with
 * the claim id in the fragment (`#claim=<id>`), which `versus ask --json` and the index resolve.
 */
export function claimHref(c: StoredClaim): string {
  const base = c.citation.url ?? `knowledge/${c.path}`;
  return `${encodeURI(base)}#claim=${encodeURIComponent(c.id)}`;
}

const signed = (side: 'Go' | 'Python', n: number) => `${side} +${Math.round(n * 100) / 100}`;
const delta = (d: { go: number; python: number }) =>
  [d.go ? signed('Go', d.go) : '', d.python ? signed('Python', d.python) : ''].filter(Boolean).join(', ') || 'nothing';

/** "yes: Python +3; no: Go +1" — the sources' weights, before a channel's change. */
export function weightText(f: Factor): string {
  return f.scale === 'yes-no'
    ? `yes: ${delta(f.weights.yes)}; no: ${delta(f.weights.no)}`
    : `at importance 5: ${delta(f.weights)}, none at 1`;
}

const pull = (c: Contribution) => (c.net === 0 ? 'no pull' : signed(c.net > 0 ? 'Go' : 'Python', Math.abs(c.net)));

function driver(d: DriverEntry): string[] {
  const weight = d.percent === 100 ? 'the sources’ weight' : `weight ${weightLabel(d.percent)} in this channel`;
  const quote = d.quote ? `, from “${mdText(d.quote)}”` : '';
  const head = `* **${mdText(d.factor.title)}**: ${mdText(answerWithSource(d))}${quote} → ${pull(d.contribution)} (${weight}; ${weightText(d.factor)})`;
  const claims = d.claims.map(
    (c) =>
      `  * [${mdText(c.text)}](${claimHref(c)}) — ${mdText(c.citation.title)}, § ${mdText(c.citation.section)} (claim \`${c.id}\`)`,
  );
  return [head, ...claims];
}

const OPTION_NAME = { go: 'Go', python: 'Python', split: 'Split it' } as const;

function title(input: DecisionInput): string {
  const d = direction(input.card.verdict.kind);
  if (d === 'go' || d === 'python') return `Use ${OPTION_NAME[d]} for this backend`;
  if (d === 'split') return 'Split this backend between Go and Python';
  return 'Go or Python for this backend: not decided yet';
}

function outcome(input: DecisionInput): string[] {
  const { card } = input;
  const d = direction(card.verdict.kind);
  const chosen = d === 'go' || d === 'python' || d === 'split' ? OPTION_NAME[d] : undefined;
  const by = card.deciding.map((c) => `${mdText(c.title)} (${pull(c)})`).join(', ');
  const head = chosen
    ? `Chosen option: "${chosen}", because ${by ? `the factors that decided it are ${by}` : 'the answers lean that way'}. ${mdText(card.verdict.text)}`
    : `No option is chosen yet: ${mdText(card.verdict.text)}`;
  const rows = card.contributions.map(
    (c) =>
      `| ${mdText(c.title)} | ${mdText(input.drivers.find((x) => x.factor.id === c.factorId)?.answer || 'open')} | ${c.go} | ${c.python} |`,
  );
  return [
    head,
    ...(input.confidence ? ['', mdText(input.confidence)] : []),
    '',
    '| Factor | Answer | Go | Python |',
    '| --- | --- | ---: | ---: |',
    ...rows,
    `| **Total** | | **${card.go}** | **${card.python}** |`,
  ];
}

function consequences(input: DecisionInput): string[] {
  const net = input.card.go - input.card.python;
  const lean = Math.sign(net);
  const counted = input.drivers.filter((d) => d.contribution.net !== 0);
  const good = counted.filter((d) => Math.sign(d.contribution.net) === lean);
  const bad = counted.filter((d) => lean !== 0 && Math.sign(d.contribution.net) === -lean);
  const open = input.drivers.filter((d) => d.source === 'open').map((d) => mdText(d.factor.title));
  return [
    ...good.map((d) => `* Good, because it fits *${mdText(d.factor.title)}* (${pull(d.contribution)}).`),
    ...bad.map((d) => `* Bad, because *${mdText(d.factor.title)}* pulls the other way (${pull(d.contribution)}).`),
    ...(open.length ? [`* Neutral, because ${open.length} factor(s) are still open: ${open.join(', ')}.`] : []),
  ];
}

function sentiment(s: Sentiment): string[] {
  const votes = s.options.map((o) => `${mdText(o.label)} ${o.votes}`).join(' · ');
  const when = s.closedAt ? `closed ${s.closedAt.slice(0, 10)}` : 'still open';
  return [
    '## Team sentiment',
    '',
    `Team poll ${mdText(s.pollId)} in this channel (“${mdText(s.question)}”, started ${s.createdAt.slice(0, 10)}, ${when}): ${votes} (${s.total} vote${s.total === 1 ? '' : 's'}).`,
  ];
}

export interface Revision {
  revision: number;
  createdBy: string;
  createdAt: string;
  changes: string[];
}

function context(input: DecisionInput): string[] {
  return [
    '## Context and Problem Statement',
    '',
    // `origin` is Versus's own Markdown (ids and command names only).
    `Should this backend be written in Go or in Python? ${input.origin}`,
    ...(input.situation ? ['', `> ${mdText(input.situation)}`] : []),
    '',
    '| Factor | Answer |',
    '| --- | --- |',
    ...input.drivers.map((d) => `| ${mdText(d.factor.title)} | ${mdText(answerWithSource(d))} |`),
  ];
}

/** Each counted factor with its weight and claims, strongest pull first; the rest named after them. */
function drivers(input: DecisionInput): string[] {
  const counted = input.drivers.filter((d) => d.source !== 'open' && d.source !== 'off');
  const left = input.drivers.filter((d) => d.source === 'open' || d.source === 'off');
  const changed = input.weights.map(
    (w) => `${mdText(w.factorId)} ${weightLabel(w.percent)} by @${mdText(w.updatedBy)} on ${w.updatedAt.slice(0, 10)}`,
  );
  return [
    '## Decision Drivers',
    '',
    ...(changed.length
      ? [`Weights changed in this channel: ${changed.join('; ')}. The sources’ weights apply to the rest.`, '']
      : []),
    ...counted.sort((a, b) => Math.abs(b.contribution.net) - Math.abs(a.contribution.net)).flatMap(driver),
    ...(left.length
      ? ['', `Not counted: ${left.map((d) => `${mdText(d.factor.title)} (${answerWithSource(d)})`).join(', ')}.`]
      : []),
  ];
}

/** The record as Markdown, with its revision history (newest first). */
export function renderAdr(input: DecisionInput, revisions: readonly Revision[]): string {
  const lines = [
    `# ${title(input)}`,
    '',
    `* Status: ${input.status}`,
    `* Deciders: ${input.deciders.map((u) => `@${mdText(u)}`).join(', ') || '—'}`,
    `* Date: ${input.date.slice(0, 10)}`,
    `* Record: ${mdText(input.recordId)}, revision ${revisions[0]?.revision ?? 1}`,
    '',
    ...context(input),
    '',
    ...drivers(input),
    '',
    '## Considered Options',
    '',
    '* Go',
    '* Python',
    '* Split it: Go for the parts that need its strengths, Python for the rest (the hybrid the sources describe)',
    '',
    '## Decision Outcome',
    '',
    ...outcome(input),
    '',
    '### Consequences',
    '',
    ...consequences(input),
    ...(input.sentiment ? ['', ...sentiment(input.sentiment)] : []),
    '',
    '## Revisions',
    '',
    ...revisions.flatMap((r) => [
      `* Revision ${r.revision}, ${r.createdAt.slice(0, 10)}, by @${mdText(r.createdBy)}${r.changes.length ? ':' : ': first export.'}`,
      ...r.changes.map((c) => `  * ${mdText(c)}`),
    ]),
    '',
    'Written by Versus from the indexed sources; every claim above links to its source and claim id.',
  ];
  return `${lines.join('\n')}\n`;
}
