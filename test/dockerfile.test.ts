import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { startHealthServer } from '../src/http/health-server.js';
import { FIXTURE_KNOWLEDGE, tempDir } from './helpers/core.js';

/**
 * No Docker engine runs here or in CI, so the Dockerfile is checked another way: linted with
 * dockerfile-utils (the VS Code Docker language service's validator), its shape asserted, and the
 * commands its stages run — the TypeScript build, the compiled entry point, the HEALTHCHECK — executed.
 */
const ROOT = resolve(import.meta.dirname, '..');
const source = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(source);
const run = promisify(execFile);
const OUT = join(ROOT, '.dist-check');

describe('Dockerfile', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('lints clean', () => {
    expect(validate(source).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds in its own stage and runs on node:20 slim as a non-root user with a /data volume and a health check', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.at(-1)!.getImage()).toMatch(/^node:20[-\w.]*slim$/);
    const runtime = dockerfile
      .getInstructions()
      .filter((i) => i.getRange().start.line > froms.at(-1)!.getRange().start.line);
    const kw = (k: string) => runtime.filter((i) => i.getKeyword() === k).map((i) => i.getArgumentsContent() ?? '');
    expect(kw('USER')).toEqual(['node']);
    expect(kw('VOLUME').join()).toContain('/data');
    expect(kw('HEALTHCHECK')).toHaveLength(1);
    expect(kw('CMD').join()).toContain('dist/main.js');
    expect(source).toMatch(/^COPY --from=build \/app\/node_modules/m);
    const buildRuns = dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getArgumentsContent() ?? '')
      .join('\n');
    expect(buildRuns).toMatch(/npm ci/);
    expect(buildRuns).toMatch(/npm run build && npm prune --omit=dev/);
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8')).toMatch(/^node_modules$/m);
  });

  it('its build step compiles, and the compiled CLI and entry point run', async () => {
    // `npm run build` is tsc -p tsconfig.build.json; build to a scratch folder so dist/ stays untouched.
    await run(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', OUT],
      { cwd: ROOT },
    );
    expect(existsSync(join(OUT, 'main.js'))).toBe(true);
    const t = tempDir();
    try {
      const env = {
        ...process.env,
        VERSUS_DB: join(t.dir, 'd.db'),
        KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
        LOG_LEVEL: 'warn',
      };
      const { stdout } = await run(process.execPath, [join(OUT, 'cli.js'), 'index'], { env });
      expect(stdout).toMatch(/3 added/);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('its HEALTHCHECK command passes against a running health endpoint', async () => {
    const hc = dockerfile
      .getInstructions()
      .find((i) => i.getKeyword() === 'HEALTHCHECK')!
      .getArgumentsContent()!;
    const exec = JSON.parse(hc.slice(hc.indexOf('['))) as string[];
    const server = await startHealthServer(async () => ({ ok: true, details: {} }), 0, '127.0.0.1');
    try {
      const port = (server.address() as { port: number }).port;
      await expect(
        run(process.execPath, exec.slice(1), { env: { ...process.env, PORT: String(port) } }),
      ).resolves.toBeDefined();
    } finally {
      server.close();
    }
  });
});
