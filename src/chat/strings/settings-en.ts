import type { Platform } from '../../platform.js';
import { code, md, type RichText } from '../rich.js';

/**
 * `/versus settings`: the channel's settings, what they mean, and the mistakes a command can make.
 * `lang` is a locale Versus ships ('en', 'de'), named in this catalogue's language.
 */
export const settingsEn = {
  title: 'Channel settings',
  /** One bullet per setting under `shown`. */
  answersPublic: (): RichText =>
    md`Answers to ${code('/versus ask')} and ${code('/versus compare')} are posted in the channel.`,
  answersPrivate: (): RichText =>
    md`Answers to ${code('/versus ask')} and ${code('/versus compare')} go only to the asker, with a *Share with channel* button.`,
  languageChosen: (lang: string): RichText =>
    md`Versus writes in ${languageEn(lang)}, as chosen for this channel (${code('/versus settings language default')} undoes it).`,
  languageInherited: (lang: string): RichText =>
    md`Versus writes in ${languageEn(lang)}, the workspace's language; admins choose one with ${code('/versus settings language de')}.`,
  shown: (...lines: RichText[]): RichText => md`In this channel:${lines.flatMap((l) => md`\n• ${l}`)}`,
  answersDone: (line: RichText): RichText => md`Done. ${line}`,
  languageDone: (lang: string): RichText => md`Done: Versus writes in ${languageEn(lang)} in this channel from now on.`,
  languageReset: (lang: string): RichText =>
    md`Done: this channel follows the workspace's language again (now ${languageEn(lang)}).`,
  onlyAdmins: (platform: Platform) => `Only ${ADMIN_EN[platform]} can change this channel's settings.`,
  /** Usage mistakes (zod messages and the parser's own). */
  unknownKey: 'The settings are `answers` and `language`, e.g. `/versus settings language de`.',
  answersValue: 'Answers are `public` or `private`, e.g. `/versus settings answers public`.',
  languageValue: 'The language is `de`, `en` or `default`, e.g. `/versus settings language de`.',
  oneSetting: 'Give one setting and its value, e.g. `/versus settings answers public`.',
};

const ADMIN_EN: Record<Platform, string> = {
  slack: 'a workspace admin',
  discord: 'a server admin (Manage Messages or Manage Server)',
  console: 'an admin',
};

const LANGUAGE_EN: Record<string, string> = { en: 'English', de: 'German' };
const languageEn = (lang: string) => LANGUAGE_EN[lang] ?? lang;
