import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Larger files are not digests; reading them would only slow start-up and flood the index. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

const DOCUMENT = /\.(md|markdown|txt)$/i;

/** A document's path as the index keys it: relative to the folder, with forward slashes on every system. */
export const documentPath = (root: string, file: string) => relative(root, file).split('\\').join('/');

export interface FolderWarning {
  path: string;
  message: string;
}

const reason = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it vanished or is a broken symbolic link';
  return code ?? (e as Error).message;
};

/**
 * The documents below `root`: regular files (or symbolic links to them) named .md, .markdown or .txt,
 * at most MAX_DOCUMENT_BYTES. Anything else that looks like a document — a named pipe, a broken link,
 * an unreadable file or folder, an oversized file — is skipped with a warning naming it, never fatal.
 */
export function listDocuments(root: string, warnings: FolderWarning[]): string[] {
  const out: string[] = [];
  const warn = (full: string, message: string) => warnings.push({ path: relative(root, full) || '.', message });
  const visit = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      return warn(dir, `folder skipped: ${reason(e)}`);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      // Real folders only: following linked folders could loop or leave the knowledge folder.
      if (entry.isDirectory()) visit(full);
      else if (DOCUMENT.test(entry.name) && !/^readme\.md$/i.test(entry.name)) {
        const problem = documentProblem(full);
        if (problem) warn(full, `${problem}; skipped`);
        else out.push(full);
      }
    }
  };
  visit(root);
  return out.sort();
}

function documentProblem(file: string): string | undefined {
  let st: import('node:fs').Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const link = (() => {
      try {
        return lstatSync(file).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    return link ? 'broken symbolic link' : `cannot read it: ${reason(e)}`;
  }
  if (!st.isFile())
    return `not a regular file (${st.isFIFO() ? 'a named pipe' : st.isDirectory() ? 'a folder' : 'a device or socket'})`;
  if (st.size > MAX_DOCUMENT_BYTES)
    return `too large (${(st.size / 1_048_576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1_048_576} MB)`;
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A document's text, or a reason it cannot be indexed. Opened non-blocking and checked again after
 * opening, so a file swapped for a pipe between listing and reading cannot hang start-up.
 */
export function readDocument(file: string): { text: string } | { problem: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: 'not a regular file' };
    if (st.size > MAX_DOCUMENT_BYTES) return { problem: 'too large' };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return textOf(buf.subarray(0, read));
  } catch (e) {
    return { problem: `cannot read it: ${reason(e)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Valid UTF-8 without NUL bytes or a run of control characters; anything else is binary. */
export function textOf(buf: Buffer): { text: string } | { problem: string } {
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    return { problem: 'not valid UTF-8 text (a binary file?)' };
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { problem: 'binary content (NUL bytes)' };
    // Tab, newlines, form feed and carriage return are text; other C0 controls and DEL are not.
    if ((c < 32 && (c < 9 || c > 13)) || c === 127) controls++;
  }
  if (controls > Math.max(8, text.length / 100)) return { problem: 'binary content (control characters)' };
  return { text: text.replace(/^\uFEFF/, '') };
}
