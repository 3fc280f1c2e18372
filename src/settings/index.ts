import { z } from 'zod';
import type { AnswerVisibility, ChatContext } from '../chat/context.js';
import { command, type Feature, type FeatureDeps } from '../chat/feature.js';
import { usageReply } from '../chat/help.js';
import { type CATALOGUES, LOCALE_NAMES, type Locales } from '../chat/locales.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, markup, type RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import { ChannelSettings } from './settings-store.js';

/** `settings answers public|private` or `settings language de|en|default`, in the place's language. */
function setArgs(t: Strings['settings']) {
  return z.discriminatedUnion(
    'key',
    [
      z.object({
        key: z.literal('answers'),
        value: z.enum(['public', 'private'], { error: t.answersValue }),
      }),
      z.object({
        key: z.literal('language'),
        value: z.enum([...LOCALE_NAMES, 'default'], { error: t.languageValue }),
      }),
    ],
    { error: t.unknownKey },
  );
}
/** No arguments shows the settings; otherwise one setting and its value. */
type Settings = z.infer<ReturnType<typeof setArgs>> | undefined;

function parseSettings(args: string, t: Strings): Result<Settings, RichText> {
  const tokens = tokenizeArgs(args, t);
  if (!tokens.ok) return err(tokens.error);
  const words = tokens.value.map((w) => w.toLowerCase());
  if (words.length === 0) return ok(undefined);
  if (words.length > 2) return err(markup(t.settings.oneSetting));
  const p = setArgs(t.settings).safeParse({ key: words[0], value: words[1] });
  return p.success ? ok(p.data) : err(issueText(p.error));
}

/** Channel settings: who sees answers, and which language Versus writes in. Read by the features, changed by admins. */
export function createSettings(
  deps: FeatureDeps,
  settings = new ChannelSettings(deps.shared, deps.clock),
): { settings: ChannelSettings; features: Feature[] } {
  const { locales } = deps;
  const feature: Feature = {
    name: 'settings',
    visibility: async () => 'ephemeral',
    help: {
      usage: '/versus settings [answers public|private | language de|en|default]',
      example: '/versus settings language de',
    },
    command: command(parseSettings, async (args, ctx) => {
      const t = locales.strings(ctx).settings;
      if (!args) return ephemeral(await shown(settings, locales, ctx), t.title);
      if (!(await ctx.isAdmin())) return usageReply(t.onlyAdmins(ctx.platform), undefined, locales.strings(ctx));
      if (args.key === 'answers') {
        await settings.setAnswers(ctx, args.value);
        return ephemeral(t.answersDone(answersLine(t, args.value)), t.title);
      }
      return setLanguage(settings, locales, ctx, args.value === 'default' ? null : args.value);
    }),
  };
  return { settings, features: [feature] };
}

/** The channel's settings, one line each. */
async function shown(settings: ChannelSettings, locales: Locales, ctx: ChatContext): Promise<RichText> {
  const t = locales.strings(ctx).settings;
  const lang = locales.locale(ctx);
  return t.shown(
    answersLine(t, await settings.answers(ctx)),
    ctx.channelLocale ? t.languageChosen(lang) : t.languageInherited(lang),
  );
}

/** Stored, remembered by this process at once, and confirmed in the language the channel now has. */
async function setLanguage(
  settings: ChannelSettings,
  locales: Locales,
  ctx: ChatContext,
  locale: keyof typeof CATALOGUES | null,
): Promise<Reply> {
  await settings.setLocale(ctx, locale);
  locales.remember(ctx, locale ?? undefined);
  const now = { ...ctx, channelLocale: locale ?? undefined };
  const t = locales.strings(now).settings;
  const lang = locales.locale(now);
  return ephemeral(locale ? t.languageDone(lang) : t.languageReset(lang), t.title);
}

const answersLine = (t: Strings['settings'], v: AnswerVisibility) =>
  v === 'public' ? t.answersPublic() : t.answersPrivate();
