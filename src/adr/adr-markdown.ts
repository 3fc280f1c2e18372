import type { StoredClaim } from '../answers/answers-store.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { Factor } from '../matrix/definition.js';
import type { Contribution } from '../matrix/scoring.js';
import { direction } from '../matrix/scoring.js';
import { weightLabel } from '../matrix/weights.js';
import { titleOf, verdictText } from '../matrix/words.js';
import { answerIn, answerWithSource, type DecisionInput, type DriverEntry, type Sentiment } from './adr-model.js';

/**
 * A decision record in the MADR layout (title, status, context, decision drivers, considered options,
 * decision outcome with consequences), every driver backed by links to the claims it stands on, in the
 * language of the place it was exported in (claims stay in their sources'). Pure: the same input gives the
 * same text, so a re-export that changed nothing is recognised.
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
const delta = (d: { go: number; python: number }, t: Strings) =>
  [d.go ? signed('Go', d.go) : '', d.python ? signed('Python', d.python) : ''].filter(Boolean).join(', ') ||
  t.adr.nothing;

/** "yes: Python +3; no: Go +1" — the sources' weights, before a channel's change. */
export function weightText(f: Factor, t: Strings = en): string {
  return f.scale === 'yes-no'
    ? t.adr.yesNoWeights(delta(f.weights.yes, t), delta(f.weights.no, t))
    : t.adr.importanceWeights(delta(f.weights, t));
}

const pull = (c: Contribution, t: Strings) =>
  c.net === 0 ? t.adr.noPull : signed(c.net > 0 ? 'Go' : 'Python', Math.abs(c.net));

/** A factor's title in the record's language, escaped. */
const title = (d: DriverEntry, t: Strings) => mdText(titleOf(t, d.factor));

function driver(d: DriverEntry, t: Strings): string[] {
  const weight = d.percent === 100 ? t.adr.sourcesWeight : t.adr.channelWeight(weightLabel(d.percent, t));
  const quote = d.quote ? t.adr.from(mdText(d.quote)) : '';
  const answer = mdText(answerWithSource(d, t));
  const head = `* **${title(d, t)}**: ${answer}${quote} → ${pull(d.contribution, t)} (${weight}; ${weightText(d.factor, t)})`;
  const claims = d.claims.map(
    (c) =>
      `  * [${mdText(c.text)}](${claimHref(c)}) — ${mdText(c.citation.title)}, § ${mdText(c.citation.section)} ${t.adr.claim(c.id)}`,
  );
  return [head, ...claims];
}

const optionName = (d: 'go' | 'python' | 'split', t: Strings) =>
  d === 'go' ? 'Go' : d === 'python' ? 'Python' : t.scorecard.headline.split;

function heading(input: DecisionInput, t: Strings): string {
  const d = direction(input.card.verdict.kind);
  if (d === 'go' || d === 'python') return t.adr.useTitle(optionName(d, t));
  if (d === 'split') return t.adr.splitTitle;
  return t.adr.undecidedTitle;
}

function outcome(input: DecisionInput, t: Strings): string[] {
  const { card } = input;
  const d = direction(card.verdict.kind);
  const chosen = d === 'go' || d === 'python' || d === 'split' ? optionName(d, t) : undefined;
  const by = card.deciding.map((c) => `${mdText(titleOf(t, c))} (${pull(c, t)})`).join(', ');
  const verdict = mdText(verdictText(card, t));
  const rows = card.contributions.map((c) => {
    const d = input.drivers.find((x) => x.factor.id === c.factorId);
    return `| ${mdText(titleOf(t, c))} | ${mdText((d && answerIn(d, t)) || t.adr.source.open)} | ${c.go} | ${c.python} |`;
  });
  return [
    chosen ? t.adr.chosen(chosen, by, verdict) : t.adr.noneChosen(verdict),
    ...(input.confidence ? ['', mdText(input.confidence)] : []),
    '',
    `| ${t.adr.factor} | ${t.adr.answer} | Go | Python |`,
    '| --- | --- | ---: | ---: |',
    ...rows,
    `| **${t.adr.total}** | | **${card.go}** | **${card.python}** |`,
  ];
}

