import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Form, FormValues } from '../../chat/form.js';
import { clip } from '../../chat/labels.js';

/**
 * A form's modal custom_id: `dc:form:<ref>`, the core's reference to who opened it and where
 * (handler.openForm); its submission goes to handler.submit(ref).
 */
const PREFIX = 'dc:form:';
/** Discord's modal limits: 5 components, a 45-character title and label. */
const MODAL = { components: 5, title: 45, label: 45 } as const;
const ON = 'on';

export const formRefOf = (customId: string): string | undefined =>
  customId.startsWith(PREFIX) ? customId.slice(PREFIX.length) : undefined;

/** Whether Discord can show this form as one modal (at most 5 fields). */
export const fitsModal = (form: Form): boolean => form.fields.length <= MODAL.components;

/**
 * A core form (Reply.form) as a Discord modal: text and multiline fields as text inputs, a toggle as a
 * two-option select, each inside a Label (the field's label, its hint as the description).
 */
export function formModal(form: Form, ref: string): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(`${PREFIX}${ref}`).setTitle(clip(form.title, MODAL.title));
  for (const f of form.fields) {
    const label = new LabelBuilder().setLabel(clip(f.label, MODAL.label));
    if (f.hint) label.setDescription(clip(f.hint, 100));
    if (f.kind === 'toggle') {
      label.setStringSelectMenuComponent(
        new StringSelectMenuBuilder()
          .setCustomId(f.id)
          .setRequired(false)
          .addOptions({ label: 'Yes', value: ON }, { label: 'No', value: 'off', default: true }),
      );
    } else {
      const input = new TextInputBuilder()
        .setCustomId(f.id)
        .setStyle(f.kind === 'multiline' ? TextInputStyle.Paragraph : TextInputStyle.Short)
        .setRequired(!f.optional);
      if (f.placeholder) input.setPlaceholder(clip(f.placeholder, 100));
      if (f.maxLength) input.setMaxLength(Math.min(f.maxLength, 4000));
      label.setTextInputComponent(input);
    }
    modal.addLabelComponents(label);
  }
  return modal;
}

/** A submitted modal → the core's form values: text as strings (absent when empty), selects as booleans. */
export function formValues(i: ModalSubmitInteraction): FormValues {
  const values: FormValues = {};
  for (const [id, field] of i.fields.fields) {
    if ('values' in field && Array.isArray(field.values)) values[id] = field.values[0] === ON;
    else if ('value' in field && typeof field.value === 'string') values[id] = field.value.trim() || undefined;
  }
  return values;
}
