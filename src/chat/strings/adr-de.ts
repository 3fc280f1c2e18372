import { md } from '../rich.js';
import type { adrEn } from './adr-en.js';

/** Decision records in German (our own translation). */
export const adrDe: typeof adrEn = {
  exportButton: '📝 Entscheidungseintrag exportieren',
  useTitle: (option) => `${option} für dieses Backend verwenden`,
  splitTitle: 'Dieses Backend zwischen Go und Python aufteilen',
  undecidedTitle: 'Go oder Python für dieses Backend: noch nicht entschieden',
  status: { proposed: 'vorgeschlagen', accepted: 'angenommen' },
  statusField: 'Stand',
  decidersField: 'Entschieden von',
  dateField: 'Datum',
  record: (id, revision) => `Eintrag: ${id}, Revision ${revision}`,
  contextHeading: 'Kontext und Fragestellung',
  question: 'Soll dieses Backend in Go oder in Python geschrieben werden?',
  walkOrigin: (mode, id, refined) =>
    `Der ${mode === 'channel' ? 'Channel' : 'Solo'}-Durchgang ${id} durch die Entscheidungsmatrix (\`/versus matrix\`)${refined ? ' hat ein Urteil verfeinert: Aus der Situation gelesene Antworten zählen, wo im Durchgang niemand geantwortet hat' : ''}.`,
  verdictOrigin:
    'Versus hat die Antworten unten aus der Situation gelesen, die das Team beschrieben hat (`/versus verdict`).',
  factor: 'Faktor',
  answer: 'Antwort',
  total: 'Gesamt',
  source: {
    answered: 'im Durchgang beantwortet',
    read: 'aus der Situation gelesen',
    open: 'offen',
    off: 'abgeschaltet',
    skipped: 'übersprungen',
  },
  driversHeading: 'Entscheidungstreiber',
  weightsChanged: (list) =>
    `Gewichte in diesem Channel geändert: ${list}. Für den Rest gelten die Gewichte der Quellen.`,
  weightChange: (factorId, label, by, day) => `${factorId} ${label} von ${by} am ${day}`,
  sourcesWeight: 'das Gewicht der Quellen',
  channelWeight: (label) => `Gewicht ${label} in diesem Channel`,
  from: (quote) => `, aus „${quote}“`,
  yesNoWeights: (yes, no) => `Ja: ${yes}; Nein: ${no}`,
  importanceWeights: (at5) => `bei Wichtigkeit 5: ${at5}, keins bei 1`,
  nothing: 'nichts',
  noPull: 'kein Zug',
  claim: (id) => `(Aussage \`${id}\`)`,
  notCounted: (list) => `Nicht gezählt: ${list}.`,
  optionsHeading: 'Betrachtete Optionen',
  splitOption:
    'Aufteilen: Go für die Teile, die seine Stärken brauchen, Python für den Rest (die Mischform, die die Quellen beschreiben)',
  outcomeHeading: 'Entscheidung',
  chosen: (option, by, verdict) =>
    `Gewählte Option: „${option}“, weil ${by ? `die entscheidenden Faktoren ${by} sind` : 'die Antworten in diese Richtung gehen'}. ${verdict}`,
  noneChosen: (verdict) => `Noch ist keine Option gewählt: ${verdict}`,
  consequencesHeading: 'Folgen',
  good: (title, pull) => `Gut, weil es zu *${title}* passt (${pull}).`,
  bad: (title, pull) => `Schlecht, weil *${title}* in die andere Richtung zieht (${pull}).`,
  neutral: (n, list) => `Neutral, weil ${n} Faktor(en) noch offen sind: ${list}.`,
  sentimentHeading: 'Stimmung im Team',
  sentiment: (poll, question, started, closed, votes, total) =>
    `Team-Umfrage ${poll} in diesem Channel („${question}“, gestartet ${started}, ${closed ? `geschlossen ${closed}` : 'noch offen'}): ${votes} (${total} ${total === 1 ? 'Stimme' : 'Stimmen'}).`,
  revisionsHeading: 'Revisionen',
  revision: (n, day, by, first) => `Revision ${n}, ${day}, von ${by}${first ? ': erster Export.' : ':'}`,
  footer:
    'Von Versus aus den indexierten Quellen geschrieben; jede Aussage oben verlinkt ihre Quelle und die ID der Aussage.',
  weightChanged: (title, before, after) => `${title}, Gewicht: ${before} → ${after}`,
  verdictUnchanged: (headline) => `Urteil unverändert: ${headline}`,
  verdictChanged: (before, after) => `Urteil: ${before} → ${after}`,
  replyTitle: 'Entscheidungseintrag',
  what: (id, revision, unchanged) =>
    unchanged
      ? `Seit Revision ${revision} hat sich nichts geändert: ${id} erneut exportiert`
      : revision === 1
        ? `Entscheidungseintrag ${id} exportiert`
        : `Revision ${revision} des Entscheidungseintrags ${id} exportiert`,
  delivered: (what, at, changed) =>
    md`📝 ${what}${at ? md`: ${at.file} in ${at.channel}` : ''}.${changed ? md`\nWas sich geändert hat: ${changed}.` : ''}`,
  uploadFailed: (filename) =>
    `Der Entscheidungseintrag konnte gerade nicht hochgeladen werden (${filename}). Versuch Exportieren gleich noch einmal.`,
  noWalk: (id) => `Hier gibt es keinen Durchgang ${id}.`,
  notFinished: (id, status) =>
    `Durchgang ${id} ist ${status}: Ein Entscheidungseintrag wird geschrieben, sobald er abgeschlossen ist.`,
};
