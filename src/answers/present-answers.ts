import { clip } from '../chat/labels.js';
import type { Button, Reply } from '../chat/reply.js';
import { code, joinRich } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import { cited } from '../knowledge/cited.js';
import { compareAction, moreAction } from './answer-actions.js';
import type { AskResult } from './ask.js';
import type { CompareResult } from './compare.js';

/** "A", "A and B", "A, B and C". */
export const listOf = (names: readonly string[], and = en.list.and): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;

/** Supporting claims shown under a lead answer ("Also from the sources"). */
const SUPPORTING = 4;

/**
 * An answer leads with the fact (in bold, with its sources), then "Also from the sources" with the
 * supporting claims. Without a confident answer it shows the closest claims under a plain heading, and
 * says so; with nothing relevant it says that plainly and suggests topics.
 */
export function askReply(
  r: AskResult,
  page: { offset: number; answerId?: string | undefined },
  topicSuggestions: string[],
  t: Strings = en,
): Reply {
  const title = `“${clip(r.query.replace(/\s+/g, ' ').trim(), 80)}”`;
  if (r.chatter && page.offset === 0)
    return {
      visibility: 'ephemeral',
      blocks: [{ type: 'text', text: t.answers.notAQuestion() }],
    };
  if (r.uncovered.length && page.offset === 0)
    return {
      visibility: 'ephemeral',
      title,
      blocks: [
        { type: 'text', text: t.answers.uncovered(listOf(r.uncovered, t.list.and)) },
        { type: 'context', text: t.answers.compareCovered() },
      ],
    };
  if (r.claims.length === 0) {
    return {
      visibility: 'ephemeral',
      title,
      blocks: [
        {
          type: 'text',
          text: page.offset > 0 ? t.answers.noMore : t.answers.nothingFound,
        },
        {
          type: 'context',
          text: t.answers.tryTopic(
            joinRich(
              topicSuggestions.map((topic) => [code(`/versus compare ${topic}`)]),
              ', ',
            ),
          ),
        },
      ],
    };
  }
  const blocks: Reply['blocks'] = [];
  const answer = r.answer;
  // Asked for a figure the sources never give: say so before the closest claims.
  const missing = r.missingFigure;
  if (missing && page.offset === 0) {
    const about = missing.entity ?? (missing.side && (missing.side === 'go' ? 'Go' : 'Python'));
    blocks.push({ type: 'text', text: t.answers.noFigure(missing.type, about) });
  }
  const used = new Set([...(answer?.claims ?? []), ...(r.dissent ? [r.dissent.id] : [])]);
  if (answer) {
    // Every source that states the answer's facts, the corroborating ones included.
    const byId = new Map(r.claims.map((c) => [c.id, [c.citation, ...(c.alsoIn ?? [])]]));
    const citations = answer.claims.flatMap((id) => byId.get(id) ?? []);
    blocks.push({ type: 'answer', text: answer.text, citations });
    // When another source says otherwise, the answer says so right under it.
    if (r.dissent)
      blocks.push({ type: 'claims', title: t.answers.disagrees(r.dissent.citation.title), claims: [cited(r.dissent)] });
  }
  const rest = r.claims.filter((c) => !used.has(c.id)).slice(0, answer ? SUPPORTING : SUPPORTING + 1);
  if (rest.length) {
    const heading = answer ? t.answers.alsoFrom : page.offset > 0 ? t.answers.moreFrom : t.answers.closest;
    blocks.push({ type: 'claims', title: heading, claims: rest.map(cited) });
  }
  const shown = page.offset + r.claims.length;
  const buttons: Button[] = [];
  if (page.answerId && r.total > shown)
    buttons.push({
      actionId: moreAction.encode({ answerId: page.answerId, offset: shown }),
      label: t.answers.moreButton,
    });
  const topic = r.topics[0];
  if (topic)
    buttons.push({
      actionId: compareAction.encode({ topic }),
      label: t.answers.compareButton(topic.replace(/-/g, ' ')),
    });
  blocks.push({
    type: 'context',
    text: t.answers.footer(r.total, page.offset > 0 ? page.offset + 1 : undefined),
  });
  return { visibility: 'channel', title, blocks, buttons };
}

export function compareReply(r: CompareResult, t: Strings = en): Reply {
  const blocks: Reply['blocks'] = [];
  if (r.go.length === 0 && r.python.length === 0) {
    return {
      visibility: 'ephemeral',
      title: t.compare.title(r.topic.label),
      blocks: [{ type: 'text', text: t.compare.nothingSideSpecific(r.topic.label) }],
    };
  }
  blocks.push({ type: 'claims', title: t.compare.goSide, claims: r.go.map(cited) });
  blocks.push({ type: 'claims', title: t.compare.pythonSide, claims: r.python.map(cited) });
  if (r.figures.length) {
    const rows = r.figures.map(({ call, ...row }) => ({ ...row, verdict: call ? t.compare.call(call) : row.verdict }));
    blocks.push({ type: 'figures', title: t.compare.figures, rows });
  }
  if (r.disagreements.length) {
    blocks.push({
      type: 'disagreements',
      title: t.compare.disagreementsTitle,
      items: r.disagreements.slice(0, 5).map((d) => ({ ...d, claims: [cited(d.claims[0]), cited(d.claims[1])] })),
    });
  }
  const docs = new Set([...r.go, ...r.python].map((c) => c.citation.documentId)).size;
  blocks.push({
    type: 'context',
    text: t.compare.footer(r.total, r.topic.label, docs, r.disagreements.length),
  });
  return { visibility: 'channel', title: t.compare.title(r.topic.label), blocks };
}

export function unknownTopicReply(input: string, suggestions: string[], t: Strings = en): Reply {
  const list = joinRich(
    suggestions.map((s) => [code(s)]),
    ', ',
  );
  return {
    visibility: 'ephemeral',
    title: t.compare.unknownTitle,
    blocks: [{ type: 'text', text: t.compare.unknown(clip(input, 40), list) }],
  };
}
