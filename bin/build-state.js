// Is dist/ a build of the current src/? Plain JavaScript (no build needed to run it) and stat-only, so the
// check costs milliseconds: `npm start` and `npx versus` run the compiled code only when it is current.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest mtime of the TypeScript sources and build configuration (0 when there are none, as in the image). */
function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  if (existsSync(join(root, 'src'))) visit(join(root, 'src'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json'])
    if (existsSync(join(root, f))) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

/** 'missing', 'stale' (a source is newer than the build's entry points) or 'fresh'. */
export function buildState(root) {
  const entries = ['main.js', 'cli.js'].map((f) => join(root, 'dist', f));
  if (!entries.every((f) => existsSync(f))) return 'missing';
  // tsc rewrites every output on each build: the older entry point dates the build.
  const built = Math.min(...entries.map((f) => statSync(f).mtimeMs));
  return newestSource(root) > built ? 'stale' : 'fresh';
}
