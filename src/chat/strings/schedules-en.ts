import { md, type Rich, type RichText } from '../rich.js';

/**
 * `/versus schedule`: recurring debate polls. The phrases a user types (`every monday at 10:00`, cron) are
 * read in English in every locale, so examples of them stay as typed.
 */
export const schedulesEn = {
  /** Zod message (markup): a subcommand that is none of add, list, remove. */
  subcommands:
    '`/versus schedule` takes `add <when>`, `list` or `remove <id>`. Example: `/versus schedule add every monday at 10:00 --tz Europe/Berlin`.',
  /** Zod message (markup). */
  idShape: 'Schedule ids look like `s3k9x2`: `/versus schedule list` shows them.',
  unknownZone: (tz: string): RichText =>
    md`Unknown time zone “${tz}”. Use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\`.`,
  unknownFlag: (flag: string): RichText => md`Unknown flag \`${flag}\`; use \`--tz Zone\` or \`--duration 24h\`.`,
  sayWhenAdd: (formats: Rich): RichText =>
    md`Say when, e.g. \`/versus schedule add every monday at 10:00 --tz Europe/Berlin\`. Formats: ${formats}.`,
  /** The phrases `<when>` understands. */
  whenExamples: (): Rich =>
    md`\`every monday at 10:00\`, \`weekdays 9:30\`, \`every 2 weeks on friday 16:00\`, \`daily at 9am\`, or a cron like \`0 10 * * 1\``,
  sayWhen: (formats: Rich): RichText => md`Say when, e.g. ${formats}.`,
  cronFields: (input: string, fields: number): RichText =>
    md`A cron expression here has exactly 5 fields (minute hour day-of-month month day-of-week); “${input}” has ${fields}. Example: \`0 10 * * 1\` is Mondays at 10:00.`,
  /** `why` is the cron library's own explanation (English). */
  cronInvalid: (why: string): RichText => md`That cron expression is invalid: ${why}. Example: \`0 10 * * 1\`.`,
  addTime: (formats: Rich): RichText => md`Add a time, e.g. ${formats}.`,
  notATime: (text: string): RichText => md`${text} is not a time of day. Use 24-hour \`16:30\` or \`4:30pm\`.`,
  everyWeeks: 'Repeat every 1 to 8 weeks.',
  whichDay: (formats: Rich): RichText => md`Which day? e.g. ${formats}.`,
  tooOften: (when: string, gap: string): RichText =>
    md`“${when}” would post a poll every ${gap}; debate polls may run at most once an hour. Try \`every monday at 10:00\` or \`0 10 * * 1-5\`.`,
  tooMany: (n: number): RichText =>
    md`This channel already has ${n} debate-poll schedules, the most allowed. See them with \`/versus schedule list\` and remove one with \`/versus schedule remove <id>\` first.`,
  scheduledTitle: '🗓️ Debate poll scheduled',
  scheduled: (line: Rich, id: string): RichText =>
    md`${line}\nEach poll debates a topic where the sources disagree, with a cited claim for each side. Remove it with \`/versus schedule remove ${id}\`.`,
  none: (): RichText =>
    md`No debate polls are scheduled in this channel. Add one with \`/versus schedule add every monday at 10:00\`.`,
  listTitle: 'Scheduled debate polls',
  /** After a schedule's id, phrase and zone in a list: how long its polls run, and when the next is posted. */
  lasting: (lasts: string, next: string) => `polls last ${lasts}; next: ${next}`,
  /** How a schedule's next run is written (Intl.DateTimeFormat locale). */
  dateLocale: 'en-GB',
  notInChannel: (id: string): RichText =>
    md`There is no schedule “${id}” in this channel. \`/versus schedule list\` shows the ids.`,
  notYours: (id: string): RichText =>
    md`You have no schedule “${id}” here. Admins remove others' schedules with \`/versus schedule remove <id>\` in their channel.`,
  onlyOwner: (admin: string): RichText => md`Only the person who added this schedule or ${admin} can remove it.`,
  removed: (id: string): RichText => md`Schedule ${id} removed.`,
  /** The question of a scheduled debate poll; `topic` is the taxonomy's label. */
  debateQuestion: (topic: string) => `Debate: ${topic}. Team Go or Team Python?`,
};
