import { type FakeDiscord, IDS, type Json } from './discord-fake.js';

/**
 * Adds another guild to the fake world: a copy of the first one (same roles, members and permissions)
 * with its own id and one text channel. With sharding, its id decides which shard receives its events.
 */
export function addGuild(fake: FakeDiscord, guildId: string, channelId: string, name = 'Second Guild'): void {
  const s = fake.state;
  const first = s.guilds.get(IDS.guild) as Json;
  const channel = { ...s.channels.get(IDS.channel), id: channelId, guild_id: guildId, name: 'general' };
  s.channels.set(channelId, channel);
  // @everyone's role id is the guild's id.
  const roles = (first.roles as Json[]).map((r) => (r.id === IDS.guild ? { ...r, id: guildId } : r));
  for (const m of first.members as Json[]) s.members.set(`${guildId}:${m.user.id}`, m);
  s.guilds.set(guildId, { ...first, id: guildId, name, roles, channels: [channel], threads: [] });
}
