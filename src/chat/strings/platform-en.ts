/**
 * The words the platform adapters add around the core's replies: Slack's assistant pane, the "Add to
 * Versus sources" shortcut, a Discord failure apology, an expired page. The adapters get them through
 * VersusHandler.words(ctx), in the language of the place (its channel setting included).
 */
export const platformEn = {
  assistant: {
    /** Slack shows up to four suggested prompts in a new assistant thread. */
    title: 'Go or Python? Ask the sources',
    prompts: [
      { title: 'A figure from the sources', message: 'How much memory does a goroutine start with?' },
      { title: 'Compare a topic', message: 'compare concurrency' },
      {
        title: 'A verdict for your situation',
        message: 'Go or Python for us? Four of us, a B2B CRUD SaaS, some pandas, no real-time needs, MVP by spring',
      },
      { title: 'Start the decision matrix', message: 'matrix solo' },
    ] as readonly { title: string; message: string }[],
    searching: 'Searching the sources…',
  },
  addSource: {
    title: 'Sources',
    nothingToAdd:
      'That message has no link or file to add. Use the shortcut on a message with a link to an article, or an uploaded HTML, Markdown, text or PDF file.',
    fileUnavailable: 'Slack did not give me that file. Try again in a moment.',
  },
  /** A Discord interaction that failed after it was taken: said instead of "This interaction failed". */
  apology: 'Something went wrong on my side. Try again in a moment.',
  pagesGone: 'This answer is no longer in memory (it is old, or Versus restarted). Run the command again.',
  /** A form submit that cannot be honoured at all (old, forged, or opened by someone else). */
  formClosed: 'This form is no longer valid (it is old, or someone else opened it). Close it and open the form again.',
  /** The console marks a reply only its reader sees. */
  onlyYou: '(only you can see this)',
};
