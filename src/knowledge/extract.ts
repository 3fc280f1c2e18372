import { createHash } from 'node:crypto';
import { inferFavors } from './favors.js';
import { type FoundFigure, findFigures, metricFor, unitFromHeader } from './figures.js';
import { SECTION_SEPARATOR } from './markdown.js';
import type { Taxonomy } from './taxonomy.js';
import type { Claim, ClaimKind, Favors, Figure, RawClaim, Side } from './types.js';

const KIND_RULES: [RegExp, ClaimKind][] = [
  [
    /\b(?:should|use \w+ when|choose|start with|don't|do not|avoid|prefer|recommend|consider|worth)\b/i,
    'recommendation',
  ],
  // A judgement: evaluative words, figures of speech, or the writer's own verdict ("honestly", "the truth").
  [
    /\b(?:superpower|love|beautiful|elegant|best|worst|boring|dirty secret|game-changer|unmatched|phenomenal|absurdly|secret weapon|killer|powerful|verbose|reckless|gentle|immense|effortless|radical|painful|chaos|magic|beast|trendy|overkill|sufficient|enough|thinner|capable|legitimate|practical|honestly|frankly|truth|uncomfortable|coincidence|workaround|not a solution|changes everything|first-class|afterthought|gracefully|seamlessly|deserves|matters?)\b/i,
    'opinion',
  ],
  // First person marks one team's story (a judgement in the first person is still an opinion); "I/O" is not "I".
  [/(?<![\w/])(?:I(?![\w/])|I'm|I've|my|we|our|a startup|their team|last year)(?![\w/])/, 'anecdote'],
];
const BENCHMARK_WORDS =
  /\b(?:benchmark|req\/s|req\/sec|rps|latency|throughput|faster|slower|records\/s|p99|fibonacci|fib)\b/i;

function inferKind(text: string, figures: FoundFigure[], tableRow: boolean): ClaimKind {
  // A table row of measurements is a benchmark row whatever its words; in prose the words must say so.
  if (figures.some((f) => f.dimension !== 'count') && (tableRow || BENCHMARK_WORDS.test(text))) return 'benchmark';
  for (const [re, kind] of KIND_RULES) if (re.test(text)) return kind;
  return 'fact';
}

const SIDE_LABEL: Record<Side, string> = { go: 'Go', python: 'Python', both: 'Go vs Python' };

/** A figure found in text, with what it measures and of whom. */
const asFigure = (f: FoundFigure, subject: string, metric: string): Figure => ({
  subject,
  metric,
  value: f.value,
  valueHigh: f.valueHigh,
  unit: f.unit,
  normalized: f.normalized,
  raw: f.raw,
});

/** Table rows: a figure's subject is the row label, its metric the column header — unless the header names a language. */
function tableFigures(
  raw: RawClaim,
  taxonomy: Taxonomy,
  metricKey: string | undefined,
): { figures: Figure[]; found: FoundFigure[] } {
  const cells = raw.cells ?? [];
  const rowLabel = cells[0]?.value ?? '';
  const figures: Figure[] = [];
  const found: FoundFigure[] = [];
  cells.slice(1).forEach((cell) => {
    const headerSide = taxonomy.sideOf(cell.header);
    const headerIsLanguage = headerSide !== 'both' && cell.header.split(/\s+/).length <= 3;
    for (const f of findFigures(cell.value, unitFromHeader(cell.header))) {
      found.push(f);
      figures.push(
        asFigure(
          f,
          headerIsLanguage ? cell.header : rowLabel,
          metricKey ?? (headerIsLanguage ? rowLabel : cell.header),
        ),
      );
    }
  });
  return { figures, found };
}

/** Prose: a figure's subject is the nearest side keyword before it (else the claim's side). */
function proseFigures(
  text: string,
  side: Side,
  subjects: { index: number; term: string }[],
  metricKey: string | undefined,
): { figures: Figure[]; found: FoundFigure[] } {
  const found = findFigures(text);
  const figures = found.map((f) => {
    const before = subjects.filter((s) => s.index < f.index).at(-1);
    return asFigure(f, before ? before.term : SIDE_LABEL[side], metricKey ?? metricFor(text, f.dimension, f.unit));
  });
  return { figures, found };
}

/**
 * What a table row itself says it favors: a "Recommendation" (or winner, verdict) cell naming one language,
 * or a tick in a "Python wins" / "Go wins" column.
 */
function cellFavors(cells: RawClaim['cells'], taxonomy: Taxonomy): Favors | undefined {
  for (const c of cells ?? []) {
    const side = taxonomy.sideOf(c.value);
    if (/recommend|verdict|winner|choice|pick/i.test(c.header) && side !== 'both') return side;
    const wins = /\bwins?\b/i.test(c.header) ? taxonomy.sideOf(c.header) : 'both';
    if (wins !== 'both' && /[✓✔x]/i.test(c.value)) return wins;
  }
  return undefined;
}

/** A digest marks figures it computed itself ("Derived from the guide's table: …"). */
const DERIVED = /^derived\b/i;

/**
 * What the claim's figures measure, searched as a column of its own: subjects ("Go with Fiber"), metric
 * labels from the taxonomy ("Requests per second"), raw metric names and table headers.
 */
function subjectWords(raw: RawClaim, figures: Figure[], taxonomy: Taxonomy): string {
  const words = new Set<string>();
  for (const f of figures) {
    words.add(f.subject);
    words.add(f.metric.replace(/-/g, ' '));
    const def = taxonomy.metrics.lookup(f.metric, raw.cells ? f.unit : undefined);
    if (def) words.add(def.label);
  }
  for (const cell of raw.cells ?? []) words.add(cell.header);
  return [...words].join(' · ');
}

/**
 * What a claim that names no language is about: the side its nearest section heading that names a
 * language names ("Where Go Wins › The threshold" → go); a heading naming both, or none at all, → both.
 */
function sectionSide(section: string, taxonomy: Taxonomy): Side {
  for (const part of section.split(SECTION_SEPARATOR).reverse()) {
    const named = taxonomy.subjectsIn(part);
    if (named.length) return taxonomy.sideOfSubjects(named);
  }
  return 'both';
}

/** Stable across re-indexing: depends only on the document id, the section and the claim's own text. */
export function claimId(documentId: string, section: string, text: string): string {
  const h = createHash('sha256').update(`${section}\n${text.toLowerCase()}`).digest('hex').slice(0, 12);
  return `${documentId}:${h}`;
}

export function extractClaims(
  documentId: string,
  raws: RawClaim[],
  taxonomy: Taxonomy,
): { claims: Claim[]; warnings: string[] } {
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  const claims = raws.map((raw, ordinal): Claim => {
    const t = raw.tags;
    const subjects = taxonomy.subjectsIn(raw.text);
    const side =
      t.side ??
      (subjects.length ? taxonomy.sideOfSubjects(subjects) : (raw.about ?? sectionSide(raw.section, taxonomy)));
    const { figures, found } = raw.cells
      ? tableFigures(raw, taxonomy, t.metric)
      : proseFigures(raw.text, side, subjects, t.metric);
    const unknown = (t.topics ?? []).filter((id) => !taxonomy.topicIds.has(id));
    if (unknown.length)
      warnings.push(`"${raw.text.slice(0, 50)}…": unknown topic(s) ${unknown.join(', ')} (see taxonomy.yaml)`);
    const topics = t.topics
      ? [...new Set([...t.topics, ...taxonomy.topicsOf(raw.text)])].sort()
      : taxonomy.topicsOf(`${raw.section} ${raw.text}`);
    let id = claimId(documentId, raw.section, raw.text);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) id = `${id}-${n}`; // identical text twice in one section: keep both, ids still stable
    return {
      id,
      documentId,
      section: raw.section,
      ordinal,
      text: raw.text,
      side,
      topics,
      kind:
        t.kind ??
        // A decision table's row ("Scenario: CLI tools; …; Recommendation: Go") is advice, whatever else it says.
        (raw.cells?.some((c) => /recommend|verdict|\bwins?\b/i.test(c.header))
          ? 'recommendation'
          : inferKind(raw.text, found, raw.cells !== undefined)),
      metricKey: t.metric,
      stance: t.stance,
      figures,
      favors: 'neither',
      derived: DERIVED.test(raw.text),
      tableRow: raw.cells !== undefined,
      subjects: subjectWords(raw, figures, taxonomy),
    };
  });
  const favors = inferFavors(
    claims,
    raws.map((r) => r.tags.favors ?? cellFavors(r.cells, taxonomy)),
    taxonomy,
    taxonomy.metrics,
  );
  claims.forEach((c, i) => {
    c.favors = favors[i]!;
  });
  return { claims, warnings };
}
