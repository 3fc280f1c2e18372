import type { Platform } from '../../platform.js';
import { code, md } from '../rich.js';
import type { settingsEn } from './settings-en.js';

/** `/versus settings` in German (our own translation). */
export const settingsDe: typeof settingsEn = {
  title: 'Channel-Einstellungen',
  answersPublic: () => md`Antworten auf ${code('/versus ask')} und ${code('/versus compare')} erscheinen im Channel.`,
  answersPrivate: () =>
    md`Antworten auf ${code('/versus ask')} und ${code('/versus compare')} sieht nur, wer gefragt hat, mit einem Button *Im Channel teilen*.`,
  languageChosen: (lang) =>
    md`Versus schreibt auf ${languageDe(lang)}, so für diesen Channel eingestellt (${code('/versus settings language default')} hebt das auf).`,
  languageInherited: (lang) =>
    md`Versus schreibt auf ${languageDe(lang)}, die Sprache des Workspace; Admins stellen eine mit ${code('/versus settings language de')} ein.`,
  shown: (...lines) => md`In diesem Channel:${lines.flatMap((l) => md`\n• ${l}`)}`,
  answersDone: (line) => md`Erledigt. ${line}`,
  languageDone: (lang) => md`Erledigt: Versus schreibt in diesem Channel ab jetzt auf ${languageDe(lang)}.`,
  languageReset: (lang) =>
    md`Erledigt: Dieser Channel folgt wieder der Sprache des Workspace (jetzt ${languageDe(lang)}).`,
  onlyAdmins: (platform) => `Nur ${ADMIN_DE[platform]} kann die Einstellungen dieses Channels ändern.`,
  unknownKey: 'Die Einstellungen heißen `answers` und `language`, z. B. `/versus settings language de`.',
  answersValue: 'Antworten sind `public` oder `private`, z. B. `/versus settings answers public`.',
  languageValue: 'Die Sprache ist `de`, `en` oder `default`, z. B. `/versus settings language de`.',
  oneSetting: 'Gib eine Einstellung und ihren Wert an, z. B. `/versus settings answers public`.',
};

const ADMIN_DE: Record<Platform, string> = {
  slack: 'ein Workspace-Admin',
  discord: 'ein Server-Admin (Nachrichten verwalten oder Server verwalten)',
  console: 'ein Admin',
};

const LANGUAGE_DE: Record<string, string> = { en: 'Englisch', de: 'Deutsch' };
const languageDe = (lang: string) => LANGUAGE_DE[lang] ?? lang;
