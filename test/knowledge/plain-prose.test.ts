import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFragment } from '../../src/knowledge/coreference.js';
import { extractClaims } from '../../src/knowledge/extract.js';
import { splitItems, unglueName, withLead } from '../../src/knowledge/list-items.js';
import { dateIn } from '../../src/knowledge/plain-head.js';
import { isCodeLine } from '../../src/knowledge/plain-lines.js';
import { codeCaption, parsePlainText } from '../../src/knowledge/plaintext.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

const taxonomy = loadTaxonomy(join(REAL_KNOWLEDGE, 'taxonomy.yaml'));
/** Flattened page text, its title first → `[section] text` of each claim, as the indexer reads a .txt file. */
function claimsOf(text: string) {
  const p = parsePlainText(`Field notes from the queue team\n${text}`, 'page.txt', (t) => taxonomy.sideOf(t));
  return extractClaims('page', p.claims, taxonomy).claims;
}
const texts = (text: string) => claimsOf(text).map((c) => `[${c.section}] ${c.text}`);

describe('plain text: list items carry what introduced them', () => {
  it('GIVEN a sentence ending in a colon over a list THEN each item reads with it, and side and kind follow', () => {
    const claims = claimsOf(
      'Where we kept the old stack\n\nPython stayed our pick for:\n- Nightly report notebooks\n- One-off data fixes\nEverything else moved.\n',
    );
    expect(claims.map((c) => c.text)).toEqual([
      'Python stayed our pick for: Nightly report notebooks',
      'Python stayed our pick for: One-off data fixes',
      'Everything else moved.',
    ]);
    expect(claims[0]).toMatchObject({ side: 'python', section: 'Where we kept the old stack' });
  });

  it('GIVEN a heading ending in a colon over a list THEN the heading leads each item', () => {
    expect(
      texts('Pick Go For These Jobs:\n- You ship agents to customer hosts\n- A socket stays open per device\n'),
    ).toEqual([
      '[Pick Go For These Jobs:] Pick Go For These Jobs: You ship agents to customer hosts',
      '[Pick Go For These Jobs:] Pick Go For These Jobs: A socket stays open per device',
    ]);
  });

  it('joins an item broken over lines and splits items run together on one line', () => {
    expect(
      texts(
        'A release of ours contains:\n- A\nwheelhouse of 31 packages - A pinned interpreter\n- A hope that\nlibxml builds on the host\n',
      ),
    ).toEqual([
      '[(introduction)] A release of ours contains: A wheelhouse of 31 packages',
      '[(introduction)] A release of ours contains: A pinned interpreter',
      '[(introduction)] A release of ours contains: A hope that libxml builds on the host',
    ]);
  });

  it("drops a page's own table of contents, and keeps an item's own label", () => {
    expect(texts('In this post, we will cover:\n- Queue design choices\n- Worker pool sizing\n')).toEqual([]);
    expect(withLead('Use cases', 'Go: gateways, brokers')).toBe('Go: gateways, brokers');
    expect(splitItems('Cold starts - Warm pools')).toEqual(['Cold starts', 'Warm pools']);
  });
});

