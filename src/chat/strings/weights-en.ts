import { code, md, type Rich, type RichText } from '../rich.js';

type Platform = 'slack' | 'discord' | 'console';

/** `/versus matrix weights`: a channel's factor weights and the replies to changing them. */
export const weightsEn = {
  usage: (): RichText =>
    md`${code('/versus matrix weights')} shows this channel's weights; admins: ${code('/versus matrix weights <factor> <weight>')} with a weight from 0 to 3 (${code('2')}, ${code('0.5')}, ${code('150%')}), ${code('off')}, ${code('on')} or ${code('reset')}, or ${code('/versus matrix weights reset')} for all.`,
  onlyAdmins: (platform: Platform) =>
    `Only ${
      platform === 'slack'
        ? 'a workspace admin'
        : platform === 'discord'
          ? 'a server admin (Manage Messages or Manage Server)'
          : 'an admin'
    } can change the matrix's weights in this channel.`,
  noFactor: (name: string, factors: Rich): RichText => md`There is no factor “${name}”. Factors: ${factors}.`,
  changedLine: (title: string, id: string, weight: string, by: Rich, day: string): RichText =>
    md`• *${title}* (${code(id)}): ${weight} — changed by ${by} on ${day}`,
  defaultLine: (title: string, id: string): RichText => md`• ${title} (${code(id)}): ×1, the sources' weight`,
  title: (changed: boolean): string => (changed ? 'Matrix weights changed here' : 'Matrix weights here'),
  about: (usage: Rich): RichText =>
    md`A weight scales what a factor's answer adds to Go or Python; ${code('off')} leaves it out of walks and verdicts in this channel. ${usage}`,
};
