import { code, md } from '../rich.js';
import type { verdictEn } from './verdict-en.js';

/** `/versus verdict` in German (our own translation). */
export const verdictDe: typeof verdictEn = {
  title: (headline) => `🧭 Urteil: ${headline}`,
  direction: {
    split: 'einer Aufteilung',
    'toss-up': 'einem Unentschieden',
    'no-signal': 'keinem Urteil',
  },
  or: 'oder',
  /** Dative, as every sentence below uses it ("Antworten zu den 3 offenen Faktoren"). */
  openFactors: (n) => (n === 1 ? 'dem offenen Faktor' : `den ${n} offenen Faktoren`),
  nothingOpen: 'Nichts ist offen: Das ist das Urteil für diese Antworten.',
  firm: (factors) => `Fest: Keine Antwort zu ${factors} würde die Richtung ändern.`,
  notSettled: (factors, can) => `Nicht entschieden: Antworten zu ${factors} könnten es noch zu ${can} bewegen.`,
  could: (factors, can, cannot) => `Antworten zu ${factors} könnten es zu ${can} bewegen, aber nicht zu ${cannot}.`,
  score: (go, python, read, total) =>
    `Punkte: Go ${go} · Python ${python}, aus den ${read} von ${total} Faktoren, die aus deiner Situation gelesen wurden. Entschieden durch:`,
  youSaid: (quote) => ` — du hast gesagt „${quote}“`,
  readHeading: 'Aus deinen Worten gelesen',
  readLine: (title, value, quote) => md`• ${title}: *${value}* — „${quote}“`,
  leftOpen: (n, list, confidence) => `Offen (${n}): ${list || 'keine'}. ${confidence}`,
  readWrong:
    'Falsch gelesen? Schreib es in die Situation und frag noch einmal. Verfeinern beantwortet die offenen Faktoren in einem Durchgang; Entscheidungseintrag exportieren schreibt es als ADR auf.',
  nothingReadTitle: 'Kein Faktor gefunden',
  nothingRead: (situation) =>
    md`Aus „${situation}“ konnte ich keinen Faktor der Matrix lesen. Sag, was das Backend tut und worauf es ankommt, z. B. ${code('/versus verdict four of us, a B2B CRUD SaaS, some pandas, no real-time needs, MVP by spring')}, oder geh alle Fragen mit ${code('/versus matrix')} durch.`,
  gone: () =>
    md`Dieses Urteil ist zu alt oder nicht aus diesem Channel. Frag noch einmal mit ${code('/versus verdict <your situation>')}.`,
  refineChannel: '🧭 Mit dem Channel verfeinern',
  refine: '🧭 Verfeinern',
  describe: () =>
    md`Beschreib deine Situation, z. B. ${code('/versus verdict four of us, a CRUD SaaS, MVP by spring')}.`,
  tooLong: 'Eine Situation ist ein, zwei Sätze: höchstens 2.000 Zeichen.',
  notAvailable: () => md`${code('/versus verdict')} gibt es in diesem Versus noch nicht.`,
};
