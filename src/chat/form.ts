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

/** The error key for "which channel": a form opened outside a channel asks for one (Slack's channel picker). */
export const PLACE_FIELD = 'channel';