describe('plain text: captions and sentences next to code', () => {
  it('keeps a heading that states a setting with figures as a claim of its own', () => {
    expect(texts('Soak test\nSetup: 2,000 open sockets, one echo route\nWe watched memory for a day.\n')).toEqual([
      '[Soak test › Setup: 2,000 open sockets, one echo route] Setup: 2,000 open sockets, one echo route',
      '[Soak test › Setup: 2,000 open sockets, one echo route] We watched memory for a day.',
    ]);
  });

  it('keeps a whole sentence over code, but not a short caption', () => {
    expect(
      texts(
        'Typed request structs make the contract explicit:\ntype Job struct {\nID int\n}\nThe handlers never parse a map by hand again.\n',
      ),
    ).toEqual([
      '[(introduction)] Typed request structs make the contract explicit:',
      '[(introduction)] The handlers never parse a map by hand again.',
    ]);
  });

  it("GIVEN each language's caption over its code under one heading THEN one claim compares them, as a table row would", () => {
    expect(
      texts(
        'Retry Handling\nPython - Retries with a decorator\ndef fetch():\nreturn retry(times=3)\n// Go - Retries in a plain loop\nfor i := 0; i < 3; i++ {\n}\nQueue Sizing\nPython memory example\nqueue = []\n',
      ),
    ).toEqual(['[Retry Handling] Python: Retries with a decorator; Go: Retries in a plain loop']);
  });

  it('GIVEN a heading that names no language between two captions THEN they stay apart', () => {
    expect(
      texts(
        'Go - Retries in a plain loop\nfor i := 0; i < 3; i++ {\n}\nConfig Loading\nPython Settings\nPython - Settings from a dotenv file\ndef load():\nreturn env\n',
      ),
    ).toEqual([
      '[(introduction)] Go: Retries in a plain loop',
      '[Config Loading › Python Settings] Python: Settings from a dotenv file',
    ]);
  });

  it('GIVEN numbered captions over code under a heading naming a language THEN each is one of its cases, also past code', () => {
    expect(
      texts(
        'Where Python Fits\n1. Report Notebooks\nimport pandas as pd\nframe = pd.read_csv(path)\n2. Glue Scripts\nimport subprocess\nsubprocess.run(cmd)\nWhere Go Fits\n// 1. Socket Gateways\nfunc main() {\n}\n',
      ),
    ).toEqual([
      '[Where Python Fits] Where Python Fits: Report Notebooks',
      '[Where Python Fits] Where Python Fits: Glue Scripts',
      '[Where Go Fits] Where Go Fits: Socket Gateways',
    ]);
  });

  it('keeps a caption that names a language with a remark in parentheses, and not a label or an unnamed one', () => {
    const taxonomySide = (t: string) => taxonomy.sideOf(t);
    expect(codeCaption('Go static types (checked when compiling)', taxonomySide)).toBe(
      'Go static types (checked when compiling)',
    );
    expect(codeCaption('Start the workers', taxonomySide)).toBeUndefined();
    expect(codeCaption('Struct tags for metadata (with a validator)', taxonomySide)).toBeUndefined();
  });

  it('reads a sentence with quoted words as prose, and a quoted import as code', () => {
    expect(isCodeLine('This "boring" style means:')).toBe(false);
    expect(isCodeLine('"fmt"')).toBe(true);
  });
});

describe('plain text: heading levels from their case', () => {
  it('files sentence-case headings under the Title Case heading before them', () => {
    expect(
      texts(
        'Where Python Holds Up\n\nOur admin screens\nThe admin pages took two days to build.\nThe hiring side\nWe found three Python hires in a month.\nRollout Plan\nWe move one queue per sprint.\n',
      ),
    ).toEqual([
      '[Where Python Holds Up › Our admin screens] The admin pages took two days to build.',
      '[Where Python Holds Up › The hiring side] We found three Python hires in a month.',
      '[Rollout Plan] We move one queue per sprint.',
    ]);
  });

  it('reads an emoji-led Title Case question as a heading, and an emoji-led call to action as chrome', () => {
    expect(
      texts(
        '🔎 Why Did Latency Drop?\nThe new pool reuses sockets across requests.\n🐹 Using Go already? What held you back?\n',
      ),
    ).toEqual(['[Why Did Latency Drop?] The new pool reuses sockets across requests.']);
  });
});

describe('plain text: box diagrams', () => {
  it('reads a box diagram into one claim listing each box with what it holds, named after its heading', () => {
    const diagram = [
      'Our Ingest Layout',
      '┌──────────────┐',
      '│ Edge Proxy │',
      '│ (Go) │',
      '└──────┬───────┘',
      '│',
      '┌────────┐ ┌────────┐',
      '│ Parser │ │ Scorer │',
      '│ (Go) │ │ (Python) │',
      '│ │ │ sklearn │',
      '└────────┘ └────────┘',
      'Work Split By Stage:',
      '- Go: the edge and the parser',
    ].join('\n');
    expect(texts(diagram)).toEqual([
      '[Our Ingest Layout] Our Ingest Layout diagram: Edge Proxy (Go); Parser (Go); Scorer (Python) sklearn',
      '[Our Ingest Layout › Work Split By Stage:] Go: the edge and the parser',
    ]);
  });
});

