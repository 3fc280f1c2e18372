import type { platformEn } from './platform-en.js';

export const platformDe: typeof platformEn = {
  assistant: {
    title: 'Go oder Python? Frag die Quellen',
    prompts: [
      { title: 'Eine Zahl aus den Quellen', message: 'Wie viel Speicher braucht eine Goroutine am Anfang?' },
      { title: 'Ein Thema vergleichen', message: 'compare concurrency' },
      {
        title: 'Ein Urteil für eure Lage',
        message:
          'Go oder Python für uns? Wir sind zu viert, ein B2B-CRUD-SaaS, etwas pandas, keine Echtzeit, MVP bis zum Frühjahr',
      },
      { title: 'Die Entscheidungsmatrix starten', message: 'matrix solo' },
    ],
    searching: 'Ich durchsuche die Quellen…',
  },
  addSource: {
    title: 'Quellen',
    nothingToAdd:
      'Diese Nachricht hat keinen Link und keine Datei zum Hinzufügen. Nutze den Shortcut an einer Nachricht mit einem Link auf einen Artikel oder mit einer hochgeladenen HTML-, Markdown-, Text- oder PDF-Datei.',
    fileUnavailable: 'Slack hat mir die Datei nicht gegeben. Versuch es gleich noch einmal.',
  },
  apology: 'Bei mir ist etwas schiefgegangen. Versuch es gleich noch einmal.',
  pagesGone:
    'Diese Antwort ist nicht mehr im Speicher (sie ist alt, oder Versus wurde neu gestartet). Führ den Befehl noch einmal aus.',
  formClosed:
    'Dieses Formular gilt nicht mehr (es ist alt, oder jemand anderes hat es geöffnet). Schließ es und öffne das Formular neu.',
  onlyYou: '(nur du siehst das)',
};
