import { isFragment, readAlone } from './coreference.js';
import type { SideOf } from './flat-tables.js';
import { isTableOfContents, leadInOf, splitItems, withLead } from './list-items.js';
import { headingText, isChrome, LINK_LIST_HEADING } from './plain-lines.js';
import type { Sections } from './plain-sections.js';
import { sentences } from './sentences.js';
import type { LeadItem } from './side-evidence.js';
import type { RawClaim } from './types.js';

/** A lead-in that only points at what follows. */
const POINTER = /^(?:here[’']s|here (?:is|are)|the following|below)\b/i;

/** A heading that says when to pick a side: "When to Build in Go From the Start", "Use Python for". */
const CHOICE_HEADING = /\b(?:when to|choose|pick|use|build in|go with)\b/i;

/** A heading that states a setting with its figures: "Load test: 5,000 clients, one JSON route". */
const isCaption = (text: string) => /^[^:]{3,40}:\s.*\d/.test(text) && text.split(/\s+/).length >= 4;

/**
 * Turns the prose lines of a flattened page into claims that read alone: paragraphs into sentences
 * (merged where one leans on another, see coreference.ts), list items with the lead-in that introduced
 * them (list-items.ts), lead-in sentences joined to what they introduce. plaintext.ts decides what each
 * line is; this keeps what the paragraphs in view need to know of each other.
 */
export class ProseWriter {
  readonly claims: RawClaim[] = [];
  /** Items that carry a lead-in: side-evidence.ts may move one whose lead-in the page lost. */
  readonly leadItems: LeadItem[] = [];
  /** Inside a list of links ("Related Articles") until the next heading. */
  skipping = false;
  private paragraph: string[] = [];
  private listItem = false;
  /** What introduced the list in view ("Python still wins for"). */
  private lead: string | undefined;
  /** The claim that is the lead-in sentence itself: dropped or joined once what it introduces comes. */
  private leadClaim: RawClaim | undefined;
  /** The claims captions over code made, while nothing has followed them but code. */
  private readonly captionRun: RawClaim[] = [];
  /** Caption claims another language's caption has joined. */
  private readonly paired = new WeakSet<RawClaim>();
  /** The language the numbered point in view is about, if one: its paragraphs' claims that name none are about it. */
  private pointSide: 'go' | 'python' | undefined;

  constructor(
    private readonly sections: Sections,
    private readonly sideOf: SideOf = () => 'both',
  ) {}

  /** The innermost heading in view, without its numbering. */
  get headingInView(): string {
    return headingText(this.sections.last);
  }

  get atParagraphStart(): boolean {
    return this.paragraph.length === 0;
  }

  add = (text: string, cells?: RawClaim['cells']): void => {
    this.sections.content();
    this.claims.push({ section: this.sections.current, text, tags: {}, cells, about: this.pointSide });
  };

  /** A line of prose; `ends` when it ends its paragraph. */
  line(line: string, ends: boolean): void {
    this.paragraph.push(line);
    if (ends) this.flush();
  }

  /** A list item ("- Data pipelines"); `continues` when its text goes on in the next line. */
  item(line: string, continues: boolean): void {
    this.flush();
    this.listItem = true;
    this.paragraph.push(line.replace(/^[-*]\s+/, ''));
    if (!continues) this.flush();
  }

  /** Code or a table follows: no lead-in reaches past it. */
  endOfProse(): void {
    this.flush();
    this.lead = undefined;
    this.leadClaim = undefined;
  }

  /**
   * A caption over one language's code ("Python: Retries with a decorator"). The other language's caption
   * over the code that follows, under the same heading, makes it a comparison, as a table row would.
   */
  caption(text: string, alone = false): void {
    // The captions in a row (only code between them): one joins the first of another language's under this heading,
    // or under the heading before when this one only names its language ("Python: Flask", then "Go: Chi").
    const run = this.captionRun;
    if (run.at(-1) !== this.claims.at(-1)) run.length = 0;
    const side = this.sideOf(text);
    const near = (c: RawClaim) => c.section === this.sections.current || this.sideOf(this.headingInView) === side;
    const sides = (c: RawClaim) => [this.sideOf(c.text), side];
    const partner = alone
      ? undefined
      : run.find((c) => !this.paired.has(c) && near(c) && !sides(c).includes('both') && sides(c)[0] !== side);
    if (partner) {
      partner.text = `${partner.text}; ${text}`;
      this.paired.add(partner);
      return;
    }
    this.add(text);
    if (alone) run.length = 0;
    else run.push(this.claims.at(-1)!);
  }

  /**
   * A numbered point ("2. Go stays dull on purpose."): a claim of its own, and what the
   * paragraphs after it explain, so one of them that names no language ("This means: reviews go faster") is about
   * the language the point names.
   */
  point(text: string): void {
    this.endOfProse();
    const side = this.sideOf(text);
    this.pointSide = side === 'both' ? undefined : side;
    this.line(text, true);
  }

  heading(line: string): void {
    this.flush();
    this.pointSide = undefined;
    // A heading that names no language starts another subject: no caption before it pairs with one after.
    if (this.sideOf(headingText(line)) === 'both') this.captionRun.length = 0;
    const text = headingText(line);
    this.skipping = LINK_LIST_HEADING.test(text);
    this.sections.heading(line);
    this.lead = leadInOf(text);
    // A pointer ("Here's why I pick it:") over subsections says nothing of its own.
    if (this.leadClaim && this.leadClaim === this.claims.at(-1) && POINTER.test(this.leadClaim.text)) this.claims.pop();
    this.leadClaim = undefined;
    // A heading that states a measurement's setting ("Load test: 5,000 clients, one JSON route") is a claim too.
    if (isCaption(text)) this.add(text);
  }

  flush(): void {
    const text = this.paragraph.join(' ').replace(/\s+/g, ' ').trim();
    const item = this.listItem;
    this.paragraph = [];
    this.listItem = false;
    if (!text || this.skipping) return;
    if (item) this.items(text);
    else this.sentences(sentences(text).filter((s) => !isChrome(s)));
  }

  /**
   * A paragraph that opens with a label ("Real-time infrastructure.") under a heading saying when to pick one
   * side is one of that heading's cases: the heading leads it, as a lead-in leads a list item. Else undefined.
   */
  private choiceLabel(first: string | undefined): string | undefined {
    const heading = headingText(this.sections.last);
    if (this.lead || !first || !isFragment(first, 8) || !CHOICE_HEADING.test(heading)) return undefined;
    return this.sideOf(heading) === 'both' ? undefined : heading.replace(/:$/, '');
  }

  private items(text: string): void {
    const lead = this.lead;
    if (lead && isTableOfContents(lead)) return;
    const items = splitItems(text).filter((t) => /\p{L}{3}/u.test(t) && !isChrome(t) && (lead || t.length >= 12));
    // The lead-in ("When we deploy, we ship:") says nothing alone once its items carry it.
    if (this.leadClaim && items.length) this.claims.splice(this.claims.indexOf(this.leadClaim), 1);
    this.leadClaim = undefined;
    for (const item of items) {
      const text = withLead(lead, item);
      this.add(text);
      if (lead && text !== item) this.leadItems.push({ claim: this.claims.at(-1)!, lead, item });
    }
  }

  private sentences(kept: string[]): void {
    const { claims, sections } = this;
    // A lead-in sentence followed by prose ("Here's the one line to remember:") reads with what it introduces.
    const lead = this.leadClaim;
    if (lead && lead === claims.at(-1) && lead.section === sections.current && kept.length) {
      claims.pop();
      kept[0] = `${lead.text} ${kept[0]}`;
    }
    const last = claims.at(-1);
    const previous = last && !last.cells && last.section === sections.current ? last : undefined;
    this.lead = leadInOf(kept.at(-1));
    const { appendToPrevious, claims: texts } = readAlone(kept, previous?.text, (t) => this.sideOf(t) !== 'both');
    if (previous && appendToPrevious) previous.text = `${previous.text} ${appendToPrevious}`;
    // Fragments of flattened tables and UI text ("3 min read") are kept only when they carry letters and some length.
    // A short lead-in ("I often combine both:", "Here's why:") says nothing until what it introduces.
    const leadIn = (t: string) => /:$/.test(t) && t.split(/\s+/).length < 7;
    const label = this.choiceLabel(kept[0]);
    if (label && texts[0]?.startsWith(kept[0]!)) texts[0] = `${label}: ${texts[0]}`;
    for (const t of texts) if (t.length >= 12 && /\p{L}{3}/u.test(t) && !leadIn(t)) this.add(t);
    this.leadClaim = this.lead !== undefined && claims.at(-1)?.text === kept.at(-1) ? claims.at(-1) : undefined;
  }
}
