import type { Platform } from '../context.js';
import { md, type Rich, type RichText, type Span } from '../rich.js';

/** How a command, a button or a question is written wrong, and who may do what: shared by every feature. */
export const usageEn = {
  /** Who counts as an admin, in each platform's words. */
  admin: {
    slack: 'a workspace admin',
    discord: 'a server admin (Manage Messages or Manage Server)',
    console: 'an admin',
  } as Readonly<Record<Platform, string>>,
  unknownCommand: (word: string, hint: Rich): RichText =>
    md`I don't know the command “${word}”.${hint} Try \`/versus help\`.`,
  didYouMean: (name: string): Rich => md` Did you mean \`/versus ${name}\`?`,
  /** Quotes in the example are shown literally. */
  unclosedQuote: (near: string) =>
    `A quote is not closed near “${near}”. Put each phrase in its own pair of quotes, e.g. "Tabs or spaces?" "Tabs" "Spaces".`,
  noArguments: (name: string): RichText => md`\`/versus ${name}\` takes no arguments.`,
  buttonForeign: 'This button is from another version of Versus. Run the command again.',
  buttonInvalid: 'That button could not be understood. Run the command again.',
  questionTooLong: 'That question is too long (over 12,000 characters). Ask something shorter.',
  /** Zod messages (markup). */
  askEmpty: 'Ask a question, e.g. `/versus ask how much memory does a goroutine start with?`',
  compareEmpty: 'Name a topic, e.g. `/versus compare concurrency`.',
  compareTooLong: 'A topic is a word or two, e.g. `/versus compare performance`.',
  busyTitle: 'Busy',
  busy: 'Versus is busy — ask again in a moment.',
  pickChannel: 'Pick a channel.',
  tooOldToShare: 'That answer is too old to share. Ask again.',
  tooOldToPage: 'That answer is too old to page. Ask again.',
  alreadyShared: 'You already shared this answer with the channel.',
  youShared: 'You shared this with the channel.',
  sharedBy: (who: Span): RichText => md`Shared by ${who}`,
};