function consequences(input: DecisionInput, t: Strings): string[] {
  const net = input.card.go - input.card.python;
  const lean = Math.sign(net);
  const counted = input.drivers.filter((d) => d.contribution.net !== 0);
  const good = counted.filter((d) => Math.sign(d.contribution.net) === lean);
  const bad = counted.filter((d) => lean !== 0 && Math.sign(d.contribution.net) === -lean);
  const open = input.drivers.filter((d) => d.source === 'open').map((d) => title(d, t));
  return [
    ...good.map((d) => `* ${t.adr.good(title(d, t), pull(d.contribution, t))}`),
    ...bad.map((d) => `* ${t.adr.bad(title(d, t), pull(d.contribution, t))}`),
    ...(open.length ? [`* ${t.adr.neutral(open.length, open.join(', '))}`] : []),
  ];
}

function sentiment(s: Sentiment, t: Strings): string[] {
  const votes = s.options.map((o) => `${mdText(o.label)} ${o.votes}`).join(' · ');
  const closed = s.closedAt?.slice(0, 10);
  return [
    `## ${t.adr.sentimentHeading}`,
    '',
    t.adr.sentiment(mdText(s.pollId), mdText(s.question), s.createdAt.slice(0, 10), closed, votes, s.total),
  ];
}

export interface Revision {
  revision: number;
  createdBy: string;
  createdAt: string;
  changes: string[];
}

function context(input: DecisionInput, t: Strings): string[] {
  return [
    `## ${t.adr.contextHeading}`,
    '',
    // `origin` is Versus's own Markdown (ids and command names only).
    `${t.adr.question} ${input.origin}`,
    ...(input.situation ? ['', `> ${mdText(input.situation)}`] : []),
    '',
    `| ${t.adr.factor} | ${t.adr.answer} |`,
    '| --- | --- |',
    ...input.drivers.map((d) => `| ${title(d, t)} | ${mdText(answerWithSource(d, t))} |`),
  ];
}

/** Each counted factor with its weight and claims, strongest pull first; the rest named after them. */
function drivers(input: DecisionInput, t: Strings): string[] {
  const counted = input.drivers.filter((d) => d.source !== 'open' && d.source !== 'off');
  const left = input.drivers.filter((d) => d.source === 'open' || d.source === 'off');
  const changed = input.weights.map((w) =>
    t.adr.weightChange(
      mdText(w.factorId),
      weightLabel(w.percent, t),
      `@${mdText(w.updatedBy)}`,
      w.updatedAt.slice(0, 10),
    ),
  );
  const notCounted = left.map((d) => `${title(d, t)} (${answerWithSource(d, t)})`).join(', ');
  return [
    `## ${t.adr.driversHeading}`,
    '',
    ...(changed.length ? [t.adr.weightsChanged(changed.join('; ')), ''] : []),
    ...counted.sort((a, b) => Math.abs(b.contribution.net) - Math.abs(a.contribution.net)).flatMap((d) => driver(d, t)),
    ...(left.length ? ['', t.adr.notCounted(notCounted)] : []),
  ];
}

/** The record as Markdown in the language of `t`, with its revision history (newest first). */
export function renderAdr(input: DecisionInput, revisions: readonly Revision[], t: Strings = en): string {
  const a = t.adr;
  const lines = [
    `# ${heading(input, t)}`,
    '',
    `* ${a.statusField}: ${a.status[input.status]}`,
    `* ${a.decidersField}: ${input.deciders.map((u) => `@${mdText(u)}`).join(', ') || '—'}`,
    `* ${a.dateField}: ${input.date.slice(0, 10)}`,
    `* ${a.record(mdText(input.recordId), revisions[0]?.revision ?? 1)}`,
    '',
    ...context(input, t),
    '',
    ...drivers(input, t),
    '',
    `## ${a.optionsHeading}`,
    '',
    '* Go',
    '* Python',
    `* ${a.splitOption}`,
    '',
    `## ${a.outcomeHeading}`,
    '',
    ...outcome(input, t),
    '',
    `### ${a.consequencesHeading}`,
    '',
    ...consequences(input, t),
    ...(input.sentiment ? ['', ...sentiment(input.sentiment, t)] : []),
    '',
    `## ${a.revisionsHeading}`,
    '',
    ...revisions.flatMap((r) => [
      `* ${a.revision(r.revision, r.createdAt.slice(0, 10), `@${mdText(r.createdBy)}`, r.changes.length === 0)}`,
      ...r.changes.map((c) => `  * ${mdText(c)}`),
    ]),
    '',
    a.footer,
  ];
  return `${lines.join('\n')}\n`;
}
