import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import type { PageScope } from '../shared/page-store.js';
import { homeView } from './home-view.js';
import type { SlackPages } from './pages.js';
import type { WebApiPoster } from './web-api-post.js';

/** Where a reply goes out of the adapter. */
export type Target =
  /** Through a request's response_url (a command, a click): private or in the channel, by the reply. */
  | { via: 'response_url'; respond: RespondFn; where: PageScope; replaceOriginal?: boolean }
  /**
   * Into a channel (or one of its threads): chat.postEphemeral to `user` when private, else chat.postMessage;
   * `team` is the request's workspace, sent as team_id as the request's WebClient does.
   */
  | {
      via: 'channel';
      client: webApi.WebClient;
      channel: string;
      user: string;
      thread?: string | undefined;
      team?: string | undefined;
    }
  /** As the user's Home tab (views.publish). */
  | { via: 'home'; client: webApi.WebClient; user: string };

/** A Web API or response_url failure as one short code: Slack's `error` field, else the HTTP client's code or message. */
export function slackErrorCode(err: unknown): string {
  const e = err as { code?: string; data?: { error?: string }; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(err);
}

/**
 * The one way out of the Slack adapter: renders a reply for its target, posts it, and turns a failure into
 * a log line naming what was attempted (never an exception into Bolt, which would log a stack). Every
 * failure is counted, so shutdown can say how many answers went unsent.
 */
export class Delivery {
  private failures = 0;

  constructor(
    private readonly pages: SlackPages,
    private readonly log: Logger,
    /** Told of each failure too (the errors metric). */
    private readonly onFailure: () => void = () => {},
    /** Sends private replies in a channel (chat.postEphemeral) at a fraction of the WebClient's cost. */
    private readonly poster?: WebApiPoster | undefined,
  ) {}

  /** How many deliveries have failed so far. */
  get failed(): number {
    return this.failures;
  }

  /** True when the reply went out; `what` names it in the log line of a failure, with the request's ids. */
  deliver(
    reply: Reply,
    target: Target,
    { what, ...ids }: { what: string } & Record<string, unknown>,
  ): Promise<boolean> {
    return this.attempt(what, ids, () => this.post(reply, target));
  }

  /** Runs one outgoing call; a failure is logged with `what` and `ids`, counted, and reported as false. */
  async attempt(what: string, ids: Record<string, unknown>, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (err) {
      this.failures++;
      this.onFailure();
      this.log.warn({ ...ids, error: slackErrorCode(err) }, `slack: ${what} failed`);
      return false;
    }
  }

  private async post(reply: Reply, t: Target): Promise<void> {
    if (t.via === 'home') {
      await t.client.views.publish({ user_id: t.user, view: homeView(reply) });
      return;
    }
    if (t.via === 'response_url') {
      const msg = this.pages.render(reply, t.where);
      const type = reply.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel';
      const replace = t.replaceOriginal === undefined ? {} : { replace_original: t.replaceOriginal };
      await t.respond({ ...msg, response_type: type, ...replace });
      return;
    }
    const msg = this.pages.render(reply, { channelId: t.channel, userId: t.user });
    const thread = t.thread ? { thread_ts: t.thread } : {};
    if (reply.visibility === 'ephemeral') {
      const args = { channel: t.channel, user: t.user, ...thread, ...msg };
      if (!this.poster) await t.client.chat.postEphemeral(args);
      else {
        const team = t.team ? { team_id: t.team } : {};
        await this.poster.call(t.client.slackApiUrl, 'chat.postEphemeral', t.client.token, { ...team, ...args });
      }
    } else await t.client.chat.postMessage({ channel: t.channel, ...thread, unfurl_links: false, ...msg });
  }
}
