import { existsSync, readFileSync } from 'node:fs';
import escapeStringRegexp from 'escape-string-regexp';
import { parse } from 'yaml';
import { z } from 'zod';
import { VersusError } from '../errors.js';
import type { Matrix } from '../matrix/definition.js';
import { LETTER } from './text.js';

/**
 * knowledge/verdict.yaml: the words, numbers and negations that map a situation to the matrix's answers.
 * The file says why each rule is there; this module only checks it and compiles its patterns once.
 */

const Pattern = z.string().min(1).max(2000);
const Rule = z.union([
  Pattern,
  z
    .object({
      match: Pattern,
      /** Counts only when this also occurs somewhere in the text. */
      needs: Pattern.optional(),
      /** flip (default): "no X" says the opposite; ignore: "no X" says nothing; required: only "X isn't a concern" counts. */
      negation: z.enum(['flip', 'ignore', 'required']).default('flip'),
    })
    .strict(),
]);

const Amount = z
  .object({
    /** What must follow the number ("rps", "concurrent users"), matched right after it. */
    unit: Pattern,
    /** Multiplies the number into the unit the thresholds use (per minute → per second: 1/60). */
    scale: z.number().positive().default(1),
    /** What must come just before the number, in the same clause ("hire", "grow from 4 to"). */
    before: Pattern.optional(),
    'yes-at-least': z.number().optional(),
    'no-below': z.number().optional(),
    'yes-at-most': z.number().optional(),
    'no-at-least': z.number().optional(),
    /** Importance factors: at least this many → this level. */
    levels: z.record(z.string().regex(/^\d+$/), z.number().int().min(1).max(5)).optional(),
  })
  .strict();

const FactorRules = z
  .object({
    yes: z.array(Rule).default([]),
    no: z.array(Rule).default([]),
    levels: z.partialRecord(z.enum(['2', '3', '4', '5']), z.array(Rule)).optional(),
    amounts: z.array(Amount).default([]),
    /** `no` cues are statements of the other side, as strong as `yes` cues (not negations). */
    symmetric: z.boolean().default(false),
  })
  .strict();

const LexiconSchema = z
  .object({
    version: z.literal(1),
    negation: z.object({
      window: z.number().int().min(1).max(8),
      before: z.array(z.string().min(1)).min(1),
      after: z.array(Pattern).default([]),
    }),
    past: z.array(Pattern).default([]),
    softer: z.array(z.string().min(1)).default([]),
    stronger: z.array(z.string().min(1)).default([]),
    factors: z.record(z.string(), FactorRules),
  })
  .strict();
type LexiconFile = z.infer<typeof LexiconSchema>;

export interface CompiledRule {
  re: RegExp;
  needs?: RegExp | undefined;
  negation: 'flip' | 'ignore' | 'required';
}
export interface CompiledAmount {
  unit: RegExp;
  scale: number;
  before?: RegExp | undefined;
  /** The answer a value gives, or undefined when it says nothing. */
  value(n: number): string | undefined;
}
export interface FactorLexicon {
  id: string;
  importance: boolean;
  /** Rules and the answer each gives: 'yes' / 'no' for yes-no factors, '1'…'5' for importance factors. */
  rules: { value: string; rule: CompiledRule }[];
  symmetric: boolean;
  amounts: CompiledAmount[];
}
export interface Lexicon {
  window: number;
  negators: RegExp;
  after: RegExp[];
  past: RegExp;
  softer: RegExp;
  stronger: RegExp;
  factors: FactorLexicon[];
}

const WORD_EDGE_BEFORE = `(?<![${LETTER}])`;
const WORD_EDGE_AFTER = `(?![${LETTER}])`;
/** A space in a pattern stands for any run of spaces or hyphens ("data science", "data-science"), outside [classes]. */
function flexSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[++i] ?? '');
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    // A group, so a quantifier after the space ("web ?sockets") still applies to all of it.
    out += c === ' ' && !inClass ? '(?:[\\s-]+)' : c;
  }
  return out;
}
/** A pattern matched on whole words, case-insensitively (the text is lower-cased first). */
export const words = (source: string, flags = 'g') =>
  new RegExp(`${WORD_EDGE_BEFORE}(?:${flexSpaces(source)})${WORD_EDGE_AFTER}`, flags);
