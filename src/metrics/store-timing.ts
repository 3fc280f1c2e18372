import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { SharedDb } from '../store/shared-db.js';
import type { Metrics } from './metrics.js';

/**
 * Times every query from compilation to its result. Kysely hands the same query id to both hooks; a query
 * that fails never reaches transformResult, and its entry goes with the id object (a WeakMap).
 */
class QueryTiming implements KyselyPlugin {
  private readonly started = new WeakMap<object, number>();

  constructor(private readonly record: (seconds: number) => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId, performance.now());
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const began = this.started.get(args.queryId);
    if (began !== undefined) this.record((performance.now() - began) / 1000);
    return args.result;
  }
}

/** The shared store with every query's latency recorded (versus_store_query_duration_seconds). */
export function timedShared(shared: SharedDb, metrics: Metrics): SharedDb {
  return {
    backend: shared.backend,
    db: shared.db.withPlugin(new QueryTiming((s) => metrics.storeQuery(shared.backend, s))),
    ping: () => shared.ping(),
    close: () => shared.close(),
  };
}
