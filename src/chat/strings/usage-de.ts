import { md } from '../rich.js';
import type { usageEn } from './usage-en.js';

/** Falsch geschriebene Befehle, Buttons und Fragen, und wer was darf, auf Deutsch. */
export const usageDe: typeof usageEn = {
  admin: {
    slack: 'ein Workspace-Admin',
    discord: 'ein Server-Admin (Nachrichten verwalten oder Server verwalten)',
    console: 'ein Admin',
  },
  unknownCommand: (word, hint) => md`Den Befehl „${word}“ kenne ich nicht.${hint} Versuch \`/versus help\`.`,
  didYouMean: (name) => md` Meintest du \`/versus ${name}\`?`,
  unclosedQuote: (near) =>
    `Bei „${near}“ ist ein Anführungszeichen nicht geschlossen. Setz jede Wendung in ihr eigenes Paar Anführungszeichen, z. B. "Tabs oder Leerzeichen?" "Tabs" "Leerzeichen".`,
  noArguments: (name) => md`\`/versus ${name}\` nimmt keine Argumente.`,
  buttonForeign: 'Dieser Button stammt aus einer anderen Version von Versus. Führ den Befehl noch einmal aus.',
  buttonInvalid: 'Diesen Button habe ich nicht verstanden. Führ den Befehl noch einmal aus.',
  questionTooLong: 'Diese Frage ist zu lang (über 12.000 Zeichen). Frag etwas Kürzeres.',
  askEmpty: 'Stell eine Frage, z. B. `/versus ask how much memory does a goroutine start with?`',
  compareEmpty: 'Nenn ein Thema, z. B. `/versus compare concurrency`.',
  compareTooLong: 'Ein Thema ist ein, zwei Wörter, z. B. `/versus compare performance`.',
  busyTitle: 'Ausgelastet',
  busy: 'Versus ist gerade ausgelastet — frag gleich noch einmal.',
  pickChannel: 'Wähl einen Channel.',
  tooOldToShare: 'Diese Antwort ist zu alt zum Teilen. Frag noch einmal.',
  tooOldToPage: 'Diese Antwort ist zu alt zum Weiterblättern. Frag noch einmal.',
  alreadyShared: 'Du hast diese Antwort schon im Channel geteilt.',
  youShared: 'Du hast das im Channel geteilt.',
  sharedBy: (who) => md`Geteilt von ${who}`,
};
