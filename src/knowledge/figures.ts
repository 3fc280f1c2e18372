import escapeStringRegexp from 'escape-string-regexp';
import type { Figure } from './types.js';

type Dimension = 'time' | 'size' | 'throughput' | 'percent' | 'ratio' | 'count';

interface UnitDef {
  unit: string;
  dimension: Dimension;
  factor: number;
}

const KIB = 1024;
/** Unit spellings → canonical unit. Longest spellings first so "req/sec" wins over "s". */
const UNITS: [string, UnitDef][] = [
  ['requests per second', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['requests/second', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['requests/sec', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['requests/s', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['req/sec', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['req/s', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['rps', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['qps', { unit: 'req/s', dimension: 'throughput', factor: 1 }],
  ['records/sec', { unit: 'records/s', dimension: 'throughput', factor: 1 }],
  ['records/s', { unit: 'records/s', dimension: 'throughput', factor: 1 }],
  ['ops/sec', { unit: 'ops/s', dimension: 'throughput', factor: 1 }],
  ['ops/s', { unit: 'ops/s', dimension: 'throughput', factor: 1 }],
  // A rate of anything ("Thumbnails per minute"): not a duration.
  ['per second', { unit: 'per s', dimension: 'throughput', factor: 1 }],
  ['per minute', { unit: 'per min', dimension: 'throughput', factor: 1 / 60 }],
  ['per hour', { unit: 'per h', dimension: 'throughput', factor: 1 / 3600 }],
  ['nanoseconds', { unit: 'ns', dimension: 'time', factor: 1e-9 }],
  ['microseconds', { unit: 'µs', dimension: 'time', factor: 1e-6 }],
  ['milliseconds', { unit: 'ms', dimension: 'time', factor: 1e-3 }],
  ['seconds', { unit: 's', dimension: 'time', factor: 1 }],
  ['second', { unit: 's', dimension: 'time', factor: 1 }],
  ['minutes', { unit: 'min', dimension: 'time', factor: 60 }],
  ['minute', { unit: 'min', dimension: 'time', factor: 60 }],
  ['hours', { unit: 'h', dimension: 'time', factor: 3600 }],
  ['hour', { unit: 'h', dimension: 'time', factor: 3600 }],
  ['days', { unit: 'days', dimension: 'time', factor: 86400 }],
  ['day', { unit: 'days', dimension: 'time', factor: 86400 }],
  ['weeks', { unit: 'weeks', dimension: 'time', factor: 604800 }],
  ['week', { unit: 'weeks', dimension: 'time', factor: 604800 }],
  ['months', { unit: 'months', dimension: 'time', factor: 2_629_800 }],
  ['month', { unit: 'months', dimension: 'time', factor: 2_629_800 }],
  ['years', { unit: 'years', dimension: 'time', factor: 31_557_600 }],
  ['year', { unit: 'years', dimension: 'time', factor: 31_557_600 }],
  ['sec', { unit: 's', dimension: 'time', factor: 1 }],
  ['ns', { unit: 'ns', dimension: 'time', factor: 1e-9 }],
  ['µs', { unit: 'µs', dimension: 'time', factor: 1e-6 }],
  ['μs', { unit: 'µs', dimension: 'time', factor: 1e-6 }],
  ['us', { unit: 'µs', dimension: 'time', factor: 1e-6 }],
  ['ms', { unit: 'ms', dimension: 'time', factor: 1e-3 }],
  ['min', { unit: 'min', dimension: 'time', factor: 60 }],
  ['s', { unit: 's', dimension: 'time', factor: 1 }],
  ['bytes', { unit: 'B', dimension: 'size', factor: 1 }],
  ['kib', { unit: 'KB', dimension: 'size', factor: KIB }],
  ['mib', { unit: 'MB', dimension: 'size', factor: KIB ** 2 }],
  ['gib', { unit: 'GB', dimension: 'size', factor: KIB ** 3 }],
  ['kb', { unit: 'KB', dimension: 'size', factor: KIB }],
  ['mb', { unit: 'MB', dimension: 'size', factor: KIB ** 2 }],
  ['gb', { unit: 'GB', dimension: 'size', factor: KIB ** 3 }],
  ['tb', { unit: 'TB', dimension: 'size', factor: KIB ** 4 }],
  ['percent', { unit: '%', dimension: 'percent', factor: 1 }],
  ['%', { unit: '%', dimension: 'percent', factor: 1 }],
  ['times', { unit: '×', dimension: 'ratio', factor: 1 }],
  ['x', { unit: '×', dimension: 'ratio', factor: 1 }],
  ['×', { unit: '×', dimension: 'ratio', factor: 1 }],
];
const UNIT_BY_SPELLING = new Map(UNITS);

/** Nouns after a number that make it a meaningful count ("10,000 concurrent connections"). */
const COUNT_NOUNS = [
  'connections',
  'goroutines',
  'threads',
  'coroutines',
  'records',
  'requests',
  'packages',
  'users',
  'lines',
  'servers',
  'developers',
  'engineers',
  'cores',
  'workers',
  'points',
  'urls',
  'instances',
  'containers',
  'services',
  'microservices',
  'chefs',
  'projects',
  'frameworks',
  'os threads',
  'cpu cores',
];

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SUFFIX = String.raw`(?:\s?(?<sfx>[kKmM])(?![a-zA-Z]))`;
const RANGE = String.raw`(?:\s?(?:–|—|-|to)\s?(?<hi>${NUM})(?<sfx2>[kKmM](?![a-zA-Z]))?)`;
const unitAlt = UNITS.map(([s]) => escapeStringRegexp(s)).join('|');
const countAlt = COUNT_NOUNS.map((s) => escapeStringRegexp(s)).join('|');
/** Words that may stand between a number and its count noun: "14 web frameworks", "5 worker goroutines". */
const MODIFIERS = [
  'concurrent',
  'simultaneous',
  'open',
  'long-lived',
  'active',
  'web',
  'worker',
  'backend',
  'python',
  'go',
  'http',
  'third-party',
  'popular',
  'separate',
  'different',
]
  .map((s) => escapeStringRegexp(s))
  .join('|');
// A number, optional K/M suffix, optional range, optional "+", then a unit or a count noun.
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/(])(?<lo>${NUM})${SUFFIX}?${RANGE}?(?<plus>\+)?\s?` +
    String.raw`(?:(?<unit>${unitAlt})(?![\p{L}\p{N}])|(?:(?:${MODIFIERS})\s)*(?<noun>${countAlt})(?![\p{L}]))?`,
  'giu',
);

const parseNum = (s: string) => Number(s.replace(/,/g, ''));
const suffixFactor = (s: string | undefined) => (s === undefined ? 1 : /k/i.test(s) ? 1e3 : 1e6);

export interface FoundFigure extends Omit<Figure, 'subject' | 'metric'> {
  dimension: Dimension;
  index: number;
}

/**
 * Finds figures with units in a text. Bare numbers are skipped unless they carry a K/M suffix or a count
 * noun, or `defaultUnit` (from a table's column header) supplies the unit.
 */
export function findFigures(text: string, defaultUnit?: string): FoundFigure[] {
  const out: FoundFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const spelling = g.unit?.toLowerCase();
    let def = spelling ? UNIT_BY_SPELLING.get(spelling) : undefined;
    // "x"/"s" alone are too ambiguous unless glued to the number ("5x", "0.8s") or in a range.
    if (
      def &&
      (spelling === 'x' || spelling === 's' || spelling === 'us') &&
      /\s$/.test(m[0].slice(0, m[0].length - g.unit!.length))
    )
      def = undefined;
    const sfx = g.sfx ?? g.sfx2;
    if (!def && g.noun) def = { unit: g.noun.toLowerCase(), dimension: 'count', factor: 1 };
    if (!def && sfx) def = { unit: 'count', dimension: 'count', factor: 1 };
    if (!def && defaultUnit) def = UNIT_BY_SPELLING.get(defaultUnit.toLowerCase());
    if (!def) continue;
    const lo = parseNum(g.lo!) * suffixFactor(g.sfx);
    const hi = g.hi !== undefined ? parseNum(g.hi) * suffixFactor(g.sfx2 ?? g.sfx) : undefined;
    // "2009-2010" style year ranges and "3.10" versions are not figures; a range must rise.
    if (hi !== undefined && hi <= lo) continue;
    out.push({
      value: lo,
      valueHigh: hi,
      unit: def.unit,
      normalized: lo * def.factor,
      dimension: def.dimension,
      raw: m[0].trim(),
      index: m.index,
    });
  }
  return out;
}

/** The unit a column header implies for bare numbers: "Req/sec" → req/s, "Memory (MB)" → MB. */
export function unitFromHeader(header: string): string | undefined {
  const h = header.toLowerCase();
  const inParens = /\(([^)]+)\)/.exec(h)?.[1]?.trim();
  if (inParens && UNIT_BY_SPELLING.has(inParens)) return inParens;
  for (const [spelling] of UNITS) {
    if (spelling.length > 2 && h.includes(spelling)) return spelling;
  }
  return undefined;
}

const METRIC_WORDS: [RegExp, string][] = [
  [/\blatenc|response time/i, 'latency'],
  [/\bthroughput|req(uests)?\/s|rps\b/i, 'throughput'],
  [/\bfaster|slower|speed/i, 'speed-up'],
  [/\bmemory|stack|ram\b/i, 'memory'],
  [/\bbill|cost|salary|premium|pay/i, 'cost'],
];

/** A metric name for a prose figure: from the words around it, else from its dimension. */
export function metricFor(text: string, dimension: Dimension, unit: string): string {
  for (const [re, name] of METRIC_WORDS) {
    if (re.test(text) && compatible(name, dimension)) return name;
  }
  return { time: 'time', size: 'memory', throughput: 'throughput', percent: 'percentage', ratio: 'ratio', count: unit }[
    dimension
  ];
}

function compatible(metric: string, d: Dimension): boolean {
  switch (metric) {
    case 'latency':
      return d === 'time';
    case 'throughput':
      return d === 'throughput';
    case 'speed-up':
      return d === 'ratio' || d === 'percent';
    case 'memory':
      return d === 'size';
    case 'cost':
      return d === 'percent';
    default:
      return false;
  }
}

// Made on first use: the first Intl object a process creates loads ICU's data (20-60 ms), and a one-shot
// `versus ask` usually formats no figure at all.
let numberFormat: Intl.NumberFormat | undefined;

/** "45.2s" style display of a figure, ranges included. */
export function formatFigure(f: Pick<Figure, 'value' | 'valueHigh' | 'unit'>): string {
  numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const n = numberFormat.format;
  const value = f.valueHigh !== undefined ? `${n(f.value)}–${n(f.valueHigh)}` : n(f.value);
  if (f.unit === 'count') return value;
  const glued = ['%', '×', 'ms', 's', 'µs', 'ns', 'KB', 'MB', 'GB', 'TB', 'B'].includes(f.unit);
  return glued ? `${value}${f.unit === 'B' ? ' B' : f.unit}` : `${value} ${f.unit}`;
}

/**
 * A figure as the source wrote it when that carries its unit or magnitude ("100K+", "2 KB", "15–25%"); a
 * bare table number gets its column's unit ("130,000" → "130,000 req/s").
 */
export function figureAsWritten(f: Pick<Figure, 'value' | 'valueHigh' | 'unit' | 'raw'>): string {
  return /[\p{L}%+]/u.test(f.raw) ? f.raw : formatFigure(f);
}

/** Which figures can be compared with each other: same family of unit. */
export function unitFamily(unit: string): string {
  const def = UNIT_BY_SPELLING.get(unit.toLowerCase());
  if (def) return def.dimension === 'throughput' ? `throughput:${def.unit}` : def.dimension;
  return `count:${unit}`;
}

/** Normalized [low, high] of a figure; a single value is a point. */
export function normalizedRange(f: {
  value: number;
  valueHigh?: number | undefined;
  normalized: number;
}): [number, number] {
  if (f.valueHigh === undefined || f.value === 0) return [f.normalized, f.normalized];
  return [f.normalized, (f.normalized * f.valueHigh) / f.value];
}
