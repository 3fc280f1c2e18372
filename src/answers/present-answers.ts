import { clip } from '../chat/labels.js';
import type { Button, Reply } from '../chat/reply.js';
import { code, joinRich, md } from '../chat/rich.js';
import { cited } from '../knowledge/cited.js';
import { compareAction, moreAction } from './answer-actions.js';
import type { AskResult } from './ask.js';
import type { CompareResult } from './compare.js';

/** "A", "A and B", "A, B and C". */
export const listOf = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** Supporting claims shown under a lead answer ("Also from the sources"). */
const SUPPORTING = 4;

/**
 * An answer leads with the fact (in bold, with its sources), then "Also from the sources" with the
 * supporting claims. Without a confident answer it shows the closest claims under a plain heading, and
 * says so; with nothing relevant it says that plainly and suggests topics.
 */
export function askReply(
  r: AskResult,
  page: { offset: number; contextId?: string | undefined },
  topicSuggestions: string[],
): Reply {
  const title = `“${clip(r.query.replace(/\s+/g, ' ').trim(), 80)}”`;
  if (r.chatter && page.offset === 0)
    return {
      visibility: 'ephemeral',
      blocks: [
        { type: 'text', text: md`That isn't a Go-or-Python question I can look up. See ${code('/versus help')}.` },
      ],
    };
  if (r.uncovered.length && page.offset === 0)
    return {
      visibility: 'ephemeral',
      title,
      blocks: [
        {
          type: 'text',
          text: `The sources don't cover ${listOf(r.uncovered)}, so I won't guess from what they say about Go and Python.`,
        },
        { type: 'context', text: md`Compare what they do cover: ${code('/versus sources')}` },
      ],
    };
  if (r.claims.length === 0) {
    return {
      visibility: 'ephemeral',
      title,
      blocks: [
        {
          type: 'text',
          text:
            page.offset > 0
              ? 'No more sources for this question.'
              : 'I found nothing in the indexed sources that answers this.',
        },
        {
          type: 'context',
          text: md`Try a topic: ${joinRich(
            topicSuggestions.map((t) => [code(`/versus compare ${t}`)]),
            ', ',
          )}`,
        },
      ],
    };
  }
  const blocks: Reply['blocks'] = [];
  const answer = r.answer;
  const used = new Set([...(answer?.claims ?? []), ...(r.dissent ? [r.dissent.id] : [])]);
  if (answer) {
    // Every source that states the answer's facts, the corroborating ones included.
    const byId = new Map(r.claims.map((c) => [c.id, [c.citation, ...(c.alsoIn ?? [])]]));
    const citations = answer.claims.flatMap((id) => byId.get(id) ?? []);
    blocks.push({ type: 'answer', text: answer.text, citations });
    // When another source says otherwise, the answer says so right under it.
    if (r.dissent)
      blocks.push({ type: 'claims', title: `${r.dissent.citation.title} disagrees`, claims: [cited(r.dissent)] });
  }
  const rest = r.claims.filter((c) => !used.has(c.id)).slice(0, answer ? SUPPORTING : SUPPORTING + 1);
  if (rest.length) {
    const heading = answer
      ? 'Also from the sources'
      : page.offset > 0
        ? 'More from the sources'
        : 'Closest claims in the sources';
    blocks.push({ type: 'claims', title: heading, claims: rest.map(cited) });
  }
  const shown = page.offset + r.claims.length;
  const buttons: Button[] = [];
  if (page.contextId && r.total > shown)
    buttons.push({
      actionId: moreAction.encode({ contextId: page.contextId, offset: shown }),
      label: 'More sources',
    });
  const topic = r.topics[0];
  if (topic) buttons.push({ actionId: compareAction.encode({ topic }), label: `Compare ${topic.replace(/-/g, ' ')}` });
  blocks.push({
    type: 'context',
    text: `${r.total} matching claim${r.total === 1 ? '' : 's'}${page.offset > 0 ? ` · from #${page.offset + 1}` : ''} · answers come only from the indexed sources`,
  });
  return { visibility: 'channel', title, blocks, buttons };
}

export function compareReply(r: CompareResult): Reply {
  const blocks: Reply['blocks'] = [];
  if (r.go.length === 0 && r.python.length === 0) {
    return {
      visibility: 'ephemeral',
      title: `Go vs Python: ${r.topic.label}`,
      blocks: [{ type: 'text', text: `The sources say nothing side-specific about ${r.topic.label} yet.` }],
    };
  }
  blocks.push({ type: 'claims', title: '🐹 Go side', claims: r.go.map(cited) });
  blocks.push({ type: 'claims', title: '🐍 Python side', claims: r.python.map(cited) });
  if (r.figures.length) blocks.push({ type: 'figures', title: 'Figures side by side', rows: r.figures });
  if (r.disagreements.length) {
    blocks.push({
      type: 'disagreements',
      items: r.disagreements.slice(0, 5).map((d) => ({ ...d, claims: [cited(d.claims[0]), cited(d.claims[1])] })),
    });
  }
  const docs = new Set([...r.go, ...r.python].map((c) => c.citation.documentId)).size;
  blocks.push({
    type: 'context',
    text: `${r.total} claims on ${r.topic.label} · ${docs} source(s) shown · ${r.disagreements.length} disagreement(s) between sources`,
  });
  return { visibility: 'channel', title: `Go vs Python: ${r.topic.label}`, blocks };
}

export function unknownTopicReply(input: string, suggestions: string[]): Reply {
  return {
    visibility: 'ephemeral',
    title: 'Unknown topic',
    blocks: [
      {
        type: 'text',
        text: md`I have no topic “${clip(input, 40)}”. Try one of: ${joinRich(
          suggestions.map((s) => [code(s)]),
          ', ',
        )}.`,
      },
    ],
  };
}
