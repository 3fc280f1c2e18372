import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { ask } from './answers/ask.js';
import { compare, suggestTopics } from './answers/compare.js';
import { MAX_QUESTION_CHARS, QUESTION_TOO_LONG } from './chat/answer-features.js';
import { askReply, compareReply, sourcesReply, unknownTopicReply } from './chat/present-answers.js';
import { renderText } from './chat/render-text.js';
import { askJson, compareJson, sourcesJson } from './cli-output.js';
import { loadConfig } from './config.js';
import { type Core, createCore } from './core.js';
import { isVersusError } from './errors.js';
import { reportReply } from './feedback/report.js';
import { brokenFiles } from './knowledge/watch.js';
import { createLogger } from './logger.js';
import { backupDatabase, POSTGRES_BACKUP_HINT, runDoctor } from './ops.js';
import { openConfiguredShared } from './store/open-shared.js';

const USAGE = `Usage: versus <command> [options]

  index                      index KNOWLEDGE_DIR into VERSUS_DB (incremental)
  ask [--json] [--context <earlier question>] <question>
                             best cited claims for a question (--context: a thread follow-up)
  ask --jsonl                one question per stdin line (text, or {"q","context"} JSON), one JSON answer per line
  compare [--json] <topic>   Go side vs Python side, figures and disagreements
  sources [--json]           indexed documents and claim counts
  report [--json]            questions nothing was found for, and answers voted not helpful
  chat                       the console: type /versus commands as in Slack or Discord
  doctor                     check configuration, database integrity, migrations, index freshness
  backup <file>              online backup of the database to a file

Environment: VERSUS_DB (default ./data/versus.db), KNOWLEDGE_DIR (default ./knowledge), LOG_LEVEL.`;

const print = (s: string) => process.stdout.write(`${s}\n`);

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
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help || command === 'help') {
    print(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  // Logs go to stderr so `--json` output on stdout stays machine-readable.
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  if (command === 'doctor') return runDoctor(config, print);
  // Only the console chat walks the decision matrix: the one-shot commands skip parsing it.
  // Only what reads or writes shared state connects to PostgreSQL; ask, compare, sources and index use the
  // local knowledge index alone and stay fast.
  const shared = ['chat', 'report'].includes(command) ? await openConfiguredShared(config, logger) : undefined;
  const core: Core = await createCore({
    shared,
    dbPath: config.dbPath,
    knowledgeDir: config.knowledgeDir,
    logger,
    walks: command === 'chat',
  });
  try {
    const text = rest.join(' ').trim();
    switch (command) {
      case 'index': {
        const r = core.indexReport!;
        print(
          `indexed ${config.knowledgeDir}: ${r.added.length} added, ${r.updated.length} updated, ${r.removed.length} removed, ${r.unchanged} unchanged; ${r.claims} claims in ${Math.round(r.ms)} ms`,
        );
        for (const w of r.warnings) print(`  warning ${w.path}: ${w.message}`);
        return 0;
      }
      case 'ask': {
        if (values.jsonl) return await askLines(core);
        if (!text) return fail('ask needs a question, e.g. versus ask "how much memory does a goroutine start with"');
        if (text.length > MAX_QUESTION_CHARS) return fail(QUESTION_TOO_LONG);
        const r = ask(core.answers, core.taxonomy, text, { context: values.context });
        print(
          values.json
            ? JSON.stringify(askJson(r), null, 2)
            : renderText(askReply(r, { offset: 0 }, suggestTopics(core.taxonomy, text))),
        );
        return 0;
      }
      case 'compare': {
        if (!text) return fail('compare needs a topic, e.g. versus compare concurrency');
        const r = compare(core.answers, core.taxonomy, text);
        if (!r.found) {
          print(
            values.json
              ? JSON.stringify({ error: 'unknown_topic', suggestions: r.suggestions })
              : renderText(unknownTopicReply(text, r.suggestions)),
          );
          return 1;
        }
        print(values.json ? JSON.stringify(compareJson(r.result), null, 2) : renderText(compareReply(r.result)));
        return 0;
      }
      case 'sources': {
        const docs = core.knowledge.documents();
        const at = core.knowledge.getMeta('indexed_at');
        print(
          values.json
            ? JSON.stringify(sourcesJson(docs, at), null, 2)
            : renderText(sourcesReply(docs, at, brokenFiles(core.knowledge))),
        );
        return 0;
      }
      case 'report': {
        const r = await core.feedback.report(20);
        print(values.json ? JSON.stringify(r, null, 2) : renderText(reportReply(r)));
        return 0;
      }
      case 'chat':
        await new ConsoleAdapter({
          handler: core.handler,
          banner: 'Versus console. Type /versus help, @versus <question>, a button number, or exit.',
        }).start();
        return 0;
      case 'backup': {
        if (!text) return fail('backup needs a file, e.g. versus backup ./versus-backup.db');
        const pages = await backupDatabase(core.db, text);
        print(`backed up ${config.dbPath} to ${text} (${pages} pages)`);
        if (config.postgres) print(POSTGRES_BACKUP_HINT);
        return 0;
      }
      default:
        return fail(`unknown command "${command}"\n\n${USAGE}`);
    }
  } finally {
    await core.close();
  }
}

/** A line of `ask --jsonl`: the question, or `{"q": "...", "context": "..."}` for a follow-up. */
const AskLine = z.union([
  z.object({ q: z.string().min(1).max(MAX_QUESTION_CHARS), context: z.string().max(MAX_QUESTION_CHARS).optional() }),
  z.string().min(1).max(MAX_QUESTION_CHARS),
]);

/** Many questions, one process: an evaluation of hundreds of questions pays start-up once. */
async function askLines(core: Core): Promise<number> {
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
    print(JSON.stringify(askJson(ask(core.answers, core.taxonomy, q, { context }))));
  }
  return bad ? 1 : 0;
}

function fail(message: string): number {
  process.stderr.write(`versus: ${message}\n`);
  return 2;
}

/** Errors a user can act on are printed as such; anything else is a bug and keeps its stack. */
export function reportFatal(e: unknown): number {
  if (isVersusError(e)) process.stderr.write(`versus: ${e.message}\n`);
  else if (e instanceof TypeError && /Unknown option|Unexpected argument/.test(e.message))
    process.stderr.write(`versus: ${e.message}\n\n${USAGE}\n`);
  else process.stderr.write(`versus: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 1;
}
