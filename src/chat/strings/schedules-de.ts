import { md } from '../rich.js';
import type { schedulesEn } from './schedules-en.js';

/** `/versus schedule` auf Deutsch; die Zeitangaben (`every monday at 10:00`, Cron) tippt man wie im Englischen. */
export const schedulesDe: typeof schedulesEn = {
  subcommands:
    '`/versus schedule` kennt `add <wann>`, `list` und `remove <id>`. Beispiel: `/versus schedule add every monday at 10:00 --tz Europe/Berlin`.',
  idShape: 'Zeitplan-IDs sehen aus wie `s3k9x2`: `/versus schedule list` zeigt sie.',
  unknownZone: (tz) =>
    md`Die Zeitzone „${tz}“ kenne ich nicht. Nimm einen IANA-Namen wie \`Europe/Berlin\`, \`America/New_York\` oder \`UTC\`.`,
  unknownFlag: (flag) => md`Unbekannte Option \`${flag}\`; nimm \`--tz Zone\` oder \`--duration 24h\`.`,
  sayWhenAdd: (formats) =>
    md`Sag, wann, z. B. \`/versus schedule add every monday at 10:00 --tz Europe/Berlin\`. Formate: ${formats}.`,
  whenExamples: () =>
    md`\`every monday at 10:00\`, \`weekdays 9:30\`, \`every 2 weeks on friday 16:00\`, \`daily at 9am\` oder Cron wie \`0 10 * * 1\``,
  sayWhen: (formats) => md`Sag, wann, z. B. ${formats}.`,
  cronFields: (input, fields) =>
    md`Ein Cron-Ausdruck hat hier genau 5 Felder (Minute Stunde Tag-im-Monat Monat Wochentag); „${input}“ hat ${fields}. Beispiel: \`0 10 * * 1\` ist montags um 10:00.`,
  cronInvalid: (why) => md`Dieser Cron-Ausdruck ist ungültig: ${why}. Beispiel: \`0 10 * * 1\`.`,
  addTime: (formats) => md`Gib eine Uhrzeit an, z. B. ${formats}.`,
  notATime: (text) => md`${text} ist keine Uhrzeit. Schreib sie als \`16:30\` oder \`4:30pm\`.`,
  everyWeeks: 'Wiederhole alle 1 bis 8 Wochen.',
  whichDay: (formats) => md`An welchem Tag? Z. B. ${formats}.`,
  tooOften: (when, gap) =>
    md`„${when}“ würde alle ${gap} eine Umfrage posten; Streitfragen-Umfragen gibt es höchstens einmal pro Stunde. Versuch \`every monday at 10:00\` oder \`0 10 * * 1-5\`.`,
  tooMany: (n) =>
    md`Dieser Channel hat schon ${n} Zeitpläne für Streitfragen, mehr geht nicht. Zeig sie mit \`/versus schedule list\` an und entferne erst einen mit \`/versus schedule remove <id>\`.`,
  scheduledTitle: '🗓️ Streitfrage-Umfrage geplant',
  scheduled: (line, id) =>
    md`${line}\nJede Umfrage stellt ein Thema zur Debatte, bei dem sich die Quellen uneinig sind, mit einer belegten Aussage für jede Seite. Entfernen mit \`/versus schedule remove ${id}\`.`,
  none: () =>
    md`In diesem Channel sind keine Streitfrage-Umfragen geplant. Leg eine an mit \`/versus schedule add every monday at 10:00\`.`,
  listTitle: 'Geplante Streitfrage-Umfragen',
  lasting: (lasts, next) => `Umfragen laufen ${lasts}; nächste: ${next}`,
  dateLocale: 'de-DE',
  notInChannel: (id) => md`In diesem Channel gibt es keinen Zeitplan „${id}“. \`/versus schedule list\` zeigt die IDs.`,
  notYours: (id) =>
    md`Du hast hier keinen Zeitplan „${id}“. Die Zeitpläne anderer entfernen Admins mit \`/versus schedule remove <id>\` in deren Channel.`,
  onlyOwner: (admin) => md`Nur wer diesen Zeitplan angelegt hat oder ${admin} kann ihn entfernen.`,
  removed: (id) => md`Zeitplan ${id} entfernt.`,
  debateQuestion: (topic) => `Streitfrage: ${topic}. Team Go oder Team Python?`,
};
