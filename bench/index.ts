// `npm run bench`: every benchmark in one run, figures printed for the issue notes.
import { benchCore } from './core.js';

process.stdout.write(`Versus benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
await benchCore();
