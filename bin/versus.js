#!/usr/bin/env node
// `npx versus …`: runs the compiled CLI when `npm run build` produced one, else the TypeScript source via tsx.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/cli.js', import.meta.url);
if (existsSync(dist)) {
  await import(dist.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
