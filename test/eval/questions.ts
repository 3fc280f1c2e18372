import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const QUESTIONS_PATH = resolve(import.meta.dirname, 'questions.yaml');

export const KINDS = [
  'figure',
  'versus-figure',
  'recommendation',
  'library',
  'explanation',
  'opinion',
  'followup',
  'source',
  'nothing',
  'smalltalk',
  'nearmiss',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Kinds that must get no answer: `nothing` (the dev set's mix), `smalltalk` (greetings, thanks, jokes,
 * off-domain requests) and `nearmiss` (on-topic-sounding, but no article answers it).
 */
export const NEGATIVE_KINDS: readonly Kind[] = ['nothing', 'smalltalk', 'nearmiss'];
export const isNegative = (k: Kind): boolean => NEGATIVE_KINDS.includes(k);

/** A regex source that must compile with the flags the eval uses; a typo fails at load, not as a silent miss. */
const regexSource = z
  .string()
  .min(1)
  .refine(
    (s) => {
      try {
        new RegExp(s, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'does not compile as a JavaScript regex' },
  );

const ItemSchema = z
  .object({
    q: z.string().min(1),
    kind: z.enum(KINDS),
    context: z.string().min(1).optional(),
    expect: z.array(regexSource).optional(),
    answer: z.array(regexSource).min(1).optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const expects = item.expect?.length ?? 0;
    if (isNegative(item.kind)) {
      // A negative item is right only when nothing is answered; an expectation would contradict that.
      if (expects > 0 || item.answer)
        ctx.addIssue({ code: 'custom', message: `a ${item.kind} item takes no expect/answer` });
    } else if (expects === 0) ctx.addIssue({ code: 'custom', message: 'expect must list at least one regex' });
    if ((item.kind === 'figure' || item.kind === 'versus-figure') && !item.answer)
      ctx.addIssue({ code: 'custom', message: 'figure questions must give answer: regexes' });
    if (item.kind === 'followup' && !item.context)
      ctx.addIssue({ code: 'custom', message: 'a followup needs the earlier question as context' });
  });

export type QuestionItem = z.infer<typeof ItemSchema>;

export interface EvalQuestion {
  index: number;
  q: string;
  kind: Kind;
  context?: string | undefined;
  /** A correct claim's text matches at least one. Empty for `nothing`. */
  expect: RegExp[];
  /** The lead answer's text must match every one; undefined when the item does not grade answers. */
  answer?: RegExp[] | undefined;
}

// `u` so an emoji or an en dash inside a character class is one character, not two surrogate halves.
const compile = (s: string) => new RegExp(s, 'iu');

/** Validates every item; the error names each bad item's index and question so a fix is one search away. */
export function parseQuestions(source: string): EvalQuestion[] {
  const raw: unknown = parse(source);
  if (!Array.isArray(raw)) throw new Error('questions.yaml must be a YAML list of items');
  const problems: string[] = [];
  const out: EvalQuestion[] = [];
  raw.forEach((entry: unknown, index) => {
    const r = ItemSchema.safeParse(entry);
    if (!r.success) {
      const q = (entry as { q?: unknown } | null)?.q;
      const why = r.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).join('; ');
      problems.push(`item ${index} (${JSON.stringify(q ?? null)}): ${why}`);
      return;
    }
    const it = r.data;
    out.push({
      index,
      q: it.q,
      kind: it.kind,
      context: it.context,
      expect: (it.expect ?? []).map(compile),
      answer: it.answer?.map(compile),
    });
  });
  if (problems.length) throw new Error(`invalid questions.yaml:\n${problems.join('\n')}`);
  return out;
}

export function loadQuestions(path = QUESTIONS_PATH): EvalQuestion[] {
  return parseQuestions(readFileSync(path, 'utf8'));
}
