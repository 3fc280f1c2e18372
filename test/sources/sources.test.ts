import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import { en } from '../../src/chat/strings-en.js';
import type { Core } from '../../src/core.js';
import { AddressAllowList } from '../../src/ingest/addresses.js';
import { parseSources } from '../../src/sources/index.js';
import { ARTICLE_TITLE, articleServer, FIGURE_ANSWER, FIGURE_QUESTION } from '../helpers/article-server.js';
import { testCore } from '../helpers/core.js';
import { makePdf } from '../helpers/pdf.js';

const admin: ChatContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'UADM',
  isAdmin: fixedAdmin(true),
};
const member: ChatContext = { ...admin, userId: 'U2', isAdmin: fixedAdmin(false) };
const otherTeam: ChatContext = { ...admin, workspaceId: 'T2' };

describe('/versus sources add, remove and list (real core, local web server)', () => {
  let core: Core;
  let web: { url: string; close(): Promise<void> };
  const run = async (text: string, ctx = admin) => renderText(await core.handler.command(text, ctx));
  const idIn = (text: string) => /`(d[a-z0-9]{6})`/.exec(text)?.[1];

  beforeAll(async () => {
    web = await articleServer({
      'scan.pdf': { type: 'application/pdf', body: makePdf([]) },
      'notes.md': { type: 'text/markdown', body: Buffer.from('```\nfunc main() {}\n```\n') },
    });
    core = await testCore(undefined, undefined, { fetchAllow: AddressAllowList.parse('127.0.0.1') });
  });
  afterAll(async () => {
    await core.close();
    await web.close();
  });

  it('WHEN an admin adds a page THEN the reply names it, its id, claims and sections, and a figure in its table answers', async () => {
    const added = await run(`sources add ${web.url}/job-workers`);
    expect(added).toMatch(
      new RegExp(
        `^\\*Sources\\*\\n\\nAdded ${ARTICLE_TITLE} as \`d[a-z0-9]{6}\`: \\d+ claims under What we measured, What stayed in Python\\.`,
      ),
    );
    const answer = await run(`ask ${FIGURE_QUESTION}`);
    const lead = answer.split('\n').slice(2, 4).join('\n');
    expect(lead).toMatch(FIGURE_ANSWER);
    expect(lead).toContain(`— ${ARTICLE_TITLE} › What we measured`);
  });

  it('lists a team document with who added it, when, and its id', async () => {
    const listed = await run('sources');
    expect(listed).toMatch(
      new RegExp(`• ${ARTICLE_TITLE} — \\d+ claims · added by @UADM on 2026-01-05 \\(\`d[a-z0-9]{6}\`\\)`),
    );
    expect(listed).toContain('• Alpha Article — 6 claims (`alpha.md`');
  });

  it('GIVEN the same link again THEN it is updated under the same id, not added twice', async () => {
    const first = idIn(await run('sources'));
    const again = await run(`sources add ${web.url}/job-workers`);
    expect(again).toMatch(new RegExp(`Updated ${ARTICLE_TITLE} as \`${first}\``));
    expect((await run('sources')).split(ARTICLE_TITLE)).toHaveLength(2);
  });

  it('GIVEN another workspace THEN the document neither answers, nor lists, nor can be removed there', async () => {
    const id = idIn(await run('sources'))!;
    expect(await run(`ask ${FIGURE_QUESTION}`, otherTeam)).not.toMatch(FIGURE_ANSWER);
    expect(await run('sources', otherTeam)).not.toContain(ARTICLE_TITLE);
    expect(await run(`sources remove ${id}`, otherTeam)).toBe(
      `*Sources*\n\nThere is no team source \`${id}\` here. \`/versus sources\` lists them.`,
    );
    expect(await run(`ask ${FIGURE_QUESTION}`)).toMatch(FIGURE_ANSWER);
  });

  it('GIVEN someone who is not an admin THEN add and remove are refused, privately', async () => {
    const reply = await core.handler.command(`sources add ${web.url}/job-workers`, member);
    expect(reply.visibility).toBe('ephemeral');
    expect(renderText(reply)).toContain('Only a workspace admin can add sources.');
    expect(await run('sources remove dabcdef', member)).toContain('Only a workspace admin can remove sources.');
  });

  it('GIVEN a document that yields no claims THEN it is not added, and the reply says why', async () => {
    expect(await run(`sources add ${web.url}/empty`)).toMatch(
      /Not added: .* gave no claims\. The page has no readable text/,
    );
    expect(await run(`sources add ${web.url}/files/scan.pdf`)).toMatch(/gave no claims\. The PDF has no text layer/);
    expect(await run(`sources add ${web.url}/files/notes.md`)).toMatch(
      /gave no claims\. Nothing in it reads as a claim/,
    );
    expect(await run('sources')).not.toMatch(/empty|scan|notes\.md/);
  });

  it('relays refusals and fetch failures in a sentence: loopback without allowance, file:, 404', async () => {
    const strict = await testCore();
    try {
      const r = renderText(await strict.handler.command(`sources add ${web.url}/job-workers`, admin));
      expect(r).toBe(
        '*Sources*\n\nNot added: 127.0.0.1 is a private, loopback or link-local address; Versus only fetches public web pages.',
      );
    } finally {
      await strict.close();
    }
    expect(await run('sources add file:///etc/passwd')).toContain(
      'Not added: Only http and https links can be added (not file:).',
    );
    expect(await run(`sources add ${web.url}/missing`)).toMatch(/Not added: The server answered 404/);
  });

  it('WHEN removed THEN it no longer answers', async () => {
    const id = idIn(await run('sources'))!;
    expect(await run(`sources remove ${id}`)).toBe(
      `*Sources*\n\nRemoved ${ARTICLE_TITLE} (\`${id}\`); it no longer answers.`,
    );
    expect(await run(`ask ${FIGURE_QUESTION}`)).not.toMatch(FIGURE_ANSWER);
    expect(await run('sources')).not.toContain(ARTICLE_TITLE);
  });

  it('parses its arguments and explains a mistake', () => {
    expect(parseSources('', en)).toEqual({ ok: true, value: { op: 'list' } });
    expect(parseSources('add <https://x.example/a|x.example/a>', en)).toEqual({
      ok: true,
      value: { op: 'add', url: 'https://x.example/a' },
    });
    expect(parseSources('remove d3k9x2a', en)).toMatchObject({ ok: true, value: { op: 'remove', id: 'd3k9x2a' } });
    for (const bad of ['add', 'add a b', 'remove', 'remove 12', 'purge'])
      expect(parseSources(bad, en).ok, bad).toBe(false);
  });
});
