import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Platform } from '../platform.js';
import type { AnswerKind, AnswerOutcome, ErrorKind, Metrics } from './metrics.js';

/** Latency buckets in seconds: acks aim for milliseconds and must stay under 3 s; answers may take longer. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
const ANSWER_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export interface PrometheusOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag). The running bot does; tests don't. */
  process?: boolean | undefined;
}

/**
 * Metrics on a registry of its own (never prom-client's global one), so every core or test that creates
 * one counts only its own events. The names are listed in the README's metrics table.
 */
export function createPrometheusMetrics(opts: PrometheusOptions = {}): Metrics {
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  if (opts.process) collectDefaultMetrics({ register: registry });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers });

  const commands = counter('versus_commands_total', 'Slash commands, by feature name.', ['platform', 'command']);
  const requests = counter('versus_requests_total', 'Requests the core handled, by kind.', ['platform', 'kind']);
  const answers = counter('versus_answers_total', 'Answers given, by outcome.', ['platform', 'kind', 'outcome']);
  const votes = counter('versus_votes_total', 'Poll vote clicks, by what they did.', ['platform', 'outcome']);
  const errors = counter('versus_errors_total', 'Errors, by kind.', ['platform', 'kind']);
  const runs = counter('versus_scheduler_runs_total', 'Scheduler task runs.', ['task', 'outcome']);
  const retries = counter('versus_api_retries_total', 'Platform API calls tried again.', ['platform']);
  const limited = counter('versus_api_rate_limited_total', 'Platform API 429 responses.', ['platform']);
  const acks = histogram(
    'versus_ack_duration_seconds',
    'Request arrival to acknowledgement.',
    ['platform'],
    ACK_BUCKETS,
  );
  const answerTime = histogram(
    'versus_answer_duration_seconds',
    'Time the core took to produce an answer.',
    ['platform', 'kind'],
    ANSWER_BUCKETS,
  );
  const store = histogram('versus_store_query_duration_seconds', 'Shared store queries.', ['backend'], STORE_BUCKETS);

  const queues = new Map<string, { platform: Platform; queue: string; depth: () => number }>();
  new Gauge({
    name: 'versus_queue_depth',
    help: 'Work waiting or in flight, read at scrape time.',
    labelNames: ['platform', 'queue'],
    registers,
    collect() {
      for (const q of queues.values()) this.set({ platform: q.platform, queue: q.queue }, q.depth());
    },
  });
  let openPolls: (() => Promise<readonly { platform: string; n: number }[]>) | undefined;
  new Gauge({
    name: 'versus_open_polls',
    help: 'Polls not closed yet, read from the store at scrape time.',
    labelNames: ['platform'],
    registers,
    async collect() {
      this.reset();
      for (const row of (await openPolls?.()) ?? []) this.set({ platform: row.platform }, row.n);
    },
  });

  return {
    command: (platform, name) => commands.inc({ platform, command: name }),
    request: (platform, kind) => requests.inc({ platform, kind }),
    answer(platform, kind: AnswerKind, outcome: AnswerOutcome, seconds) {
      answers.inc({ platform, kind, outcome });
      answerTime.observe({ platform, kind }, seconds);
    },
    vote: (platform, outcome) => votes.inc({ platform, outcome }),
    error: (platform, kind: ErrorKind) => errors.inc({ platform, kind }),
    ack: (platform, seconds) => acks.observe({ platform }, seconds),
    schedulerRun: (task, outcome) => runs.inc({ task, outcome }),
    apiRetry: (platform) => retries.inc({ platform }),
    apiRateLimited: (platform) => limited.inc({ platform }),
    storeQuery: (backend, seconds) => store.observe({ backend }, seconds),
    watchQueue: (platform, queue, depth) => void queues.set(`${platform}:${queue}`, { platform, queue, depth }),
    watchOpenPolls(count) {
      openPolls = count;
    },
    scrape: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
