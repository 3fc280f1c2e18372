import { SECTION_SEPARATOR } from './markdown.js';
import { headingText, titleCase } from './plain-lines.js';

/**
 * Heading levels, as far as flattened text shows them: numbered or emoji-led headings start a part and
 * lettered ones ("B. Blazing-Fast Performance") sit under it; a heading right under another is its child.
 * A Title Case heading ("Where Go Wins") starts a part too, and sentence-case ones ("The memory
 * difference") sit under it: pages style their top headings so and the ones below in sentence case.
 * Otherwise a heading stands alone: without markup, where a part ends cannot be known.
 */
export class Sections {
  private path: string[] = [];
  private part: string | undefined;
  /** The last Title Case heading outside numbered parts: sentence-case headings after it are its children. */
  private titled: string | undefined;
  private afterHeading = false;

  constructor(private readonly title: string) {}

  heading(line: string): void {
    const text = headingText(line);
    if (/^(?:\d{1,2}[.)]|\p{Extended_Pictographic})/u.test(line)) {
      this.part = text;
      this.path = [text];
    } else if (/^[A-H][.)]\s/.test(line) && this.part) this.path = [this.part, text];
    // A heading right under another, or one that introduces a list ("Use Cases:"), belongs to the one before.
    else if (this.afterHeading || /:$/.test(text)) this.path = [...this.path.slice(-1), text];
    else if (this.titled && !titleCase(text)) this.path = [this.titled, text];
    else {
      this.part = undefined;
      this.path = [text];
    }
    if (!this.part) this.titled = titleCase(text) ? text : this.titled;
    this.afterHeading = true;
  }

  content(): void {
    this.afterHeading = false;
  }

  /** The innermost heading in view, or the title before any. */
  get last(): string {
    return this.path.at(-1) ?? this.title;
  }

  get current(): string {
    return this.path.join(SECTION_SEPARATOR) || '(introduction)';
  }
}