describe('plain text: fragments go with the sentence they belong to', () => {
  it('labels the next sentence with a run-in heading that opens a paragraph', () => {
    expect(texts('Batch exports. Our Go worker streams rows straight to the bucket.\n')).toEqual([
      '[(introduction)] Batch exports. Our Go worker streams rows straight to the bucket.',
    ]);
  });

  it('appends fragments to the statement before them, but not a sentence with its own subject', () => {
    expect(texts('The agent has no daemon. No config files. No cron.\nI checked twice. It held.\n')).toEqual([
      '[(introduction)] The agent has no daemon. No config files. No cron.',
      '[(introduction)] I checked twice. It held.',
    ]);
    expect(isFragment('Works fine.')).toBe(true);
    expect(isFragment('It is fine.')).toBe(false);
    expect(isFragment('We ship weekly.')).toBe(false);
  });

  it("joins a comment that names nothing ('Here's the analogy: …') to the claim it comments on", () => {
    expect(texts("Queues\nThe broker has one writer lock.\nHere's the analogy: one till in a busy shop.\n")).toEqual([
      "[Queues] The broker has one writer lock. Here's the analogy: one till in a busy shop.",
    ]);
  });

  it("gives 'It' the subject of the sentence before when that sentence is too long to take it", () => {
    const long = `The scheduler (our own) is a loop that ${'wakes every worker and checks its queue, '.repeat(7)}then sleeps.`;
    const claims = texts(`Internals\n${long} It exists because the kernel timer was too coarse for us.\n`);
    expect(claims[1]).toBe(
      '[Internals] The scheduler (our own) exists because the kernel timer was too coarse for us.',
    );
    expect(texts('Internals\nThe agent is small. It exists to ship logs.\n')).toEqual([
      '[Internals] The agent is small. It exists to ship logs.',
    ]);
  });

  it('keeps apart a sentence that leans back in form but names its own language and measurement, without its pointer', () => {
    expect(
      texts('Memory\nA Go worker idles at 12MB. This adds up — it means a Python worker pool of 40 needs about 2GB.\n'),
    ).toEqual(['[Memory] A Go worker idles at 12MB.', '[Memory] A Python worker pool of 40 needs about 2GB.']);
    expect(texts('Memory\nA Go worker idles at 12MB. That is 3x less than before.\n')).toEqual([
      '[Memory] A Go worker idles at 12MB. That is 3x less than before.',
    ]);
  });

  it('leads a labelled paragraph with a heading that says when to pick a side, and not under other headings', () => {
    expect(
      texts(
        'When to Start a Service in Go\nEdge proxies. They relay traffic with little work per request.\nLog shippers at high volume.\nWe measured this twice.\n',
      ),
    ).toEqual([
      '[When to Start a Service in Go] When to Start a Service in Go: Edge proxies. They relay traffic with little work per request.',
      '[When to Start a Service in Go] When to Start a Service in Go: Log shippers at high volume.',
      '[When to Start a Service in Go] We measured this twice.',
    ]);
    expect(texts('What We Learned in Go\nEdge proxies. They relay traffic with little work per request.\n')).toEqual([
      '[What We Learned in Go] Edge proxies. They relay traffic with little work per request.',
    ]);
  });
});

describe('plain text: mended extraction glue', () => {
  it('drops a long lead-in once its items carry it', () => {
    expect(texts('When we cut a release of the Python service, we ship:\n- A lockfile of 52 pins\n')).toEqual([
      '[(introduction)] When we cut a release of the Python service, we ship: A lockfile of 52 pins',
    ]);
  });

  it("parts a known name from the word glued to it at the start of an item's next line, and nothing else", () => {
    expect(texts('A release of ours needs:\n- A hope that\npandasinstalls cleanly on the host\n')).toEqual([
      '[(introduction)] A release of ours needs: A hope that pandas installs cleanly on the host',
    ]);
    expect(unglueName('goroutines park cheaply', (w) => taxonomy.sideOf(w) !== 'both')).toBe('goroutines park cheaply');
  });

  it('parts a file name from the word glued to it, but not a domain or a longer extension', () => {
    expect(texts('Our image bundles a constraints.txtwith 52 pins for the worker.\n')).toEqual([
      '[(introduction)] Our image bundles a constraints.txt with 52 pins for the worker.',
    ]);
    expect(texts('Clients import google.golang.org/grpc and read data.json at boot.\n')).toEqual([
      '[(introduction)] Clients import google.golang.org/grpc and read data.json at boot.',
    ]);
  });
});

