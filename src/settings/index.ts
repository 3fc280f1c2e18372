import { z } from 'zod';
import { command, type Feature, type FeatureDeps } from '../chat/feature.js';
import { usageReply } from '../chat/help.js';
import { ADMIN } from '../chat/manage.js';
import { ephemeral } from '../chat/reply.js';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, markup, md, type RichText } from '../chat/rich.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import { ChannelSettings } from './settings-store.js';

/** `settings answers public|private`; checked field by field so the message names the one that is wrong. */
const SetArgs = z.object({
  key: z.literal('answers', { error: 'The only setting is `answers`, e.g. `/versus settings answers public`.' }),
  value: z.enum(['public', 'private'], {
    error: 'Answers are `public` or `private`, e.g. `/versus settings answers public`.',
  }),
});
/** No arguments shows the settings; otherwise one setting and its value. */
type Settings = z.infer<typeof SetArgs> | undefined;

function parseSettings(args: string): Result<Settings, RichText> {
  const tokens = tokenizeArgs(args);
  if (!tokens.ok) return err(tokens.error);
  const words = tokens.value.map((w) => w.toLowerCase());
  if (words.length === 0) return ok(undefined);
  if (words.length > 2) return err(markup('Give one setting and its value, e.g. `/versus settings answers public`.'));
  const p = SetArgs.safeParse({ key: words[0], value: words[1] });
  return p.success ? ok(p.data) : err(issueText(p.error));
}

const describe = (v: 'public' | 'private') =>
  v === 'public'
    ? 'answers to `/versus ask` and `/versus compare` are posted in the channel'
    : 'answers to `/versus ask` and `/versus compare` go only to the asker, with a *Share with channel* button';

/** Channel settings: who sees answers. Read by the answer features, changed by admins. */
export function createSettings(deps: FeatureDeps): { settings: ChannelSettings; features: Feature[] } {
  const settings = new ChannelSettings(deps.shared, deps.clock);
  const feature: Feature = {
    name: 'settings',
    visibility: async () => 'ephemeral',
    help: { usage: '/versus settings [answers public|private]', example: '/versus settings answers public' },
    command: command(parseSettings, async (args, ctx) => {
      if (!args)
        return ephemeral(md`In this channel, ${markup(describe(await settings.answers(ctx)))}.`, 'Channel settings');
      if (!(await ctx.isAdmin())) return usageReply(`Only ${ADMIN[ctx.platform]} can change this channel's settings.`);
      await settings.setAnswers(ctx, args.value);
      return ephemeral(md`Done: in this channel, ${markup(describe(args.value))}.`, 'Channel settings');
    }),
  };
  return { settings, features: [feature] };
}
