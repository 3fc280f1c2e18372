import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/ask.js';
import { compare } from '../../src/answers/compare.js';
import { askReply } from '../../src/answers/present-answers.js';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Core } from '../../src/core.js';
import { motionCandidates } from '../../src/polls/motions.js';
import { pollAction } from '../../src/polls/poll-action.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';

/** The behaviours issue 10 names, on the real knowledge folder. */
describe('answers on the real knowledge folder', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE);
  });
  afterAll(() => core.close());
  const askIt = (q: string, context?: string) => ask(core.answers, core.taxonomy, q, { context });
  const claim = (re: RegExp) => {
    const all = core.answers.claimsByIds(
      (core.db.prepare('SELECT id FROM claims').all() as { id: string }[]).map((r) => r.id),
    );
    const found = all.find((c) => re.test(c.text));
    if (!found) throw new Error(`no claim matches ${re}`);
    return found;
  };

  describe('the lead answer', () => {
    it('GIVEN "how many requests per second does Fiber handle" THEN it leads with 130,000 req/s, cited', () => {
      const r = askIt('how many requests per second does Fiber handle');
      expect(r.answer?.text).toMatch(/Fiber: 130,000 req\/s/);
      expect(r.claims.find((c) => c.id === r.answer!.claims[0])?.citation.title).toBe('Guide 2025');
    });

    it('GIVEN "what time is it in Tokyo" THEN nothing: half its words are unknown to the sources', () => {
      const r = askIt('what time is it in Tokyo');
      expect(r.answer).toBeNull();
      expect(r.claims).toEqual([]);
    });

    it("GIVEN a question that states Go's figure and asks Python's THEN it leads with Python's, not the one stated", () => {
      const r = askIt('go needs ~20mb for 10k goroutines, what would python threads need for the same 10k');
      expect(r.answer?.text).toMatch(/80 GB/);
      expect(r.claims[0]?.text).toMatch(/Python/);
    });

    it('GIVEN "do Go engineers cost more" THEN it leads with the 15–25 % premium', () => {
      expect(askIt('do Go engineers cost more').answer?.text).toMatch(/premium of 15–25%/);
    });

    it('GIVEN "how much faster is Go overall" THEN it leads with the articles own 5–10×, not a derived ratio', () => {
      expect(askIt('how much faster is Go overall').answer?.text).toMatch(/5-10x/);
    });

    it.each([
      ['difference in p99 between django and gin', /Django 65 ms vs Go with Gin 4 ms/],
      ['is orjson as fast as go for json', /Python\+orjson 3\.2s vs Go 1\.8s/],
      // A ratio asked of two run times is the two run times and their ratio.
      ['how much slower is python than go at fib(40)', /Python 45\.2s vs Go 0\.8s: Go 57× lower/],
    ])('GIVEN %j (two things set against each other) THEN both figures and the ratio', (q, answer) => {
      expect(askIt(q).answer?.text).toMatch(answer);
    });

    it('GIVEN an X-vs-Y figure question THEN both figures and the ratio', () => {
      expect(askIt('fastapi vs gin throughput').answer?.text).toBe(
        'FastAPI on uvicorn 45,000 req/s vs Go with Gin 110,000 req/s: Go with Gin 2.4× higher',
      );
    });

    it('GIVEN a figure asked of one language that the sources give only for the other THEN no lead, and the reply says so', () => {
      const r = askIt("what's a python developer's salary?");
      expect(r.missingFigure).toEqual({ type: 'percent', side: 'python' });
      expect(r.answer).toBeNull();
      expect(renderText(askReply(r, { offset: 0 }, []))).toMatch(/no figure of that kind for Python here/);
      // Asked of Go, the premium answers it.
      expect(askIt('do go developers earn more?').answer?.text).toMatch(/premium of 15–25%/);
    });

    it("GIVEN a figure asked of one framework that the sources give only for others THEN no lead: Gin's throughput is not Echo's", () => {
      const r = askIt('how many rps does echo do');
      expect(r.missingFigure).toEqual({ type: 'throughput', entity: 'Echo' });
      expect(r.answer).toBeNull();
      expect(renderText(askReply(r, { offset: 0 }, []))).toMatch(/no throughput figure for Echo here/);
      // A framework the sources measure still leads with its own figure.
      expect(askIt('how many rps does fastapi do').answer?.text).toMatch(/45,000 req\/s/);
    });

    it('GIVEN a pause time no source measures THEN no lead answer, and the reply says so above the closest claims', () => {
      for (const q of [
        "how long are go's garbage collector pauses?",
        'how many ms do go gc pauses last in prod',
        // The startup's 340 → 11 ms is a latency about Go, but not of its garbage collector.
        "how long are go's gc pauses in ms typically",
      ]) {
        const r = askIt(q);
        expect(r.missingFigure, q).toEqual({ type: 'latency' });
        expect(r.answer, q).toBeNull();
        const text = renderText(askReply(r, { offset: 0 }, []));
        expect(text, q).toMatch(/The sources give no latency or pause time here/);
      }
      // A latency the sources do give still leads.
      const gin = askIt('what is the p99 latency of gin in ms');
      expect(gin.missingFigure).toBeUndefined();
      expect(gin.answer?.text).toMatch(/4 ms/);
    });

    it('GIVEN "io" as chat writes it THEN claims that write "I/O" cover it', () => {
      const r = askIt('why doesnt the gil kill io heavy python apps then');
      expect(r.claims[0]?.text).toMatch(/GIL is not held while waiting on I\/O|releases the GIL/);
    });

    it('GIVEN words no claim writes that the taxonomy files under a topic ("network calls") THEN claims of that topic lead', () => {
      const r = askIt('is go better for lots of network calls?');
      expect(r.claims[0]?.topics).toContain('io-bound');
      expect(r.answer?.text).toMatch(/I\/O/);
    });

    it('GIVEN a "why" question that sets two things against each other THEN it leads with a reason, not their figures', () => {
      const r = askIt('why are goroutines so much cheaper than python threads?');
      expect(r.analysis.intent).toBe('explanation');
      expect(r.answer?.text).toMatch(/because/i);
      expect(r.answer?.text).not.toMatch(/ vs /);
    });

    it("GIVEN a question for tools THEN a claim naming the asked language's tools leads, not the reference framework's", () => {
      expect(askIt('what task queue options does go have, like celery?').answer?.text).toMatch(/Machinery, Asynq/);
      expect(askIt('which orm libraries do go teams use, coming from django').answer?.text).toMatch(/GORM/);
      // Counting them is a figure question, not a request to name them.
      expect(askIt('how many web frameworks does python have').claims[0]?.text).toMatch(/\b14\b/);
    });

    it('GIVEN a question about Go and Python THEN a claim about another language does not lead; asked about, it may', () => {
      expect(askIt('is go hard to learn coming from python?').answer?.text).not.toMatch(/Rust/);
      expect(askIt('is rust harder to learn than go?').claims[0]?.text).toMatch(/Rust/);
    });

    it('GIVEN small talk or an off-topic question THEN no answer and no claims', () => {
      for (const q of ['thanks!', 'hello there', 'best mechanical keyboard for coding', 'how do I center a div']) {
        const r = askIt(q);
        expect(r.answer, q).toBeNull();
        expect(r.claims, q).toHaveLength(0);
      }
    });

    it('GIVEN a terse follow-up THEN the thread question is used', () => {
      const r = askIt('and for CPU-bound work?', 'is go faster than python for web servers');
      expect(r.claims.slice(0, 3).some((c) => /CPU/i.test(c.text))).toBe(true);
    });
  });

  it('GIVEN "ok what about the python side" after a Go question THEN "side" and "ok" search nothing: the thread question is asked of Python', () => {
    const r = askIt('ok what about the python side', 'which orms are there for go');
    expect(r.answer?.text).toMatch(/SQLAlchemy/);
    expect(r.claims.some((c) => /side by side|comma-ok/.test(c.text))).toBe(false);
  });

  it("GIVEN a Go question naming a Python framework as the reference THEN Go's libraries rank above that framework's claims", () => {
    const r = askIt("is there a go orm thats similar to django's");
    expect(r.claims.slice(0, 2).some((c) => /GORM/.test(c.text))).toBe(true);
  });

  it('GIVEN a choice question with a long preamble THEN the scenario claim comes first, and no figure row leads it', () => {
    const edge = askIt('tight memory budget on our edge boxes, python or go');
    expect(edge.claims[0]?.text).toMatch(/memory limits.*Recommendation: Go/);
    const mvp = askIt('we need to throw together a prototype in 2 weeks for investors, go or python?');
    expect(mvp.analysis.intent).toBe('recommendation');
    expect(mvp.answer?.text ?? '').not.toMatch(/\d(?:\.\d)?s\b/);
  });

  describe('corroboration and derived figures', () => {
    it('shows the 2 KB goroutine stack once, citing every source that states it', () => {
      const r = askIt('how much memory does a goroutine start with');
      const two = r.claims.filter((c) => /2 KB/.test(c.text) && /goroutine/i.test(c.text) && !/asyncio/.test(c.text));
      expect(two).toHaveLength(1);
      expect(two[0]!.alsoIn?.length).toBeGreaterThanOrEqual(1);
      expect(renderText({ visibility: 'channel', blocks: [{ type: 'claims', claims: two }] })).toMatch(/sources agree/);
    });

    it('never shows a derived figure above the table row it comes from', () => {
      const r = ask(core.answers, core.taxonomy, 'fibonacci benchmark time go python cython', { limit: 10 });
      const firstRow = r.claims.findIndex((c) => !c.derived && c.citation.section.includes('Fibonacci'));
      const firstDerived = r.claims.findIndex((c) => c.derived && c.citation.section.includes('Fibonacci'));
      expect(firstRow).toBeGreaterThanOrEqual(0);
      if (firstDerived >= 0) expect(firstDerived).toBeGreaterThan(firstRow);
    });
  });

  describe('about vs favors', () => {
    it.each([
      [/^Language: Python; Time: 45\.2s/, 'python', 'go'],
      [/earn a premium of 15–25%/, 'go', 'python'],
      [/^Framework: Go with Fiber/, 'go', 'go'],
      [/^Framework: Django;/, 'python', 'go'],
      [/Go still beat the Cython build/, 'go', 'go'],
      [/comparable Go service needs 1 week/, 'go', 'python'],
      [/GIL \(Global Interpreter Lock\) Python's dirty secret/, 'go', 'go'],
    ])('%s is about %s and favors %s', (re, about, favors) => {
      const c = claim(re);
      expect(c.side).toBe(about);
      expect(c.favors).toBe(favors);
    });
  });

  describe('ask says when the sources disagree', () => {
    it('GIVEN a question the sources answer differently THEN the lead is followed by the other source', () => {
      const r = askIt('does the GIL matter for web backends?');
      expect(r.answer).not.toBeNull();
      const lead = r.claims.find((c) => c.id === r.answer!.claims[0])!;
      expect(r.dissent).toBeDefined();
      expect(r.dissent!.citation.documentId).not.toBe(lead.citation.documentId);
      expect(r.dissent!.stance?.split(':')[0]).toBe(lead.stance?.split(':')[0]);
      expect(r.dissent!.stance).not.toBe(lead.stance);
      expect(renderText(askReply(r, { offset: 0 }, []))).toMatch(/\*.*GIL.*\*[\s\S]*disagrees\n1\. .*GIL/);
    });

    it('GIVEN a fact the sources agree on THEN no disagreement is shown', () => {
      expect(askIt('how much memory does a goroutine take').dissent).toBeUndefined();
    });
  });

  describe('compare', () => {
    it('performance: labelled rows with winners and ratios, like with like, and disagreements only between sources', () => {
      const r = compare(core.answers, core.taxonomy, 'performance');
      if (!r.found) throw new Error('no topic');
      const rps = r.result.figures.find((f) => f.label === 'HTTP server benchmarks · Requests per second');
      expect(rps).toEqual({
        label: 'HTTP server benchmarks · Requests per second',
        go: 'Go with Fiber 130,000 req/s',
        python: 'FastAPI on uvicorn 45,000 req/s',
        verdict: 'Go 2.9× higher',
        call: { kind: 'ratio', side: 'go', times: '2.9', higher: true },
      });
      for (const row of r.result.figures) {
        expect(row.verdict).toBeTruthy();
        expect(row.go).not.toBe(row.python);
        expect(row.label).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/); // no slugs
        expect(row.go).not.toMatch(/·/); // one benchmark per cell
      }
      // Plain Python against Go; Cython in a row of its own.
      const fib = r.result.figures.filter((f) => /Fibonacci/.test(f.label));
      expect(fib.map((f) => f.python)).toEqual(['Python 45.2s', 'Python+Cython 2.1s']);
      for (const d of r.result.disagreements) {
        const [a, b] = d.claims;
        expect(a!.citation.documentId).not.toBe(b!.citation.documentId);
        const sources = d.summary.split(' vs ').map((p) => p.replace(/^.*\((.*)\)$/, '$1').split('; '));
        const all = sources.flat().map((s) => s.replace(/, derived$/, ''));
        expect(new Set(all).size, d.summary).toBe(all.length); // no source on two sides
      }
      expect(new Set(r.result.disagreements.map((d) => d.about)).size).toBe(r.result.disagreements.length);
    });

    it('hiring: no GIL disagreement, and the Go salary premium as a figure row, not a column claim', () => {
      const r = compare(core.answers, core.taxonomy, 'hiring');
      if (!r.found) throw new Error('no topic');
      expect(r.result.disagreements.some((d) => /gil/i.test(d.about))).toBe(false);
      expect(r.result.figures).toContainEqual({
        label: "Go developers' salary premium",
        go: 'Go 15–25%',
        python: undefined,
        verdict: 'favors Python',
        call: { kind: 'favors', side: 'python' },
      });
      expect([...r.result.go, ...r.result.python].some((c) => /premium/.test(c.text))).toBe(false);
    });

    it('columns read as reasons: no table rows, and no figure about one language standing in the other’s column', () => {
      for (const topic of ['performance', 'memory', 'concurrency', 'frameworks']) {
        const r = compare(core.answers, core.taxonomy, topic);
        if (!r.found) continue;
        for (const [side, column] of [
          ['go', r.result.go],
          ['python', r.result.python],
        ] as const)
          for (const c of column) {
            expect(c.text, topic).not.toMatch(/^[^:;]{1,40}: [^;]+;/);
            if (c.figures.length && c.side !== 'both') expect(c.side, `${topic}: ${c.text}`).toBe(side);
          }
      }
    });

    it('columns lead with claims about the topic, not ones filed under it for a word like "team" or "runtime"', () => {
      const hiring = compare(core.answers, core.taxonomy, 'hiring');
      const deployment = compare(core.answers, core.taxonomy, 'deployment');
      if (!hiring.found || !deployment.found) throw new Error('no topic');
      for (const column of [hiring.result.go, hiring.result.python])
        expect(column[0]?.text).toMatch(/hir|recruit|talent/i);
      expect(hiring.result.python.filter((c) => /hiring pool|talent/i.test(c.text)).length).toBeGreaterThanOrEqual(2);
      for (const c of deployment.result.go) expect(c.text).toMatch(/deploy|binary|container|kubernetes|docker|ship/i);
    });

    it('cpu-bound: no ratio shown as if it were one side’s figure', () => {
      const r = compare(core.answers, core.taxonomy, 'cpu bound');
      if (!r.found) throw new Error('no topic');
      expect(r.result.figures.some((f) => /×$/.test(f.python ?? '') || /×$/.test(f.go ?? ''))).toBe(false);
    });
  });

  describe('citations and motions', () => {
    it('cites with the short label and the section below the title, with no internal notes', () => {
      const r = askIt('how many requests per second does Fiber handle');
      expect(r.claims[0]!.citation.title).toBe('Guide 2025');
      expect(r.claims[0]!.citation.section).toBe('Performance comparison › HTTP server benchmarks');
      const sections = core.db.prepare('SELECT DISTINCT section FROM claims').pluck().all() as string[];
      expect(sections.filter((s) => /restored|reconstructed/.test(s))).toEqual([]);
    });

    it('gives every debate motion two claims on its topic that favor opposite sides', () => {
      const motions = motionCandidates(core.answers, core.taxonomy);
      expect(motions.length).toBeGreaterThan(5);
      for (const m of motions) {
        const [go, py] = [m.goClaimId, m.pythonClaimId].map((id) => core.answers.claimsByIds([id ?? ''])[0]);
        if (!go || !py) throw new Error(`motion ${m.topic} cites a missing claim`);
        expect(go.favors, `${m.topic}: ${go.text}`).toBe('go');
        expect(py.favors, `${m.topic}: ${py.text}`).toBe('python');
        expect(go.topics).toContain(m.topic);
        expect(py.topics).toContain(m.topic);
      }
    });

    it('shows, when a Team Go vs Team Python poll closes, for each side a claim that favors it', async () => {
      const port = new RecordingPort();
      core.registerPort(port);
      const ctx: ChatContext = {
        platform: 'console',
        workspaceId: 'w',
        channelId: 'c',
        userId: 'u',
        isAdmin: fixedAdmin(false),
      };
      const pollId = /Poll (p\w+)/.exec(renderText(await core.handler.command('poll', ctx)))![1]!;
      await core.handler.action(pollAction.encode({ op: 'close', pollId }), ctx);
      await core.polls.renders.drain();
      const final = port.latest(port.posts[0]!.ref.messageId)!;
      const evidence = (title: string) =>
        final.blocks.flatMap((b) => (b.type === 'claims' && b.title?.includes(title) ? b.claims : []));
      const [go] = evidence('🐹 Go');
      const [py] = evidence('🐍 Python');
      if (!go || !py) throw new Error(renderText(final));
      expect(go?.favors).toBe('go');
      expect(py?.favors).toBe('python');
    });
  });
});
