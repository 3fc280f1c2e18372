// Parses the command line and runs the command. Only what every command needs is imported up front: an
// `ask` on an up-to-date index loads cli-ask.ts, everything else cli-run.ts (which builds the whole core).
import { parseArgs } from 'node:util';
import { MAX_QUESTION_CHARS } from './chat/answering.js';
import { print, USAGE } from './cli-io.js';
import { startConfig } from './env-file.js';
import { isVersusError } from './errors.js';

export async function runCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      context: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      verdict: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help || command === 'help') {
    print(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = startConfig();
  const text = rest.join(' ').trim();
  // ask on an up-to-date index skips building the core (cli-ask.ts): start-up is most of a one-shot ask's
  // time, and building the core doubled that of `ask --jsonl`.
  if (command === 'ask' && values.jsonl) {
    const { quickAskLines } = await import('./cli-ask.js');
    const code = await quickAskLines(config);
    if (code !== undefined) return code;
  } else if (command === 'ask' && text && text.length <= MAX_QUESTION_CHARS) {
    const { quickAsk } = await import('./cli-ask.js');
    const out = await quickAsk(config, text, { json: values.json, context: values.context });
    if (out !== undefined) {
      print(out);
      return 0;
    }
  }
  const { runCommand } = await import('./cli-run.js');
  return runCommand(config, command, text, values);
}

/** Errors a user can act on are printed as such; anything else is a bug and keeps its stack. */
export function reportFatal(e: unknown): number {
  if (isVersusError(e)) process.stderr.write(`versus: ${e.message}\n`);
  else if (e instanceof TypeError && /Unknown option|Unexpected argument/.test(e.message))
    process.stderr.write(`versus: ${e.message}\n\n${USAGE}\n`);
  else process.stderr.write(`versus: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 1;
}
