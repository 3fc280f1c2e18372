import type { Database } from '../db/open.js';
import type { CitedClaim, ClaimKind, Favors, FigureView, Side } from '../knowledge/types.js';
import { tokens } from './query.js';
import type { DocumentNames } from './source-scope.js';

interface ClaimRow {
  rowid: number;
  id: string;
  text: string;
  side: Side;
  favors: Favors;
  derived: number;
  kind: ClaimKind;
  topics: string;
  section: string;
  metric_key: string | null;
  stance: string | null;
  document_id: string;
  title: string;
  short: string | null;
  url: string | null;
  path: string;
  rank?: number;
}

export interface StoredClaim extends CitedClaim {
  rowid: number;
  favors: Favors;
  derived: boolean;
  metricKey?: string | undefined;
  stance?: string | undefined;
  path: string;
  /** FTS bm25 (lower is better) when the claim came from a search. */
  rank?: number | undefined;
}

const PER_GROUP = 24;

const CLAIM_COLUMNS = `c.rowid, c.id, c.text, c.side, c.favors, c.derived, c.kind, c.topics, c.section, c.metric_key,
  c.stance, c.document_id, d.title, d.short, d.url, d.path`;

/**
 * bm25 column weights: claim text, section path, figure subjects/metrics/headers, topic ids. The text
 * carries the meaning; what a figure measures matters nearly as much for figure questions; the section
 * and topic tags say what the claim is filed under, which helps but must not outrank the text.
 * Measured with `npm run eval` (see weights.ts).
 */
const BM25_WEIGHTS = '1.0, 0.35, 0.7, 0.25';

/**
 * Which documents a store sees: every one ('*', the CLI and the eval), or the knowledge folder's plus one
 * workspace's own team documents ('slack:T123'); '' sees the folder's only. Team documents of other
 * workspaces are never read, so they can neither answer nor be cited there.
 */
const VISIBLE = `(@scope = '*' OR d.scope = '' OR d.scope = @scope)`;
/**
 * The same inside an FTS query, before its LIMIT: rows of other workspaces' documents are skipped while ranking.
 * CROSS JOIN keeps documents (a few hundred rows) as the outer loop, so only team documents' claims are looked
 * up by document; planned the other way, every question scanned all claims (3.5× the CPU of an ask at 100k).
 */
const FTS_VISIBLE = `(@scope = '*' OR rowid NOT IN (SELECT c.rowid FROM documents d CROSS JOIN claims c
  ON c.document_id = d.id WHERE d.scope <> '' AND d.scope <> @scope))`;

/** Read-side SQL for ask/compare/sources. Statements are prepared once: they run on every chat command. */
export class AnswersStore {
  private readonly search;
  private readonly byTopic;
  private readonly searchUnranked;
  private readonly byMetric;
  private readonly byStance;
  private readonly figuresOf;
  private readonly byIds;
  private readonly docFreq;
  private readonly countClaims;
  private claimsCached: number | undefined;
  private readonly indexVersion;
  private readonly dfCache = new Map<string, number>();
  private readonly mentionCache = new Map<string, boolean>();
  private readonly phrase;
  private readonly docNames;
  private namesCached: DocumentNames[] | undefined;
  private readonly termRange;
  private readonly visibleWith;
  private dfGeneration = '';
  private generationRead = false;
  private readonly scoped = new Map<string, AnswersStore>();
  private readonly visible: { scope: string };

