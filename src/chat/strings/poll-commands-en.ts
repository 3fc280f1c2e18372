import { md, type RichText, type Span } from '../rich.js';

/**
 * `/versus poll`'s own words beyond the poll message (strings-en `polls`): its usage and validation errors
 * (command and form alike), the form, and the replies to create, close and export. A new poll's question
 * and options are written in the language of the place it is posted in, and stay so.
 */
export const pollCommandsEn = {
  teamQuestion: 'Team Go vs Team Python: which for our backend?',
  /** The Team poll's third option, after 🐹 Go and 🐍 Python. */
  itDepends: '🤝 It depends',
  /** Zod messages (markup). */
  idShape: 'Poll ids look like `p3k9x2`: copy it from the poll message.',
  optionEmpty: 'An option cannot be empty.',
  optionTooLong: 'Keep each option under 75 characters.',
  questionTooShort: 'The question is too short.',
  questionTooLong: 'Keep the question under 250 characters.',
  unknownFlag: (flag: string): RichText => md`Unknown flag \`${flag}\`. Use \`public\`, \`anonymous\` or \`for 2h\`.`,
  optionCount: (min: number, max: number, given: number): RichText =>
    md`A custom poll needs ${min} to ${max} options; you gave ${given}. Example: \`/versus poll "Which for billing?" "Go" "Python"\`. Or run \`/versus poll\` alone for Team Go vs Team Python.`,
  sameOptions: 'Two options are the same; make each option different.',
  notADuration: (text: string): RichText =>
    md`“${text}” is not a duration. Write it like \`30m\`, \`2h\` or \`3d\` (at most 30d).`,
  atLeastAMinute: 'A poll must run for at least 1 minute.',
  atMost30Days: (): RichText => md`A poll can run for at most 30 days (\`30d\`).`,
  form: {
    title: 'New poll',
    submit: 'Post poll',
    question: 'Question',
    questionPlaceholder: 'Which language for the billing service?',
    options: 'Options',
    optionsHint: (min: number, max: number) => `One per line, ${min} to ${max}.`,
    public: 'List who voted for what (otherwise anonymous)',
    duration: 'Open for',
    durationPlaceholder: '24h (30m, 2h, 3d; at most 30d)',
    byCommand: (): RichText =>
      md`Here, write the poll as a command: \`/versus poll "Which for billing?" "Go" "Python" public for 2h\`.`,
  },
  notHere: 'Polls cannot be posted from here.',
  postFailed: 'I could not post the poll in this channel. Invite me to it first, then try again.',
  posted: (id: string, hours: number): RichText =>
    md`Poll ${id} is up; it closes in ${hours} h. Close it early with \`/versus poll close ${id}\`.`,
  noSuchPoll: (id: string): RichText => md`There is no poll ${id} here.`,
  alreadyClosed: (id: string): RichText => md`Poll ${id} is already closed.`,
  onlyOwner: (admin: string): RichText => md`Only the person who started this poll or ${admin} can close it.`,
  closed: (id: string): RichText => md`Poll ${id} is closed.`,
  noExports: 'Exports are not available on this platform.',
  exported: (id: string, file: Span | string, where: Span | string, anonymous: boolean): RichText =>
    md`Exported the votes of poll ${id}${anonymous ? ' (anonymous: no voter ids)' : ''}: ${file} in ${where}`,
};
