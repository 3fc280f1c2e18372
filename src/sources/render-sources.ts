import type { Reply } from '../chat/reply.js';
import { code, joinRich, md, mention, type Rich } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { StoredDocument } from '../knowledge/knowledge-store.js';

/** When a document was indexed, to the minute: "2026-11-25 10:41 UTC". */
const indexTime = (iso: string | undefined, t: Strings) =>
  iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : t.sources.never;

/** Who added a team document, and when (`/versus sources add`), keyed by its document id. */
export interface TeamAddition {
  id: string;
  addedBy: string;
  addedAt: string;
}

/** One line of the list: a folder document with its file, a team document with who added it and its id. */
function sourceLine(d: StoredDocument, team: ReadonlyMap<string, TeamAddition>, t: Strings): Rich {
  const say = t.sources;
  const claims = say.claims(d.claimCount);
  const indexed = say.indexed(indexTime(d.indexedAt, t));
  if (d.scope === '') return md`• *${d.title}* — ${claims} (\`${d.path}\`, ${indexed})`;
  const added = team.get(d.id);
  if (!added) return md`• *${d.title}* — ${claims} · ${say.addedByATeam} (${indexed})`;
  return md`• *${d.title}* — ${claims} · ${say.addedBy(mention(added.addedBy), added.addedAt.slice(0, 10))} (\`${added.id}\`)`;
}

export function sourcesReply(
  docs: StoredDocument[],
  lastIndexed: string | undefined,
  broken: readonly { path: string; message: string }[] = [],
  team: ReadonlyMap<string, TeamAddition> = new Map(),
  t: Strings = en,
): Reply {
  // The folder's problems are the indexer's own words, for whoever keeps knowledge/: left as written.
  const problems: Reply['blocks'] = broken.length
    ? [
        {
          type: 'context',
          text: joinRich(
            broken.map((b) => md`⚠️ ${code(b.path)}: ${b.message}`),
            '\n',
          ),
        },
      ]
    : [];
  if (docs.length === 0)
    return {
      visibility: 'ephemeral',
      title: t.sources.title,
      blocks: [{ type: 'text', text: t.sources.nothingIndexed() }, ...problems],
    };
  const total = docs.reduce((n, d) => n + d.claimCount, 0);
  return {
    visibility: 'channel',
    title: t.sources.titleCount(docs.length),
    blocks: [
      {
        type: 'text',
        text: joinRich(
          docs.map((d) => sourceLine(d, team, t)),
          '\n',
        ),
      },
      ...problems,
      { type: 'context', text: t.sources.footer(total, indexTime(lastIndexed, t)) },
    ],
  };
}
