import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Matrix } from '../../src/matrix/definition.js';
import type { Inference } from '../../src/verdict/infer.js';

/**
 * The labelled situations for `/versus verdict`, written by a helper from how teams describe projects:
 * `situations-dev.yaml` to read and tune on, `situations-sealed.yaml` held out (its items are never
 * printed; only its aggregate score is). `situations-own.yaml` is the lexicon author's own check.
 */
export const DEV = resolve(import.meta.dirname, 'situations-dev.yaml');
export const SEALED = resolve(import.meta.dirname, 'situations-sealed.yaml');
/** Written by the lexicon's author after the rules, as a check on phrasing dev does not use: not independent. */
export const OWN = resolve(import.meta.dirname, 'situations-own.yaml');

const Value = z.union([z.enum(['yes', 'no']), z.number().int().min(1).max(5), z.boolean()]);
const Situation = z.object({
  text: z.string().min(1),
  factors: z.record(z.string(), Value).default({}),
});
export type Situation = { text: string; factors: Record<string, string> };

export function loadSituations(path: string): Situation[] | undefined {
  if (!existsSync(path)) return undefined;
  const items = z.array(Situation).parse(parse(readFileSync(path, 'utf8')));
  // YAML 1.1 writers may turn yes/no into booleans: read them back as the answers they were.
  return items.map((s) => ({
    text: s.text,
    factors: Object.fromEntries(
      Object.entries(s.factors).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)]),
    ),
  }));
}

/**
 * The rule a factor counts right by: the inferred state equals the label. Open (no label) must stay open;
 * a yes-no factor must match exactly; an importance factor (1–5) may be one level off.
 */
export function factorRight(scale: 'yes-no' | 'importance', label?: string, inferred?: string): boolean {
  if (label === undefined || inferred === undefined) return label === inferred;
  return scale === 'importance' ? Math.abs(Number(label) - Number(inferred)) <= 1 : label === inferred;
}

export interface Miss {
  text: string;
  factor: string;
  label: string;
  got: string;
  quote?: string | undefined;
}

export interface Score {
  situations: number;
  /** Right (situation, factor) pairs over all pairs, open ones included. */
  accuracy: number;
  /** Of the factors a label sets, how many were inferred right. */
  recall: number;
  /** Of the factors inferred, how many match their label. */
  precision: number;
  /** Situations with every factor right. */
  exact: number;
  perFactor: Record<string, number>;
  misses: Miss[];
}

export function score(matrix: Matrix, items: Situation[], read: (text: string) => Inference): Score {
  let right = 0;
  let labelled = 0;
  let recalled = 0;
  let set = 0;
  let setRight = 0;
  let exact = 0;
  const perFactor = new Map(matrix.factors.map((f) => [f.id, 0]));
  const misses: Miss[] = [];
  for (const item of items) {
    const got = new Map(read(item.text).inferred.map((f) => [f.factorId, f]));
    let all = true;
    for (const f of matrix.factors) {
      const label = item.factors[f.id];
      const inferred = got.get(f.id);
      const ok = factorRight(f.scale, label, inferred?.value);
      if (label !== undefined) labelled++;
      if (inferred) set++;
      if (ok) {
        right++;
        perFactor.set(f.id, perFactor.get(f.id)! + 1);
        if (label !== undefined) recalled++;
        if (inferred) setRight++;
      } else {
        all = false;
        misses.push({
          text: item.text,
          factor: f.id,
          label: label ?? 'open',
          got: inferred?.value ?? 'open',
          quote: inferred?.quote,
        });
      }
    }
    if (all) exact++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    situations: items.length,
    accuracy: ratio(right, items.length * matrix.factors.length),
    recall: ratio(recalled, labelled),
    precision: ratio(setRight, set),
    exact: ratio(exact, items.length),
    perFactor: Object.fromEntries([...perFactor].map(([id, n]) => [id, ratio(n, items.length)])),
    misses,
  };
}
