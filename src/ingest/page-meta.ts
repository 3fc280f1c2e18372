/** What a document says about itself: from HTML meta tags, PDF info, Markdown front matter or a file name. */
export interface PageMeta {
  title?: string | undefined;
  author?: string | undefined;
  /** YYYY-MM-DD when known. */
  published?: string | undefined;
  site?: string | undefined;
  url?: string | undefined;
}
