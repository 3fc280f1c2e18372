import { code, md } from '../rich.js';
import type { walkEn } from './walk-en.js';

/** The decision-matrix walk in German (our own translation). */
export const walkDe: typeof walkEn = {
  answer: {
    yes: 'Ja',
    no: 'Nein',
    'not-sure': 'Weiß nicht',
    '1': '1 · unwichtig',
    '5': '5 · entscheidend',
  },
  skipped: 'übersprungen',
  unanswered: 'noch keine Antworten',
  choice: (tie, value, yes, no, notSure) =>
    `${tie ? 'Gleichstand → ' : ''}${value} (Ja ${yes} · Nein ${no} · weiß nicht ${notSure})`,
  importance: (mean, answers, notSure) =>
    `Wichtigkeit ${mean} von 5 aus ${answers} ${answers === 1 ? 'Antwort' : 'Antworten'}${notSure ? `, ${notSure}× weiß nicht` : ''}`,
  status: { open: 'offen', finished: 'abgeschlossen', cancelled: 'abgebrochen', expired: 'abgelaufen' },
  stepTitle: (index, count, title) => `🧭 Schritt ${index}/${count}: ${title}`,
  whyItMatters: 'Warum das wichtig ist',
  yourAnswer: (label) => `Deine Antwort: ${label}`,
  answersSoFar: (text) => `Bisherige Antworten: ${text}`,
  onlyYou: 'Nur du siehst diesen Durchgang.',
  anyoneHere: (starter) =>
    md`Alle hier können antworten (und ihre Antwort ändern); ${starter} oder ein Admin geht weiter.`,
  back: '◀ Zurück',
  skip: 'Überspringen',
  next: 'Weiter ▶',
  finish: 'Abschließen',
  finishNow: 'Jetzt abschließen',
  staleStatus: (status) => `Dieser Durchgang ist schon ${status}; dein Klick hat nichts geändert.`,
  staleMoved: (now, from) =>
    `Jemand ist weitergegangen, während du geklickt hast: Der Durchgang steht jetzt bei Schritt ${now}, nicht ${from}. Dein Klick hat nichts geändert.`,
  closed: (status) =>
    md`Dieser Durchgang durch die Entscheidungsmatrix ist ${status}. Starte einen neuen mit ${code('/versus matrix')}.`,
  expired: (starter, days) =>
    md`Der Durchgang durch die Entscheidungsmatrix, den ${starter} gestartet hat, ist nach ${days} Tagen ohne Aktivität abgelaufen. Starte neu mit ${code('/versus matrix')}.`,
  busy: (what, mode) =>
    md`${what} ist hier noch offen: Schließ ihn ab oder brich ihn ab (${code(`/versus matrix cancel ${mode}`)}), dann verfeinere erneut.`,
  nothingLeft:
    'Deine Situation beantwortet schon jeden Faktor: Es gibt nichts mehr zu fragen. Exportier den Entscheidungseintrag beim Urteil.',
  allOff: () =>
    md`Jeder Faktor ist in diesem Channel abgeschaltet. Ein Admin kann sie mit ${code('/versus matrix weights')} wieder einschalten.`,
  resumed: (at, n) => `Der offene Durchgang geht bei Schritt ${at} von ${n} weiter.`,
  startedRefine: (started, filled) =>
    `Ein Durchgang mit ${started} Schritten über die Faktoren, die deine Situation offen ließ, hat begonnen; die ${filled} beantworteten sind ausgefüllt.`,
  started: (n) =>
    `Ein Durchgang durch die Entscheidungsmatrix mit ${n} Schritten hat begonnen. Antworte mit den Buttons; mit Weiter geht es zum nächsten Schritt.`,
  cannotPost: 'Der Durchgang kann von hier aus nicht gepostet werden.',
  describe: (mode, id) => (mode === 'solo' ? `dein Solo-Durchgang ${id}` : `der Channel-Durchgang ${id}`),
  otherOpen: (what, verb, mode) => md` (${what} ist auch offen: ${code(`/versus matrix ${verb} ${mode}`)})`,
  noneOpen: (mode) =>
    `Hier ist kein ${mode === 'solo' ? 'Solo-' : mode === 'channel' ? 'Channel-' : ''}Durchgang offen.`,
  startOne: () => md`Starte einen mit ${code('/versus matrix')}.`,
  statusLine: (what, index, count, answered, starter, other) =>
    md`${what}: Schritt ${index} von ${count}, ${answered} Schritt(e) beantwortet, gestartet von ${starter}${other}.`,
  onlyCancel: (starter) => md`Nur ${starter} oder ein Admin kann diesen Durchgang abbrechen.`,
  noLongerOpen: (what) => `${what} ist nicht mehr offen.`,
  cancelled: (what, other) => md`${what} ist abgebrochen${other}.`,
  gone: () => md`Diesen Durchgang gibt es nicht mehr. Starte einen mit ${code('/versus matrix')}.`,
  notOpen: (status, back) =>
    md`Dieser Durchgang ist ${status}; ${back ? 'Zurück geht nicht mehr' : 'seine Buttons funktionieren nicht mehr'}. Starte einen neuen mit ${code('/versus matrix')}.`,
  movedOn: (index) => `Der Durchgang ist schon bei Schritt ${index}; antworte dort.`,
  notAChoice: 'Diese Antwort steht nicht zur Wahl.',
  recorded: (title) => `Deine Antwort zu „${title}“ ist gespeichert. Klick eine andere, um sie zu ändern.`,
  onlyMove: (starter) => md`Nur ${starter} (hat den Durchgang gestartet) oder ein Admin kann weitergehen.`,
  firstStep: 'Das ist der erste Schritt.',
  usage: () =>
    md`${code('/versus matrix')} startet den Durchgang hier oder setzt ihn fort; außerdem ${code('/versus matrix solo')}, ${code('status [solo|channel]')}, ${code('cancel [solo|channel]')} oder ${code('weights')}.`,
  notAvailable: () => md`${code('/versus matrix')} gibt es in diesem Versus noch nicht.`,
  buttonNotAvailable: 'Diese Funktion gibt es in diesem Versus noch nicht.',
};
