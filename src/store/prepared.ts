import type { Compilable, CompiledQuery, QueryExecutorProvider, QueryResult } from 'kysely';

/** A value no caller passes: marks where an argument goes in the compiled parameters. */
const SLOT = '\u0000versus-arg:';

type Executor = QueryExecutorProvider & { executeQuery<R>(q: CompiledQuery<R>): Promise<QueryResult<R>> };

/**
 * A Kysely query built and compiled to SQL once, then run with new values. Values are always parameters
 * in the compiled SQL, so only they change between runs; building and compiling cost more than running
 * most of our queries, which matters on the per-click path (a vote storm). `arg(name)` marks a value
 * filled in at run time; anything else stays as built.
 */
export class Prepared<A extends Record<string, unknown>, R> {
  private compiled: { query: CompiledQuery<R>; args: (string | undefined)[] } | undefined;

  constructor(private readonly build: (arg: <K extends keyof A & string>(name: K) => A[K]) => Compilable<R>) {}

  run(executor: Executor, values: A): Promise<QueryResult<R>> {
    this.compiled ??= this.compile();
    const { query, args } = this.compiled;
    const parameters = query.parameters.map((p, i) => {
      const name = args[i];
      return name === undefined ? p : values[name];
    });
    return executor.executeQuery({ ...query, parameters });
  }

  private compile() {
    const query = this.build((name) => `${SLOT}${name}` as never).compile();
    const args = query.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SLOT) ? p.slice(SLOT.length) : undefined,
    );
    return { query, args };
  }
}

/** Rows a write changed, from a prepared query's result. */
export const changed = (r: QueryResult<unknown>): number => Number(r.numAffectedRows ?? 0n);
