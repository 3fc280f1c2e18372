import type { Strings } from '../chat/strings-en.js';
import type { SourceProblem } from '../ingest/problems.js';

/** A problem in words of one catalogue. */
export function problemText(p: SourceProblem, t: Strings): string {
  const say = t.sources.problems;
  switch (p.kind) {
    case 'notUrl':
    case 'credentials':
    case 'pdfUnreadable':
    case 'notText':
      return say[p.kind];
    case 'protocol':
      return say.protocol(p.protocol);
    case 'privateHost':
      return say.privateHost(p.host);
    case 'tooLarge':
      return say.tooLarge(p.mb);
    case 'redirects':
      return say.redirects(p.max);
    case 'status':
      return say.status(p.status, p.where);
    case 'timeout':
      return say.timeout(p.host, p.seconds);
    case 'noSuchHost':
    case 'connectionRefused':
    case 'connectionFailed':
      return say[p.kind](p.host);
    case 'format':
      return say.format(p.contentType ?? say.aFile);
    case 'tooSlow':
      return say.tooSlow(p.seconds);
  }
}
