import escapeStringRegexp from 'escape-string-regexp';
import { type EntityKind, GAZETTEER } from './gazetteer.js';
import { LANGUAGE_ALIASES } from './language-aliases.js';
import { MAINSTREAM } from './mainstream-languages.js';

/** Something a question names: a language, framework, runtime, cloud, data store, tool or version. */
export interface NamedEntity {
  name: string;
  kind: EntityKind;
  /** The words as typed. */
  match: string;
  /** Ways the index may write it (lower case), for the coverage check. */
  forms: string[];
}

/** Everyday words or single letters: only taken for the language when capitalised as written ("in C", "Swift"). */
const CAPITALISED_ONLY = new Set([
  'Swift',
  'Julia',
  'Crystal',
  'Dart',
  'Carbon',
  'Scheme',
  'Racket',
  'Gleam',
  'Hack',
  'C',
  'R',
]);

/** Aliases that name something else first ("node" is the runtime, "ts" a timestamp, "js" fine but short). */
const SKIPPED_ALIASES = new Set([
  'node',
  'ts',
  'ls',
  'cake',
  'cakescript',
  'rb',
  'rs',
  'inc',
  'delphi',
  'objectpascal',
]);

/**
 * Gazetteer names that are also everyday words ("by spring", "express an opinion", "a lambda in Python"):
 * alone they count only next to a word that marks them as the thing (vs, framework, runtime, cold start…).
 */
const AMBIGUOUS = new Set(
  (
    'express spring rails rocket warp phoenix tornado falcon bottle pyramid iris chi ray ent spark node bun lambda ' +
    'lambdas fly black helm temporal elastic dynamo buffalo revel gorilla react angular envoy poetry uv ruff quart ' +
    'koa hapi azure graal codon mojo conda ecs eks airflow dask celery polars ink'
  ).split(' '),
);
const CUE =
  /^(?:vs|versus|or|than|beat|beats|framework|frameworks|fw|runtime|serverless|cold|js|server|servers|api|apis|boot|on|using)$/;

interface Form {
  entry: { name: string; kind: EntityKind; forms: string[] };
  form: string;
  caseSensitive: boolean;
  ambiguous: boolean;
}

function languageForms(): Form[] {
  return MAINSTREAM.flatMap((name) => {
    const caseSensitive = CAPITALISED_ONLY.has(name);
    const aliases = caseSensitive
      ? []
      : (LANGUAGE_ALIASES[name] ?? []).filter((a) => a.length > 1 && !SKIPPED_ALIASES.has(a));
    const forms = [...new Set([name.toLowerCase(), ...aliases.map((a) => a.toLowerCase())])];
    const entry = { name, kind: 'language' as const, forms };
    return [name, ...aliases].map((form) => ({
      entry,
      form: caseSensitive ? form : form.toLowerCase(),
      caseSensitive,
      ambiguous: false,
    }));
  });
}

let compiled: { forms: Form[]; lower: RegExp; exact: RegExp } | undefined;
function matcher() {
  if (compiled) return compiled;
  const forms: Form[] = [
    ...languageForms(),
    ...GAZETTEER.flatMap((entry) =>
      entry.forms.map((form) => ({ entry, form, caseSensitive: false, ambiguous: AMBIGUOUS.has(form) })),
    ),
  ];
  // Longest first, so "spring boot" wins over "spring" and "c++" over "c"; word edges that allow "c++" and ".net".
  const alternation = (fs: Form[]) =>
    [...new Set(fs.map((f) => f.form))]
      .sort((a, b) => b.length - a.length)
      .map((s) => escapeStringRegexp(s))
      .join('|');
  const edge = (body: string, flags: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}_.#+-])(?:${body})(?![\\p{L}\\p{N}_#+]|\\.\\p{L})`, flags);
  compiled = {
    forms,
    lower: edge(alternation(forms.filter((f) => !f.caseSensitive)), 'giu'),
    exact: edge(alternation(forms.filter((f) => f.caseSensitive)), 'gu'),
  };
  return compiled;
}

/** "Python 3.13", "go 1.22": a version the sources may or may not mention. */
const VERSION = /\b(go|golang|python|py)\s?v?(\d+(?:\.\d+)+)\b/giu;

/** Everything the question names that a reply must not swap for something else. Pure. */
export function namedEntities(question: string): NamedEntity[] {
  const { forms, lower, exact } = matcher();
  const words = question.toLowerCase().match(/[\p{L}\p{N}.#+-]+/gu) ?? [];
  const found = new Map<string, NamedEntity>();
  const lowerMatches = [...question.matchAll(lower)];
  // "node/express", "does bun beat fastapi": a neighbouring name marks an ambiguous word as a name too.
  const names = new Set(lowerMatches.map((m) => m[0].toLowerCase()).filter((n) => !/^go(?:lang)?$/.test(n)));
  const add = (m: RegExpExecArray, caseSensitive: boolean) => {
    const typed = caseSensitive ? m[0] : m[0].toLowerCase();
    const f = forms.find((x) => x.caseSensitive === caseSensitive && x.form === typed);
    if (!f || found.has(f.entry.name)) return;
    if (f.ambiguous && !cued(words, typed, names)) return;
    found.set(f.entry.name, { name: f.entry.name, kind: f.entry.kind, match: m[0], forms: f.entry.forms });
  };
  for (const m of lowerMatches) add(m, false);
  for (const m of question.matchAll(exact)) if (m.index > 0) add(m, true);
  for (const m of question.matchAll(VERSION)) {
    const lang = /^(go|golang)$/i.test(m[1]!) ? 'Go' : 'Python';
    const name = `${lang} ${m[2]}`;
    found.set(name, { name, kind: 'version', match: m[0], forms: [m[2]!] });
  }
  return [...found.values()];
}

/**
 * An ambiguous word counts when a neighbouring word (two either side) marks it as the named thing: a cue
 * ("vs", "framework", "runtime") or another name the question gives.
 */
function cued(words: string[], form: string, names: ReadonlySet<string>): boolean {
  const i = words.indexOf(form);
  if (i < 0) return true;
  return words
    .slice(Math.max(0, i - 2), i + 3)
    .some((w, j) => j !== Math.min(i, 2) && (CUE.test(w) || (w !== form && names.has(w))));
}

/**
 * Words before a name that make it the team's past or present, not what the question asks about ("we're
 * moving off Java", "coming from Ruby"): such a name is context, and its absence from the sources is fine.
 */
const CONTEXT_BEFORE =
  /\b(?:from|off|replacing|replace|leaving|migrating|migrate|rewrite|rewriting|instead of|used to|currently|know|knows)\s+(?:\w+\s+){0,2}$/i;

export function isContextMention(question: string, e: NamedEntity): boolean {
  const at = question.toLowerCase().indexOf(e.match.toLowerCase());
  return at > 0 && CONTEXT_BEFORE.test(question.slice(0, at));
}
