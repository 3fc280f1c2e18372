import type { CommandTranslations } from './localize-commands.js';

/**
 * German words for the Discord command (our own translation). Subcommand names stay English, as help and
 * every example write them (`/versus ask`); options and choices get German names, shown while typing.
 */
export const deCommands: CommandTranslations = {
  versus: { description: 'Go oder Python für unser Backend? Antworten mit belegten Quellen' },
  'versus ask': { description: 'Die besten belegten Aussagen zu einer Frage' },
  'versus ask question': { name: 'frage', description: 'z. B. wie viel Speicher braucht eine Goroutine am Anfang?' },
  'versus compare': { description: 'Go gegen Python zu einem Thema, mit Zahlen und Widersprüchen zwischen Quellen' },
  'versus compare topic': { name: 'thema', description: 'z. B. concurrency, performance, hiring' },
  'versus sources': {
    description: 'Die indexierten Artikel; Admins fügen einen Team-Artikel hinzu oder entfernen ihn',
  },
  'versus sources action': { name: 'aktion', description: 'list (Standard), add oder remove' },
  'versus sources action=list': { name: 'auflisten' },
  'versus sources action=add': { name: 'hinzufügen' },
  'versus sources action=remove': { name: 'entfernen' },
  'versus sources link': { name: 'link', description: 'Für add: ein Link auf eine Webseite, Markdown, Text oder PDF' },
  'versus sources file': { name: 'datei', description: 'Für add: eine HTML-, Markdown-, Text- oder PDF-Datei' },
  'versus sources id': { name: 'id', description: 'Für remove: die Id, die /versus sources zeigt, z. B. d3k9x2a' },
  'versus poll': { description: 'Umfrage Team Go gegen Team Python, oder eigene Frage und Optionen' },
  'versus poll question': { name: 'frage', description: 'Deine eigene Frage (dann auch Optionen angeben)' },
  'versus poll options': { name: 'optionen', description: 'Optionen, getrennt durch |, z. B. Go | Python | Rust' },
  'versus poll public': { name: 'öffentlich', description: 'Zeigen, wer wofür gestimmt hat (Standard: anonym)' },
  'versus poll duration': { name: 'dauer', description: 'Wie lange sie offen bleibt, z. B. 2h, 3d (Standard 24h)' },
  'versus poll manage': {
    name: 'verwalten',
    description: 'new: Formular ausfüllen; close, results oder export einer Umfrage (mit ihrer Id)',
  },
  'versus poll manage=new': { name: 'neu' },
  'versus poll manage=close': { name: 'schließen' },
  'versus poll manage=results': { name: 'ergebnisse' },
  'versus poll manage=export': { name: 'exportieren' },
  'versus poll id': { name: 'id', description: 'Umfrage-Id für verwalten, z. B. p3k9x2' },
  'versus schedule': { description: 'Wiederkehrende Debatten-Umfragen in diesem Channel' },
  'versus schedule action': { name: 'aktion', description: 'add, list oder remove' },
  'versus schedule action=add': { name: 'hinzufügen' },
  'versus schedule action=list': { name: 'auflisten' },
  'versus schedule action=remove': { name: 'entfernen' },
  'versus schedule when': { name: 'wann', description: 'Für add, z. B. every monday at 10:00' },
  'versus schedule timezone': { name: 'zeitzone', description: 'Für add, z. B. Europe/Berlin (Standard UTC)' },
  'versus schedule duration': { name: 'dauer', description: 'Für add: wie lange jede Umfrage offen bleibt, z. B. 24h' },
  'versus schedule id': { name: 'id', description: 'Für remove: die Id aus list' },
  'versus matrix': {
    description: 'Die Go-oder-Python-Entscheidungsmatrix durchgehen; weights: für diesen Channel anpassen',
  },
  'versus matrix mode': {
    name: 'modus',
    description: 'start (Standard, mit dem Channel), solo, status, cancel oder weights',
  },
  'versus matrix mode=start': { name: 'start' },
  'versus matrix mode=solo': { name: 'allein' },
  'versus matrix mode=status': { name: 'status' },
  'versus matrix mode=cancel': { name: 'abbrechen' },
  'versus matrix mode=weights': { name: 'gewichte' },
  'versus matrix factor': {
    name: 'faktor',
    description: 'Admins, mit weights: der zu ändernde Faktor, z. B. hiring (reset: alle Faktoren)',
  },
  'versus matrix weight': {
    name: 'gewicht',
    description: 'Admins, mit weights: 0 bis 3 (z. B. 2 oder 0.5), off, on oder reset',
  },
  'versus verdict': {
    description: 'Ein schnelles Go-oder-Python-Urteil aus deiner Lage in ein, zwei Sätzen, mit Gründen',
  },
  'versus verdict situation': {
    name: 'lage',
    description: 'z. B. vier Leute, ein B2B-CRUD-SaaS, etwas pandas, kein Echtzeitbedarf, MVP bis Frühling',
  },
  'versus settings': {
    description: 'Die Einstellungen dieses Channels; Admins: Antworten öffentlich oder privat, Sprache von Versus',
  },
  'versus settings answers': {
    name: 'antworten',
    description: 'Admins: Antworten im Channel (public) oder nur an den Fragenden mit Teilen (private)',
  },
  'versus settings answers=public': { name: 'öffentlich' },
  'versus settings answers=private': { name: 'privat' },
  'versus settings language': {
    name: 'sprache',
    description: 'Admins: die Sprache, in der Versus hier schreibt; default folgt der des Servers',
  },
  'versus settings language=de': { name: 'Deutsch' },
  'versus settings language=en': { name: 'Englisch' },
  'versus settings language=default': { name: 'wie der Server' },
  'versus home': {
    description: 'Deine offenen Umfragen, Durchgänge und Zeitpläne; die Quellen; für Admins, was fehlt',
  },
  'versus report': {
    description: 'Admins: Fragen, die Versus nicht beantworten konnte, und als nicht hilfreich bewertete',
  },
  'versus help': { description: 'Wie man Versus benutzt, mit Beispielen' },
  'versus help command': { name: 'befehl', description: 'Hilfe zu einem Befehl' },
};
