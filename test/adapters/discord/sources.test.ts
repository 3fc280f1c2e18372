import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionText } from '../../../src/adapters/discord/commands.js';
import { AddressAllowList } from '../../../src/ingest/addresses.js';
import { IDS, type Json } from '../../fakes/discord-fake.js';
import { embedText, type Harness, startHarness } from '../../fakes/discord-harness.js';
import { ARTICLE_TITLE, articleServer, FIGURE_ANSWER, FIGURE_QUESTION } from '../../helpers/article-server.js';

/** Our own short benchmark note as a text attachment, with a table of figures. */
const NOTE = `Log shipper benchmark

Both shippers read the same 2 GB access log on one core.

Shipper Lines per second Memory (MB)
Go shipper 410,000 40
Python shipper 95,000 120
`;

describe('Discord: /versus sources add (link or attachment) and remove (real discord.js client, fake Discord)', () => {
  let h: Harness;
  let web: { url: string; close(): Promise<void> };

  /** The reply the user finally sees: the callback itself, or the edit of a deferred one. */
  async function shown(i: Json): Promise<string> {
    const cb = await h.fake.waitForCallback(i.id as string);
    if (cb.body.type === 4) return embedText(cb.body.data);
    const edit = await h.fake.waitFor(
      () => h.fake.webhook(i.token as string).find((r) => r.method === 'PATCH'),
      'the deferred reply',
    );
    return embedText(edit.body);
  }

  beforeAll(async () => {
    web = await articleServer({ 'bench.txt': { type: 'text/plain', body: Buffer.from(NOTE) } });
    h = await startHarness({ core: { fetchAllow: AddressAllowList.parse('127.0.0.1') } });
  });
  afterAll(async () => {
    await h.stop();
    await web.close();
  });

  it('WHEN an admin adds a page by link THEN a question about a figure in its table is answered, cited by title and section', async () => {
    const added = await shown(
      h.fake.slash('sources', { action: 'add', link: `${web.url}/job-workers` }, { userId: IDS.admin }),
    );
    expect(added).toMatch(/Added \*\*Moving our job workers to Go\*\* as `d[a-z0-9]{6}`/);
    const answer = await shown(h.fake.slash('ask', { question: FIGURE_QUESTION }));
    expect(answer).toMatch(FIGURE_ANSWER);
    expect(answer).toContain(`${ARTICLE_TITLE} › What we measured`);
  });

  it('WHEN an admin adds an attachment THEN it is fetched from its URL and its table answers', async () => {
    const file = { attachment: { filename: 'bench.txt', url: `${web.url}/files/bench.txt`, type: 'text/plain' } };
    const added = await shown(h.fake.slash('sources', { action: 'add', file }, { userId: IDS.admin }));
    expect(added).toMatch(/Added \*\*Log shipper benchmark\*\* as `d[a-z0-9]{6}`/);
    const answer = await shown(
      h.fake.slash('ask', { question: 'how many lines per second does the go shipper read?' }),
    );
    expect(answer).toMatch(/410,000/);
  });

  it('GIVEN a member without Manage Messages THEN adding is refused, only to them', async () => {
    const i = h.fake.slash('sources', { action: 'add', link: `${web.url}/job-workers` });
    const cb = await h.fake.waitForCallback(i.id as string);
    expect(await shown(i)).toContain('Only a server admin (Manage Messages or Manage Server) can add sources.');
    expect(cb.body.data?.flags ?? 64).toBeTruthy();
  });

  it('GIVEN a DM (a user install) THEN adding needs Versus on a server', async () => {
    const text = await shown(h.fake.slash('sources', { action: 'add', link: `${web.url}/x` }, { dm: true }));
    expect(text).toContain('`/versus sources add` works in servers where Versus is installed.');
  });

  it('lists the team documents, and an admin removes one by id', async () => {
    const listed = await shown(h.fake.slash('sources', {}));
    const id = new RegExp(
      `${ARTICLE_TITLE}\\*\\* — \\d+ claims · added by <@${IDS.admin}> on [\\d-]+ \\(\`(d[a-z0-9]{6})\`\\)`,
    ).exec(listed)?.[1];
    expect(id).toBeDefined();
    const removed = await shown(h.fake.slash('sources', { action: 'remove', id: id! }, { userId: IDS.admin }));
    expect(removed).toContain('it no longer answers');
    expect(await shown(h.fake.slash('ask', { question: FIGURE_QUESTION }))).not.toMatch(FIGURE_ANSWER);
  });

  it('turns the options into command text: an attachment is its URL', () => {
    const fake = {
      commandName: 'versus',
      options: {
        getSubcommand: () => 'sources',
        getAttachment: (n: string) => (n === 'file' ? { url: 'https://cdn.example/a.md' } : null),
        get: (n: string) => (n === 'action' ? { value: 'add' } : null),
      },
    } as unknown as Parameters<typeof interactionText>[0];
    expect(interactionText(fake)).toBe('sources add https://cdn.example/a.md');
  });
});
