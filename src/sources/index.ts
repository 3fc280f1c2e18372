import { command, type Feature } from '../chat/feature.js';
import { serverOnlyReply } from '../chat/help.js';
import { err, ok, type Result } from '../chat/result.js';
import type { RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import type { TeamSources } from './service.js';

type SourcesCommand = { op: 'list' } | { op: 'add'; url: string } | { op: 'remove'; id: string };

/** `sources`, `sources add <link>`, `sources remove <id>`; anything else is a usage note. */
export function parseSources(args: string, t: Strings): Result<SourcesCommand, RichText> {
  const [op, ...rest] = args.trim().split(/\s+/).filter(Boolean);
  if (op === undefined || op === 'list') return rest.length ? err(t.sources.usage()) : ok({ op: 'list' });
  if (op === 'add') {
    // Chat clients wrap links in <…>; a link is one word.
    const url = rest.length === 1 ? rest[0]!.replace(/^<|>$/g, '').replace(/\|.*$/, '') : '';
    return url ? ok({ op: 'add', url }) : err(t.sources.giveLink());
  }
  if (op === 'remove') {
    const id = rest.length === 1 ? rest[0]! : '';
    return /^d[a-z0-9]{6}$/.test(id) ? ok({ op: 'remove', id }) : err(t.sources.giveId());
  }
  return err(t.sources.usage());
}

/** The `sources` feature: list, add and remove team documents. */
export function sourcesFeature(sources: TeamSources): Feature {
  return {
    name: 'sources',
    help: {
      usage: '/versus sources [add <link> | remove <id>]',
      example: '/versus sources add https://example.com/post',
    },
    command: command(parseSources, (c, ctx) => {
      // Listing works anywhere; adding and removing need Versus on the server, whose permissions say who is an admin.
      if (c.op !== 'list' && ctx.serverInstall === false)
        return serverOnlyReply(`sources ${c.op}`, sources.strings(ctx));
      return c.op === 'add'
        ? sources.addLink(c.url, ctx)
        : c.op === 'remove'
          ? sources.remove(c.id, ctx)
          : sources.list(ctx);
    }),
  };
}
