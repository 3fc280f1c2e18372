import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { LoadJob, LoadResult } from './slack-load.js';

/** The load generator and fake Slack in a child process (see slack-load.ts). */
export class LoadProcess {
  private readonly lines: AsyncIterator<string>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly apiUrl: string,
    lines: AsyncIterator<string>,
  ) {
    this.lines = lines;
  }

  static async start(): Promise<LoadProcess> {
    const child: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, 'slack-load.ts')],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    child.stderr.pipe(process.stderr);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error('load generator exited before starting');
    return new LoadProcess(child, (JSON.parse(first.value) as { apiUrl: string }).apiUrl, lines);
  }

  async run(job: LoadJob): Promise<LoadResult> {
    this.child.stdin.write(`${JSON.stringify(job)}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error('load generator exited');
    return JSON.parse(line.value) as LoadResult;
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    await new Promise((r) => this.child.once('exit', r));
  }
}
