#!/usr/bin/env node
// `npx versus …`: runs the compiled CLI when `npm run build` produced one, else the TypeScript source via
// tsx, a dev dependency (a production install has the compiled CLI and no tsx).
import { existsSync } from 'node:fs';

const dist = new URL('../dist/cli.js', import.meta.url);
if (existsSync(dist)) {
  await import(dist.href);
} else {
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (!tsx) {
    process.stderr.write('versus: no compiled CLI (dist/cli.js) and no tsx to run the source: run `npm run build`.\n');
    process.exit(1);
  }
  tsx.register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
