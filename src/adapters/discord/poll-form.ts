import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { quoted } from './commands.js';

/** The modal's custom_id: the adapter answers its submission itself and turns it into a `poll` command. */
export const POLL_FORM_ID = 'dc:pollform';

const FIELD = { question: 'question', options: 'options', visibility: 'visibility', duration: 'duration' } as const;

/**
 * `/versus poll manage:new` opens this form (question, one option per line, anonymous or public, how
 * long). Its submission becomes the same command text as the slash options, so the core checks it with
 * the same zod rules and answers a mistake privately with the usage, as for a typed command.
 */
export function pollFormModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(POLL_FORM_ID)
    .setTitle('New poll')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Question')
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(FIELD.question).setStyle(TextInputStyle.Short).setMaxLength(250),
        ),
      new LabelBuilder()
        .setLabel('Options, one per line (2–10)')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(FIELD.options)
            .setStyle(TextInputStyle.Paragraph)
            .setMaxLength(800)
            .setPlaceholder('Go\nPython\nIt depends'),
        ),
      new LabelBuilder()
        .setLabel('Who sees the votes')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId(FIELD.visibility)
            .addOptions(
              { label: 'Anonymous: counts only', value: 'anonymous', default: true },
              { label: 'Public: names beside votes', value: 'public' },
            ),
        ),
      new LabelBuilder()
        .setLabel('Open for (e.g. 2h, 3d; default 24h)')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(FIELD.duration)
            .setStyle(TextInputStyle.Short)
            .setMaxLength(20)
            .setRequired(false),
        ),
    );
}

/** A submitted form → `poll "question" "A" "B" [public] [for 2h]`, for the core's own parser. */
export function pollFormText(i: ModalSubmitInteraction): string {
  const options = i.fields
    .getTextInputValue(FIELD.options)
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
  const duration = i.fields.getTextInputValue(FIELD.duration).trim();
  const visibility = i.fields.getStringSelectValues(FIELD.visibility)[0];
  return [
    'poll',
    quoted(i.fields.getTextInputValue(FIELD.question)),
    ...options.map(quoted),
    visibility === 'public' ? 'public' : '',
    duration ? `for ${duration}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
