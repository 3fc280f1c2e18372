import type { App, types, webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Form, FormValues } from '../../chat/form.js';
import type { VersusHandler } from '../../chat/handler.js';
import { clip } from '../../chat/labels.js';
import type { Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import { slackContext } from './context.js';
import type { SlackPages } from './pages.js';

const CALLBACK_PREFIX = 'vform:';
/** Slack's limits for a modal's title and button labels. */
const TITLE_CHARS = 24;

/** Where the form was opened: the submit acts there (kept in the view's private_metadata). */
const Origin = z.object({ team: z.string().optional(), channel: z.string().optional(), thread: z.string().optional() });
/** Opened outside a channel (App Home, the shortcut menu): the form gets a channel picker with this block id. */
export const CHANNEL_FIELD = 'versus_channel';
type Origin = z.infer<typeof Origin>;

const plainText = (text: string, max = 150) => ({ type: 'plain_text' as const, text: clip(text, max) });

/** A Form as a Slack modal: one input block per field, block and action ids are the field ids. */
export function modalView(form: Form, origin: Origin): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${CALLBACK_PREFIX}${form.id}`,
    title: plainText(form.title, TITLE_CHARS),
    submit: plainText(form.submitLabel, TITLE_CHARS),
    close: plainText('Cancel', TITLE_CHARS),
    private_metadata: JSON.stringify(origin),
    blocks: [
      ...(origin.channel ? [] : [channelPicker()]),
      ...form.fields.map(
        (f): types.InputBlock => ({
          type: 'input',
          block_id: f.id,
          optional: f.optional ?? false,
          label: plainText(f.label, 2000),
          ...(f.hint ? { hint: plainText(f.hint, 2000) } : {}),
          element:
            f.kind === 'toggle'
              ? { type: 'checkboxes', action_id: f.id, options: [{ text: plainText('Yes'), value: 'yes' }] }
              : {
                  type: 'plain_text_input',
                  action_id: f.id,
                  multiline: f.kind === 'multiline',
                  ...(f.maxLength ? { max_length: f.maxLength } : {}),
                  ...(f.placeholder ? { placeholder: plainText(f.placeholder) } : {}),
                },
        }),
      ),
    ],
  };
}

function channelPicker(): types.InputBlock {
  return {
    type: 'input',
    block_id: CHANNEL_FIELD,
    label: plainText('Channel'),
    element: {
      type: 'conversations_select',
      action_id: CHANNEL_FIELD,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    },
  };
}

type StateValue = {
  type: string;
  value?: string | null;
  selected_options?: unknown[];
  selected_conversation?: string | null;
};

/** view.state.values → the form's values: text inputs as strings (empty → absent), checkboxes as booleans. */
export function formValues(state: Record<string, Record<string, StateValue>>): FormValues {
  const out: FormValues = {};
  for (const [blockId, actions] of Object.entries(state)) {
    const v = Object.values(actions)[0];
    if (!v) continue;
    out[blockId] =
      v.type === 'checkboxes'
        ? (v.selected_options?.length ?? 0) > 0
        : v.type === 'conversations_select'
          ? (v.selected_conversation ?? undefined)
          : (v.value ?? undefined);
  }
  return out;
}

/** Opens the Reply's form with the command's trigger_id; false when Slack refused (then answer in text). */
export async function openForm(
  client: webApi.WebClient,
  triggerId: string,
  form: Form,
  origin: Origin,
  log: Logger,
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view: modalView(form, origin) });
    return true;
  } catch (err) {
    const e = err as { data?: { error?: string }; message?: string };
    log.warn({ form: form.id, error: e.data?.error ?? e.message }, 'slack: views.open failed');
    return false;
  }
}

/** Submits of Versus forms: field errors go back on the form (response_action errors); success closes it. */
export function attachForms(app: App, d: { handler: VersusHandler; pages: SlackPages; log: Logger }): void {
  app.view(
    { callback_id: new RegExp(`^${CALLBACK_PREFIX}`), type: 'view_submission' },
    async ({ ack, view, body, client }) => {
      let origin: Origin;
      try {
        origin = Origin.parse(JSON.parse(view.private_metadata || '{}'));
      } catch {
        await ack({ response_action: 'errors', errors: {} });
        return;
      }
      const { [CHANNEL_FIELD]: picked, ...values } = formValues(
        view.state.values as Record<string, Record<string, StateValue>>,
      );
      const channelId = origin.channel ?? (typeof picked === 'string' ? picked : undefined);
      if (!channelId) {
        await ack({ response_action: 'errors', errors: { [CHANNEL_FIELD]: 'Pick a channel.' } });
        return;
      }
      const ctx = slackContext({
        teamId: origin.team ?? body.team?.id,
        channelId,
        userId: body.user.id,
        userName: body.user.name,
        threadTs: origin.thread,
      });
      const outcome = await d.handler.submit(view.callback_id.slice(CALLBACK_PREFIX.length), values, ctx);
      if ('errors' in outcome) {
        await ack({ response_action: 'errors', errors: outcome.errors });
        return;
      }
      await ack();
      await tell(client, d, outcome.reply, ctx.channelId, body.user.id);
    },
  );
}

/** The submit's confirmation, to the user only, in the channel the form was opened from. */
async function tell(
  client: webApi.WebClient,
  d: { pages: SlackPages; log: Logger },
  reply: Reply,
  channel: string,
  user: string,
): Promise<void> {
  try {
    const msg = d.pages.render(reply);
    if (reply.visibility === 'ephemeral') await client.chat.postEphemeral({ channel, user, ...msg });
    else await client.chat.postMessage({ channel, ...msg });
  } catch (err) {
    d.log.warn({ err: (err as Error).message, channel }, 'slack: form confirmation failed');
  }
}
