import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressAllowList } from '../../src/ingest/addresses.js';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { embedText, type Harness } from '../fakes/discord-harness.js';
import { ARTICLE_TITLE, articleServer } from '../helpers/article-server.js';
import { germanServer } from '../helpers/german-discord.js';

/**
 * Issue 23, item 5, for `/versus sources`: the list, adding and removing, and why a document gave nothing
 * or could not be fetched, in the language of a Discord server whose locale is German. Document titles
 * and section names stay as their documents write them.
 */
describe('GIVEN a Discord server whose locale is de', () => {
  let h: Harness;
  let web: Awaited<ReturnType<typeof articleServer>>;
  const sources = async (options: Record<string, string> = {}) => {
    const i = h.fake.slash('sources', options, { userId: IDS.admin });
    return embedText(((await h.fake.waitForCallback(i.id as string)).body as Json).data as Json);
  };
  beforeAll(async () => {
    web = await articleServer({
      'notes.md': { type: 'text/markdown', body: Buffer.from('```\nfunc main() {}\n```\n') },
    });
    h = await germanServer({
      core: { fetchAllow: AddressAllowList.parse('127.0.0.1') },
    });
  });
  afterAll(async () => {
    await h.stop();
    await web.close();
  });

  it('WHEN the sources are listed THEN the list’s frame is German', async () => {
    const list = await sources();
    expect(list).toMatch(/^### Quellen \(\d+\)/);
    expect(list).toMatch(
      /• \*\*Alpha Article\*\* — 6 Aussagen \(`alpha\.md`, indexiert \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    expect(list).toMatch(/\d+ Aussagen insgesamt · Ordner zuletzt geprüft \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(list).not.toMatch(/claims|indexed|folder last checked/);
  });

  it('WHEN a document gives no claims or cannot be fetched THEN the reason is German', async () => {
    expect(await sources({ action: 'add', link: `${web.url}/files/notes.md` })).toContain(
      'hat keine Aussagen ergeben. Nichts darin liest sich wie eine Aussage: Es ist Code, Links, Überschriften oder Bruchstücke kürzer als ein Satz.',
    );
    expect(await sources({ action: 'add', link: 'http://10.1.2.3/report' })).toContain(
      'Nicht hinzugefügt: 10.1.2.3 ist eine private, Loopback- oder Link-Local-Adresse; Versus ruft nur öffentliche Webseiten ab.',
    );
    expect(await sources({ action: 'add', link: `${web.url}/missing` })).toMatch(
      /Nicht hinzugefügt: Der Server hat für 127\.0\.0\.1:\d+\/missing mit 404 geantwortet\./,
    );
  });

  it('WHEN a team document is added and removed THEN both confirmations are German', async () => {
    const added = await sources({ action: 'add', link: `${web.url}/job-workers` });
    const id = /`(d[a-z0-9]{6})`/.exec(added)![1]!;
    expect(added).toMatch(
      new RegExp(`\\*\\*${ARTICLE_TITLE}\\*\\* ist hinzugefügt als \`${id}\`: \\d+ Aussagen unter `),
    );
    expect(added).toContain('Ab jetzt fließt sie in Antworten in diesem Workspace ein');
    expect(await sources()).toMatch(
      new RegExp(`hinzugefügt von <@${IDS.admin}> am \\d{4}-\\d\\d-\\d\\d \\(\`${id}\`\\)`),
    );
    expect(await sources({ action: 'remove', id })).toContain(`ist entfernt; sie fließt nicht mehr in Antworten ein.`);
  });

  it('WHEN sources is written wrong THEN the mistake is explained in German', async () => {
    expect(await sources({ action: 'remove', id: '12' })).toContain(
      'Gib die ID an, die `/versus sources` zeigt, z. B. `/versus sources remove d3k9x2`.',
    );
  });
});
