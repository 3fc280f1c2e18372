import type { AnswerVisibility, ChatContext } from '../chat/context.js';
import type { ChannelLocaleSource, ChannelRow } from '../chat/locales.js';
import type { Visibility } from '../chat/reply.js';
import type { Clock } from '../clock.js';
import type { Locale } from '../locale.js';
import { Prepared } from '../store/prepared.js';
import type { SharedDb } from '../store/shared-db.js';

type Where = Pick<ChatContext, 'platform' | 'workspaceId' | 'channelId'>;
type Change = { answers: AnswerVisibility } | { locale: Locale | null };

/** Per-channel settings in the shared store. A channel nobody configured gets the defaults (answers private). */
export class ChannelSettings implements ChannelLocaleSource {
  // Read on every request (the router reads the channel's language): built and compiled once.
  private readonly byChannel = new Prepared<
    { platform: Where['platform']; workspace: string; channel: string },
    { answers: AnswerVisibility; locale: string | null }
  >((arg) =>
    this.shared.db
      .selectFrom('channel_settings')
      .select(['answers', 'locale'])
      .where('platform', '=', arg('platform'))
      .where('workspace_id', '=', arg('workspace'))
      .where('channel_id', '=', arg('channel')),
  );

  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  async answers(w: Where): Promise<AnswerVisibility> {
    return (await this.row(w))?.answers ?? 'private';
  }

  /** The channel's language tag as an admin set it; undefined when none is (chat/locales.ts resolves). */
  async channelLocale(w: Where): Promise<string | undefined> {
    return (await this.row(w))?.locale ?? undefined;
  }

  /** Both settings in one read: the router reads them once per request (Locales.localised). */
  async channelRow(w: Where): Promise<ChannelRow> {
    const r = await this.row(w);
    return { locale: r?.locale ?? undefined, answers: r?.answers ?? 'private' };
  }

  /**
   * Where a command's answer is shown in this channel: what ask, compare and verdict declare up front. A
   * request's context already holds it (read with the channel's language); anything else reads it.
   */
  async shownIn(w: Where & Pick<ChatContext, 'channelAnswers'>): Promise<Visibility> {
    return (w.channelAnswers ?? (await this.answers(w))) === 'private' ? 'ephemeral' : 'channel';
  }

  setAnswers(w: Where & { userId: string }, value: AnswerVisibility): Promise<void> {
    return this.set(w, { answers: value });
  }

  /** null: back to the platform's language (or VERSUS_LOCALE). */
  setLocale(w: Where & { userId: string }, locale: Locale | null): Promise<void> {
    return this.set(w, { locale });
  }

  private async row(w: Where) {
    const q = { platform: w.platform, workspace: w.workspaceId, channel: w.channelId };
    return (await this.byChannel.run(this.shared.db, q)).rows[0];
  }

  /** One setting changed; the channel's others keep their values (or their defaults on a first change). */
  private async set(w: Where & { userId: string }, change: Change): Promise<void> {
    const row = { ...change, updated_by: w.userId, updated_at: this.clock.now().toISOString() };
    await this.shared.db
      .insertInto('channel_settings')
      .values({ platform: w.platform, workspace_id: w.workspaceId, channel_id: w.channelId, ...row })
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'channel_id']).doUpdateSet(row))
      .execute();
  }
}
