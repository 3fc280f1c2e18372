import { md } from '../rich.js';
import type { pollCommandsEn } from './poll-commands-en.js';

/** `/versus poll` auf Deutsch: Fehler bei Befehl und Formular, das Formular, Antworten auf Anlegen, Schließen, Export. */
export const pollCommandsDe: typeof pollCommandsEn = {
  teamQuestion: 'Team Go oder Team Python: was nehmen wir fürs Backend?',
  itDepends: '🤝 Kommt drauf an',
  idShape: 'Umfrage-IDs sehen aus wie `p3k9x2`: kopier sie aus der Umfrage.',
  optionEmpty: 'Eine Option darf nicht leer sein.',
  optionTooLong: 'Jede Option muss unter 75 Zeichen bleiben.',
  questionTooShort: 'Die Frage ist zu kurz.',
  questionTooLong: 'Die Frage muss unter 250 Zeichen bleiben.',
  unknownFlag: (flag) => md`Unbekannte Option \`${flag}\`. Nimm \`public\`, \`anonymous\` oder \`for 2h\`.`,
  optionCount: (min, max, given) =>
    md`Eine eigene Umfrage braucht ${min} bis ${max} Optionen; du hast ${given} angegeben. Beispiel: \`/versus poll "Was nehmen wir für Billing?" "Go" "Python"\`. Oder nur \`/versus poll\` für Team Go gegen Team Python.`,
  sameOptions: 'Zwei Optionen sind gleich; jede Option muss anders sein.',
  notADuration: (text) => md`„${text}“ ist keine Dauer. Schreib sie als \`30m\`, \`2h\` oder \`3d\` (höchstens 30d).`,
  atLeastAMinute: 'Eine Umfrage muss mindestens 1 Minute laufen.',
  atMost30Days: () => md`Eine Umfrage läuft höchstens 30 Tage (\`30d\`).`,
  form: {
    title: 'Neue Umfrage',
    submit: 'Umfrage posten',
    question: 'Frage',
    questionPlaceholder: 'Welche Sprache für den Billing-Service?',
    options: 'Optionen',
    optionsHint: (min, max) => `Eine pro Zeile, ${min} bis ${max}.`,
    public: 'Anzeigen, wer wofür gestimmt hat (sonst anonym)',
    duration: 'Offen für',
    durationPlaceholder: '24h (30m, 2h, 3d; höchstens 30d)',
    byCommand: () =>
      md`Hier schreibst du die Umfrage als Befehl: \`/versus poll "Was nehmen wir für Billing?" "Go" "Python" public for 2h\`.`,
  },
  notHere: 'Von hier aus lassen sich keine Umfragen posten.',
  postFailed:
    'Ich konnte die Umfrage in diesem Channel nicht posten. Lade mich erst in den Channel ein und versuch es dann noch einmal.',
  posted: (id, hours) =>
    md`Umfrage ${id} läuft; sie endet in ${hours} h. Vorher schließen mit \`/versus poll close ${id}\`.`,
  noSuchPoll: (id) => md`Hier gibt es keine Umfrage ${id}.`,
  alreadyClosed: (id) => md`Umfrage ${id} ist schon geschlossen.`,
  onlyOwner: (admin) => md`Nur wer diese Umfrage gestartet hat oder ${admin} kann sie schließen.`,
  closed: (id) => md`Umfrage ${id} ist geschlossen.`,
  noExports: 'Exporte gibt es auf dieser Plattform nicht.',
  exported: (id, file, where, anonymous) =>
    md`Die Stimmen von Umfrage ${id} sind exportiert${anonymous ? ' (anonym: ohne Nutzer-IDs)' : ''}: ${file} in ${where}`,
};
