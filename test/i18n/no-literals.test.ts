import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseLiterals, sourceFiles } from './literals.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Files whose sentences are not for chat users, and why. Every other file under src/ takes the words a
 * user reads from the catalogues (src/chat/strings*), so a new English sentence there fails this test:
 * move it into a catalogue section (English and German), or, if no chat user ever reads it, add it here.
 */
const NOT_FOR_CHAT_USERS: Record<string, string> = {
  'src/chat/strings-en.ts': 'the English catalogue',
  'src/chat/strings-de.ts': 'the German catalogue',
  'src/chat/strings/': 'the catalogues’ sections',
  'src/adapters/discord/commands.ts': 'Discord command descriptions (English source; discord:register sends them)',
  'src/adapters/discord/commands-de.ts': 'their German, sent as description_localizations',
  'src/answers/chatter-examples.ts': 'training phrases of the small-talk model, never shown',
  'src/answers/entities.ts': 'word lists a question is read with',
  'src/answers/gazetteer.ts': 'word lists a question is read with',
  'src/answers/query.ts': 'stop words',
  'src/answers/source-scope.ts': 'word lists a question is read with',
  'src/verdict/lexicon.ts': 'errors in knowledge/verdict.yaml, for whoever keeps the knowledge folder',
  'src/verdict/decider.ts': 'a warm-up sentence read at start, never shown',
  'src/matrix/definition.ts': 'errors in knowledge/matrix.yaml, for whoever keeps the knowledge folder',
  'src/knowledge/': 'indexing: the operator’s `versus index` and `doctor`, and claim text from the sources',
  'src/answers/answers-store.ts': 'SQL',
  'src/feedback/feedback-store.ts': 'SQL',
  'src/home/home-store.ts': 'SQL',
  'src/polls/poll-store.ts': 'SQL',
  'src/store/': 'SQL and database errors for the operator',
  'src/db/': 'migrations and database errors for the operator',
  'src/answers/answer-pool.ts': 'start-up errors; a busy pool is answered from the catalogue (router)',
  'src/chat/router.ts': 'programming errors at start (two features with one name)',
  'src/config.ts': 'configuration errors at start',
  'src/env-file.ts': '.env errors at start',
  'src/main.ts': 'start-up and shutdown logs',
  'src/ops.ts': 'health and readiness for the operator',
  'src/cli-run.ts': 'the command line’s own usage and banner (its answers’ frame follows VERSUS_LOCALE)',
  'src/cli-commands.ts': 'the command line’s last-resort error',
  'src/metrics/prometheus.ts': 'metric help texts',
  'src/security/token-cipher.ts': 'VERSUS_TOKEN_KEY errors at start',
  'src/ingest/fetch.ts': 'the User-Agent header',
  'src/adapters/discord/client.ts': 'start-up errors and the Message Content intent warning, for the operator',
  'src/adapters/discord/shards.ts': 'start-up errors',
  'src/adapters/discord/register-cli.ts': 'the operator’s discord:register',
  'src/adapters/discord/port.ts': 'an error logged when Discord is not connected',
  'src/adapters/discord/components.ts': 'warnings logged about a reply’s buttons',
  'src/adapters/discord/v2.ts': 'a placeholder for a reply with no content, which the core never sends',
  'src/adapters/slack/index.ts': 'start-up errors',
  'src/adapters/slack/payloads.ts': 'reasons of a 400, logged',
  'src/adapters/slack/request-body.ts': 'reasons of a 400, logged',
  'src/adapters/slack/port.ts': 'an error logged when a workspace has no installation',
  'src/adapters/slack/add-source.ts': 'a log label',
  'src/adapters/slack/web-api-post.ts': 'Web API call errors and a debug line, logged for the operator',
  'src/adapters/slack/receiver.ts':
    'HTTP status texts, and the reply to a workspace with no installation, which has no channel setting to read',
};

const exempt = (file: string) => Object.keys(NOT_FOR_CHAT_USERS).some((p) => file === p || file.startsWith(p));

describe('every sentence a chat user reads comes from a catalogue', () => {
  const files = sourceFiles(join(ROOT, 'src'));
  const found = files.flatMap((f) => proseLiterals(f, ROOT));

  it('no file outside the list above writes one of its own', () => {
    const stray = found.filter((l) => !exempt(l.file)).map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(stray).toEqual([]);
  });

  it('the list names only files that exist and still hold such sentences', () => {
    for (const p of Object.keys(NOT_FOR_CHAT_USERS)) expect(existsSync(join(ROOT, p)), p).toBe(true);
    const used = new Set(
      found.flatMap((l) => Object.keys(NOT_FOR_CHAT_USERS).filter((p) => l.file === p || l.file.startsWith(p))),
    );
    expect(Object.keys(NOT_FOR_CHAT_USERS).filter((p) => !used.has(p))).toEqual([]);
  });

  it('finds a sentence where one is written (the scan itself works)', () => {
    const catalogue = found.filter((l) => l.file === 'src/chat/strings/platform-en.ts').map((l) => l.text);
    expect(catalogue).toContain('Searching the sources…');
  });
});
