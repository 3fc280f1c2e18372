import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/adapters/console/console-adapter.js';
import type { Core } from '../../../src/core.js';
import { AddressAllowList } from '../../../src/ingest/addresses.js';
import { ARTICLE_TITLE, articleServer, FIGURE_ANSWER, FIGURE_QUESTION } from '../../helpers/article-server.js';
import { testCore } from '../../helpers/core.js';

// `versus chat` with a fake terminal: a team's page added by link, then a question about its table.
describe('console: /versus sources add, then ask about a figure in its table', () => {
  let core: Core;
  let web: { url: string; close(): Promise<void> };
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  let done: Promise<void>;
  beforeAll(async () => {
    web = await articleServer();
    core = await testCore(undefined, undefined, { fetchAllow: AddressAllowList.parse('127.0.0.1') });
    output.on('data', (c) => (shown += String(c)));
    done = new ConsoleAdapter({ handler: core.handler, input, output }).start();
  });
  afterAll(async () => {
    input.end();
    await done;
    await core.close();
    await web.close();
  });

  /** Types a line; resolves with what it printed once `until` shows up. */
  async function type(line: string, until: RegExp): Promise<string> {
    const from = shown.length;
    input.write(`${line}\n`);
    for (let i = 0; i < 500 && !until.test(shown.slice(from)); i++) await new Promise((r) => setTimeout(r, 10));
    expect(shown.slice(from)).toMatch(until);
    return shown.slice(from);
  }

  it('answers with the figure, cited by the article title and its section', async () => {
    await type(`/versus sources add ${web.url}/job-workers`, /Added Moving our job workers to Go as `d[a-z0-9]{6}`/);
    const answer = await type(`/versus ask ${FIGURE_QUESTION}`, /matching claim/);
    const lead = /\n\*(.+)\*\n {4}— (.+)\n/.exec(answer);
    expect(lead?.[1]).toMatch(FIGURE_ANSWER);
    expect(lead?.[2]).toBe(`${ARTICLE_TITLE} › What we measured`);
  });
});
