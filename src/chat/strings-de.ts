import { code, md, type Rich } from './rich.js';
import { adrDe } from './strings/adr-de.js';
import { factorsDe } from './strings/factors-de.js';
import { feedbackDe } from './strings/feedback-de.js';
import { homeDe } from './strings/home-de.js';
import { platformDe } from './strings/platform-de.js';
import { pollCommandsDe } from './strings/poll-commands-de.js';
import { schedulesDe } from './strings/schedules-de.js';
import { scorecardDe } from './strings/scorecard-de.js';
import { settingsDe } from './strings/settings-de.js';
import { sourcesDe } from './strings/sources-de.js';
import { usageDe } from './strings/usage-de.js';
import { verdictDe } from './strings/verdict-de.js';
import { walkDe } from './strings/walk-de.js';
import { weightsDe } from './strings/weights-de.js';
import type { Strings } from './strings-en.js';

/** Wie ein fehlender Wert in einer Antwort heißt. */
const FIGURE_NAMES: Record<string, string> = {
  latency: 'keine Latenz und keine Pausenzeit',
  memory: 'keinen Speicherbedarf',
  throughput: 'keinen Durchsatz',
  duration: 'keine Zeitangabe',
  percent: 'keinen solchen Wert',
  ratio: 'kein solches Verhältnis',
};

/** German frame strings (our own translation). Typed as `Strings`: every key of English, no other. */
export const de: Strings = {
  list: {
    and: 'und',
  },
  answers: {
    notAQuestion: () =>
      md`Das ist keine Go-oder-Python-Frage, die ich nachschlagen kann. Siehe ${code('/versus help')}.`,
    uncovered: (names) =>
      `Die Quellen behandeln ${names} nicht, also rate ich nicht aus dem, was sie über Go und Python sagen.`,
    compareCovered: () => md`Was sie behandeln, zeigt ${code('/versus sources')}`,
    noFigure: (measure, about) =>
      `Die Quellen nennen dazu ${FIGURE_NAMES[measure] ?? 'keinen solchen Wert'}${about ? ` für ${about}` : ''}; am nächsten kommen diese Aussagen.`,
    noMore: 'Keine weiteren Quellen zu dieser Frage.',
    nothingFound: 'In den indexierten Quellen habe ich nichts gefunden, das diese Frage beantwortet.',
    tryTopic: (topics: Rich) => md`Versuch ein Thema: ${topics}`,
    disagrees: (source) => `${source} sieht das anders`,
    alsoFrom: 'Außerdem aus den Quellen',
    moreFrom: 'Mehr aus den Quellen',
    closest: 'Die passendsten Aussagen der Quellen',
    moreButton: 'Weitere Quellen',
    shareButton: 'Im Channel teilen',
    helpful: '👍 Hilfreich',
    notHelpful: '👎 Nicht hilfreich',
    compareButton: (topic) => `${topic} vergleichen`,
    footer: (total, from) =>
      `${total} passende ${total === 1 ? 'Aussage' : 'Aussagen'}${from ? ` · ab Nr. ${from}` : ''} · Antworten stammen nur aus den indexierten Quellen`,
  },
  compare: {
    title: (topic) => `Go oder Python: ${topic}`,
    nothingSideSpecific: (topic) => `Die Quellen sagen zu ${topic} noch nichts, das eine Seite betrifft.`,
    goSide: '🐹 Seite Go',
    pythonSide: '🐍 Seite Python',
    figures: 'Zahlen im Vergleich',
    disagreementsTitle: '⚠️ Wo sich die Quellen widersprechen',
    call: (c) => {
      const side = c.kind === 'same' ? '' : c.side === 'go' ? 'Go' : 'Python';
      if (c.kind === 'same') return 'etwa gleich';
      return c.kind === 'favors' ? `spricht für ${side}` : `${side} ${c.times}× ${c.higher ? 'höher' : 'niedriger'}`;
    },
    footer: (total, topic, docs, disagreements) =>
      `${total} Aussagen zu ${topic} · ${docs} Quelle(n) gezeigt · ${disagreements} Widerspruch/Widersprüche zwischen Quellen`,
    unknownTitle: 'Unbekanntes Thema',
    unknown: (input, suggestions: Rich) =>
      md`Ein Thema „${input}“ kenne ich nicht. Versuch eines davon: ${suggestions}.`,
  },
  polls: {
    motion: (topic) =>
      md`Streitfrage: *${topic}* — hier sind sich die Quellen uneinig. Lies beide Seiten, dann wähl ein Team.`,
    caseFor: 'Das spricht für',
    strongestFor: 'Stärkste belegte Aussage für',
    noVotes: 'Es wurden keine Stimmen abgegeben.',
    tie: (winners) => `Gleichstand: ${winners}.`,
    result: (winner, votes, total) => md`Ergebnis: *${winner}* gewinnt mit ${votes} von ${total} Stimmen.`,
    closedFooter: (id, when, timeRanOut) =>
      md`Umfrage ${id} · geschlossen ${when}${timeRanOut ? ' (Zeit abgelaufen)' : ''}`,
    openFooter: (id, anonymous, closes) =>
      md`Umfrage ${id} · ${anonymous ? 'anonym' : 'öffentlich: wer wofür stimmt, wird angezeigt'} · endet ${closes} · erneut auf deine Option klicken nimmt die Stimme zurück`,
    closedTitle: (question) => `📊 Geschlossen: ${question}`,
    closeButton: 'Umfrage schließen',
    votes: (n) => `${n} ${n === 1 ? 'Stimme' : 'Stimmen'}`,
    gone: 'Diese Umfrage gibt es nicht mehr.',
    noSuchOption: 'Diese Option gehört nicht zu dieser Umfrage.',
    tooLate: () => md`Diese Umfrage ist geschlossen; Stimmen zählen nicht mehr. Starte eine neue mit \`/versus poll\`.`,
    withdrawn: (option) => `Deine Stimme für ${option} ist zurückgenommen.`,
    onTeam: (team) => `Du bist in Team ${team}.`,
    voted: (option) => `Deine Stimme: ${option}.`,
  },
  help: {
    title: 'Versus: Go oder Python, mit Belegen',
    usage: (usage, example) => md`Verwendung: \`${usage}\` — z. B. \`${example}\``,
    example: 'z. B.',
    threads:
      'Erwähne mich in einem Thread, um dort zu fragen; Folgefragen in diesem Thread beantworte ich weiter. Jede Antwort nennt ihre Quelle.',
    smalltalk: () =>
      md`Gern. Stell mir eine Go-oder-Python-Frage, z. B. ${code('how many requests per second does Fiber handle?')}`,
  },
  settings: settingsDe,
  errors: {
    title: 'Nicht ganz',
    internal: (ref) => md`Bei mir ist etwas schiefgegangen (Ref. ${ref}). Versuch es gleich noch einmal.`,
    notAvailable: (name) => md`\`/versus ${name}\` gibt es in diesem Versus noch nicht.`,
    serverOnly: (name) =>
      md`\`/versus ${name}\` funktioniert auf Servern, auf denen Versus installiert ist. Hier gehen \`/versus ask\`, \`compare\`, \`sources\` und \`help\`.`,
  },
  walk: walkDe,
  scorecard: scorecardDe,
  factors: factorsDe,
  weights: weightsDe,
  verdict: verdictDe,
  adr: adrDe,
  pollCommands: pollCommandsDe,
  platform: platformDe,
  schedules: schedulesDe,
  sources: sourcesDe,
  usage: usageDe,
  home: homeDe,
  feedback: feedbackDe,
};
