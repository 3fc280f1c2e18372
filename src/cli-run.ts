// The CLI commands that build the whole core (cli-commands.ts parses the arguments and loads this lazily).
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { ask } from './answers/ask.js';
import { compare, suggestTopics } from './answers/compare.js';
import { askReply, compareReply, unknownTopicReply } from './answers/present-answers.js';
import { MAX_QUESTION_CHARS } from './chat/answering.js';
import { CATALOGUES } from './chat/locales.js';
import { renderText } from './chat/render-text.js';
import { fail, print, USAGE } from './cli-io.js';
import { askLines } from './cli-lines.js';
import { askJson, compareJson, sourcesJson } from './cli-output.js';
import type { Config } from './config.js';
import { type Core, createCore } from './core.js';
import { reportReply } from './feedback/report.js';
import { brokenFiles } from './knowledge/watch.js';
import { createLogger } from './logger.js';
import { backupDatabase, POSTGRES_BACKUP_HINT, runDoctor } from './ops.js';
import { sourcesReply } from './sources/render-sources.js';
import { openConfiguredShared } from './store/open-shared.js';
import { MAX_SITUATION_CHARS } from './verdict/route.js';
import { verdictInput } from './verdict/verdict-input.js';
import { verdictJson } from './verdict/verdict-json.js';

export interface CommandOptions {
  json: boolean;
  jsonl: boolean;
  context?: string | undefined;
  verdict?: string | undefined;
}

export async function runCommand(
  config: Config,
  command: string,
  text: string,
  values: CommandOptions,
): Promise<number> {
  // Logs go to stderr so `--json` output on stdout stays machine-readable.
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  if (command === 'doctor') return runDoctor(config, print);
  // Only the console chat walks the decision matrix: the one-shot commands skip parsing it.
  // Only what reads or writes shared state connects to PostgreSQL; ask, compare, sources and index use the
  // local knowledge index alone and stay fast.
  const shared = ['chat', 'report', 'adr'].includes(command) ? await openConfiguredShared(config, logger) : undefined;
  const core: Core = await createCore({
    shared,
    dbPath: config.dbPath,
    knowledgeDir: config.knowledgeDir,
    logger,
    walks: ['chat', 'verdict', 'adr'].includes(command),
    locale: config.locale,
  });
  // Answers, sources and the report are framed in VERSUS_LOCALE's words; operator output stays English.
  const t = CATALOGUES[config.locale];
  try {
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
        if (values.jsonl) return await askLines((q, context) => ask(core.answers, core.taxonomy, q, { context }));
        if (!text) return fail('ask needs a question, e.g. versus ask "how much memory does a goroutine start with"');
        if (text.length > MAX_QUESTION_CHARS) return fail(t.usage.questionTooLong);
        const r = ask(core.answers, core.taxonomy, text, { context: values.context });
        print(
          values.json
            ? JSON.stringify(askJson(r), null, 2)
            : renderText(askReply(r, { offset: 0 }, suggestTopics(core.taxonomy, text), t)),
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
              : renderText(unknownTopicReply(text, r.suggestions, t)),
          );
          return 1;
        }
        print(values.json ? JSON.stringify(compareJson(r.result), null, 2) : renderText(compareReply(r.result, t)));
        return 0;
      }
      case 'sources': {
        const docs = core.knowledge.documents();
        const at = core.knowledge.getMeta('indexed_at');
        print(
          values.json
            ? JSON.stringify(sourcesJson(docs, at), null, 2)
            : renderText(sourcesReply(docs, at, brokenFiles(core.knowledge), undefined, t)),
        );
        return 0;
      }
      case 'report': {
        const r = await core.feedback.report(20);
        print(values.json ? JSON.stringify(r, null, 2) : renderText(reportReply(r, t)));
        return 0;
      }
      // Awaited here: `finally` closes the core, which must outlive the command.
      case 'verdict':
        return await verdictCommand(core, text, values.json);
      case 'adr':
        return await adrCommand(core, text, values.verdict);
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

const NO_VERDICT = 'verdict needs knowledge/matrix.yaml and knowledge/verdict.yaml in KNOWLEDGE_DIR';

async function verdictCommand(core: Core, situation: string, json: boolean): Promise<number> {
  if (!situation)
    return fail('verdict needs a situation, e.g. versus verdict "four of us, a CRUD SaaS, MVP by spring"');
  if (situation.length > MAX_SITUATION_CHARS) return fail('a situation is a sentence or two: at most 2,000 characters');
  if (!core.verdicts || !core.walks) return fail(NO_VERDICT);
  const started = performance.now();
  const v = await core.verdicts.verdict(situation);
  const ms = performance.now() - started;
  print(
    json
      ? JSON.stringify(verdictJson(v, v.channel.matrix, core.verdicts, ms), null, 2)
      : renderText(core.verdicts.view(v)),
  );
  return 0;
}

async function adrCommand(core: Core, walkId: string, situation: string | undefined): Promise<number> {
  const { verdicts, records } = core;
  if (!verdicts || !records) return fail(NO_VERDICT);
  if (situation !== undefined) {
    if (!situation.trim() || walkId) return fail('adr takes a walk id or --verdict "<situation>", not both');
    const v = await verdicts.verdict(situation.trim());
    const input = verdictInput(
      v.channel.matrix,
      v,
      { recordId: 'draft', userId: 'cli', date: records.now() },
      core.answers,
    );
    print(records.draft(input, 'cli'));
    return 0;
  }
  if (!walkId) return fail('adr needs a walk id (the w… id in /versus matrix status) or --verdict "<situation>"');
  const found = await records.walkRecord(walkId);
  if (typeof found === 'string') return fail(found);
  print((await records.record(found.input, found.walk, 'cli')).markdown);
  return 0;
}
