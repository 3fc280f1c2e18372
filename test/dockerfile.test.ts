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
/** `version` within an engines range written as `^x.y.z` / `~x.y.z` alternatives (the form package.json uses). */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return range.split('||').some((alt) => {
    const m = /^\s*([~^])(\d+)\.(\d+)\.(\d+)\s*$/.exec(alt);
    if (!m) throw new Error(`engines alternative "${alt}" is not ^x.y.z or ~x.y.z`);
    const [lo1, lo2, lo3] = [Number(m[2]), Number(m[3]), Number(m[4])];
    if (major !== lo1 || (m[1] === '~' && minor !== lo2)) return false;
    return minor > lo2 || (minor === lo2 && patch >= lo3);
  });
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('Dockerfile', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('lints clean', () => {
    expect(validate(source).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  const froms = dockerfile.getFROMs();
  const stageOf = (from: (typeof froms)[number]) =>
    dockerfile.getInstructions().filter((i) => {
      const line = i.getRange().start.line;
      const next = froms.find((f) => f.getRange().start.line > from.getRange().start.line);
      return line > from.getRange().start.line && (!next || line < next.getRange().start.line);
    });
  const runtime = stageOf(froms.at(-1)!);
  const kw = (k: string) => runtime.filter((i) => i.getKeyword() === k).map((i) => i.getArgumentsContent() ?? '');

  it('builds in its own stage and runs as a non-root user with a /data volume and a health check', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(kw('USER')).toEqual(['node']);
    expect(kw('VOLUME').join()).toContain('/data');
    expect(kw('HEALTHCHECK')).toHaveLength(1);
    expect(kw('CMD').join()).toContain('dist/main.js');
    expect(source).toMatch(/^COPY --from=build \/app\/node_modules/m);
    const buildRuns = stageOf(froms[0]!)
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getArgumentsContent() ?? '')
      .join('\n');
    expect(buildRuns).toMatch(/npm ci/);
    expect(buildRuns).toMatch(/npm run build && npm prune --omit=dev/);
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8')).toMatch(/^node_modules$/m);
  });

  it('every stage is node 24 slim at one exact version, pinned by digest, with a comment on how to bump it', () => {
    const images = froms.map((f) => f.getImage());
    expect(new Set(images).size).toBe(1);
    const m = /^node:(24\.\d+\.\d+)-bookworm-slim@sha256:([0-9a-f]{64})$/.exec(images[0]!);
    expect(m, String(images[0])).not.toBeNull();
    const version = m![1]!;
    // Node 24.19.0-24.21.x abort with better-sqlite3 12 compiled against their headers (nodejs/node#65446).
    expect(version).not.toMatch(/^24\.(19|20|21)\./);
    expect(satisfies(version, pkg.engines.node), `${version} within engines ${pkg.engines.node}`).toBe(true);
    const comments = source.slice(0, source.search(/^FROM /m));
    expect(comments).toContain(`node:${version}-bookworm-slim`);
    expect(comments).toMatch(/To bump[\s\S]*docker buildx imagetools inspect node:24-bookworm-slim/);
    expect(comments).toMatch(/BOTH FROM lines/);
    expect(comments).toMatch(/npm run test:node24/);
    expect(pkg.scripts['test:node24']).toBe('bash scripts/node24.sh');
  });

  it("compiles native modules in the build stage against the image's own Node headers", () => {
    const build = stageOf(froms[0]!);
    const env = build
      .filter((i) => i.getKeyword() === 'ENV')
      .map((i) => i.getArgumentsContent() ?? '')
      .join(' ');
    expect(env).toMatch(/npm_config_build_from_source=true/);
    expect(env).toMatch(/npm_config_nodedir=\/usr\/local/);
    const installs = build
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getArgumentsContent() ?? '')
      .join('\n');
    expect(installs).toMatch(/apt-get install[^\n]*python3 make g\+\+/);
    // The ENV comes before npm ci, so the install sees it.
    const line = (k: string, re: RegExp) =>
      build.find((i) => i.getKeyword() === k && re.test(i.getArgumentsContent() ?? ''))!.getRange().start.line;
    expect(line('ENV', /build_from_source/)).toBeLessThan(line('RUN', /npm ci/));
  });

  it('runs under tini as PID 1 (it forwards signals and reaps shard processes), installed from Debian', () => {
    expect(kw('ENTRYPOINT')).toEqual(['["/usr/bin/tini", "--"]']);
    expect(kw('RUN').join('\n')).toMatch(/apt-get install -y --no-install-recommends tini\b/);
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
