import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Taxonomy } from '../src/knowledge/taxonomy.js';
import { rng } from './stats.js';

const FILLER = (
  'service team request handler latency budget database query cache worker queue pipeline deploy release ' +
  'cluster node container image binary runtime library framework module package client server socket stream batch job ' +
  'schema migration index replica shard region cost bill budget engineer developer reviewer oncall incident outage ' +
  'prototype product feature customer traffic peak load spike memory stack heap allocation garbage collector pause thread ' +
  'process core cpu scheduler event loop callback coroutine channel mutex lock contention throughput benchmark test suite'
).split(' ');
const VERBS = [
  'handles',
  'reduces',
  'increases',
  'needs',
  'avoids',
  'improves',
  'limits',
  'simplifies',
  'complicates',
  'speeds up',
];
const UNITS = [
  ['ms', 1, 400],
  ['s', 1, 60],
  ['KB', 1, 64],
  ['MB', 1, 900],
  ['GB', 1, 80],
  ['req/s', 1000, 150000],
  ['%', 1, 95],
  ['x', 2, 60],
] as const;
const ISSUES = [
  'gil-limits-web-backends',
  'default-backend-language',
  'asyncio-closes-gap',
  'go-needs-framework',
  'rewrite-worth-it',
];
const POSITIONS = ['yes', 'no', 'mostly', 'go', 'python'];

/**
 * Writes `docs` Markdown digests of `claimsPerDoc` claims each, using the taxonomy's own words so topics,
 * sides, figures, tags and tables exercise the indexer and the answers the way real digests do.
 */
export function writeSyntheticCorpus(
  dir: string,
  taxonomy: Taxonomy,
  docs = 1000,
  claimsPerDoc = 100,
  seed = 42,
): { claims: number; words: string[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const topicWords = taxonomy.topics.flatMap((t) => [t.label.toLowerCase(), ...t.synonyms]);
  const go = taxonomy.sides.go;
  const py = taxonomy.sides.python;
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (let d = 0; d < docs; d++) {
    const lines = [
      `---`,
      `id: synthetic-${d}`,
      `title: "Synthetic digest ${d}: ${pick(topicWords)} in practice"`,
      `site: bench`,
      `---`,
      `# Synthetic digest ${d}`,
    ];
    let n = 0;
    for (let s = 0; n < claimsPerDoc; s++) {
      lines.push('', `## ${pick(taxonomy.topics).label} notes ${s}`, '');
      if (s % 4 === 3) {
        lines.push('| Framework | Req/sec | Latency (p99) | Memory |', '|---|---|---|---|');
        for (let i = 0; i < 5 && n < claimsPerDoc; i++, n++) {
          const side = r() < 0.5 ? pick(go) : pick(py);
          lines.push(
            `| ${side} ${pick(FILLER)} | ${Math.round(1000 + r() * 150000).toLocaleString('en-US')} | ${Math.round(1 + r() * 90)}ms | ${Math.round(10 + r() * 400)}MB |`,
          );
        }
        continue;
      }
      for (let i = 0; i < 8 && n < claimsPerDoc; i++, n++) {
        const side = r() < 0.45 ? pick(go) : r() < 0.8 ? pick(py) : `${pick(go)} and ${pick(py)}`;
        const [unit, lo, hi] = pick(UNITS);
        const value = Math.round((lo + r() * (hi - lo)) * 10) / 10;
        const words = Array.from({ length: 4 + Math.floor(r() * 8) }, () =>
          r() < 0.3 ? pick(topicWords) : pick(FILLER),
        );
        const figure = r() < 0.5 ? ` at ${value}${unit}` : '';
        const tag =
          r() < 0.03
            ? ` {metric=bench-metric-${Math.floor(r() * 50)}}`
            : r() < 0.02
              ? ` {stance=${pick(ISSUES)}:${pick(POSITIONS)}}`
              : '';
        lines.push(`- ${side} ${pick(VERBS)} ${words.join(' ')}${figure}.${tag}`);
      }
    }
    total += n;
    writeFileSync(join(dir, `synthetic-${String(d).padStart(4, '0')}.md`), `${lines.join('\n')}\n`);
  }
  return { claims: total, words: [...topicWords, ...FILLER] };
}

/** 1,000 varied questions: topic words, filler, sides, figures, punctuation and operator noise. */
export function syntheticQueries(words: string[], n = 1000, seed = 7): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const shapes = [
    () => `how much ${pick(words)} does a ${pick(words)} need`,
    () => `is go faster than python for ${pick(words)}?`,
    () => `${pick(words)} ${pick(words)}`,
    () => `what does python do about ${pick(words)} and ${pick(words)} under load`,
    () => `"${pick(words)}" AND (${pick(words)}) NEAR ${pick(words)}*`,
    () => pick(words),
    () => `why would a team pick golang over django for ${pick(words)} ${pick(words)} ${pick(words)}`,
  ];
  return Array.from({ length: n }, () => pick(shapes)());
}
