import { PermissionFlagsBits } from 'discord.js';
import type { DiscordConfig } from '../../src/config.js';
import { FakeGateway } from './discord-gateway.js';
import { FakeDiscordRest, type Json, type RecordedRequest, type RestState } from './discord-rest.js';

export type { Json, RecordedRequest };

/** Fixed ids of the fake world: one guild with a text channel and an existing thread. */
export const IDS = {
  app: '1100000000000000001',
  bot: '1100000000000000002',
  guild: '1100000000000000010',
  channel: '1100000000000000011',
  thread: '1100000000000000012',
  /** A second text channel in the guild (authorization tests: another channel, same guild). */
  otherChannel: '1100000000000000013',
  /** A guild the bot is not in (authorization tests: another guild). */
  otherGuild: '1100000000000000040',
  owner: '1100000000000000020',
  user: '1100000000000000021',
  admin: '1100000000000000022',
  otherBot: '1100000000000000023',
  adminRole: '1100000000000000030',
  botRole: '1100000000000000031',
} as const;

export const TOKEN = 'fake.discord.token';
const BASE_PERMS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;
const ADMIN_PERMS = BASE_PERMS | PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageGuild;
const now = () => new Date().toISOString();

export function user(id: string, username = `user${id.slice(-2)}`, bot = false): Json {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

function member(u: Json, roles: string[]): Json {
  return {
    user: u,
    roles,
    joined_at: now(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
  };
}

/**
 * A fake Discord for tests and the bench: REST server + gateway on 127.0.0.1, one guild, and builders for
 * the gateway events a user causes (slash command, autocomplete, button click, message).
 */
export class FakeDiscord {
  readonly rest: FakeDiscordRest;
  readonly gateway: FakeGateway;
  readonly state: RestState;
  private id = 1_300_000_000_000_000_000n;

  private constructor() {
    const botUser = { ...user(IDS.bot, 'Versus', true), verified: true, flags: 0, mfa_enabled: false };
    this.state = {
      token: TOKEN,
      botUser,
      applicationId: IDS.app,
      gatewayUrl: () => this.gateway.url,
      channels: new Map(),
      guilds: new Map(),
      members: new Map(),
      nextId: () => String(++this.id),
    };
    const channel = {
      id: IDS.channel,
      type: 0,
      guild_id: IDS.guild,
      name: 'backend',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
    };
    const thread = {
      id: IDS.thread,
      type: 11,
      guild_id: IDS.guild,
      parent_id: IDS.channel,
      owner_id: IDS.user,
      name: 'existing thread',
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now(), locked: false },
      member_count: 2,
      message_count: 0,
      total_message_sent: 0,
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0,
    };
    const other = { ...channel, id: IDS.otherChannel, name: 'random', position: 1 };
    this.state.channels.set(channel.id, channel).set(thread.id, thread).set(other.id, other);
    const roles = [
      {
        id: IDS.guild,
        name: '@everyone',
        permissions: String(BASE_PERMS),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: IDS.adminRole,
        name: 'Mods',
        permissions: String(ADMIN_PERMS),
        position: 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: true,
        flags: 0,
      },
      {
        id: IDS.botRole,
        name: 'Versus',
        permissions: String(BASE_PERMS),
        position: 2,
        color: 0,
        hoist: false,
        managed: true,
        mentionable: true,
        flags: 0,
        tags: { bot_id: IDS.bot },
      },
    ];
    const members = [
      member(botUser, [IDS.botRole]),
      member(user(IDS.user), []),
      member(user(IDS.admin), [IDS.adminRole]),
    ];
    for (const m of members) this.state.members.set(`${IDS.guild}:${m.user.id}`, m);
    this.state.guilds.set(IDS.guild, {
      id: IDS.guild,
      name: 'Backend Guild',
      icon: null,
      owner_id: IDS.owner,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles,
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      preferred_locale: 'en-US',
      premium_tier: 0,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: now(),
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      members,
      channels: [channel, other],
      threads: [thread],
    });
    this.rest = new FakeDiscordRest(this.state);
    this.gateway = new FakeGateway({
      token: TOKEN,
      ready: () => ({
        v: 10,
        user: botUser,
        guilds: [...this.state.guilds.keys()].map((id) => ({ id, unavailable: true })),
        shard: [0, 1],
        application: { id: IDS.app, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
      }),
      guilds: () => [...this.state.guilds.values()],
    });
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await Promise.all([fake.rest.start(), fake.gateway.start()]);
    return fake;
  }

  async stop(): Promise<void> {
    await Promise.all([this.rest.stop(), this.gateway.stop()]);
  }

  config(overrides: Partial<DiscordConfig> = {}): DiscordConfig {
    return { token: TOKEN, applicationId: IDS.app, guildId: IDS.guild, apiUrl: this.rest.apiUrl, ...overrides };
  }

  nextId(): string {
    return this.state.nextId();
  }

  /**
   * Resolves with the predicate's first truthy value, re-checked whenever the fake records a request or a
   * gateway event (no polling, no sleeps). Rejects after `timeoutMs` listing what was received.
   */
  waitFor<T>(predicate: () => T | undefined | null | false, what = 'condition', timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined | null | false;
        try {
          value = predicate();
        } catch (err) {
          done();
          return reject(err);
        }
        if (value) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.rest.requests
          .slice(-15)
          .map((r) => `${r.method} ${r.path} → ${r.status}`)
          .join('\n  ');
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; the last of ${this.rest.requests.length} requests:\n  ${seen}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.rest.off('change', check);
        this.gateway.off('change', check);
      };
      this.rest.on('change', check);
      this.gateway.on('change', check);
      check();
    });
  }

  /** The callback Discord received for an interaction (reply, defer, update, autocomplete result). */
  callback(interactionId: string): RecordedRequest | undefined {
    return this.rest.callbacks.get(interactionId);
  }

  waitForCallback(interactionId: string): Promise<RecordedRequest> {
    return this.waitFor(() => this.callback(interactionId), `the callback of interaction ${interactionId}`);
  }

  /** Requests to the webhook of an interaction token (follow-ups, edits of the original). */
  webhook(token: string): RecordedRequest[] {
    return this.rest.requests.filter((r) => r.path.startsWith(`/webhooks/${IDS.app}/${token}`));
  }

  // ── gateway events a user causes ──────────────────────────────────────────────────────────────────

  private interactionBase(
    type: number,
    opts: { userId?: string; channelId?: string; dm?: boolean; guildId?: string },
  ): Json {
    const userId = opts.userId ?? IDS.user;
    const common = {
      id: this.nextId(),
      application_id: IDS.app,
      type,
      token: `tok-${this.nextId()}`,
      version: 1,
      app_permissions: String(BASE_PERMS),
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (opts.dm) {
      // A user-installed command in a DM with the bot: no guild, no member, the user authorises it.
      const channel = { id: `${IDS.channel}9`, type: 1, recipients: [user(userId)] };
      const owners = { 1: userId };
      return {
        ...common,
        channel_id: channel.id,
        channel,
        user: user(userId),
        authorizing_integration_owners: owners,
        context: 1,
      };
    }
    const m = this.state.members.get(`${IDS.guild}:${userId}`) ?? member(user(userId), []);
    const channel = this.state.channels.get(opts.channelId ?? IDS.channel);
    return {
      ...common,
      guild_id: opts.guildId ?? IDS.guild,
      channel_id: channel.id,
      channel: { ...channel, guild_id: opts.guildId ?? IDS.guild },
      // As Discord computes it for the interaction: the member's roles, then the channel's overwrites.
      member: { ...m, permissions: String(this.permissionsIn(channel, userId, m.roles as string[])) },
      // Discord sends the server's preferred locale with every interaction in it.
      guild_locale: (this.state.guilds.get(opts.guildId ?? IDS.guild) as Json | undefined)?.preferred_locale ?? 'en-US',
      // Versus is installed on whichever server the interaction comes from.
      authorizing_integration_owners: { 0: opts.guildId ?? IDS.guild },
      context: 0,
    };
  }

  /**
   * A member's permissions in a channel, computed as Discord does: @everyone and the member's roles, then
   * the channel's overwrites for @everyone, for the roles, and for the member (each deny before its allow).
   */
  permissionsIn(channel: Json, userId: string, roles: string[]): bigint {
    const guild = this.state.guilds.get(IDS.guild) as Json;
    let p = 0n;
    for (const r of guild.roles as Json[])
      if (r.id === IDS.guild || roles.includes(r.id)) p |= BigInt(r.permissions as string);
    const apply = (o: Json | undefined) => {
      if (o) p = (p & ~BigInt(o.deny as string)) | BigInt(o.allow as string);
    };
    const overwrites = (channel.permission_overwrites ?? []) as Json[];
    apply(overwrites.find((o) => o.id === IDS.guild));
    for (const o of overwrites.filter((o) => o.type === 0 && roles.includes(o.id))) apply(o);
    apply(overwrites.find((o) => o.type === 1 && o.id === userId));
    return p;
  }

  /**
   * A guild member with no role, given `allow` in one channel only by a member overwrite (a channel
   * moderator): what Discord computes for their interactions and what discord.js computes from its cache
   * then differ by channel. Call before the client connects, so the overwrite arrives with the guild.
   */
  addChannelModerator(userId: string, channelId: string, allow: bigint = PermissionFlagsBits.ManageMessages): void {
    const m = member(user(userId), []);
    this.state.members.set(`${IDS.guild}:${userId}`, m);
    (this.state.guilds.get(IDS.guild).members as Json[]).push(m);
    const channel = this.state.channels.get(channelId);
    channel.permission_overwrites = [
      ...(channel.permission_overwrites ?? []),
      { id: userId, type: 1, allow: String(allow), deny: '0' },
    ];
  }

  /** `/versus <sub> option:value …` (type 2, chat input). Dispatched; returns the interaction. */
  slash(
    sub: string,
    options: Record<string, string | boolean | { attachment: { filename: string; url: string; type: string } }> = {},
    opts: { userId?: string; channelId?: string; dm?: boolean; guildId?: string } = {},
  ): Json {
    const d = this.interactionBase(2, opts);
    // An attachment option carries the attachment's id; the attachment itself is in data.resolved.
    const attachments: Record<string, Json> = {};
    const opt = Object.entries(options).map(([name, value]) => {
      if (typeof value !== 'object') return { name, type: typeof value === 'boolean' ? 5 : 3, value };
      const id = this.nextId();
      const a = value.attachment;
      attachments[id] = { id, filename: a.filename, url: a.url, proxy_url: a.url, content_type: a.type, size: 100 };
      return { name, type: 11, value: id };
    });
    d.data = {
      id: this.nextId(),
      name: 'versus',
      type: 1,
      ...(opts.dm ? {} : { guild_id: opts.guildId ?? IDS.guild }),
      options: [{ name: sub, type: 1, options: opt }],
      ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
    };
    this.gateway.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /** The user typing into an autocomplete option (type 4). */
  autocomplete(sub: string, option: string, value: string): Json {
    const d = this.interactionBase(4, {});
    d.data = {
      id: this.nextId(),
      name: 'versus',
      type: 1,
      guild_id: IDS.guild,
      options: [{ name: sub, type: 1, options: [{ name: option, type: 3, value, focused: true }] }],
    };
    this.gateway.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /**
   * The user submitting a modal (type 5): each field is a Label (type 18) around a text input (a string)
   * or a string select (a list of chosen values), as Discord sends them since Label components.
   */
  submitModal(
    customId: string,
    fields: Record<string, string | string[]>,
    opts: { userId?: string; dm?: boolean } = {},
  ): Json {
    const d = this.interactionBase(5, opts);
    d.data = {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value], n) => ({
        type: 18,
        id: n + 1,
        component: Array.isArray(value)
          ? { type: 3, id: 100 + n, custom_id: id, values: value }
          : { type: 4, id: 100 + n, custom_id: id, value },
      })),
    };
    this.gateway.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /** A button click (type 3) on a message the bot sent (its components are what the bot rendered). */
  click(
    customId: string,
    message: { id?: string; embeds?: Json[]; components?: Json[]; channelId?: string; flags?: number },
    opts: { userId?: string; guildId?: string; dm?: boolean } = {},
  ): Json {
    const channelId = message.channelId ?? IDS.channel;
    const d = this.interactionBase(3, { ...opts, channelId });
    d.data = { custom_id: customId, component_type: 2 };
    d.message = {
      id: message.id ?? this.nextId(),
      channel_id: channelId,
      author: this.state.botUser,
      content: '',
      timestamp: now(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: message.embeds ?? [],
      components: message.components ?? [],
      pinned: false,
      type: 0,
      flags: message.flags ?? 0,
    };
    this.gateway.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /** A message in a channel or thread. `mention` adds an @mention of the bot in front. */
  say(
    content: string,
    opts: { channelId?: string; userId?: string; mention?: boolean; bot?: boolean; channelType?: number } = {},
  ): Json {
    const channelId = opts.channelId ?? IDS.channel;
    const author = user(opts.userId ?? IDS.user, undefined, opts.bot);
    const m = this.state.members.get(`${IDS.guild}:${author.id}`);
    const d = {
      id: this.nextId(),
      channel_id: channelId,
      guild_id: IDS.guild,
      author,
      member: { roles: m?.roles ?? [], joined_at: now(), deaf: false, mute: false, flags: 0 },
      content: opts.mention ? `<@${IDS.bot}> ${content}` : content,
      timestamp: now(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: opts.mention
        ? [
            {
              ...this.state.botUser,
              member: { roles: [IDS.botRole], joined_at: now(), deaf: false, mute: false, flags: 0 },
            },
          ]
        : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      channel_type: opts.channelType ?? this.state.channels.get(channelId)?.type ?? 0,
    };
    this.gateway.dispatch('MESSAGE_CREATE', d);
    return d;
  }
}
