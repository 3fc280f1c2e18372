import type { App, types, webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ChatContext } from '../../chat/context.js';
import { type Form, type FormValues, PLACE_FIELD } from '../../chat/form.js';
import type { VersusHandler } from '../../chat/handler.js';
import { clip } from '../../chat/labels.js';
import type { Logger } from '../../logger.js';
import { slackContext } from './context.js';
import { slackErrorCode } from './deliver.js';
import type { SlackDeps } from './deps.js';

const CALLBACK_PREFIX = 'vform:';
/** Slack's limits for a modal's title and button labels. */
const TITLE_CHARS = 24;

/** Opened outside a channel (App Home, the shortcut menu): the form gets a channel picker with this block id. */
export const CHANNEL_FIELD = 'versus_channel';
/** The view's private_metadata: only the reference the core keeps the form's origin under. */
const FormRef = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

const plainText = (text: string, max = 150) => ({ type: 'plain_text' as const, text: clip(text, max) });

/**
 * A Form as a Slack modal: one input block per field, block and action ids are the field ids. Its
 * private_metadata is the core's reference to who opened it and where (handler.openForm); a form opened
 * outside a channel (`pickChannel`) starts with a channel picker.
 */
export function modalView(form: Form, ref: string, pickChannel: boolean): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${CALLBACK_PREFIX}${form.id}`,
    title: plainText(form.title, TITLE_CHARS),
    submit: plainText(form.submitLabel, TITLE_CHARS),
    close: plainText('Cancel', TITLE_CHARS),
    private_metadata: ref,
    blocks: [
      ...(pickChannel ? [channelPicker()] : []),
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

/**
 * Opens the Reply's form with the click's or command's trigger_id, for the person and place in `ctx`
 * (channelId '' when opened outside a channel); false when Slack refused (then answer in text).
 */
export async function openForm(
  d: { client: webApi.WebClient; handler: VersusHandler; log: Logger },
  triggerId: string,
  form: Form,
  ctx: ChatContext,
): Promise<boolean> {
  const { client, handler, log } = d;
  try {
    const ref = await handler.openForm(form.id, ctx);
    await client.views.open({ trigger_id: triggerId, view: modalView(form, ref, !ctx.channelId) });
    return true;
  } catch (err) {
    log.warn({ form: form.id, error: slackErrorCode(err) }, 'slack: views.open failed');
    return false;
  }
}

/** Submits of Versus forms: field errors go back on the form (response_action errors); success closes it. */
export function attachForms(app: App, d: Pick<SlackDeps, 'handler' | 'out' | 'admins'>): void {
  app.view(
    { callback_id: new RegExp(`^${CALLBACK_PREFIX}`), type: 'view_submission' },
    async ({ ack, view, body, client, context }) => {
      const ref = FormRef.safeParse(view.private_metadata);
      const { [CHANNEL_FIELD]: picked, ...values } = formValues(
        view.state.values as Record<string, Record<string, StateValue>>,
      );
      // Who submits and in which team come from the payload; the place comes from what Versus kept when the
      // form opened (a picked channel counts only for a form opened outside a channel).
      const ctx = slackContext(
        {
          teamId: body.team?.id,
          channelId: typeof picked === 'string' ? picked : '',
          userId: body.user.id,
          userName: body.user.name,
        },
        d.admins,
      );
      const outcome = ref.success
        ? await d.handler.submit(ref.data, values, ctx)
        : { closed: (await d.handler.words(ctx)).formClosed };
      if ('closed' in outcome) {
        await ack({ response_action: 'update', view: closedView(outcome.closed) });
        return;
      }
      if ('errors' in outcome) {
        const { [PLACE_FIELD]: place, ...errors } = outcome.errors;
        await ack({ response_action: 'errors', errors: place ? { ...errors, [CHANNEL_FIELD]: place } : errors });
        return;
      }
      await ack();
      // Told in the channel the submit acted in (the form's origin, as Versus kept it), to the submitter only.
      const channel = outcome.channelId ?? ctx.channelId;
      await d.out.deliver(
        outcome.reply,
        { via: 'channel', client, channel, user: body.user.id, team: context.teamId },
        { what: 'form confirmation', channel },
      );
    },
  );
}

/** A form that cannot be submitted is replaced by a view saying so. */
function closedView(text: string): types.ModalView {
  return {
    type: 'modal',
    title: plainText('Versus', TITLE_CHARS),
    close: plainText('Close', TITLE_CHARS),
    blocks: [{ type: 'section', text: { type: 'plain_text', text } }],
  };
}
