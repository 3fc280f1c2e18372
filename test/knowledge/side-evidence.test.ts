import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/knowledge/plaintext.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

const taxonomy = loadTaxonomy(join(REAL_KNOWLEDGE, 'taxonomy.yaml'));
const sideOf = (t: string) => taxonomy.sideOf(t);
const texts = (text: string) =>
  parsePlainText(`Notes from our platform team\n${text}`, 'page.txt', sideOf).claims.map((c) => c.text);

/** A page that says elsewhere which side wins what: a heading naming the winner, a decision row. */
const EVIDENCE = [
  'Where Go Wins',
  'Holding open sockets matters: 20,000 idle sockets per node fit easily in Go thanks to cheap goroutines.',
  'Streaming sockets at 20,000 per node stay cheap with goroutines and need no tuning at all.',
  'Where Python Wins',
  'Report generation in notebooks is quicker with Django and pandas, and report templates come ready.',
  'Report generation with templates is where our analysts spend their days in Python.',
].join('\n');

describe('side evidence: items and ticks the flattened text put on the wrong side', () => {
  it('GIVEN a pipe table with every tick in the Python column THEN a row the page ties to Go moves to Go Wins', () => {
    const rows = texts(
      `${EVIDENCE}\nSummary\n| Factor | Python Wins | Go Wins |\n|---|---|---|\n| Report generation templates | ✓ | |\n| Idle sockets per node | ✓ | |\n| Hiring budget | ✓ | |\n`,
    );
    expect(rows.filter((t) => t.startsWith('Factor'))).toEqual([
      'Factor: Report generation templates; Python Wins: ✓',
      'Factor: Idle sockets per node; Go Wins: ✓',
      'Factor: Hiring budget; Python Wins: ✓',
    ]);
  });

  it('GIVEN ticks already in both columns THEN the table is left as written', () => {
    const rows = texts(
      `${EVIDENCE}\nSummary\n| Factor | Python Wins | Go Wins |\n|---|---|---|\n| Report generation templates | ✓ | |\n| Idle sockets per node | ✓ | |\n| Hiring budget | | ✓ |\n`,
    );
    expect(rows).toContain('Factor: Idle sockets per node; Python Wins: ✓');
  });

  it('GIVEN a Python lead-in whose later items the page ties to Go THEN that run reads Go, up to an item tied to Python', () => {
    const claims = parsePlainText(
      `Notes from our platform team\n${EVIDENCE}\nConclusion\nChoose Python when:\n- Report generation templates matter\n- Budgets are tight\n- Idle streaming sockets per node pile up\n- Uptime is everything\n- Streaming sockets per node stay idle\n- Analysts want report templates\n`,
      'page.txt',
      sideOf,
    ).claims.filter((c) => c.text.startsWith('Choose'));
    expect(claims.map((c) => [c.section, c.text])).toEqual([
      ['Conclusion › Choose Python when:', 'Choose Python when: Report generation templates matter'],
      ['Conclusion › Choose Go when:', 'Choose Go when: Budgets are tight'],
      ['Conclusion › Choose Go when:', 'Choose Go when: Idle streaming sockets per node pile up'],
      ['Conclusion › Choose Go when:', 'Choose Go when: Uptime is everything'],
      ['Conclusion › Choose Go when:', 'Choose Go when: Streaming sockets per node stay idle'],
      ['Conclusion › Choose Python when:', 'Choose Python when: Analysts want report templates'],
    ]);
  });

  it('GIVEN one shared word with the other side only THEN the item keeps its lead-in', () => {
    const rows = texts(`${EVIDENCE}\nConclusion\nChoose Python when:\n- Sockets are few\n- Budgets are tight\n`);
    expect(rows).toContain('Choose Python when: Sockets are few');
  });
});
