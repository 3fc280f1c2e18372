import type { ChatContext } from './context.js';
import type { Reply } from './reply.js';

/**
 * A platform-neutral form (Slack modal, Discord modal). A Reply carrying one asks the adapter to open it
 * where the platform can; elsewhere (the console) the Reply's own blocks say how to do the same by command.
 */
export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'multiline' | 'toggle';
  placeholder?: string | undefined;
  hint?: string | undefined;
  optional?: boolean | undefined;
  maxLength?: number | undefined;
}

export interface Form {
  /** Which feature form this is (the submit is routed by it): letters, digits, `-`. */
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

/** What a form submit carries: text fields as strings (absent when left empty), toggles as booleans. */
export type FormValues = Record<string, string | boolean | undefined>;

/**
 * A rejected submit names the field to fix (shown on the field); an accepted one says what happened; one
 * that cannot be honoured at all (a form Versus did not open for this person, or one too old) says so in
 * place of the form.
 */
export type FormOutcome =
  | { errors: Record<string, string> }
  /** `channelId`: where the submit acted (the form's origin), for the adapter to confirm there. */
  | { reply: Reply; channelId?: string | undefined }
  | { closed: string };

/** The error key for "which channel": a form opened outside a channel asks for one (Slack's channel picker). */
export const PLACE_FIELD = 'channel';

/** A feature's form: its id and what a submit does (validation with the same rules as its command). */
export interface FeatureForm {
  readonly id: string;
  submit(values: FormValues, ctx: ChatContext): Promise<FormOutcome>;
}
