import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { CannonJob, CannonResult } from './cannon.js';
import type { FakeQuery } from './slack-load.js';

const run = promisify(execFile);

/** The fake Slack process (bench/slack-load.ts): its URLs, and queries about what it received. */
export class FakeSlackProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly apiUrl: string,
    readonly responseBase: string,
    private readonly lines: AsyncIterator<string>,
  ) {}

  static async start(): Promise<FakeSlackProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'slack-load.ts')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr.pipe(process.stderr);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('the fake Slack exited before starting');
    const urls = JSON.parse(first.value) as { apiUrl: string; responseBase: string };
    return new FakeSlackProcess(child, urls.apiUrl, urls.responseBase, lines);
  }

  private async query<T>(q: FakeQuery): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(q)}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error('the fake Slack exited');
    return JSON.parse(line.value) as T;
  }

  /** When each response_url request arrived (epoch ms), by request id. */
  arrivals(): Promise<Record<string, number>> {
    return this.query({ op: 'arrivals' });
  }

  /** When each user's latest vote confirmation (chat.postEphemeral) arrived (epoch ms), by user id. */
  lastEphemeral(): Promise<Record<string, number>> {
    return this.query({ op: 'lastEphemeral' });
  }

  calls(method: string): Promise<number> {
    return this.query({ op: 'calls', method });
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    await new Promise((r) => this.child.once('exit', r));
  }
}

/** One autocannon round in a fresh process (bench/cannon.ts). */
export async function cannon(job: CannonJob): Promise<CannonResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'cannon.ts'), JSON.stringify(job)],
    { maxBuffer: 1 << 28 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CannonResult;
}
