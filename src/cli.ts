#!/usr/bin/env node
// `versus` command line entry: see cli-commands.ts for the commands.
import { reportFatal, runCli } from './cli-commands.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportFatal(e);
  },
);
