import { md } from '../rich.js';
import type { scorecardEn } from './scorecard-en.js';

/** Factor titles quoted, so a title reads as a name inside the sentence: „A“ und „B“. */
const joined = (names: string[]) => names.map((n) => `„${n}“`).join(' und ');

/** The scorecard and verdict words in German (our own translation). */
export const scorecardDe: typeof scorecardEn = {
  title: (headline) => `🧭 Auswertung — ${headline}`,
  score: 'Punkte',
  total: 'Gesamt',
  switchedOff: 'in diesem Channel abgeschaltet',
  readFrom: (value, quote) => `${value}, gelesen aus „${quote}“`,
  ofFive: (n) => `${n} von 5`,
  deciding: (list) => `Entscheidende Faktoren: ${list}`,
  verdictLine: (text) => md`*Urteil: ${text}*`,
  why: 'Warum: die Belege hinter den entscheidenden Faktoren',
  headline: {
    'strong-go': 'Klar Go',
    'lean-go': 'Eher Go',
    'toss-up': 'Unentschieden',
    'lean-python': 'Eher Python',
    'strong-python': 'Klar Python',
    split: 'Aufteilen',
    'no-signal': 'Kein Urteil',
  },
  verdict: {
    'no-signal': 'Kein Urteil: Jeder Schritt wurde übersprungen oder mit „weiß nicht“ beantwortet.',
    'strong-go': 'Klar Go.',
    'lean-go': 'Eher Go.',
    'strong-python': 'Klar Python.',
    'lean-python': 'Eher Python.',
    'toss-up': 'Unentschieden: Die Faktoren heben sich auf; nehmt, was das Team am besten kennt.',
  },
  split: (go, python) =>
    `Aufteilen: Go für die Teile, die von ${joined(go)} bestimmt werden, Python für die Teile, die von ${joined(python)} bestimmt werden — die Mischform, die die Quellen beschreiben.`,
  weightLabel: (percent) => (percent === 0 ? 'aus' : `×${String(percent / 100).replace('.', ',')}`),
  weightsNote: (list, by, day) =>
    md`⚖️ Gewichte in diesem Channel geändert: ${list} — von ${by} am ${day}. Für den Rest gelten die Gewichte der Quellen.`,
};