const anyOf = (phrases: string[], flags = 'g') =>
  words(phrases.map((p) => escapeStringRegexp(p.toLowerCase())).join('|') || '(?!)', flags);

function compileRule(r: z.infer<typeof Rule>): CompiledRule {
  if (typeof r === 'string') return { re: words(r), negation: 'flip' };
  return { re: words(r.match), needs: r.needs ? words(r.needs, '') : undefined, negation: r.negation };
}

function compileAmount(a: z.infer<typeof Amount>): CompiledAmount {
  const levels = Object.entries(a.levels ?? {})
    .map(([at, level]) => ({ at: Number(at), level }))
    .sort((x, y) => y.at - x.at);
  return {
    unit: new RegExp(`\\s*(?:${a.unit})${WORD_EDGE_AFTER}`, 'y'),
    scale: a.scale,
    before: a.before ? new RegExp(a.before) : undefined,
    value: (n) => {
      if (levels.length) return levels.find((l) => n >= l.at)?.level.toString();
      if (a['yes-at-least'] !== undefined && n >= a['yes-at-least']) return 'yes';
      if (a['yes-at-most'] !== undefined && n <= a['yes-at-most']) return 'yes';
      if (a['no-below'] !== undefined && n < a['no-below']) return 'no';
      if (a['no-at-least'] !== undefined && n >= a['no-at-least']) return 'no';
      return undefined;
    },
  };
}

/** Checks the file against the matrix it serves: every factor exists, and each uses its scale's rules. */
function compile(file: LexiconFile, matrix: Matrix, path: string): Lexicon {
  const problems: string[] = [];
  const factors: FactorLexicon[] = [];
  for (const [id, f] of Object.entries(file.factors)) {
    const factor = matrix.factors.find((m) => m.id === id);
    if (!factor) {
      problems.push(`factor "${id}" is not in matrix.yaml`);
      continue;
    }
    const importance = factor.scale === 'importance';
    if (importance && f.yes.length) problems.push(`factor "${id}" is an importance factor: use levels, not yes`);
    if (!importance && f.levels) problems.push(`factor "${id}" is a yes-no factor: use yes and no, not levels`);
    const rules = [
      ...f.yes.map((r) => ({ value: 'yes', rule: compileRule(r) })),
      ...Object.entries(f.levels ?? {}).flatMap(([level, rs]) =>
        rs.map((r) => ({ value: level, rule: compileRule(r) })),
      ),
      ...f.no.map((r) => ({ value: importance ? '1' : 'no', rule: compileRule(r) })),
    ];
    factors.push({ id, importance, rules, amounts: f.amounts.map(compileAmount), symmetric: f.symmetric });
  }
  if (problems.length) throw new VersusError('knowledge_invalid', `${path}:\n  ${problems.join('\n  ')}`);
  return {
    window: file.negation.window,
    negators: anyOf(file.negation.before),
    after: file.negation.after.map((a) => new RegExp(`^[^${LETTER}]*(?:[${LETTER}'-]+[^${LETTER}]+){0,2}?(?:${a})`)),
    past: words(file.past.join('|') || '(?!)', ''),
    softer: anyOf(file.softer, ''),
    stronger: anyOf(file.stronger, ''),
    factors,
  };
}

/** Loads and compiles knowledge/verdict.yaml; undefined when the folder has none. A broken file fails start-up. */
export function loadLexicon(path: string, matrix: Matrix): Lexicon | undefined {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new VersusError('knowledge_invalid', `${path}: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const parsed = LexiconSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new VersusError('knowledge_invalid', `${path} is invalid:\n${lines.join('\n')}`);
  }
  try {
    return compile(parsed.data, matrix, path);
  } catch (cause) {
    if (cause instanceof SyntaxError)
      throw new VersusError(
        'knowledge_invalid',
        `${path}: a pattern is not a valid regular expression: ${cause.message}`,
      );
    throw cause;
  }
}
