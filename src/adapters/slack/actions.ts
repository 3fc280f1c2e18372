import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ChatContext } from '../../chat/context.js';
import type { ActionOutcome } from '../../chat/handler.js';
import type { AdminLookup } from '../../chat/manage.js';
import type { Reply } from '../../chat/reply.js';
import { answerBeforeDeadline } from '../shared/deadline.js';
import { pagesGoneReply } from '../shared/page-store.js';
import { slackContext } from './context.js';
import type { Target } from './deliver.js';
import type { SlackDeps } from './deps.js';
import { openForm } from './forms.js';
import { SlackPages } from './pages.js';
import { type DeferredKey, KEY_PROPERTY } from './receiver.js';

/** A click is acknowledged by then even if the handler is still waiting on Slack (e.g. an admin check). */
export const ACK_DEADLINE_MS = 2_000;

type ClickArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Where a click happened, read once from its payload. */
interface Click {
  actionId: string;
  channelId: string;
  where: { channelId: string; userId: string };
  threadTs: string | undefined;
  messageTs: string | undefined;
  /** The clicked message is private to the clicker. */
  ephemeral: boolean;
  ctx: ChatContext;
  ids: Record<string, unknown>;
}

function clickOf({ action, body }: ClickArgs, admins: AdminLookup): Click {
  // Bolt types the container loosely; these are the two fields Slack documents for a message container.
  const container = body.container as { is_ephemeral?: boolean; message_ts?: string };
  const threadTs = typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : undefined;
  const channelId = body.channel?.id ?? '';
  const messageTs = body.message?.ts ?? container.message_ts;
  const ctx = slackContext(
    {
      teamId: body.team?.id,
      channelId,
      userId: body.user.id,
      userName: body.user.username,
      threadTs,
      messageTs,
    },
    admins,
  );
  const ids = { requestId: body.trigger_id, channel: channelId, action: action.action_id };
  const where = { channelId, userId: body.user.id };
  return {
    actionId: action.action_id,
    channelId,
    where,
    threadTs,
    messageTs,
    ephemeral: !!container.is_ephemeral,
    ctx,
    ids,
  };
}

/** Versus sends only buttons in blocks, so block_actions is the only interaction it answers. */
export function attachActions(app: App, d: SlackDeps): void {
  app.action({ type: 'block_actions' }, (args) => onClick(args, d));
}

async function onClick(args: ClickArgs, d: SlackDeps): Promise<void> {
  const click = clickOf(args, d.admins);
  if (SlackPages.isPageAction(click.actionId)) return servePage(args, click, d);
  // A vote stores the request's replay key in its own transaction (receiver.ts left it to the vote).
  const key = args.context[KEY_PROPERTY] as DeferredKey | undefined;
  if (key) click.ctx.requestKey = { key: key.key, expiresAtMs: key.expiresAtMs };
  const arrived = Date.now();
  let held: number | undefined;
  // Record first, acknowledge second: an acknowledged vote is a stored vote, even if the process dies next.
  // When the database cannot commit it before the deadline, the click goes to the journal on disk first.
  const { value: outcome, late } = await answerBeforeDeadline(
    d.handler.action(click.actionId, click.ctx),
    ACK_DEADLINE_MS,
    async () => {
      held = hold(click, arrived, d);
      await args.ack();
    },
  );
  // A held click whose write failed stays held: the next start runs it again.
  if (held !== undefined && !outcome.failed) d.journal?.settle(held);
  if (outcome.replayed) return late ? undefined : key?.refuse();
  if (!late) await args.ack();
  if (args.body.view?.type === 'home') return showOnHome(args, click, outcome, d);
  showOnMessage(args, click, outcome, d);
}

/** A vote click about to be acknowledged before its commit, kept on disk; its number, or undefined. */
function hold(click: Click, arrived: number, d: SlackDeps): number | undefined {
  const requestKey = click.ctx.requestKey;
  if (!requestKey || !d.journal) return undefined;
  return d.journal.hold({
    actionId: click.actionId,
    ctx: { ...click.ctx, requestKey: { ...requestKey, heldAt: arrived } },
  });
}

/** A More button: the next page of a long reply, in place of the message, or "run it again" when gone. */
async function servePage({ ack, respond }: ClickArgs, click: Click, d: SlackDeps): Promise<void> {
  await ack();
  const page = await d.pages.page(click.actionId, click.where);
  if (page) await d.out.attempt('page', click.ids, () => respond({ ...page, replace_original: true }));
  else
    await d.out.deliver(
      pagesGoneReply(await d.handler.words(click.ctx)),
      { via: 'response_url', respond, where: click.where, replaceOriginal: false },
      { what: 'page', ...click.ids },
    );
}

/** A button on the Home tab: its result is the home itself, published again. */
async function showOnHome({ body, client }: ClickArgs, click: Click, outcome: ActionOutcome, d: SlackDeps) {
  const { update, reply } = outcome;
  // A form (New poll) must open now: the click's trigger_id lasts 3 seconds.
  if (reply?.form) await openForm({ client, ...d }, body.trigger_id, reply.form, { ...click.ctx, channelId: '' });
  const user = body.user.id;
  if (update)
    void d.answers.push(() =>
      d.out.deliver(update, { via: 'home', client, user }, { what: 'views.publish', userId: user }).then(),
    );
}

/** The click is stored and acknowledged; showing its result can wait behind other acknowledgements. */
function showOnMessage(
  { body, client, context, respond }: ClickArgs,
  click: Click,
  outcome: ActionOutcome,
  d: SlackDeps,
): void {
  // A live message (a channel walk) is redrawn by the core from the latest state; sending this
  // snapshot too could land after a newer edit and leave the message stale.
  const live = outcome.liveMessage && click.messageTs && !click.ephemeral;
  const update = live ? undefined : outcome.update;
  const { reply } = outcome;
  const { channelId, threadTs, messageTs, where, ids } = click;
  const user = body.user.id;
  // The reply goes into the click's channel: chat.postEphemeral when private.
  const sendReply =
    reply &&
    replySender(
      d,
      reply,
      { via: 'channel', client, channel: channelId, user, thread: threadTs, team: context.teamId },
      ids,
    );
  // Queued, not awaited: the request (its body, socket and Bolt context) is released once the click is
  // acknowledged, and a waiting confirmation keeps only what sending it needs. Awaiting it held every
  // request of a vote storm in memory until its confirmation went out. Shutdown drains the queue.
  if (!update) {
    // Private confirmations (a vote's) are independent, so one hung confirmation holds back no other, and
    // only the newest of one user's on one message is still sent if several wait (a storm of re-votes).
    if (sendReply) void d.answers.push(sendReply, undefined, `${user}:${channelId}:${messageTs}`);
    return;
  }
  // Edits of one message stay in click order even though answers run concurrently.
  void d.answers.push(async () => {
    // Only the message the click came from is edited, through the click's own response_url (Slack ties
    // it to that message, private or public). The container's channel and ts are just payload fields: a
    // forged click naming a live poll must not get chat.update to overwrite it.
    await d.out.deliver(
      update,
      { via: 'response_url', respond, where, replaceOriginal: true },
      { what: 'replace message', ...ids },
    );
    await sendReply?.();
  }, `${channelId}:${messageTs}`);
}

/**
 * Sends a click's reply; built apart from the click's handler so that a queued confirmation holds only
 * its target and words, not the click's request (Bolt's respond and body) while it waits.
 */
function replySender(d: SlackDeps, reply: Reply, target: Target, ids: Record<string, unknown>) {
  return async () => void (await d.out.deliver(reply, target, { what: 'answer click', ...ids }));
}
