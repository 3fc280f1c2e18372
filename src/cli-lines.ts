// `versus ask --jsonl`: many questions, one process, so an evaluation of hundreds of questions pays start-up
// once. Shared by the path that answers from an up-to-date index (cli-ask.ts) and the one that indexes first.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { AskResult } from './answers/ask.js';
import { MAX_QUESTION_CHARS } from './chat/answering.js';
import { print } from './cli-io.js';
import { askJson } from './cli-output.js';

/** A line of `ask --jsonl`: the question, or `{"q": "...", "context": "..."}` for a follow-up. */
const AskLine = z.union([
  z.object({ q: z.string().min(1).max(MAX_QUESTION_CHARS), context: z.string().max(MAX_QUESTION_CHARS).optional() }),
  z.string().min(1).max(MAX_QUESTION_CHARS),
]);

/** Answers each stdin line with one JSON line; exit code 1 when a line was not a question. */
export async function askLines(answer: (q: string, context: string | undefined) => AskResult): Promise<number> {
  let bad = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    let parsed: unknown = line.trim();
    if (line.trimStart().startsWith('{'))
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
    const item = AskLine.safeParse(parsed);
    if (!item.success) {
      bad++;
      print(JSON.stringify({ error: 'bad_line', message: 'a question, or {"q": "...", "context": "..."}' }));
      continue;
    }
    const { q, context } = typeof item.data === 'string' ? { q: item.data, context: undefined } : item.data;
    print(JSON.stringify(askJson(answer(q, context))));
  }
  return bad ? 1 : 0;
}
