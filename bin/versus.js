#!/usr/bin/env node
// `npx versus …`: runs the compiled CLI when dist/ is a build of the current src/ (bin/build-state.js),
// else the TypeScript source via tsx, so an edit is never answered by an old build.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildState } from './build-state.js';

// Node 22.1+ (the image ships 24) keeps V8's compiled code of the modules loaded below between runs, in the
// system's temporary folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off), so a cold process parses less.
// Node 20 has no such cache: the call is skipped.
module.enableCompileCache?.();

if (buildState(fileURLToPath(new URL('..', import.meta.url))) === 'fresh') {
  await import(new URL('../dist/cli.js', import.meta.url).href);
} else {
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (!tsx) {
    process.stderr.write('versus: no compiled CLI (dist/cli.js) and no tsx to run the source: run `npm run build`.\n');
    process.exit(1);
  }
  tsx.register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
