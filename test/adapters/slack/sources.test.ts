import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADD_SOURCE_CALLBACK, firstLink } from '../../../src/adapters/slack/add-source.js';
import { AddressAllowList } from '../../../src/ingest/addresses.js';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';
import { ARTICLE_TITLE, articleServer, FIGURE_ANSWER, FIGURE_QUESTION } from '../../helpers/article-server.js';

/** Our own short ADR as an uploaded Markdown file, with a table of figures. */
const ADR = `---
title: ADR 12 - Session cache
---

## Measurements

| Cache client | Lookups per second | Memory (MB) |
| --- | --- | --- |
| Go client | 48,000 | 30 |
| Python client | 17,000 | 85 |

We keep the Go client for the session cache.
`;

describe('Slack: /versus sources add and the "Add to Versus sources" shortcut (real Bolt app, fake Web API)', () => {
  let rig: SlackRig;
  let web: { url: string; close(): Promise<void> };
  const text = (r: { body: Record<string, unknown> }) => JSON.stringify(r.body.blocks ?? r.body.text);
  const shortcut = async (f: { text: string; user?: string; files?: { id: string; name: string }[] }) => {
    const url = rig.fake.responseUrl();
    expect((await rig.send.messageShortcut(ADD_SOURCE_CALLBACK, { ...f, responseUrl: url })).status).toBe(200);
    return rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname), 15_000);
  };

  beforeAll(async () => {
    web = await articleServer();
    rig = await slackRig({ core: { fetchAllow: AddressAllowList.parse('127.0.0.1') } });
    rig.fake.admins.add('UADM');
  });
  afterAll(async () => {
    await rig.close();
    await web.close();
  });

  it('WHEN an admin adds a page THEN a question about a figure in its table is answered, cited by title and section', async () => {
    const added = await rig.command(`sources add ${web.url}/job-workers`, 'UADM');
    expect(added.body.response_type).toBe('ephemeral');
    expect(text(added)).toMatch(/Added \*Moving our job workers to Go\* as `d[a-z0-9]{6}`/);
    const answer = await rig.command(`ask ${FIGURE_QUESTION}`, 'U5');
    const lead = JSON.stringify((answer.body.blocks as unknown[])[1]);
    expect(lead).toMatch(FIGURE_ANSWER);
    expect(text(answer)).toContain(`${ARTICLE_TITLE} › What we measured`);
  });

  it('GIVEN a member who is not an admin THEN the shortcut refuses, only to them', async () => {
    const r = await shortcut({ text: `read <${web.url}/job-workers|this>`, user: 'U5' });
    expect(r.body.response_type).toBe('ephemeral');
    expect(text(r)).toContain('Only a workspace admin can add sources.');
  });

  it("WHEN used on a message with a link THEN the link's page is added", async () => {
    const r = await shortcut({ text: `worth a read <${web.url}/job-workers|our write-up>`, user: 'UADM' });
    expect(text(r)).toMatch(/Updated \*Moving our job workers to Go\*/);
  });

  it('WHEN used on a message with an uploaded file THEN it is fetched by id with the bot token and its table answers', async () => {
    rig.fake.files.set('F1ADR', { name: 'adr-12.md', mimetype: 'text/markdown', body: Buffer.from(ADR) });
    const r = await shortcut({ text: 'our ADR', user: 'UADM', files: [{ id: 'F1ADR', name: 'forged-name.md' }] });
    expect(text(r)).toMatch(/Added \*ADR 12 - Session cache\* as `d[a-z0-9]{6}`: \d+ claims under Measurements/);
    expect(rig.fake.callsOf('files.info').at(-1)?.body.file).toBe('F1ADR');
    expect(rig.fake.downloads.at(-1)).toBe('Bearer xoxb-test-token');
    const answer = await rig.command('ask how many lookups per second does the go cache client do?', 'U5');
    expect(JSON.stringify((answer.body.blocks as unknown[])[1])).toMatch(/48,000/);
    expect(text(answer)).toContain('ADR 12 - Session cache › Measurements');
  });

  it('GIVEN a message with neither link nor file THEN says what the shortcut needs', async () => {
    const r = await shortcut({ text: 'no link here', user: 'UADM' });
    expect(text(r)).toContain('That message has no link or file to add.');
  });

  it('reads the first link of a message as Slack writes it', () => {
    expect(firstLink('see <https://a.example/x|label> and <https://b.example>')).toBe('https://a.example/x');
    expect(firstLink('bare https://c.example/y?z=1 here')).toBe('https://c.example/y?z=1');
    expect(firstLink('<mailto:a@b.c|mail> <@U1>')).toBeUndefined();
  });
});
