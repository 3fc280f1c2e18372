// Issue #24: a document one replica adds is answered by another replica within 2 s, and stops answering
// there within 2 s of its removal. Two compiled bots (as deployed) on one PostgreSQL, each with its own
// knowledge index; `/versus sources add <link>` goes to replica 0 (which fetches, indexes and replies),
// then replica 1 is asked every 50 ms until its answer cites the page (remove: until it no longer does).
// The floor is the sync interval, VERSUS_SOURCES_POLL_MS (1 s): replica 1 looks at the shared store that often.
// Standalone: npx tsx bench/sources-propagation.ts [--quick]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SlackSender } from '../test/fakes/slack-requests.js';
import { articleServer, FIGURE_ANSWER, FIGURE_QUESTION } from '../test/helpers/article-server.js';
import { FIXTURE_KNOWLEDGE } from '../test/helpers/core.js';
import { type Replicas, startReplicas } from '../test/helpers/replicas.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import { report, summarize } from './stats.js';
import { buildForBench } from './storm.js';

const SECRET = 'propagation-secret';
const POLL_MS = 1_000;

export interface PropagationFigures {
  addP50Ms: number;
  addMaxMs: number;
  removeP50Ms: number;
  removeMaxMs: number;
  rounds: number;
}

/** `/versus <text>` straight to replica `i`; its answer as text. */
async function command(rig: Replicas, i: number, text: string, user = 'U5'): Promise<string> {
  const url = rig.fake.responseUrl();
  const bot = rig.bots[i];
  if (!bot) throw new Error(`no replica ${i}`);
  await new SlackSender(`http://127.0.0.1:${bot.port}/slack/events`, SECRET).command(text, { responseUrl: url, user });
  const r = await rig.fake.waitFor(() => rig.fake.responses.find((x) => x.path === new URL(url).pathname), 15_000);
  return JSON.stringify(r.body.blocks ?? r.body.text);
}

/** Asks replica 1 until `done(answer)`; the time from `since` (epoch ms) to that answer. */
async function until(rig: Replicas, since: number, done: (answer: string) => boolean): Promise<number> {
  for (;;) {
    if (done(await command(rig, 1, `ask ${FIGURE_QUESTION}`))) return Date.now() - since;
    if (Date.now() - since > 30_000) throw new Error('replica 1 never caught up in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function benchSourcesPropagation(
  opts: { quick?: boolean; dist?: string } = {},
): Promise<PropagationFigures> {
  const build = opts.dist ? undefined : buildForBench();
  const web = await articleServer();
  // Its own server, as bench/storm-targets.ts does: the test run's shared one is not there outside vitest.
  const server = await startEmbeddedPostgres('versus-bench-sources');
  const rig = await startReplicas({
    n: 2,
    secret: SECRET,
    knowledgeDir: FIXTURE_KNOWLEDGE,
    backend: { kind: 'postgres', url: server.adminUrl },
    env: { VERSUS_ALLOW_PRIVATE_FETCH: '127.0.0.1', VERSUS_SOURCES_POLL_MS: String(POLL_MS) },
    compiled: opts.dist ?? build?.dist,
  });
  rig.fake.admins.add('UADM');
  const added: number[] = [];
  const removed: number[] = [];
  try {
    for (let round = 0; round < (opts.quick ? 3 : 7); round++) {
      // The reply on replica 0 means the document is stored: the clock starts when the admin sees it.
      const reply = await command(rig, 0, `sources add ${web.url}/job-workers`, 'UADM');
      const id = /`(d[a-z0-9]{6})`/.exec(reply)?.[1];
      if (!id) throw new Error(`sources add did not add the page: ${reply}`);
      added.push(await until(rig, Date.now(), (a) => FIGURE_ANSWER.test(a)));
      await command(rig, 0, `sources remove ${id}`, 'UADM');
      removed.push(await until(rig, Date.now(), (a) => !FIGURE_ANSWER.test(a)));
    }
  } finally {
    await rig.stop();
    await server.stop();
    await web.close();
    build?.remove();
  }
  const a = summarize(added);
  const r = summarize(removed);
  report('Team sources across replicas (2 compiled bots on PostgreSQL, added on one, asked on the other)', [
    ['added → answered on the other replica, p50 / max', `${a.p50.toFixed(0)} / ${a.max.toFixed(0)} ms`, '≤ 2,000 ms'],
    ['removed → gone on the other replica, p50 / max', `${r.p50.toFixed(0)} / ${r.max.toFixed(0)} ms`, '≤ 2,000 ms'],
    ['floor: the sync interval (VERSUS_SOURCES_POLL_MS)', `${POLL_MS} ms`],
  ]);
  return { addP50Ms: a.p50, addMaxMs: a.max, removeP50Ms: r.p50, removeMaxMs: r.max, rounds: added.length };
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await benchSourcesPropagation({ quick: process.argv.includes('--quick') });
}
