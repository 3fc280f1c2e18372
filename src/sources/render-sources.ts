import type { Reply } from '../chat/reply.js';
import { code, joinRich, md, mention, type Rich } from '../chat/rich.js';
import type { StoredDocument } from '../knowledge/knowledge-store.js';

/** When a document was indexed, to the minute: "2026-11-25 10:41 UTC". */
const indexTime = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

/** Who added a team document, and when (`/versus sources add`), keyed by its document id. */
export interface TeamAddition {
  id: string;
  addedBy: string;
  addedAt: string;
}

/** One line of the list: a folder document with its file, a team document with who added it and its id. */
function sourceLine(d: StoredDocument, team: ReadonlyMap<string, TeamAddition>): Rich {
  const claims = d.claimCount === 0 ? 'no claims: nothing in it reads as a claim' : `${d.claimCount} claims`;
  if (d.scope === '') return md`• *${d.title}* — ${claims} (\`${d.path}\`, indexed ${indexTime(d.indexedAt)})`;
  const t = team.get(d.id);
  if (!t) return md`• *${d.title}* — ${claims} · added by a team (indexed ${indexTime(d.indexedAt)})`;
  return md`• *${d.title}* — ${claims} · added by ${mention(t.addedBy)} on ${t.addedAt.slice(0, 10)} (\`${t.id}\`)`;
}

export function sourcesReply(
  docs: StoredDocument[],
  lastIndexed: string | undefined,
  broken: readonly { path: string; message: string }[] = [],
  team: ReadonlyMap<string, TeamAddition> = new Map(),
): Reply {
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
      title: 'Sources',
      blocks: [{ type: 'text', text: md`Nothing is indexed yet. Run \`versus index\`.` }, ...problems],
    };
  const total = docs.reduce((n, d) => n + d.claimCount, 0);
  return {
    visibility: 'channel',
    title: `Sources (${docs.length})`,
    blocks: [
      {
        type: 'text',
        text: joinRich(
          docs.map((d) => sourceLine(d, team)),
          '\n',
        ),
      },
      ...problems,
      { type: 'context', text: `${total} claims in all · folder last checked ${indexTime(lastIndexed)}` },
    ],
  };
}
