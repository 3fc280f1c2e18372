// Import cycles in src/, between files and between folders, without a bundler or madge: the project's
// imports are all static ES `import … from './x.js'` lines, so reading them as text is exact enough.
// `npx tsx scripts/import-cycles.ts` prints both lists and exits 1 when either is non-empty.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Graph = Map<string, Set<string>>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** File → the project files it imports (type-only imports included: they tie folders together too). */
export function fileGraph(root: string): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(root)) {
    const deps = new Set<string>();
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = match[1];
      if (target) deps.add(relative(root, resolve(dirname(file), target.replace(/\.js$/, '.ts'))));
    }
    graph.set(relative(root, file), deps);
  }
  return graph;
}

/** The folder of a file under src/: `answers/ask.ts` → `answers`, `adapters/slack/x.ts` → `adapters/slack`,
 *  a top-level file stands for itself (`core.ts`). The catalogue's sections (`chat/strings/walk-en.ts`) are
 *  part of the catalogue in `chat/`, which both imports them and gives them `rich.ts`. */
export const folderOf = (file: string): string =>
  file.includes('/') ? dirname(file).replace(/^chat\/strings$/, 'chat') : file;

export function folderGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [file, deps] of files) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    for (const dep of deps) if (folderOf(dep) !== from) edges.add(folderOf(dep));
    graph.set(from, edges);
  }
  return graph;
}

/** Strongly connected components with more than one member (Tarjan), each sorted: the cycles. */
export function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.argv[2] ?? 'src');
  const files = fileGraph(src);
  const byFile = cycles(files);
  const byFolder = cycles(folderGraph(files));
  for (const c of byFile) console.log(`file cycle: ${c.join(' ↔ ')}`);
  for (const c of byFolder) console.log(`folder cycle: ${c.join(' ↔ ')}`);
  console.log(`${files.size} files: ${byFile.length} file cycles, ${byFolder.length} folder cycles`);
  process.exitCode = byFile.length + byFolder.length > 0 ? 1 : 0;
}
