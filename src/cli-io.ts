// What every CLI command shares: the usage text and how output and mistakes are printed.

export const USAGE = `Usage: versus <command> [options]

  index                      index KNOWLEDGE_DIR into VERSUS_DB (incremental)
  ask [--json] [--context <earlier question>] <question>
                             best cited claims for a question (--context: a thread follow-up)
  ask --jsonl                one question per stdin line (text, or {"q","context"} JSON), one JSON answer per line
  compare [--json] <topic>   Go side vs Python side, figures and disagreements
  sources [--json]           indexed documents and claim counts
  report [--json]            questions nothing was found for, and answers voted not helpful
  verdict [--json] <situation>   a Go-or-Python verdict read from a sentence or two, with its reasons
  adr <walk-id>              the decision record (Markdown ADR) of a finished walk, as its next revision
  adr --verdict <situation>  the decision record of a verdict (not stored)
  chat                       the console: type /versus commands as in Slack or Discord
  doctor                     check configuration, database integrity, migrations, index freshness
  backup <file>              online backup of the database to a file

Environment: VERSUS_DB (default ./data/versus.db), KNOWLEDGE_DIR (default ./knowledge), LOG_LEVEL;
.env in the working directory is read first (variables already set win).`;

export const print = (s: string) => process.stdout.write(`${s}\n`);

/** A mistake in how the command was called: said on stderr, exit code 2. */
export function fail(message: string): number {
  process.stderr.write(`versus: ${message}\n`);
  return 2;
}