describe('plain text: kind from the evidence', () => {
  it('reads a judgement as an opinion, even in the first person, and a story as an anecdote', () => {
    const kinds = claimsOf(
      'Our queue team moved the billing worker to Go last year.\nHonestly, the Python version was painful to operate.\nI love how boring the Go deploys are.\n',
    ).map((c) => c.kind);
    expect(kinds).toEqual(['anecdote', 'opinion', 'opinion']);
  });
});

describe('plain text: what a claim is about', () => {
  it('takes the side of the nearest heading that names a language when the claim names none', () => {
    const claims = claimsOf(
      'Where Go Pays Off\n\nEdge agents on customer hosts\nOne binary per host and nothing to install.\nMixed Python And Go Fleets\nTwo toolchains to patch every month.\n',
    );
    expect(claims.map((c) => [c.section, c.side])).toEqual([
      ['Where Go Pays Off › Edge agents on customer hosts', 'go'],
      ['Mixed Python And Go Fleets', 'both'],
    ]);
  });
});

describe('plain text: numbered points', () => {
  it('GIVEN a numbered point that a paragraph explains THEN a claim there that names no language is about the point', () => {
    const claims = claimsOf(
      'Lessons From The Queue Rewrite\n1. Go made the workers dull. That was the goal.\nThe pager stayed quiet for a month.\n2. Python kept the admin scripts.\nNobody wanted to port them.\nQueue Sizing\nThe backlog never passed a thousand jobs.\n',
    );
    expect(claims.map((c) => [c.text, c.side])).toEqual([
      ['Go made the workers dull. That was the goal.', 'go'],
      ['The pager stayed quiet for a month.', 'go'],
      ['Python kept the admin scripts.', 'python'],
      ['Nobody wanted to port them.', 'python'],
      ['The backlog never passed a thousand jobs.', 'both'],
    ]);
  });

  it('GIVEN a numbered list, one line per item THEN the items are no points', () => {
    const claims = claimsOf(
      'Lessons From The Queue Rewrite\n1. Go made the workers dull.\n2. Python kept the scripts.\nThe pager stayed quiet for a month.\n',
    );
    expect(claims.at(-1)).toMatchObject({ text: 'The pager stayed quiet for a month.', side: 'both' });
  });
});

describe('plain text: what the first lines say of the page', () => {
  it('GIVEN a site, a byline with a date and a reading time over the title THEN they are metadata, not title or claims', () => {
    const page = parsePlainText(
      'queuenotes.dev\nSizing Worker Pools in Go\nBy Dana Reyes · Mar 3, 2025 · 6 min read\nWe sized the pools by queue depth, not by cores.\n',
      'page.txt',
    );
    expect(page.meta).toMatchObject({
      title: 'Sizing Worker Pools in Go',
      author: 'Dana Reyes',
      site: 'queuenotes.dev',
      published: '2025-03-03',
    });
    expect(page.claims.map((c) => c.text)).toEqual(['We sized the pools by queue depth, not by cores.']);
  });

  it('GIVEN a name or a date in the article itself THEN it is no metadata', () => {
    const page = parsePlainText(
      `Sizing Worker Pools\n${'We sized the pools by queue depth, not by cores, for a whole quarter of traffic. '.repeat(2)}\nBy Dana Reyes\n`,
      'page.txt',
    );
    expect(page.meta.author).toBeUndefined();
    expect(dateIn('Originally published on Backend Weekly, 12 March 2024')).toBe('2024-03-12');
  });
});

describe('plain text: citation label', () => {
  it('labels a page by what it calls itself and the year in its title, and not otherwise', () => {
    const label = (text: string) => parsePlainText(text, 'page.txt').meta.short;
    expect(label('Queues in Go and Python, 2024 Edition\nIn this tutorial, we size worker pools.\n')).toBe(
      'Tutorial 2024',
    );
    expect(label('Queues in Go and Python\nIn this tutorial, we size worker pools.\n')).toBeUndefined();
  });
});

describe('plain text: lead-in sentences', () => {
  it('joins a lead-in to the prose it introduces, and drops a pointer over subsections', () => {
    expect(
      texts(
        'Here is the rule we kept on the wall:\nMeasure the queue before you port it.\nHere is why we chose Go:\nCold Starts\nThe worker boots in forty milliseconds.\n',
      ),
    ).toEqual([
      '[(introduction)] Here is the rule we kept on the wall: Measure the queue before you port it.',
      '[Cold Starts] The worker boots in forty milliseconds.',
    ]);
  });
});
