import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A string in the source that reads like a sentence or a label a chat user would see. */
export interface Literal {
  file: string;
  line: number;
  text: string;
}

// Three or more words with a letter-led first word: what a reply, a heading or a button is made of. Ids,
// paths, SQL, regexes and single words (column names, enum values) do not match.
const PROSE = /^[\p{L}*_`“"(][^\n]*\s[\p{L}`'’]+\s[\p{L}`'’]/u;
const CODE_LIKE = /^(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH)\b|\b(undefined|null|=>|\$\{)|^[a-z]+(:[a-z]+)+$/;

/** Calls whose arguments are for operators (logs, thrown errors a user never sees verbatim), not chat users. */
const OPERATOR_CALLS =
  /(^|\.)(log|logger|console)\.(trace|debug|info|warn|error|fatal|log)$|^(Error|TypeError|RangeError)$/;

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  return call.expression.getText();
}

function insideOperatorCall(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && OPERATOR_CALLS.test(calleeName(p))) return true;
    if (ts.isFunctionLike(p)) return false;
  }
  return false;
}

function textOf(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => `{} ${s.literal.text}`)].join('');
  return undefined;
}

/** Every prose-like string literal in one file, outside imports, type positions and operator-only calls. */
export function proseLiterals(path: string, root: string): Literal[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    const text = textOf(node);
    if (text !== undefined) {
      const t = text.trim();
      if (PROSE.test(t) && !CODE_LIKE.test(t) && !insideOperatorCall(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file: relative(root, path), line: line + 1, text: t });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The .ts files under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
