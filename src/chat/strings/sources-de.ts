import { code, md } from '../rich.js';
import type { sourcesEn } from './sources-en.js';

/** `/versus sources` auf Deutsch. */
export const sourcesDe: typeof sourcesEn = {
  title: 'Quellen',
  titleCount: (n) => `Quellen (${n})`,
  nothingIndexed: () => md`Noch ist nichts indexiert. Führ \`versus index\` aus.`,
  claims: (n) =>
    n === 0 ? 'keine Aussagen: nichts darin liest sich wie eine Aussage' : `${n} ${n === 1 ? 'Aussage' : 'Aussagen'}`,
  indexed: (when) => `indexiert ${when}`,
  never: 'nie',
  addedByATeam: 'von einem Team hinzugefügt',
  addedBy: (who, day) => md`hinzugefügt von ${who} am ${day}`,
  footer: (claims, checked) => `${claims} Aussagen insgesamt · Ordner zuletzt geprüft ${checked}`,
  usage: () =>
    md`Mit \`/versus sources\` listest du sie auf, mit \`/versus sources add <link>\` fügst du eine Webseite, Markdown, Text oder ein PDF hinzu, mit \`/versus sources remove <id>\` entfernst du eine.`,
  giveLink: () => md`Gib genau einen Link an, z. B. \`/versus sources add https://example.com/our-benchmark\`.`,
  giveId: () => md`Gib die ID an, die \`/versus sources\` zeigt, z. B. \`/versus sources remove d3k9x2\`.`,
  onlyAdminsAdd: (admin) => `Quellen hinzufügen kann nur ${admin}. Bitte einen, /versus sources add auszuführen.`,
  onlyAdminsRemove: (admin) => `Quellen entfernen kann nur ${admin}.`,
  full: (max) => md`Dieser Workspace hat ${max} Quellen, mehr geht nicht. Entferne erst eine.`,
  notAdded: (why) => md`Nicht hinzugefügt: ${why}`,
  noClaims: (title, why) => md`Nicht hinzugefügt: *${title}* hat keine Aussagen ergeben. ${why}`,
  added: (title, id, claims) => md`*${title}* ist hinzugefügt als ${code(id)}: ${claims} Aussagen`,
  updated: (title, id, claims) => md`*${title}* ist aktualisiert als ${code(id)}: ${claims} Aussagen`,
  under: (sections) => md` unter ${sections}`,
  answersNow: (id) =>
    md`Ab jetzt fließt sie in Antworten in diesem Workspace ein; ${code(`/versus sources remove ${id}`)} nimmt sie wieder heraus.`,
  noSuchSource: (id) => md`Hier gibt es keine Team-Quelle ${code(id)}. ${code('/versus sources')} listet sie auf.`,
  removed: (title, id) => md`*${title}* (${code(id)}) ist entfernt; sie fließt nicht mehr in Antworten ein.`,
  why: {
    pdfNoText: 'Das PDF hat keine Textebene (ein eingescanntes Dokument?), also gibt es nichts zu indexieren.',
    htmlNoText:
      'Die Seite hat keinen lesbaren Text: Vielleicht wird sie per JavaScript gezeichnet oder liegt hinter einem Login. Versuch ihr PDF oder eine Markdown-Kopie.',
    empty: 'Das Dokument ist leer.',
    noClaimLike:
      'Nichts darin liest sich wie eine Aussage: Es ist Code, Links, Überschriften oder Bruchstücke kürzer als ein Satz.',
  },
  problems: {
    notUrl: 'Das ist keine Webadresse. Gib einen vollständigen Link an, etwa https://example.com/post.',
    protocol: (protocol) => `Nur http- und https-Links lassen sich hinzufügen (nicht ${protocol}).`,
    credentials: 'Links mit Benutzername oder Passwort darin rufe ich nicht ab.',
    privateHost: (host) =>
      `${host} ist eine private, Loopback- oder Link-Local-Adresse; Versus ruft nur öffentliche Webseiten ab.`,
    tooLarge: (mb) => `Das Dokument ist größer als ${mb} MB; Versus indexiert kleinere.`,
    redirects: (max) => `Der Link leitet mehr als ${max}-mal weiter.`,
    status: (status, where) => `Der Server hat für ${where} mit ${status} geantwortet.`,
    timeout: (host, seconds) => `${host} hat das Dokument nicht innerhalb von ${seconds} s geschickt.`,
    noSuchHost: (host) => `${host} ließ sich nicht abrufen: Diesen Host gibt es nicht.`,
    connectionRefused: (host) => `${host} ließ sich nicht abrufen: Die Verbindung wurde abgelehnt.`,
    connectionFailed: (host) => `${host} ließ sich nicht abrufen: Die Verbindung ist fehlgeschlagen.`,
    notText: 'Diese Datei ist kein Text, den ich lesen kann (eine Binärdatei?).',
    format: (type) => `Das ist ${type} — Versus liest Webseiten (HTML), Markdown, reinen Text und PDF.`,
    aFile: 'eine Datei',
    pdfUnreadable: 'Das PDF ließ sich nicht lesen (beschädigt oder verschlüsselt?).',
    tooSlow: (seconds) =>
      `das Lesen dieses Dokuments dauerte länger als ${seconds} s und wurde abgebrochen. Versuch eine kleinere Seite, ihr PDF oder eine Markdown-Kopie.`,
  },
};
