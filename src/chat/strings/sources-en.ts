import { code, md, type Rich, type RichText, type Span } from '../rich.js';

/** `/versus sources`: the list, adding and removing team documents, and why a document gave nothing. */
export const sourcesEn = {
  title: 'Sources',
  titleCount: (n: number) => `Sources (${n})`,
  nothingIndexed: (): RichText => md`Nothing is indexed yet. Run \`versus index\`.`,
  claims: (n: number) => (n === 0 ? 'no claims: nothing in it reads as a claim' : `${n} claim${n === 1 ? '' : 's'}`),
  indexed: (when: string) => `indexed ${when}`,
  never: 'never',
  addedByATeam: 'added by a team',
  addedBy: (who: Span, day: string): RichText => md`added by ${who} on ${day}`,
  footer: (claims: number, checked: string) => `${claims} claims in all · folder last checked ${checked}`,
  usage: (): RichText =>
    md`Use \`/versus sources\` to list them, \`/versus sources add <link>\` to add a web page, Markdown, text or PDF, or \`/versus sources remove <id>\`.`,
  giveLink: (): RichText => md`Give one link, e.g. \`/versus sources add https://example.com/our-benchmark\`.`,
  giveId: (): RichText => md`Give the id \`/versus sources\` shows, e.g. \`/versus sources remove d3k9x2\`.`,
  onlyAdminsAdd: (admin: string) => `Only ${admin} can add sources. Ask one to run /versus sources add.`,
  onlyAdminsRemove: (admin: string) => `Only ${admin} can remove sources.`,
  full: (max: number): RichText => md`This workspace has ${max} sources, the most it can keep. Remove one first.`,
  notAdded: (why: string): RichText => md`Not added: ${why}`,
  noClaims: (title: string, why: string): RichText => md`Not added: *${title}* gave no claims. ${why}`,
  added: (title: string, id: string, claims: number): RichText => md`Added *${title}* as ${code(id)}: ${claims} claims`,
  updated: (title: string, id: string, claims: number): RichText =>
    md`Updated *${title}* as ${code(id)}: ${claims} claims`,
  under: (sections: Rich): RichText => md` under ${sections}`,
  answersNow: (id: string): RichText =>
    md`It answers in this workspace now; ${code(`/versus sources remove ${id}`)} takes it out.`,
  noSuchSource: (id: string): RichText =>
    md`There is no team source ${code(id)} here. ${code('/versus sources')} lists them.`,
  removed: (title: string, id: string): RichText => md`Removed *${title}* (${code(id)}); it no longer answers.`,
  /** Why a document that was read gave no claims. */
  why: {
    pdfNoText: 'The PDF has no text layer (a scanned document?), so there is nothing to index.',
    htmlNoText:
      'The page has no readable text: it may be drawn by JavaScript or sit behind a login. Try its PDF or a Markdown copy.',
    empty: 'The document is empty.',
    noClaimLike: 'Nothing in it reads as a claim: it is code, links, headings or fragments shorter than a sentence.',
  },
  /** Why a link or file could not be fetched or read (ingest/problems.ts). */
  problems: {
    notUrl: 'That is not a web address. Give a full link such as https://example.com/post.',
    protocol: (protocol: string) => `Only http and https links can be added (not ${protocol}).`,
    credentials: 'Links with a user name or password in them are not fetched.',
    privateHost: (host: string) =>
      `${host} is a private, loopback or link-local address; Versus only fetches public web pages.`,
    tooLarge: (mb: number) => `The document is larger than ${mb} MB; Versus indexes smaller ones.`,
    redirects: (max: number) => `The link redirects more than ${max} times.`,
    status: (status: number, where: string) => `The server answered ${status} for ${where}.`,
    timeout: (host: string, seconds: number) => `${host} did not send the document within ${seconds} s.`,
    noSuchHost: (host: string) => `Could not fetch ${host}: no such host.`,
    connectionRefused: (host: string) => `Could not fetch ${host}: the connection was refused.`,
    connectionFailed: (host: string) => `Could not fetch ${host}: the connection failed.`,
    notText: 'That file is not text I can read (a binary file?).',
    format: (type: string) => `That is ${type} — Versus reads web pages (HTML), Markdown, plain text and PDF.`,
    aFile: 'a file',
    pdfUnreadable: 'The PDF could not be read (damaged or encrypted?).',
    tooSlow: (seconds: number) =>
      `reading that document took longer than ${seconds} s, so it was stopped. Try a smaller page, its PDF or a Markdown copy.`,
  },
};