  constructor(
    readonly db: Database,
    scope = '*',
  ) {
    this.visible = { scope };
    // bm25 column weights: claim text, section, topics, document title.
    this.search = db.prepare(`SELECT ${CLAIM_COLUMNS}, f.rank AS rank FROM (
        SELECT rowid, bm25(claims_fts, ${BM25_WEIGHTS}) AS rank FROM claims_fts WHERE claims_fts MATCH ? AND ${FTS_VISIBLE}
        ORDER BY rank LIMIT ?
      ) f JOIN claims c ON c.rowid = f.rowid JOIN documents d ON d.id = c.document_id ORDER BY f.rank`);
    // Unranked: FTS5 streams matches in rowid order and stops at the limit, whatever the doclist size.
    this.searchUnranked = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM (
        SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? AND ${FTS_VISIBLE} ORDER BY rowid DESC LIMIT ?
      ) f JOIN claims c ON c.rowid = f.rowid JOIN documents d ON d.id = c.document_id`);
    // claim_topics is keyed (topic, weight DESC, claim): the strongest evidence first, straight from the index.
    this.byTopic = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claim_topics t JOIN claims c ON c.rowid = t.claim_rowid
      JOIN documents d ON d.id = c.document_id WHERE t.topic = ? AND ${VISIBLE} ORDER BY t.weight DESC, t.claim_rowid LIMIT ?`);
    // Bounded per metric key and per stance issue: enough to show a disagreement, never the whole corpus.
    this.byMetric = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
      WHERE c.metric_key = ? AND ${VISIBLE} ORDER BY c.document_id, c.ordinal LIMIT ${PER_GROUP}`);
    this.byStance = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
      WHERE c.stance >= ? AND c.stance < ? AND ${VISIBLE} ORDER BY c.document_id, c.ordinal LIMIT ${PER_GROUP}`);
    this.indexVersion = db.prepare("SELECT value FROM meta WHERE key = 'index_version'").pluck();
    this.docFreq = db.prepare('SELECT count(*) AS n FROM claims_fts WHERE claims_fts MATCH ?');
    this.countClaims = db.prepare('SELECT count(*) AS n FROM claims').pluck();
    // The index's terms by range (spelling.ts); a temp table, so a read-only connection can have it too.
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.claims_vocab USING fts5vocab(main, 'claims_fts', 'row')`);
    this.termRange = db.prepare('SELECT term, doc FROM temp.claims_vocab WHERE term >= ? AND term < ?').raw();
    this.visibleWith = db
      .prepare(`SELECT c.text FROM claims_fts f JOIN claims c ON c.rowid = f.rowid JOIN documents d ON d.id = c.document_id
        WHERE claims_fts MATCH @match AND ${VISIBLE} LIMIT 1`)
      .pluck();
    this.docNames = db.prepare('SELECT id, title, short, site, author FROM documents ORDER BY id');
    this.phrase = db
      .prepare('SELECT c.text FROM claims_fts f JOIN claims c ON c.rowid = f.rowid WHERE claims_fts MATCH ? LIMIT 50')
      .pluck();
    this.figuresOf = db.prepare(`SELECT claim_rowid AS rowid, subject, metric, value, value_high AS valueHigh, unit,
      normalized_value AS normalized, raw FROM figures WHERE claim_rowid IN (SELECT value FROM json_each(?)) ORDER BY claim_rowid, ordinal`);
    this.byIds = db.prepare(
      `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE}`,
    );
  }

  /**
   * How many claims contain a term (FTS doclist count), cached until the index changes. Lets ask()
   * search with the selective words of a question instead of scoring half the corpus for a common one.
   */
  documentFrequency(term: string): number {
    this.checkGeneration();
    let n = this.dfCache.get(term);
    if (n === undefined) {
      n = (this.docFreq.get(`"${term}"`) as { n: number }).n;
      if (this.dfCache.size > 20_000) this.dfCache.clear();
      this.dfCache.set(term, n);
    }
    return n;
  }

  /**
   * Whether any claim names this ("actix-web", "c++", "3.13"): the words as an FTS phrase, and for a name
   * with symbols also the name itself in the text (FTS drops the "++"). Cached like documentFrequency.
   */
  mentions(form: string): boolean {
    this.checkGeneration();
    let hit = this.mentionCache.get(form);
    if (hit === undefined) {
      const words = tokens(form);
      const texts = words.length ? (this.phrase.all(`"${words.join(' ')}"`) as string[]) : [];
      hit = /^[\p{L}\p{N} ]+$/u.test(form) ? texts.length > 0 : texts.some((t) => t.toLowerCase().includes(form));
      if (this.mentionCache.size > 5_000) this.mentionCache.clear();
      this.mentionCache.set(form, hit);
    }
    return hit;
  }

  /** Every document's id, title, short label, site and author: what a question may call it by. */
  documentNames(): DocumentNames[] {
    this.checkGeneration();
    this.namesCached ??= this.docNames.all() as DocumentNames[];
    return this.namesCached;
  }

  /** Index terms (stems) from `prefix` up to the next prefix, with how many claims hold each (spelling.ts). */
  termsStartingWith(prefix: string): [string, number][] {
    const next = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
    return this.termRange.all(prefix, next) as [string, number][];
  }

  /** How a claim this store sees writes the word whose stem is `term`; undefined when none holds it. */
  surfaceOf(term: string, stemOf: (w: string) => string): string | undefined {
    // The text column only: a term may come from a claim's section or topic ids, which no claim writes out.
    const text = this.visibleWith.get({ match: `text : "${term}"`, scope: this.visible.scope }) as string | undefined;
    return text === undefined ? undefined : tokens(text).find((w) => stemOf(w) === term);
  }

  /** Claims in the index (for IDF), cached like documentFrequency. */
  claimTotal(): number {
    this.checkGeneration();
    this.claimsCached ??= this.countClaims.get() as number;
    return this.claimsCached;
  }

  /**
   * The index version is read once per synchronous run (an ask weighs every word of a question through
   * the caches below), then again after the next microtask, when the index may have changed.
   */
  private checkGeneration(): void {
    if (this.generationRead) return;
    this.generationRead = true;
    queueMicrotask(() => {
      this.generationRead = false;
    });
    const generation = (this.indexVersion.get() as string | undefined) ?? '';
    if (generation !== this.dfGeneration) {
      this.dfCache.clear();
      this.mentionCache.clear();
      this.namesCached = undefined;
      this.claimsCached = undefined;
      this.dfGeneration = generation;
    }
  }

  searchClaims(match: string, limit: number): StoredClaim[] {
    return this.hydrate(this.search.all(match, limit, this.visible) as ClaimRow[]);
  }

  /** Matches without bm25, newest first: for words so common that ranking them all would be slow and meaningless. */
  anyClaims(match: string, limit: number): StoredClaim[] {
    return this.hydrate(this.searchUnranked.all(match, limit, this.visible) as ClaimRow[]);
  }

  claimsForTopic(topic: string, limit: number): StoredClaim[] {
    return this.hydrate(this.byTopic.all(topic, limit, this.visible) as ClaimRow[]);
  }

  /** Claims carrying any of these metric keys or stance issues, across all documents (for disagreements). */
  contested(metricKeys: string[], stanceIssues: string[]): StoredClaim[] {
    const rows = new Map<number, ClaimRow>();
    for (const key of metricKeys)
      for (const r of this.byMetric.all(key, this.visible) as ClaimRow[]) rows.set(r.rowid, r);
    // stance is "issue:position": the rows of one issue are the index range ["issue:", "issue;").
    for (const issue of stanceIssues)
      for (const r of this.byStance.all(`${issue}:`, `${issue};`, this.visible) as ClaimRow[]) rows.set(r.rowid, r);
    return this.hydrate([...rows.values()]);
  }

  claimsByIds(ids: string[]): StoredClaim[] {
    return this.hydrate(this.byIds.all(JSON.stringify(ids), this.visible) as ClaimRow[]);
  }

  /**
   * The same index as one workspace sees it (see VISIBLE): '' for the knowledge folder only. Kept per scope,
   * so its statements are prepared once; term frequencies stay index-wide (they only weigh words).
   */
  visibleTo(scope: string): AnswersStore {
    if (scope === this.visible.scope) return this;
    let store = this.scoped.get(scope);
    if (!store) {
      if (this.scoped.size >= 200) this.scoped.clear();
      store = new AnswersStore(this.db, scope);
      this.scoped.set(scope, store);
    }
    return store;
  }

  private hydrate(rows: ClaimRow[]): StoredClaim[] {
    if (rows.length === 0) return [];
    const figures = new Map<number, FigureView[]>();
    for (const f of this.figuresOf.all(JSON.stringify(rows.map((r) => r.rowid))) as (FigureView & {
      rowid: number;
      valueHigh: number | null;
    })[]) {
      const { rowid, ...view } = f;
      if (!figures.has(rowid)) figures.set(rowid, []);
      figures.get(rowid)!.push({ ...view, valueHigh: view.valueHigh ?? undefined });
    }
    return rows.map((r) => ({
      rowid: r.rowid,
      id: r.id,
      text: r.text,
      side: r.side,
      favors: r.favors,
      derived: r.derived === 1,
      kind: r.kind,
      topics: JSON.parse(r.topics) as string[],
      figures: figures.get(r.rowid) ?? [],
      citation: {
        documentId: r.document_id,
        title: r.short ?? shortTitle(r.title),
        fullTitle: r.title,
        section: shortSection(r.section),
        url: r.url ?? undefined,
      },
      metricKey: r.metric_key ?? undefined,
      stance: r.stance ?? undefined,
      path: r.path,
      rank: r.rank,
    }));
  }
}

/** A title clipped at a word boundary, for documents without a `short:` label. */
export function shortTitle(title: string, max = 32): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 12))}…`;
}

/** The section a citation names: at most its last two headings ("Performance comparison › HTTP server benchmarks"). */
export function shortSection(section: string): string {
  return section.split(' › ').slice(-2).join(' › ');
}
