// `.env` at start-up: `npm start`, the CLI and `npm run discord:register` read it before the configuration.
import { readFileSync } from 'node:fs';
import { type Config, loadConfig } from './config.js';
import { VersusError } from './errors.js';

/** The file read when VERSUS_ENV_FILE is unset (relative to the working directory, as dotenv tools do). */
export const DEFAULT_ENV_FILE = '.env';

const ASSIGNMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const QUOTES = new Set(['"', "'", '`']);

/**
 * Every line of an env file that is not blank, a comment or `NAME=value` (a quoted value may span lines),
 * as "line N: what is wrong". Node's own parser skips or misreads such lines, differently on Node 20 and
 * 24 (20 has no `export`), so a typo would silently leave a variable unset. Values are never quoted back:
 * a malformed line may be a pasted secret.
 */
export function envFileProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      problems.push(
        /^\s*export\s/.test(line)
          ? `line ${i + 1}: drop "export" (write NAME=value; Node 20 does not read export lines)`
          : `line ${i + 1}: expected NAME=value (a letter or _ first, then letters, digits or _) or a # comment`,
      );
      continue;
    }
    const value = m[2]!;
    const quote = value[0];
    if (quote === undefined || !QUOTES.has(quote) || value.indexOf(quote, 1) > 0) continue;
    // A quoted value that does not close on its line runs on to the line holding its closing quote.
    const close = lines.findIndex((l, j) => j > i && l.includes(quote));
    if (close < 0) {
      problems.push(`line ${i + 1}: the value of ${m[1]} opens with ${quote} and never closes`);
      break;
    }
    i = close;
  }
  return problems;
}

/**
 * Loads the env file into `process.env`: VERSUS_ENV_FILE names it (default `.env`; empty: read none).
 * Variables already in the environment win. A missing default file is fine; a named file that is
 * missing, an unreadable file or a malformed line stops start-up with a VersusError('config_invalid').
 * Returns the file read, or undefined.
 */
export function loadEnvFile(): string | undefined {
  const named = process.env.VERSUS_ENV_FILE;
  const path = named ?? DEFAULT_ENV_FILE;
  if (path.trim() === '') return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && named === undefined) return undefined;
    throw new VersusError(
      'config_invalid',
      code === 'ENOENT'
        ? `VERSUS_ENV_FILE: ${path} does not exist; point it at your env file, or set it empty to read none`
        : `${path}: cannot read it (${code ?? (e as Error).message}); fix its permissions or remove it`,
      { cause: e },
    );
  }
  const problems = envFileProblems(text);
  if (problems.length > 0)
    throw new VersusError(
      'config_invalid',
      `${path} is malformed:\n${problems.map((p) => `  ${p}`).join('\n')}\nSee .env.example for the format.`,
    );
  // Node parses the file the same way `node --env-file` would; it never overrides a variable already set.
  process.loadEnvFile(path);
  return path;
}

/** The configuration a process starts with: the env file (if any), then the environment, validated. */
export function startConfig(): Config {
  loadEnvFile();
  return loadConfig();
}
