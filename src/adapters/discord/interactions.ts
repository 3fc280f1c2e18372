import {
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { VersusHandler } from '../../chat/handler.js';
import type { AdminLookup } from '../../chat/manage.js';
import { ephemeral, type Reply } from '../../chat/reply.js';
import { en } from '../../chat/strings-en.js';
import type { Logger } from '../../logger.js';
import { answerBeforeDeadline } from '../shared/deadline.js';
import { pagesGoneReply } from '../shared/page-store.js';
import { autocompleteOption, interactionText } from './commands.js';
import { parsePageButtonId } from './components.js';
import { interactionContext } from './context.js';
import { fitsModal, formModal, formRefOf, formValues } from './forms.js';
import { COMMAND } from './limits.js';
import type { DiscordPages } from './pages.js';

export interface InteractionDeps {
  handler: VersusHandler;
  pages: DiscordPages;
  log: Logger;
  /** Asked, through each event's context, about admin rights the event does not state (another channel). */
  admins: AdminLookup;
  /** Discord wants an answer within 3 s; past this we defer and edit later. */
  deferAfterMs: number;
}

const NO_PINGS = { parse: [] } as const;

/** Where an interaction's answer is shown, and to whom: its later pages are served only there. */
const here = (i: BaseInteraction) => ({ channelId: i.channelId ?? '', userId: i.user.id });
const EPHEMERAL = { flags: MessageFlags.Ephemeral } as const;

/** The payload shown only to the user: Ephemeral added to its flags, never replacing IS_COMPONENTS_V2. */
const privately = <P extends { flags: number }>(p: P) => ({
  ...p,
  flags: p.flags | MessageFlags.Ephemeral,
});

/** Discord's side of the shared deadline: past `ms`, the interaction is deferred and edited later. */
export async function withDeferral<T>(
  work: Promise<T>,
  ms: number,
  defer: () => Promise<unknown>,
): Promise<{ value: T; deferred: boolean }> {
  const { value, late } = await answerBeforeDeadline(work, ms, defer);
  return { value, deferred: late };
}

/** `/versus …` → handler.command(text) → reply, or defer + edit when the core is slow. */
export async function onChatInput(i: ChatInputCommandInteraction, d: InteractionDeps): Promise<void> {
  const text = interactionText(i);
  if (text === undefined) {
    d.log.warn({ command: i.commandName }, 'discord: a command that is not ours; re-run npm run discord:register');
    return;
  }
  if (!(await d.handler.firstDelivery('discord', i.id))) return;
  const ctx = interactionContext(i, d.admins);
  // The deferral shows before the answer exists, so it takes the visibility the core decides up front
  // (asked alongside the answer, so it is known by then; if that fails, the answer's own error follows).
  const shown = d.handler.visibility(text, ctx).catch(() => 'channel' as const);
  const deferral = { private: false };
  const { value: reply, deferred } = await withDeferral(d.handler.command(text, ctx), d.deferAfterMs, async () => {
    deferral.private = (await shown) === 'ephemeral';
    return i.deferReply(deferral.private ? EPHEMERAL : {});
  });
  // A form opens as a modal, which must be the first answer (not after a deferral); otherwise the reply's
  // own text says how to do the same by command.
  if (reply.form && !deferred && fitsModal(reply.form)) {
    await i.showModal(formModal(reply.form, await d.handler.openForm(reply.form.id, ctx)));
    return;
  }
  const isPrivate = reply.visibility === 'ephemeral';
  const payload = { ...d.pages.render(reply, here(i)), allowedMentions: NO_PINGS };
  if (!deferred) {
    await i.reply(isPrivate ? privately(payload) : payload);
  } else if (isPrivate && !deferral.private) {
    // A public "thinking…" cannot become private (a usage error in a public command): remove it and answer
    // privately instead.
    await i.deleteReply();
    await i.followUp(privately(payload));
  } else {
    // Same visibility, or a private deferral for a reply the feature declared private that came out public
    // (it stays private).
    await i.editReply(payload);
  }
}

/** A form's submission → handler.submit(); field errors come back privately, one line per field. */
export async function onModalSubmit(i: ModalSubmitInteraction, d: InteractionDeps): Promise<void> {
  const ref = formRefOf(i.customId);
  if (!ref || !(await d.handler.firstDelivery('discord', i.id))) return;
  const outcome = await d.handler.submit(ref, formValues(i), interactionContext(i, d.admins));
  const reply =
    'reply' in outcome
      ? outcome.reply
      : ephemeral(
          'closed' in outcome
            ? outcome.closed
            : `Not quite: ${Object.entries(outcome.errors)
                .map(([field, message]) => `${field}: ${message}`)
                .join('; ')}`,
        );
  const payload = { ...d.pages.render(reply, here(i)), allowedMentions: NO_PINGS };
  await i.reply(reply.visibility === 'ephemeral' ? privately(payload) : payload);
}

/** Topic suggestions while the user types `/versus compare topic:`. Autocomplete cannot be deferred. */
export async function onAutocomplete(i: AutocompleteInteraction, d: InteractionDeps): Promise<void> {
  const focused = i.options.getFocused(true);
  const option = autocompleteOption(i.options.getSubcommand(false), focused.name);
  const values = option ? await d.handler.autocomplete(option, String(focused.value)) : [];
  // A choice value must round-trip exactly, so over-long ones are skipped rather than cut.
  const choices = values.filter((v) => v.length > 0 && v.length <= COMMAND.choiceLength).slice(0, COMMAND.choices);
  await i.respond(choices.map((v) => ({ name: v, value: v })));
}

/** A button: our own page buttons are served from the page store; all others go to handler.action(). */
export async function onButton(i: ButtonInteraction, d: InteractionDeps): Promise<void> {
  const page = parsePageButtonId(i.customId);
  if (page) {
    const payload = await d.pages.page(page.key, page.page, here(i));
    if (payload) await i.update(payload);
    else {
      const words = await d.handler.words(interactionContext(i, d.admins));
      await i.reply(privately(d.pages.render(pagesGoneReply(words), here(i))));
    }
    return;
  }
  if (!(await d.handler.firstDelivery('discord', i.id))) return;
  const ctx = { ...interactionContext(i, d.admins), messageId: i.message.id };
  const { value: outcome, deferred } = await withDeferral(d.handler.action(i.customId, ctx), d.deferAfterMs, () =>
    i.deferUpdate(),
  );
  if (outcome.update) {
    const payload = { ...d.pages.render(outcome.update, here(i)), allowedMentions: NO_PINGS };
    if (deferred) await i.editReply(payload);
    else await i.update(payload);
  }
  if (outcome.reply) await replyOrFollowUp(i, outcome.reply, d);
  // Nothing to show: acknowledge so the client stops its spinner.
  if (!outcome.update && !outcome.reply && !deferred) await i.deferUpdate();
}

async function replyOrFollowUp(i: ButtonInteraction, reply: Reply, d: InteractionDeps): Promise<void> {
  const rendered = { ...d.pages.render(reply, here(i)), allowedMentions: NO_PINGS };
  const payload = reply.visibility === 'ephemeral' ? privately(rendered) : rendered;
  if (i.deferred || i.replied) await i.followUp(payload);
  else await i.reply(payload);
}

/** After a failure, tell the user something rather than leaving "This interaction failed". Never throws. */
export async function apologize(i: ChatInputCommandInteraction | ButtonInteraction, d: InteractionDeps): Promise<void> {
  try {
    // The apology is in the place's language; if even that cannot be read, in English.
    const words = await d.handler.words(interactionContext(i, d.admins)).catch(() => en.platform);
    const payload = d.pages.render(ephemeral(words.apology), here(i));
    if (i.deferred || i.replied) await i.followUp(privately(payload));
    else await i.reply(privately(payload));
  } catch (err) {
    d.log.debug({ err, interaction: i.id }, 'discord: could not tell the user about the failure');
  }
}
